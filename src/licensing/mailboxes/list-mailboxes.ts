import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type NonUserMailboxKind, nonUserMailboxes, products, workspaces } from "../../db/schema/index.ts";
import { type Clock, daysUntil } from "../clock.ts";

export interface MailboxListing {
  id: string;
  address: string;
  kind: NonUserMailboxKind;
  sizeMb: number;
  quotaMb: number;
  overQuota: boolean;
  licensedWith: { key: string; name: string } | null;
  lockAt: Date | null;
  /** Whole days until the lock; null when no lock is coming. */
  daysToLock: number | null;
  locked: boolean;
}

/** Every resource, room and shared mailbox with its size, quota, license and days to lock. */
export async function listMailboxes(
  db: Database,
  clock: Clock,
  input: { workspaceId: string },
): Promise<MailboxListing[]> {
  const now = clock.now();
  const rows = await db
    .select({
      mailbox: nonUserMailboxes,
      workspaceQuota: workspaces.nonUserMailboxQuotaMb,
      productKey: products.key,
      productName: products.name,
    })
    .from(nonUserMailboxes)
    .innerJoin(workspaces, eq(workspaces.id, nonUserMailboxes.workspaceId))
    .leftJoin(products, eq(products.id, nonUserMailboxes.licensedProductId))
    .where(eq(nonUserMailboxes.workspaceId, input.workspaceId))
    .orderBy(asc(nonUserMailboxes.lockAt), asc(nonUserMailboxes.address));
  return rows.map(({ mailbox: m, workspaceQuota, productKey, productName }) => {
    const quotaMb = m.quotaMb ?? workspaceQuota;
    return {
      id: m.id,
      address: m.address,
      kind: m.kind,
      sizeMb: m.sizeMb,
      quotaMb,
      overQuota: m.sizeMb > quotaMb,
      licensedWith: productKey && productName ? { key: productKey, name: productName } : null,
      lockAt: m.lockAt,
      daysToLock: m.lockAt && !m.lockedAt ? daysUntil(now, m.lockAt) : null,
      locked: m.lockedAt !== null,
    };
  });
}

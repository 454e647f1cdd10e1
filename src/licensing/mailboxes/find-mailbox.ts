import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type NonUserMailboxKind, nonUserMailboxes, workspaces } from "../../db/schema/index.ts";
import { isUuid } from "../outcome.ts";

export interface MailboxSummary {
  id: string;
  address: string;
  kind: NonUserMailboxKind;
  sizeMb: number;
  quotaMb: number;
  licensed: boolean;
}

/** One mailbox of the workspace by id (ids arrive from buttons), or null. */
export async function findMailbox(
  db: Database,
  input: { workspaceId: string; mailboxId: string },
): Promise<MailboxSummary | null> {
  if (!isUuid(input.mailboxId)) return null;
  const [row] = await db
    .select({ mailbox: nonUserMailboxes, workspaceQuota: workspaces.nonUserMailboxQuotaMb })
    .from(nonUserMailboxes)
    .innerJoin(workspaces, eq(workspaces.id, nonUserMailboxes.workspaceId))
    .where(
      and(eq(nonUserMailboxes.workspaceId, input.workspaceId), eq(nonUserMailboxes.id, input.mailboxId)),
    );
  if (!row) return null;
  const m = row.mailbox;
  return {
    id: m.id,
    address: m.address,
    kind: m.kind,
    sizeMb: m.sizeMb,
    quotaMb: m.quotaMb ?? row.workspaceQuota,
    licensed: m.licensedProductId !== null,
  };
}

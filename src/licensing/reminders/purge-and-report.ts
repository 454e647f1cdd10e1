import { inArray } from "drizzle-orm";
import { people, products } from "../../db/schema/index.ts";
import { systemActor } from "../actor.ts";
import { tellAdmins } from "../outbox/recipients.ts";
import type { Tx } from "../outcome.ts";
import { purgeWindowsInTransaction } from "../purge-expired-windows.ts";

/** Deletes for good the data of windows past their date (rule 6); the admins get one summary. */
export async function purgeAndReport(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
): Promise<number> {
  const purged = await purgeWindowsInTransaction(tx, now, systemActor("job"), {
    workspaceId: input.workspaceId,
  });
  if (purged.length === 0) return 0;
  const [names, productNames] = await Promise.all([
    tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.id, [...new Set(purged.map((w) => w.personId))])),
    tx
      .select({ id: products.id, name: products.name })
      .from(products)
      .where(inArray(products.id, [...new Set(purged.map((w) => w.productId))])),
  ]);
  const personName = new Map(names.map((p) => [p.id, p.name]));
  const productName = new Map(productNames.map((p) => [p.id, p.name]));
  const items = purged.map((w) => ({
    person: personName.get(w.personId) ?? "",
    product: productName.get(w.productId) ?? "",
    purgeAt: w.purgeAt.toISOString(),
  }));
  await tellAdmins(tx, now, input, { kind: "windows_purged", items });
  return purged.length;
}

import { eq, sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { assignments, products } from "../src/db/schema/index.ts";
import { type Actor, isSystemActor } from "../src/licensing/actor.ts";
import { importCatalog } from "../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../src/licensing/clock.ts";
import { ensureWorkspace } from "../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";

/** `count` products of `seats` seats each, every other one with a service that some locations do not get. */
export function benchCatalog(count: number, seats: number) {
  return {
    products: Array.from({ length: count }, (_, i) => ({
      key: `bench-${String(i).padStart(2, "0")}`,
      name: `Bench product ${i}`,
      purchasedSeats: seats,
      plans: [
        {
          key: "exchange",
          name: "Exchange Online",
          kind: "mailbox",
          dataDescription: "Mailbox and its mail",
        },
        ...(i % 2 === 0
          ? [
              {
                key: "lync",
                name: "Lync Online",
                kind: "meetings",
                dataDescription: "Online meetings and settings",
                unavailableLocations: ["CN", "CU", "IR", "KP", "SY"],
              },
            ]
          : []),
      ],
    })),
  };
}

/** The bench workspace with its catalog of `count` products; returns the products in key order. */
export async function seedWorkspace(
  db: Database,
  options: { workspaceId: string; count: number; seats: number; actor: Actor },
): Promise<{ id: string; key: string }[]> {
  const { workspaceId, count, seats, actor } = options;
  await ensureWorkspace(db, { id: workspaceId, name: "Bench workspace", defaultUsageLocation: "SE" });
  await addBenchAdmin(db, workspaceId, actor);
  const imported = await importCatalog(db, systemClock, {
    workspaceId,
    catalog: benchCatalog(count, seats),
    actor,
  });
  if (!imported.ok) throw new Error(`bench catalog not imported: ${JSON.stringify(imported)}`);
  return db
    .select({ id: products.id, key: products.key })
    .from(products)
    .where(eq(products.workspaceId, workspaceId))
    .orderBy(products.key);
}

/**
 * The person the bench acts as, an admin of the workspace: every use case reads rule 10 from the
 * directory in its own transaction, so the bench measures that read too.
 */
export async function addBenchAdmin(db: Database, workspaceId: string, actor: Actor): Promise<void> {
  if (isSystemActor(actor)) return;
  await upsertPeople(db, {
    workspaceId,
    people: [{ slackUserId: actor.userId, name: "Bench admin", isSlackAdmin: true }],
  });
}

/** Assignments in the database and seats taken over all products, for the after-run check. */
export async function countAssignmentsAndSeats(
  db: Database,
): Promise<{ assignments: number; seats: number } | undefined> {
  const [check] = await db
    .select({
      assignments: sql<number>`(select count(*)::int from ${assignments})`,
      seats: sql<number>`coalesce(sum(${products.assignedSeats}), 0)::int`,
    })
    .from(products);
  return check;
}

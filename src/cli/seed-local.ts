import { eq } from "drizzle-orm";
import exampleCatalog from "../../db/seed/catalog.example.json" with { type: "json" };
import type { Database } from "../db/client.ts";
import { products } from "../db/schema/index.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { systemActor } from "../licensing/actor.ts";
import { importCatalog } from "../licensing/catalog/import-catalog.ts";
import type { Clock } from "../licensing/clock.ts";
import { ensureWorkspace } from "../licensing/directory/ensure-workspace.ts";

/** The local workspace exists, with the example catalog when it has no products yet. */
export function seedLocalWorkspace(db: Database, clock: Clock, workspaceId: string): Promise<boolean> {
  return withinWorkspace(workspaceId, () => seed(db, clock, workspaceId));
}

async function seed(db: Database, clock: Clock, workspaceId: string): Promise<boolean> {
  await ensureWorkspace(db, { id: workspaceId, name: "Local workspace", defaultUsageLocation: "SE" });
  const [any] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.workspaceId, workspaceId))
    .limit(1);
  if (any) return false;
  // Part of the build, like the code: the console needs no file beside it.
  const result = await importCatalog(db, clock, {
    workspaceId,
    catalog: exampleCatalog,
    actor: systemActor("cli"),
  });
  if (!result.ok) throw new Error(`the example catalog was not imported: ${JSON.stringify(result)}`);
  return true;
}

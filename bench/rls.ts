/**
 * What tenant isolation in the database costs: one connection assigns licenses one after another,
 * in batches that alternate between the app's way (in the workspace's scope, as the tenant role,
 * under the row-level security policies) and the tables' owner (a superuser here, which the
 * policies do not bind). `npm run bench:rls`. BENCH_RLS_BATCH sets the assigns per batch,
 * BENCH_RLS_ROUNDS the pairs of batches, BENCH_DATABASE_URL (or DATABASE_URL) the local server.
 * The last line printed is one JSON object for scripts.
 */
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { asTableOwner, withinWorkspace } from "../src/db/workspace-scope.ts";
import type { Actor } from "../src/licensing/actor.ts";
import { assignProduct } from "../src/licensing/assign-product.ts";
import { systemClock } from "../src/licensing/clock.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { seedWorkspace } from "./seed.ts";
import { describeServer, readSettings, runMain, withScratchDatabase } from "./support.ts";

const WORKSPACE_ID = "TBENCHRLS";
const PRODUCTS = 20;
const WARMUP = 200;
const actor: Actor = { userId: "UBENCH", source: "cli", requestId: "bench-rls" };

type Scope = (work: () => Promise<void>) => Promise<void>;

runMain(async () => {
  const settings = readSettings(process.env);
  const batch = Number(process.env.BENCH_RLS_BATCH || 500);
  const rounds = Number(process.env.BENCH_RLS_ROUNDS || 6);
  console.log(
    `rls bench on ${describeServer(settings.serverUrl)}: ${rounds} rounds of ${batch} assigns each way`,
  );
  let handle: DatabaseHandle | undefined;
  let summary: Record<string, unknown> = {};
  const code = await withScratchDatabase(
    settings.serverUrl,
    async (scratch) => {
      const target: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: 1 };
      handle = await openDatabase(target);
      await migrateDatabase(handle, target);
      const db = handle.db;
      const inWorkspace: Scope = (work) => withinWorkspace(WORKSPACE_ID, work);
      const { products, people } = await withinWorkspace(WORKSPACE_ID, async () => {
        const seeded = await seedWorkspace(db, {
          workspaceId: WORKSPACE_ID,
          count: PRODUCTS,
          seats: 1e6,
          actor,
        });
        const needed = 2 * WARMUP + 2 * rounds * batch;
        const rows = await upsertPeople(db, {
          workspaceId: WORKSPACE_ID,
          people: Array.from({ length: needed }, (_, i) => ({
            slackUserId: `UR${i}`,
            name: `Bench person ${i}`,
            usageLocation: "SE",
          })),
        });
        return { products: seeded.map((p) => p.id), people: rows.map((r) => r.id) };
      });
      let next = 0;
      const timed = async (scope: Scope, count: number): Promise<number> => {
        const started = performance.now();
        await scope(async () => {
          for (let i = 0; i < count; i++) {
            const n = next++;
            const outcome = await assignProduct(db, systemClock, {
              workspaceId: WORKSPACE_ID,
              personId: people[n] as string,
              productId: products[n % PRODUCTS] as string,
              actor,
            });
            if (!outcome.ok) throw new Error(`assignProduct refused: ${outcome.code}`);
          }
        });
        return (performance.now() - started) / count;
      };
      await timed(inWorkspace, WARMUP);
      await timed(asTableOwner, WARMUP);
      const scoped: number[] = [];
      const owner: number[] = [];
      for (let round = 0; round < rounds; round++) {
        scoped.push(await timed(inWorkspace, batch));
        owner.push(await timed(asTableOwner, batch));
        console.log(
          `round ${round + 1}: in the workspace ${scoped.at(-1)?.toFixed(3)} ms, as the owner ${owner.at(-1)?.toFixed(3)} ms`,
        );
      }
      const scopedMs = median(scoped);
      const ownerMs = median(owner);
      summary = {
        bench: "rls",
        assign_in_workspace_ms: round3(scopedMs),
        assign_as_owner_ms: round3(ownerMs),
        policy_overhead: round3(scopedMs / ownerMs - 1),
      };
    },
    async () => {
      await handle?.close();
    },
  );
  if (code === 0) console.log(JSON.stringify(summary));
  return code;
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

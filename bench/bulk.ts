/**
 * A replace-mode bulk change over 10,000 people and 3 products on Postgres, against the same
 * run's raw INSERT … SELECT of 10,000 rows into the assignments table itself (with its indexes
 * and foreign keys, rolled back afterwards): `npm run bench:bulk`.
 * BENCH_ROUNDS sets the rounds (median reported), BENCH_DATABASE_URL (or DATABASE_URL) the local
 * server. The last line printed is one JSON object for scripts.
 */
import { sql, TransactionRollbackError } from "drizzle-orm";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { asTableOwner } from "../src/db/workspace-scope.ts";
import type { Actor } from "../src/licensing/actor.ts";
import { applyBulkChange } from "../src/licensing/bulk/apply-bulk-change.ts";
import { importCatalog } from "../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../src/licensing/clock.ts";
import { ensureWorkspace } from "../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { addBenchAdmin } from "./seed.ts";
import { createScratchDatabase, describeServer, readSettings, round } from "./support.ts";

const PEOPLE = 10_000;
const CHUNK = 5000;
const actor: Actor = { userId: "UBENCH", source: "cli" };
const plan = (key: string, kind: string, dataSurvivesRemoval = false) => ({
  key,
  name: key,
  kind,
  dataDescription: key,
  dataSurvivesRemoval,
});
/** Three target products as the help page has them, and one that the replace takes away. */
const catalog = {
  products: [
    {
      key: "office",
      name: "Office",
      purchasedSeats: 50_000,
      plans: [plan("exchange", "mailbox"), plan("sharepoint", "team_site", true)],
    },
    { key: "lync", name: "Lync", purchasedSeats: 50_000, plans: [plan("lync", "meetings")] },
    {
      key: "apps",
      name: "Apps",
      purchasedSeats: 50_000,
      plans: [{ ...plan("apps", "office_apps"), installLimit: 5 }],
    },
    { key: "old", name: "Old", purchasedSeats: 50_000, plans: [plan("old-mail", "mailbox")] },
    { key: "spare", name: "Spare", purchasedSeats: 50_000, plans: [plan("spare", "meetings")] },
  ],
};

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const rounds = Number(process.env.BENCH_ROUNDS || 5);
  console.log(
    `bulk bench on ${describeServer(settings.serverUrl)}: ${PEOPLE.toLocaleString("en")} people, ${rounds} rounds`,
  );
  const scratch = await createScratchDatabase(settings.serverUrl);
  let handle: DatabaseHandle | undefined;
  try {
    const target: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: 2 };
    handle = await openDatabase(target, { unscoped: "all-workspaces" });
    await migrateDatabase(handle, target);
    const db = handle.db;
    await asTableOwner(() =>
      db.execute(sql`create table raw_assignments (like assignments including defaults including indexes)`),
    );
    const bulkMs: number[] = [];
    const rawMs: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const { workspaceId, people, ids } = await seedRound(handle, round);
      // Starting state: half hold office, the other half hold the product the replace removes.
      for (const [group, productId] of [
        [people.slice(0, PEOPLE / 2), ids.office],
        [people.slice(PEOPLE / 2), ids.old],
      ] as const) {
        const setup = await applyBulkChange(handle.db, systemClock, {
          workspaceId,
          personIds: [...group],
          add: [productId as string],
          mode: "add",
          actor,
        });
        if (!setup.ok) throw new Error(`setup failed: ${setup.code}`);
      }
      await asTableOwner(() => db.execute(sql`vacuum analyze`));
      // Both timed writes start right after a checkpoint, so neither pays for the other's full-page writes.
      await asTableOwner(() => db.execute(sql`checkpoint`));

      let started = performance.now();
      const result = await applyBulkChange(handle.db, systemClock, {
        workspaceId,
        personIds: people,
        add: [ids.office, ids.lync, ids.apps],
        mode: "replace",
        actor,
      });
      bulkMs.push(performance.now() - started);
      if (!result.ok) throw new Error(`bulk failed: ${result.code}`);
      if (result.added !== 25_000 || result.removed !== 5000) {
        throw new Error(`bulk did not apply as planned: ${JSON.stringify(result)}`);
      }

      await asTableOwner(() => db.execute(sql`checkpoint`));
      started = performance.now();
      await handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`
            insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by)
            select workspace_id, id, ${ids.spare}, now(), 'UBENCH'
            from people where workspace_id = ${workspaceId}`);
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
      rawMs.push(performance.now() - started);
      console.log(
        `round ${round}: bulk ${round2(bulkMs.at(-1))} ms (added ${result.added}, removed ${result.removed}, windows ${result.windowsOpened}), raw insert ${round2(rawMs.at(-1))} ms`,
      );
    }
    const bulk = median(bulkMs);
    const raw = median(rawMs);
    const ratio = bulk / raw;
    console.log(
      `median: bulk ${round2(bulk)} ms, raw insert ${round2(raw)} ms, ratio ${round(ratio, 2)} (target <= 8: ${ratio <= 8 ? "met" : "NOT met"})`,
    );
    console.log(
      JSON.stringify({
        bench: "bulk",
        people: PEOPLE,
        bulk_ms: round(bulk, 1),
        raw_insert_ms: round(raw, 1),
        ratio: round(ratio, 2),
      }),
    );
  } finally {
    await handle?.close();
    await scratch.drop();
  }
}

async function seedRound(handle: DatabaseHandle, round: number) {
  const workspaceId = `TBULK${round}`;
  await ensureWorkspace(handle.db, { id: workspaceId, name: workspaceId, defaultUsageLocation: "SE" });
  await addBenchAdmin(handle.db, workspaceId, actor);
  const imported = await importCatalog(handle.db, systemClock, { workspaceId, catalog, actor });
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  const people: string[] = [];
  for (let start = 0; start < PEOPLE; start += CHUNK) {
    const rows = await upsertPeople(handle.db, {
      workspaceId,
      people: Array.from({ length: CHUNK }, (_, i) => ({
        slackUserId: `U${round}_${start + i}`,
        name: `Person ${start + i}`,
      })),
    });
    people.push(...rows.map((r) => r.id));
  }
  const rows = (await handle.db.execute(
    sql`select key, id from products where workspace_id = ${workspaceId}`,
  )) as unknown as {
    rows: { key: string; id: string }[];
  };
  const ids = Object.fromEntries(rows.rows.map((r) => [r.key, r.id])) as Record<
    "office" | "lync" | "apps" | "old" | "spare",
    string
  >;
  return { workspaceId, people, ids };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round2 = (value: number | undefined) => round(value ?? 0, 1);

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

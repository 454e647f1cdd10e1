/**
 * The daily jobs on Postgres at two table sizes, with the same due work: `npm run bench:jobs`.
 *
 * One workspace with 4 products, 3 admins and N people, each holding one assignment with its
 * service data; 10% of N open restore windows whose purge date is weeks away (not due), and the
 * same 1,000 open windows due for a reminder at the run time `at`: a third each on their 7-, 3-
 * and 1-day reminder days, the later two with their earlier reminders already decided, all with
 * retained service data. Nothing is due for the other jobs (no purges, mailboxes, requests or low
 * seats), so they only pay for finding that out.
 *
 * Measured: the wall time of runDailyJobs(db, at) for the workspace, every job in its own
 * transaction, at a fixed `at`. Before each run the reminder and outbox rows the previous run
 * decided (those stamped `at`) are deleted, those two tables vacuumed and a checkpoint taken, so
 * every run starts from the same state and does the same writes: 1,000 reminders and one digest
 * per admin. Nothing else is written (no purge, hence no audit row), which each run checks along
 * with the counts it returns. One unmeasured warm-up run, then BENCH_ROUNDS runs (default 7),
 * median reported; at 100,000 assignments, then again after growing the same database to
 * 1,000,000. The JSON has the runs as the app makes them, with the server's settings; when the
 * server has JIT on, the same runs are also made on a connection with jit off, since JIT compile
 * time, which the planner's estimates can trigger at either size, can hide how execution grows.
 *
 * BENCH_DATABASE_URL (or DATABASE_URL) names the local server; BENCH_TIMEOUT_SECONDS (default 900)
 * bounds the whole bench; BENCH_EXPLAIN_MS prints the plans (EXPLAIN ANALYZE, by auto_explain) of
 * the statements of one extra run that took at least that many milliseconds. The last line
 * printed is one JSON object for scripts.
 */
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { z } from "zod";
import { type Database, type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createPool } from "../src/db/postgres-client.ts";
import { queryRows } from "../src/db/rows.ts";
import * as schema from "../src/db/schema/index.ts";
import { asTableOwner } from "../src/db/workspace-scope.ts";
import { type DailyJobInput, dailyJobs, runDailyJobs } from "../src/jobs/daily-jobs.ts";
import type { Actor } from "../src/licensing/actor.ts";
import { inTransaction } from "../src/licensing/outcome.ts";
import { seedWorkspace } from "./seed.ts";
import {
  describeServer,
  positiveInteger,
  readSettings,
  round,
  runMain,
  type ScratchDatabase,
  withScratchDatabase,
} from "./support.ts";

const WORKSPACE_ID = "TJOBS";
const PRODUCTS = 4;
/** Per product: far above the assignments, so no product is low on seats. */
const SEATS = 1_000_000;
const ADMINS = 3;
const DUE = 1000;
/** Open windows whose date is weeks away, as a share of the assignments. */
const NOT_DUE_SHARE = 0.1;
const SIZES = [100_000, 1_000_000] as const;
/** People (with their assignment and service data) per seeding statement. */
const CHUNK = 100_000;
const AT = new Date("2027-03-01T09:00:00.000Z");
const TARGET_RATIO = 1.5;
const input: DailyJobInput = { workspaceId: WORKSPACE_ID };
const actor: Actor = { userId: "UBENCH", source: "cli" };

interface Cleanup {
  handle?: DatabaseHandle;
  pools: pg.Pool[];
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const rounds = positiveInteger(process.env.BENCH_ROUNDS, 7, "BENCH_ROUNDS");
  const limitSeconds = positiveInteger(process.env.BENCH_TIMEOUT_SECONDS, 900, "BENCH_TIMEOUT_SECONDS");
  const explainMs = process.env.BENCH_EXPLAIN_MS
    ? positiveInteger(process.env.BENCH_EXPLAIN_MS, 1, "BENCH_EXPLAIN_MS")
    : undefined;
  console.log(
    `jobs bench on ${describeServer(settings.serverUrl)}: ${DUE.toLocaleString("en-US")} due windows among ` +
      `${SIZES.map((n) => n.toLocaleString("en-US")).join(" and ")} assignments, ${rounds} runs each, ` +
      `time limit ${limitSeconds} s`,
  );
  const cleanup: Cleanup = { pools: [] };
  return withScratchDatabase(
    settings.serverUrl,
    (scratch, signal) =>
      withTimeLimit(scratch, limitSeconds, () => bench(scratch, cleanup, signal, rounds, explainMs)),
    async () => {
      await Promise.allSettled([cleanup.handle?.close(), ...cleanup.pools.map((pool) => pool.end())]);
    },
  );
}

/** Past the limit the scratch database is dropped, which ends whatever statement runs there. */
async function withTimeLimit(
  scratch: ScratchDatabase,
  seconds: number,
  work: () => Promise<void>,
): Promise<void> {
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    console.error(`time limit of ${seconds} s reached (BENCH_TIMEOUT_SECONDS): stopping`);
    scratch.drop().catch(() => {});
  }, seconds * 1000);
  try {
    await work();
  } catch (error) {
    if (expired) throw new Error(`bench:jobs stopped at its time limit of ${seconds} s`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function bench(
  scratch: ScratchDatabase,
  cleanup: Cleanup,
  signal: AbortSignal,
  rounds: number,
  explainMs: number | undefined,
): Promise<void> {
  const target = { kind: "postgres", url: scratch.url, poolMax: 2 } as const;
  const handle = await openDatabase(target, { unscoped: "all-workspaces" });
  cleanup.handle = handle;
  await migrateDatabase(handle, target);
  const { db } = handle;
  const [server] = await queryRows(
    db,
    sql`select current_setting('server_version') as version, current_setting('jit') as jit`,
    z.object({ version: z.string(), jit: z.string() }),
  );
  console.log(`PostgreSQL ${server?.version}, jit ${server?.jit}`);
  const noJit = server?.jit === "on" ? connect(scratch.url, ["jit=off"], cleanup) : undefined;

  const productIds = (
    await seedWorkspace(db, { workspaceId: WORKSPACE_ID, count: PRODUCTS, seats: SEATS, actor })
  ).map((p) => p.id);
  await asTableOwner(() =>
    db.execute(sql`create table bench_due_windows (window_id uuid primary key, step text not null)`),
  );

  const medians: number[] = [];
  const noJitMedians: number[] = [];
  let people = 0;
  let notDue = 0;
  for (const size of SIZES) {
    signal.throwIfAborted();
    const seedStarted = performance.now();
    for (let from = people + 1; from <= size; from += CHUNK) {
      signal.throwIfAborted();
      await seedPeople(db, productIds, from, Math.min(size, from + CHUNK - 1));
    }
    people = size;
    if (medians.length === 0) await seedDueWindows(db, productIds);
    const notDueTarget = Math.round(size * NOT_DUE_SHARE);
    for (let from = DUE + notDue + 1; from <= DUE + notDueTarget; from += CHUNK) {
      signal.throwIfAborted();
      await seedWindows(db, productIds, from, Math.min(DUE + notDueTarget, from + CHUNK - 1), notDuePurgeAt);
    }
    notDue = notDueTarget;
    await db.execute(sql`
      update products p set assigned_seats = c.n
      from (select product_id, count(*)::int as n from assignments group by product_id) c
      where c.product_id = p.id`);
    await asTableOwner(() => db.execute(sql`vacuum analyze`));
    const counts = await tableCounts(db);
    console.log(
      `${label(size)}: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s — ` +
        Object.entries(counts)
          .map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`)
          .join(", "),
    );
    if (counts.assignments !== size || counts.open_windows !== DUE + notDue) {
      throw new Error(`seeding went wrong: ${JSON.stringify(counts)}`);
    }

    medians.push(await measure(db, db, rounds, signal, `${label(size)}: runDailyJobs`));
    if (noJit) noJitMedians.push(await measure(noJit, db, rounds, signal, `${label(size)}: jit off`));

    signal.throwIfAborted();
    await resetRun(db);
    console.log(`${label(size)}: per job, one more run: ${await timeEachJob(db)}`);
    if (explainMs !== undefined) {
      await resetRun(db);
      await explainRun(scratch.url, cleanup, explainMs, size);
    }
    await resetRun(db);
  }

  const [runMs100k, runMs1m] = medians as [number, number];
  const ratio = runMs1m / runMs100k;
  const verdict = (value: number) =>
    `target <= ${TARGET_RATIO}: ${value <= TARGET_RATIO ? "met" : "NOT met"}`;
  console.log(`ratio 1m/100k ${ratio.toFixed(2)} (${verdict(ratio)})`);
  const [noJit100k, noJit1m] = noJitMedians;
  if (noJit100k !== undefined && noJit1m !== undefined) {
    const noJitRatio = noJit1m / noJit100k;
    console.log(
      `jit off: ${noJit100k.toFixed(1)} ms and ${noJit1m.toFixed(1)} ms, ratio ${noJitRatio.toFixed(2)} ` +
        `(${verdict(noJitRatio)}); where the two disagree, JIT time common to both sizes hides the growth`,
    );
  }
  console.log(
    JSON.stringify({
      bench: "jobs",
      due: DUE,
      run_ms_100k: round(runMs100k, 1),
      run_ms_1m: round(runMs1m, 1),
      ratio: round(ratio, 2),
    }),
  );
}

/**
 * One unmeasured run, then `rounds` measured ones on `db`, each from the state before any run
 * (restored and checked on `control`); prints the times and returns their median.
 */
async function measure(
  db: Database,
  control: Database,
  rounds: number,
  signal: AbortSignal,
  title: string,
): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run <= rounds; run++) {
    signal.throwIfAborted();
    await resetRun(control);
    const started = performance.now();
    const done = await runDailyJobs(db, AT, input);
    const ms = performance.now() - started;
    await checkRun(control, done);
    if (run > 0) runs.push(ms);
  }
  const median = medianOf(runs);
  console.log(
    `${title} ${runs.map((ms) => ms.toFixed(1)).join(", ")} ms; median ${median.toFixed(1)} ms ` +
      `(${DUE.toLocaleString("en-US")} restore reminders each run)`,
  );
  return median;
}

/**
 * A database on a pool of its own whose connections start with these settings (added to any the
 * server URL already carries), closed with the bench.
 */
function connect(
  url: string,
  settings: string[],
  cleanup: Cleanup,
  onNotice?: (message: string | undefined) => void,
): Database {
  const configured = new URL(url);
  const given = configured.searchParams.get("options");
  configured.searchParams.set(
    "options",
    [...(given ? [given] : []), ...settings.map((setting) => `-c ${setting}`)].join(" "),
  );
  const pool = createPool(configured.toString(), 1, "all-workspaces");
  if (onNotice)
    pool.on("connect", (client: pg.PoolClient) => client.on("notice", (notice) => onNotice(notice.message)));
  cleanup.pools.push(pool);
  return drizzle({ client: pool, schema }) as unknown as Database;
}

const label = (size: number) => `${size.toLocaleString("en-US")} assignments`;
const at = () => sql`${AT.toISOString()}::timestamptz`;
const productSlot = (productIds: string[], n: SQL) =>
  sql`(${sql.param(productIds)}::uuid[])[1 + (${n}) % ${PRODUCTS}]`;

/**
 * People `from`..`to` (their number is in the Slack id), each with one assignment, product by
 * number, and its service data; the first few are admins.
 */
async function seedPeople(db: Database, productIds: string[], from: number, to: number): Promise<void> {
  await db.execute(sql`
    with new_people as (
      insert into people (workspace_id, slack_user_id, name, usage_location, is_slack_admin, onboarded_at)
      select ${WORKSPACE_ID}, 'UJ' || g, 'Bench person ' || g, 'SE', g <= ${ADMINS}, ${at()} - interval '400 days'
      from generate_series(${from}::int, ${to}::int) g
      returning id, substr(slack_user_id, 3)::int as n
    ),
    new_assignments as (
      insert into assignments (workspace_id, person_id, product_id, assigned_at, assigned_by)
      select ${WORKSPACE_ID}, id, ${productSlot(productIds, sql`n`)}, ${at()} - interval '300 days', 'UJ1'
      from new_people
      returning person_id, product_id, assigned_at
    )
    insert into service_data (workspace_id, person_id, service_id, status, mailbox_size_mb, provisioned_at)
    select ${WORKSPACE_ID}, a.person_id, sp.id, 'active',
           case when sp.kind = 'mailbox' then abs(hashtext(a.person_id::text)) % 20000 end, a.assigned_at
    from new_assignments a join product_services ps on ps.product_id = a.product_id join services sp on sp.id = ps.service_id`);
}

/**
 * Open windows `from`..`to` (window n is person n's, on a product that person does not hold),
 * removed by an admin, with the product's service data retained until `purgeAt(n)`.
 */
async function seedWindows(
  db: Database,
  productIds: string[],
  from: number,
  to: number,
  purgeAt: (n: SQL) => SQL,
): Promise<void> {
  await db.execute(sql`
    with planned as (
      select g as n, ${purgeAt(sql`g`)} as purge_at from generate_series(${from}::int, ${to}::int) g
    ),
    new_windows as (
      insert into restore_windows (workspace_id, person_id, product_id, removed_at, removed_by, purge_at)
      select ${WORKSPACE_ID}, p.id, ${productSlot(productIds, sql`w.n + 1`)}, w.purge_at - interval '30 days',
             'UJ' || (1 + w.n % ${ADMINS}), w.purge_at
      from planned w join people p on p.workspace_id = ${WORKSPACE_ID} and p.slack_user_id = 'UJ' || w.n
      returning id, person_id, product_id, removed_at
    )
    insert into service_data
      (workspace_id, person_id, service_id, status, restore_window_id, mailbox_size_mb, provisioned_at)
    select ${WORKSPACE_ID}, w.person_id, sp.id, 'retained', w.id,
           case when sp.kind = 'mailbox' then abs(hashtext(w.person_id::text)) % 20000 end,
           w.removed_at - interval '300 days'
    from new_windows w join product_services ps on ps.product_id = w.product_id join services sp on sp.id = ps.service_id`);
}

/** Weeks away: 8 to 30 days after `at`. */
const notDuePurgeAt = (n: SQL) =>
  sql`${at()} + interval '8 days' + make_interval(secs => ((${n})::bigint * 7919) % (22 * 86400))`;

/**
 * Windows 1..DUE, a third each ending 7, 3 and 1 days after `at` (in the early hours of that day,
 * before the time of day of `at`): due for that reminder today, not late, whether days are counted
 * as calendar days or as 24 hours. The later two already had their earlier reminders, as on a daily
 * schedule. Their expected steps go to bench_due_windows for the checks.
 */
async function seedDueWindows(db: Database, productIds: string[]): Promise<void> {
  await seedWindows(
    db,
    productIds,
    1,
    DUE,
    (n) =>
      sql`${at()} + make_interval(days => case (${n}) % 3 when 0 then 7 when 1 then 3 else 1 end)
        - make_interval(secs => 60 + (${n}) * 30)`,
  );
  await db.execute(sql`
    insert into bench_due_windows (window_id, step)
    select id, case when purge_at <= ${at()} + interval '1 day' then '1'
                    when purge_at <= ${at()} + interval '3 days' then '3' else '7' end
    from restore_windows
    where workspace_id = ${WORKSPACE_ID} and status = 'open' and purge_at <= ${at()} + interval '7 days'`);
  await db.execute(sql`
    insert into reminders (workspace_id, kind, subject_id, step, decided_at)
    select ${WORKSPACE_ID}, 'restore_window', d.window_id, earlier.step,
           w.purge_at - make_interval(days => earlier.step::int) + interval '1 day'
    from bench_due_windows d
    join restore_windows w on w.id = d.window_id
    cross join (values ('7'), ('3')) as earlier(step)
    where earlier.step::int > d.step::int`);
  const [due] = await queryRows(
    db,
    sql`select count(*)::int as n from bench_due_windows`,
    z.object({ n: z.number() }),
  );
  if (due?.n !== DUE) throw new Error(`${due?.n} windows due instead of ${DUE}`);
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const [counts] = await queryRows(
    db,
    sql`select (select count(*)::int from people) as people,
               (select count(*)::int from assignments) as assignments,
               (select count(*)::int from service_data) as service_data,
               (select count(*)::int from restore_windows where status = 'open') as open_windows,
               (select count(*)::int from reminders) as reminders`,
    z.record(z.string(), z.number()),
  );
  if (!counts) throw new Error("no counts");
  return counts;
}

/** Back to the state before any run: what a run decided is stamped `at`, and nothing else changes. */
async function resetRun(db: Database): Promise<void> {
  await db.execute(sql`delete from reminders where workspace_id = ${WORKSPACE_ID} and decided_at = ${at()}`);
  await db.execute(sql`delete from outbox where workspace_id = ${WORKSPACE_ID} and created_at = ${at()}`);
  await asTableOwner(() => db.execute(sql`vacuum reminders, outbox`));
  await asTableOwner(() => db.execute(sql`checkpoint`));
}

/** A run decided exactly the due reminders, one digest per admin listing them all, and nothing else. */
async function checkRun(db: Database, done: Record<string, number>): Promise<void> {
  const others = Object.entries(done).filter(([name, n]) => name !== "restore_reminders" && n !== 0);
  if (done.restore_reminders !== DUE || others.length > 0) {
    throw new Error(
      `expected ${DUE} restore reminders and nothing else, the run decided ${JSON.stringify(done)}`,
    );
  }
  const [check] = await queryRows(
    db,
    sql`select
          (select count(*)::int from reminders where decided_at = ${at()}) as reminders,
          (select count(*)::int from reminders r join bench_due_windows d
             on d.window_id = r.subject_id and d.step = r.step
           where r.decided_at = ${at()} and r.kind = 'restore_window' and not r.late) as expected,
          (select count(*)::int from outbox o
           where o.created_at = ${at()} and o.message->>'kind' = 'restore_reminders'
             and jsonb_array_length(o.message->'items') = ${DUE}
             and not exists (select 1 from jsonb_array_elements(o.message->'items') i
                             where jsonb_array_length(i->'data') = 0)) as digests,
          (select count(*)::int from audit_log where at = ${at()}) as audit`,
    z.object({ reminders: z.number(), expected: z.number(), digests: z.number(), audit: z.number() }),
  );
  if (check?.reminders !== DUE || check.expected !== DUE || check.digests !== ADMINS || check.audit !== 0) {
    const steps = await queryRows(
      db,
      sql`select d.step as due, r.step as decided, r.late, count(*)::int as n
          from reminders r left join bench_due_windows d on d.window_id = r.subject_id
          where r.decided_at = ${at()} group by 1, 2, 3 order by 1, 2, 3`,
      z.object({ due: z.string().nullable(), decided: z.string(), late: z.boolean(), n: z.number() }),
    );
    throw new Error(
      `the run left ${JSON.stringify(check)}; expected ${DUE} reminders at their due step, ` +
        `${ADMINS} digests of ${DUE} windows with their data, no audit rows. Steps due/decided/late: ` +
        steps.map((s) => `${s.due}/${s.decided}/${s.late} ${s.n}`).join(", "),
    );
  }
}

/** The jobs of one run timed one by one, each in its own transaction as runDailyJobs runs them. */
async function timeEachJob(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const job of dailyJobs) {
    const started = performance.now();
    const n = await inTransaction(db, (tx) => job.run(tx, AT, input));
    parts.push(`${job.name} ${(performance.now() - started).toFixed(1)} ms (${n})`);
  }
  return parts.join(", ");
}

/** One more run on a connection of its own, printing the plans of its slower statements. */
async function explainRun(url: string, cleanup: Cleanup, minMs: number, size: number): Promise<void> {
  const plans: string[] = [];
  const settings = [
    "session_preload_libraries=auto_explain",
    `auto_explain.log_min_duration=${minMs}`,
    "auto_explain.log_analyze=on",
    "auto_explain.log_buffers=on",
    "auto_explain.log_level=notice",
  ];
  const db = connect(url, settings, cleanup, (message) => {
    if (message?.startsWith("duration:")) plans.push(message);
  });
  await checkRun(db, await runDailyJobs(db, AT, input));
  console.log(`${label(size)}: ${plans.length} statements of one run took ${minMs} ms or more`);
  for (const plan of plans) console.log(plan);
}

const medianOf = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return (
    sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  ) as number;
};

runMain(main);

/**
 * A storm on two instances of the app, end to end, on Postgres, in a throwaway database:
 * `npm run chaos`. Two `src/main.ts` processes (HTTP mode, INSTANCE_COUNT=2, a pool of 4 each)
 * reach the server through a TCP proxy each, which this script controls; admins send signed
 * `/license assign` commands to both, a fake Slack takes the replies. The steps (chaos-steps.ts),
 * each followed by the checks:
 *
 *   1 cuts      connections dropped at BEGIN, at the assign's statement (unsent, or run by the
 *               server) and at an assign's COMMIT (unsent, or received by the server) under load
 *   2 outage    both proxies down for 10 s under light load (on one as a COMMIT reaches the
 *               server), then back: `recovered_s` runs from the database being back until both
 *               instances answer /healthz 200 and an assign succeeds on each
 *   3 kills     pg_terminate_backend on the app's backends from a side connection, under load
 *   4 kill -9   one instance killed in the middle of a bulk apply (held at a row lock so the kill
 *               lands inside the transaction) while assigns go on, then restarted; the bulk change
 *               is then applied again on it
 *   4b commit   a bulk apply whose COMMIT is cut once the server has it: the modal must say saved
 *   5 race      1,000 assigns of a 10-seat product across both instances at once
 *
 * The checks: every reply is judged against the database once its step is over; each product's
 * assigned_seats equals its assignment rows; every assignment has its audit row and back; no bulk
 * change is half applied; a quiet instance has no connection checked out. BENCH_DATABASE_URL (or
 * DATABASE_URL) names the local server. The last line printed is one JSON object for scripts.
 */
import pg from "pg";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import { BulkModalDriver } from "../test/helpers/slack/bulk-modal-driver.ts";
import { startTcpProxy, type TcpProxy } from "../test/helpers/tcp-proxy.ts";
import { startAppProcess } from "./app-process.ts";
import { backendStates, checkedOutWhenQuiet, checkInvariants, describeInvariants } from "./chaos-checks.ts";
import { AssignLedger, describeTally, type Tally } from "./chaos-ledger.ts";
import {
  APP_NAME,
  backendKills,
  bulkCommitCut,
  cuts,
  type Instance,
  killDuringBulk,
  OUTAGE_MS,
  outage,
  type Person,
  RACE_ASSIGNS,
  race,
  SCARCE_SEATS,
  type Storm,
} from "./chaos-steps.ts";
import { seedWorkspace } from "./seed.ts";
import {
  describeServer,
  readSettings,
  round,
  runMain,
  type ScratchDatabase,
  withScratchDatabase,
} from "./support.ts";

const SIGNING_SECRET = "chaos-signing-secret-0123456789";
const POOL_MAX = 4;
const PEOPLE = 4_000;
const PRODUCTS = 4;
const SEATS = 100_000;
/** A command with no reply by then is unanswered. */
const REPLY_TIMEOUT_MS = 15_000;

interface Cleanup {
  handle?: DatabaseHandle;
  fake?: FakeSlackApi;
  clients: pg.Client[];
  proxies: TcpProxy[];
  instances: Instance[];
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  console.log(`chaos on ${describeServer(settings.serverUrl)}: two instances, a pool of ${POOL_MAX} each`);
  const cleanup: Cleanup = { clients: [], proxies: [], instances: [] };
  return withScratchDatabase(
    settings.serverUrl,
    (scratch, signal) => storm(scratch, cleanup, signal),
    async () => {
      await Promise.allSettled(cleanup.instances.map((i) => i.app.close()));
      await Promise.allSettled(cleanup.proxies.map((p) => p.close()));
      await Promise.allSettled([cleanup.fake?.close(), cleanup.handle?.close()]);
      await Promise.allSettled(cleanup.clients.map((c) => c.end()));
    },
  );
}

async function storm(scratch: ScratchDatabase, cleanup: Cleanup, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  const target: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: 4 };
  const handle = await openDatabase(target, { unscoped: "all-workspaces" });
  cleanup.handle = handle;
  await migrateDatabase(handle, target);
  const fake = await startFakeSlackApi();
  cleanup.fake = fake;
  const workspaceId = fake.teamId;

  const catalog = await seedWorkspace(handle.db, {
    workspaceId,
    count: PRODUCTS,
    seats: SEATS,
    actor: { userId: "UCHAOS", source: "cli" },
  });
  const admins = ["UCHAOSADMIN1", "UCHAOSADMIN2"];
  for (const id of admins) fake.users.add({ id, name: id.toLowerCase(), is_admin: true });
  const directory = [
    ...admins.map((slackUserId) => ({ slackUserId, name: slackUserId, isSlackAdmin: true })),
    ...Array.from({ length: PEOPLE }, (_, i) => {
      const slackUserId = `UC${String(i).padStart(8, "0")}`;
      // In Slack too: the directory sync at start would otherwise take them for people who left.
      fake.users.add({ id: slackUserId, name: `chaos-${i}` });
      return { slackUserId, name: `Chaos person ${i}` };
    }),
  ].map((p) => ({ ...p, usageLocation: "SE" }));
  const people: Person[] = [];
  for (let i = 0; i < directory.length; i += 2000) {
    people.push(...(await upsertPeople(handle.db, { workspaceId, people: directory.slice(i, i + 2000) })));
  }
  const persons = people.filter((p) => !admins.includes(p.slackUserId));

  const side = await connect(scratch.url, "chaos-side", cleanup);
  const locker = await connect(scratch.url, "chaos-locker", cleanup);
  const [scarce, ...plenty] = [...catalog].reverse();
  if (!scarce) throw new Error("the catalog did not load");
  await side.query("update products set purchased_seats = $1 where id = $2", [SCARCE_SEATS, scarce.id]);
  console.log(
    `seeded ${plenty.length} products of ${SEATS.toLocaleString("en-US")} seats, ${scarce.key} with ` +
      `${SCARCE_SEATS}, ${persons.length.toLocaleString("en-US")} people and ${admins.length} admins`,
  );

  const server = new URL(scratch.url);
  const instances = await Promise.all(
    ["a", "b"].map(async (name): Promise<Instance> => {
      const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      cleanup.proxies.push(proxy);
      const url = new URL(proxy.urlFor(scratch.url));
      url.searchParams.set("application_name", `${APP_NAME}${name}`);
      const env = {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: fake.token,
        SLACK_API_URL: fake.url,
        DATABASE_URL: url.toString(),
        DATABASE_POOL_MAX: String(POOL_MAX),
        INSTANCE_COUNT: "2",
        PORT: "0",
        HOST: "127.0.0.1",
      };
      const app = await startAppProcess("src/main.ts", env);
      const instance = { name, proxy, env, app, target: { url: app.url, killed: false } };
      cleanup.instances.push(instance);
      return instance;
    }),
  );
  console.log(`instances up: ${instances.map((i) => `${i.name} ${i.app.url}`).join(", ")}`);

  const s: Storm = {
    fake,
    side,
    locker,
    ledger: new AssignLedger(fake, SIGNING_SECRET, REPLY_TIMEOUT_MS),
    bulk: new BulkModalDriver(fake, SIGNING_SECRET),
    instances,
    admins,
    people: persons,
    products: plenty.map(({ id, key }) => ({ id, key })),
    scarce: { id: scarce.id, key: scarce.key },
    signal,
    worst: { seatMismatches: 0, auditMismatches: 0, halfAppliedBulk: 0, leaked: 0 },
    cuts: 0,
    backendKills: 0,
    errorsBeforeKill: 0,
  };

  await step(s, "1. connections cut at BEGIN, the assign's statement and COMMIT, under load", () => cuts(s));
  const { value: recoveredS } = await step(s, `2. the database unreachable for ${OUTAGE_MS / 1000} s`, () =>
    outage(s),
  );
  await step(s, "3. the app's backends terminated from a side connection, under load", () => backendKills(s));
  const { value: bulk } = await step(s, "4. kill -9 of instance a during a bulk apply, then a restart", () =>
    killDuringBulk(s),
  );
  await step(s, "4b. a bulk change on b whose COMMIT is cut once the server has it", () => bulkCommitCut(s));
  const { tally: raced } = await step(
    s,
    `5. ${RACE_ASSIGNS.toLocaleString("en-US")} assigns of ${s.scarce.key} (${SCARCE_SEATS} seats) on both instances`,
    () => race(s),
  );
  const { rows: scarceRows } = await side.query<{ n: number }>(
    "select count(*)::int as n from assignments where product_id = $1",
    [s.scarce.id],
  );
  const raceAssigned = scarceRows[0]?.n ?? 0;
  console.log(
    `  ${raceAssigned} assignments of ${s.scarce.key}, ${raced.claimedApplied} replies said assigned ` +
      `(target: exactly ${SCARCE_SEATS} each)`,
  );

  const total = s.ledger.total;
  const final = await checkInvariants(side);
  const errors = instances.map((i) => `${i.name} ${i.app.errors.length}`).join(", ");
  console.log(
    `\nall steps: ${describeTally(total)}; error log lines ${errors}, ${s.errorsBeforeKill} from before the kill`,
  );
  for (const example of total.examples) console.log(`  e.g. ${example}`);
  const seatMismatches = Math.max(final.seatMismatches, s.worst.seatMismatches);
  console.log(
    JSON.stringify({
      bench: "chaos",
      // The issue lists seats_equal_rows with the figures whose target is zero; a count named so
      // would read backwards, so it is the yes-or-no the name says, and seat_mismatches the count.
      seats_equal_rows: seatMismatches === 0,
      seat_mismatches: seatMismatches,
      audit_mismatches: Math.max(final.auditMismatches, s.worst.auditMismatches),
      half_applied: Math.max(final.halfAppliedBulk, s.worst.halfAppliedBulk) + bulk.halfApplied,
      leaked_connections: s.worst.leaked,
      untrue_replies: total.untrue,
      unrecognized_replies: total.unrecognized,
      unanswered: total.unanswered,
      // Work in the hands of the instance killed with -9: nobody is left to answer it.
      unanswered_killed: total.unansweredKilled,
      undelivered: total.undelivered,
      recovered_s: round(recoveredS, 2),
      race_assigned: raceAssigned,
      race_said_assigned: raced.claimedApplied,
      cuts: s.cuts,
      backend_kills: s.backendKills,
      commands: total.sent,
      seconds: round((performance.now() - started) / 1000, 1),
    }),
  );
}

/** Runs one step, then judges its replies, checks the database and, once quiet, the pools. */
async function step<T>(s: Storm, title: string, run: () => Promise<T>): Promise<{ value: T; tally: Tally }> {
  s.signal.throwIfAborted();
  console.log(`\n${title}`);
  const t0 = performance.now();
  const value = await run();
  const tally = await s.ledger.judge(s.side);
  const invariants = await checkInvariants(s.side);
  const leaked = await Promise.all(
    s.instances.map(async (i) => ({ name: i.name, n: await checkedOutWhenQuiet(i.target.url) })),
  );
  const leakedTotal = leaked.reduce((sum, l) => sum + l.n, 0);
  s.worst = {
    seatMismatches: Math.max(s.worst.seatMismatches, invariants.seatMismatches),
    auditMismatches: Math.max(s.worst.auditMismatches, invariants.auditMismatches),
    halfAppliedBulk: Math.max(s.worst.halfAppliedBulk, invariants.halfAppliedBulk),
    leaked: Math.max(s.worst.leaked, leakedTotal),
  };
  console.log(`  replies: ${describeTally(tally)}`);
  for (const example of tally.examples) console.log(`    e.g. ${example}`);
  console.log(`  database: ${describeInvariants(invariants)}`);
  console.log(
    `  pools when quiet: ${leaked.map((l) => `${l.name} ${l.n} checked out`).join(", ")}; ` +
      `backends: ${await backendStates(s.side, APP_NAME)}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { value, tally };
}

async function connect(url: string, applicationName: string, cleanup: Cleanup): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on("error", () => {});
  await client.connect();
  cleanup.clients.push(client);
  return client;
}

runMain(main);

/** The steps of `npm run chaos` (bench/chaos.ts), each on the storm it is given. */
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { FakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import type { BulkModalDriver } from "../test/helpers/slack/bulk-modal-driver.ts";
import type { TcpProxy } from "../test/helpers/tcp-proxy.ts";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import { health, type Invariants } from "./chaos-checks.ts";
import type { AssignLedger, Target } from "./chaos-ledger.ts";

/** The app's backends carry it in application_name, so the side connection can tell them apart. */
export const APP_NAME = "chaos-app-";
export const SCARCE_SEATS = 10;
export const RACE_ASSIGNS = 1_000;
const RACE_CLIENTS_PER_INSTANCE = 24;
const BULK_PEOPLE = 300;
export const OUTAGE_MS = 10_000;
const RECOVERY_TARGET_S = 15;

/** Named statements send their text once per connection, but every Bind names the statement. */
const ASSIGN_WRITE = /write_license_changes_/;
const COMMIT = /\bcommit\b/i;
/** The bulk change's first write, which claims its key. */
const BULK_CLAIM = /insert into "bulk_changes"/i;

const CUTS: { what: string; match: RegExp; point: "before" | "after"; armedBy?: RegExp }[] = [
  { what: "BEGIN", match: /\bbegin\b/i, point: "before" },
  { what: "the assign statement, unsent", match: ASSIGN_WRITE, point: "before" },
  { what: "the assign statement, run by the server", match: ASSIGN_WRITE, point: "after" },
  // The COMMIT of an assign, not of whatever else commits meanwhile.
  { what: "COMMIT, unsent", match: COMMIT, point: "before", armedBy: ASSIGN_WRITE },
  { what: "COMMIT, received by the server", match: COMMIT, point: "after", armedBy: ASSIGN_WRITE },
];
const CUT_ROUNDS = 2;

export interface Person {
  id: string;
  slackUserId: string;
}

export interface Product {
  id: string;
  key: string;
}

export interface Instance {
  name: string;
  proxy: TcpProxy;
  env: Record<string, string>;
  app: AppProcess;
  /** The process running now; replaced on restart. */
  target: Target;
}

export interface Storm {
  fake: FakeSlackApi;
  side: pg.Client;
  locker: pg.Client;
  ledger: AssignLedger;
  bulk: BulkModalDriver;
  instances: Instance[];
  admins: string[];
  people: Person[];
  products: Product[];
  scarce: Product;
  signal: AbortSignal;
  /** The worst seen at any step's checks: a leak in an instance later killed still counts. */
  worst: Invariants & { leaked: number };
  cuts: number;
  backendKills: number;
  /** Error log lines of processes killed and replaced. */
  errorsBeforeKill: number;
}

/** The next person nobody has been assigned anything through a command yet. */
function nextPerson(s: Storm): Person {
  const person = s.people.shift();
  if (!person) throw new Error("the storm ran out of people");
  return person;
}

/** The instance a client of `preferred` sends to: its own, or another while its own is down. */
function targetFor(s: Storm, preferred: number): Target | undefined {
  const own = s.instances[preferred % s.instances.length];
  if (own && !own.target.killed) return own.target;
  return s.instances.find((i) => !i.target.killed)?.target;
}

/** Admins assign on both instances, `perInstance` clients each, until `stop` aborts. */
async function assignLoad(
  s: Storm,
  options: { perInstance: number; stop: AbortSignal; products?: Product[]; pauseMs?: number },
): Promise<void> {
  const products = options.products ?? s.products;
  let sent = 0;
  const client = async (index: number) => {
    while (!options.stop.aborted) {
      const target = targetFor(s, index);
      if (!target) return;
      const product = products[sent % products.length] as Product;
      sent += 1;
      await s.ledger.assign(target, s.admins[index % s.admins.length] as string, nextPerson(s), product);
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };
  await Promise.all(
    Array.from({ length: options.perInstance * s.instances.length }, (_, index) => client(index)),
  );
}

export async function cuts(s: Storm): Promise<void> {
  const stop = new AbortController();
  const load = assignLoad(s, { perInstance: 3, stop: stop.signal });
  try {
    for (let round = 0; round < CUT_ROUNDS; round += 1) {
      for (const cut of CUTS) {
        for (const instance of s.instances) {
          const armed = instance.proxy.cutAt(
            cut.match,
            cut.point,
            cut.armedBy ? { armedBy: cut.armedBy } : {},
          );
          const deadline = performance.now() + 10_000;
          while (!armed.happened && performance.now() < deadline) await sleep(10);
          if (!armed.happened) throw new Error(`the cut at ${cut.what} on ${instance.name} never came`);
          s.cuts += 1;
          await sleep(150);
        }
        if (round === 0) console.log(`  cut at ${cut.what} on both instances`);
      }
    }
  } finally {
    stop.abort();
    await load;
  }
}

export async function outage(s: Storm): Promise<number> {
  const stop = new AbortController();
  const load = assignLoad(s, { perInstance: 1, stop: stop.signal, pauseMs: 100 });
  try {
    await sleep(1_000);
    // On a the outage begins as a COMMIT reaches the server: its answer never comes back.
    const [a, ...others] = s.instances;
    const atCommit = a?.proxy.cutAt(COMMIT, "after", { thenDown: true, armedBy: ASSIGN_WRITE });
    const deadline = performance.now() + 10_000;
    while (atCommit && !atCommit.happened && performance.now() < deadline) await sleep(5);
    for (const instance of others) instance.proxy.down(true);
    if (atCommit?.happened) s.cuts += 1;
    else a?.proxy.down(true);
    console.log(`  down${atCommit?.happened ? ", on a as a COMMIT reached the server" : ""}`);
    await sleep(OUTAGE_MS / 2);
    const during = await Promise.all(s.instances.map((i) => health(i.target.url)));
    console.log(`  /healthz halfway through: ${during.map((h) => h.status).join(", ")}`);
    await sleep(OUTAGE_MS / 2);
    for (const instance of s.instances) instance.proxy.down(false);
    const back = performance.now();
    const recovered = await waitForRecovery(s, back);
    console.log(
      `  recovered in ${recovered.toFixed(2)} s (target < ${RECOVERY_TARGET_S} s: ` +
        `${recovered < RECOVERY_TARGET_S ? "met" : "NOT met"})`,
    );
    return recovered;
  } finally {
    stop.abort();
    await load;
  }
}

/** Seconds from `back` until both instances answer /healthz 200 and an assign succeeds on each. */
async function waitForRecovery(s: Storm, back: number): Promise<number> {
  const deadline = back + 60_000;
  const pending = new Set(s.instances);
  while (performance.now() < deadline) {
    for (const instance of [...pending]) {
      if ((await health(instance.target.url)).status !== 200) continue;
      const claim = await s.ledger.assign(
        instance.target,
        s.admins[0] as string,
        nextPerson(s),
        s.products[0] as Product,
      );
      if (claim === "applied") pending.delete(instance);
    }
    if (pending.size === 0) return (performance.now() - back) / 1000;
    await sleep(100);
  }
  throw new Error(`not recovered within 60 s: ${[...pending].map((i) => i.name).join(", ")} still failing`);
}

export async function backendKills(s: Storm): Promise<void> {
  const stop = new AbortController();
  const load = assignLoad(s, { perInstance: 3, stop: stop.signal });
  try {
    for (let round = 0; round < 30; round += 1) {
      await sleep(200);
      // Mostly one backend at work; every fifth round every backend of both instances.
      const all = round % 5 === 4;
      const { rows } = await s.side.query<{ killed: boolean }>(
        `select pg_terminate_backend(pid) as killed from (
           select pid from pg_stat_activity
           where datname = current_database() and application_name like $1 and ($2 or state <> 'idle')
           order by random() limit $3) chosen`,
        [`${APP_NAME}%`, all, all ? 1000 : 1],
      );
      s.backendKills += rows.filter((r) => r.killed).length;
    }
    console.log(`  ${s.backendKills} backends terminated`);
  } finally {
    stop.abort();
    await load;
  }
}

export async function killDuringBulk(s: Storm): Promise<{ halfApplied: number }> {
  const [a] = s.instances;
  if (!a) throw new Error("no instance a");
  const admin = s.admins[0] as string;
  const product = s.products[1] as Product;
  const group = Array.from({ length: BULK_PEOPLE }, () => nextPerson(s));
  const held = await bulkHeld(s, group, product);
  const viewId = await s.bulk.openForm(a.target.url, admin);
  await s.bulk.submitForm(
    a.target.url,
    admin,
    viewId,
    group.map((p) => p.slackUserId),
    product.id,
  );
  console.log(`  preview of adding ${product.key} to ${BULK_PEOPLE} people shown on a`);

  const stop = new AbortController();
  const load = assignLoad(s, { perInstance: 2, stop: stop.signal });
  let halfApplied = 0;
  try {
    await sleep(500);
    // One person's row held: the apply writes its first rows, then waits inside its transaction.
    const last = group[group.length - 1] as Person;
    await s.locker.query("begin");
    await s.locker.query("select 1 from people where id = $1 for update", [last.id]);
    const status = await s.bulk.submitPreview(a.target.url, admin, viewId);
    if (status !== 200) throw new Error(`the preview submission got HTTP ${status}`);
    const blocked = await waitForBlockedApply(s, `${APP_NAME}${a.name}`);
    process.kill(a.app.pid, "SIGKILL");
    a.target.killed = true;
    await s.locker.query("commit");
    console.log(`  a killed with -9 while its apply waited (${blocked}); its modal stays at "Working on it"`);
    s.ledger.countKilled(1);
    await waitForNoBackends(s, `${APP_NAME}${a.name}`);
    const after = await bulkHeld(s, group, product);
    const claimed = await s.side.query("select 1 from bulk_changes where idempotency_key = $1", [
      `bulk:${viewId}`,
    ]);
    const added = after - held;
    if (added !== 0 || claimed.rowCount !== 0) halfApplied += 1;
    console.log(
      `  after the kill: ${added} of ${BULK_PEOPLE} assignments added, ` +
        `${claimed.rowCount} claim of the change (0 and 0, or all and 1, is whole)`,
    );
    s.errorsBeforeKill += a.app.errors.length;
    a.app = await startAppProcess("src/main.ts", a.env);
    a.target = { url: a.app.url, killed: false };
    console.log(`  a restarted at ${a.app.url}`);
    await sleep(1_000);
  } finally {
    stop.abort();
    await load;
    if (a.target.killed) await s.locker.query("rollback").catch(() => {});
  }

  // The admin starts over on the restarted instance; this time it applies whole.
  const again = await applyBulk(s, a, admin, group, product);
  if (again.held !== "all") halfApplied += 1;
  console.log(
    `  applied again on the restarted a: ${again.added} of ${BULK_PEOPLE} assignments; "${again.text}"`,
  );
  return { halfApplied };
}

/** A bulk change on b whose COMMIT is cut once the server has it: the modal must say it was saved. */
export async function bulkCommitCut(s: Storm): Promise<void> {
  const b = s.instances[1];
  if (!b) throw new Error("no instance b");
  const group = Array.from({ length: BULK_PEOPLE }, () => nextPerson(s));
  let cut: { readonly happened: boolean } = { happened: false };
  const applied = await applyBulk(s, b, s.admins[1] as string, group, s.products[2] as Product, () => {
    cut = b.proxy.cutAt(COMMIT, "after", { armedBy: BULK_CLAIM });
  });
  if (cut.happened) s.cuts += 1;
  console.log(
    `  the COMMIT ${cut.happened ? "was cut" : "was NOT cut"}: ${applied.added} of ${BULK_PEOPLE} ` +
      `assignments added, the modal says "${applied.text.slice(0, 100)}" (${applied.kind})`,
  );
}

/** The bulk modal from `/license bulk` to its outcome on `instance`, judged against the database. */
async function applyBulk(
  s: Storm,
  instance: Instance,
  admin: string,
  group: Person[],
  product: Product,
  beforeApply: () => void = () => {},
): Promise<{ text: string; kind: string; added: number; held: "all" | "none" | "part" }> {
  const before = await bulkHeld(s, group, product);
  const viewId = await s.bulk.openForm(instance.target.url, admin);
  await s.bulk.submitForm(
    instance.target.url,
    admin,
    viewId,
    group.map((p) => p.slackUserId),
    product.id,
  );
  const since = s.fake.calls.length;
  beforeApply();
  await s.bulk.submitPreview(instance.target.url, admin, viewId);
  const text = await s.bulk.outcome(viewId, since);
  const added = (await bulkHeld(s, group, product)) - before;
  const held = added === group.length ? "all" : added === 0 ? "none" : "part";
  return { text, kind: s.ledger.judgeBulk(text, held), added, held };
}

async function bulkHeld(s: Storm, group: Person[], product: Product): Promise<number> {
  const { rows } = await s.side.query<{ n: number }>(
    "select count(*)::int as n from assignments where product_id = $1 and person_id = any($2::uuid[])",
    [product.id, group.map((p) => p.id)],
  );
  return rows[0]?.n ?? 0;
}

/** The apply's statement, waiting for the locker's row: what it is, once it waits. */
async function waitForBlockedApply(s: Storm, applicationName: string): Promise<string> {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const { rows } = await s.side.query<{ query: string }>(
      `select query from pg_stat_activity
       where application_name = $1 and pg_blocking_pids(pid) && array(
         select pid from pg_stat_activity where application_name = 'chaos-locker')`,
      [applicationName],
    );
    const [row] = rows;
    if (row) return row.query.replace(/\s+/g, " ").slice(0, 60);
    await sleep(5);
  }
  throw new Error("the bulk apply never reached the held row");
}

async function waitForNoBackends(s: Storm, applicationName: string): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    const { rows } = await s.side.query(
      "select 1 from pg_stat_activity where datname = current_database() and application_name = $1",
      [applicationName],
    );
    if (rows.length === 0) return;
    await sleep(50);
  }
  throw new Error(`the killed instance's backends are still there after 15 s`);
}

export async function race(s: Storm): Promise<void> {
  let left = RACE_ASSIGNS;
  const client = async (index: number) => {
    while (left > 0) {
      left -= 1;
      const target = targetFor(s, index);
      if (!target) return;
      await s.ledger.assign(target, s.admins[index % s.admins.length] as string, nextPerson(s), s.scarce);
    }
  };
  await Promise.all(
    Array.from({ length: RACE_CLIENTS_PER_INSTANCE * s.instances.length }, (_, index) => client(index)),
  );
}

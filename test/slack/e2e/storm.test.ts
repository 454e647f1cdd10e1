import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../../src/db/client.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { deliveryKey } from "../../../src/slack/shared/delivery-keys.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../../helpers/database.ts";
import { BulkModalDriver } from "../../helpers/slack/bulk-modal-driver.ts";
import { SIGNING_SECRET, until } from "../../helpers/slack/running-app.ts";
import { startTcpProxy, type TcpProxy } from "../../helpers/tcp-proxy.ts";

const quietLogger = { info: () => {}, warn: () => {}, error: () => {} };
const APP_NAME = "storm-app-";

interface Instance {
  name: string;
  proxy: TcpProxy;
  database: DatabaseHandle;
  running: RunningSlackApp;
}

/** What a reply to `/license assign <@one> product` claims about the database afterwards. */
function claimOf(text: string): "applied" | "not_applied" | "either" {
  if (/^Assigned .+ to 1 person\.$/.test(text) || text === en["failure.applied"]()) return "applied";
  if (text === en["error.unexpected"]()) return "not_applied";
  if (text === en["failure.unknown"]()) return "either";
  throw new Error(`a reply the storm does not expect: ${text}`);
}

// Two instances of the app, each on a pool of its own behind a proxy of its own, as deployed.
describe.runIf(onPostgres)("two instances in a storm", () => {
  let t: TestDatabase;
  let fake: FakeSlackApi;
  let side: pg.Client;
  let instances: Instance[] = [];
  let people: { id: string; slackUserId: string }[] = [];
  let productId: string;
  const admin = "USTORMADMIN";

  beforeAll(async () => {
    t = await createTestDatabase();
    fake = await startFakeSlackApi();
    await ensureWorkspace(t.db, { id: fake.teamId, name: "fake", defaultUsageLocation: "SE" });
    await importCatalog(t.db, systemClock, {
      workspaceId: fake.teamId,
      catalog: {
        products: [
          {
            key: "suite",
            name: "Suite",
            purchasedSeats: 10_000,
            plans: [{ key: "mail", name: "Mail", kind: "mailbox", dataDescription: "Mailbox and its mail" }],
          },
        ],
      },
      actor: { userId: "system", source: "cli" },
    });
    fake.users.add({ id: admin, name: "admin", is_admin: true });
    const all = await upsertPeople(t.db, {
      workspaceId: fake.teamId,
      people: [
        { slackUserId: admin, name: "Admin", isSlackAdmin: true },
        ...Array.from({ length: 400 }, (_, i) => ({ slackUserId: `USTORM${i}`, name: `Person ${i}` })),
      ].map((p) => ({ ...p, usageLocation: "SE" })),
    });
    people = all.filter((p) => p.slackUserId !== admin);
    // The operator's connection, straight to the server: it sees every row and kills backends.
    side = new pg.Client({ connectionString: t.url, application_name: "storm-side" });
    side.on("error", () => {});
    await side.connect();
    const { rows } = await side.query<{ id: string }>("select id from products where key = 'suite'");
    productId = rows[0]?.id as string;
    const server = new URL(t.url as string);
    instances = await Promise.all(
      ["a", "b"].map(async (name) => {
        const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
        const url = new URL(proxy.urlFor(t.url as string));
        url.searchParams.set("application_name", `${APP_NAME}${name}`);
        const database = await openDatabase({ kind: "postgres", url: url.toString(), poolMax: 3 });
        const running = await startSlackApp(
          {
            botToken: fake.token,
            signingSecret: SIGNING_SECRET,
            apiUrl: fake.url,
            port: 0,
            host: "127.0.0.1",
          },
          {
            db: database.db,
            clock: systemClock,
            logger: quietLogger,
            connections: () => database.connections(),
          },
        );
        return { name, proxy, database, running };
      }),
    );
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.running.close();
      await i.database.close();
      await i.proxy.close();
    }
    await side?.end();
    await fake?.close();
    await t?.close();
  });

  const nextPerson = () => {
    const person = people.shift();
    if (!person) throw new Error("the test ran out of people");
    return person;
  };

  /** `/license assign` on `instance`; resolves with the reply's text. */
  async function assign(instance: Instance, person: { slackUserId: string }): Promise<string> {
    const responseUrl = fake.responseUrl();
    const http = await postSlashCommand(instance.running.url, SIGNING_SECRET, {
      command: "/license",
      text: `assign <@${person.slackUserId}> suite`,
      user_id: admin,
      team_id: fake.teamId,
      trigger_id: fake.issueTriggerId(),
      response_url: responseUrl,
    });
    expect(http.status).toBe(200);
    const [reply] = (await until(() => fake.responses(responseUrl), 1, 10_000)) as { text?: string }[];
    if (!reply) throw new Error(`no reply from ${instance.name} within 10 s`);
    return reply.text ?? "";
  }

  async function held(personIds: string[]): Promise<Set<string>> {
    const { rows } = await side.query<{ person_id: string }>(
      "select person_id from assignments where product_id = $1 and person_id = any($2::uuid[])",
      [productId, personIds],
    );
    return new Set(rows.map((r) => r.person_id));
  }

  /** The seat counter equals the rows, and every assignment has the audit row its transaction wrote. */
  async function expectSeatsEqualRowsAndAudited(): Promise<void> {
    const { rows } = await side.query<{ seats: number; rows: number; unaudited: number }>(
      `select p.assigned_seats as seats,
         (select count(*)::int from assignments a where a.product_id = p.id) as rows,
         (select count(*)::int from assignments a
           where a.product_id = p.id and not exists (
             select 1 from audit_log l
             where (l.action = 'license.assigned' and l.target_id = a.id::text)
                or (l.action = 'license.bulk_changed' and l.target_id = a.person_id::text
                    and l.after -> 'products' ? p.key))) as unaudited
       from products p where p.id = $1`,
      [productId],
    );
    const [counts] = rows;
    expect(counts?.seats).toBe(counts?.rows);
    expect(counts?.unaudited).toBe(0);
  }

  /** Once the work is over every connection is back: none checked out, nobody waiting. */
  async function expectPoolsWhole(): Promise<void> {
    for (const instance of instances) {
      const whole = () => {
        const c = instance.database.connections();
        return c.idle === c.total && c.waiting === 0 ? [c] : [];
      };
      expect(await until(whole, 1, 2_000), `the pool of ${instance.name}`).toHaveLength(1);
    }
  }

  it("keeps every reply true, seats equal to rows and both pools whole while backends are killed under load", async () => {
    const sent: { personId: string; text: string }[] = [];
    let done = false;
    const clients = Array.from({ length: 6 }, async (_, c) => {
      for (let n = 0; n < 8; n++) {
        const person = nextPerson();
        const instance = instances[c % instances.length] as Instance;
        sent.push({ personId: person.id, text: await assign(instance, person) });
      }
    });
    let kills = 0;
    const killer = (async () => {
      while (!done) {
        const { rows } = await side.query<{ killed: boolean }>(
          `select pg_terminate_backend(pid) as killed from pg_stat_activity
           where application_name like $1 and state <> 'idle' order by random() limit 1`,
          [`${APP_NAME}%`],
        );
        kills += rows.filter((r) => r.killed).length;
        await sleep(15);
      }
    })();
    await Promise.all(clients).finally(() => {
      done = true;
    });
    await killer;

    expect(kills).toBeGreaterThan(0);
    const holding = await held(sent.map((s) => s.personId));
    const untrue = sent.filter((s) => {
      const claim = claimOf(s.text);
      return (
        (claim === "applied" && !holding.has(s.personId)) ||
        (claim === "not_applied" && holding.has(s.personId))
      );
    });
    expect(untrue).toEqual([]);
    await expectSeatsEqualRowsAndAudited();
    await expectPoolsWhole();
    // The storm stopped: both instances serve as before.
    for (const instance of instances) expect(await assign(instance, nextPerson())).toMatch(/^Assigned /);
  });

  it("answers /healthz 200 and assigns again within seconds of an outage, with both pools whole", async () => {
    for (const instance of instances) instance.proxy.down(true);
    for (const instance of instances) {
      expect((await fetch(`${instance.running.url}/healthz`)).status).toBe(503);
      const person = nextPerson();
      expect(await assign(instance, person)).toBe(en["error.unexpected"]());
      expect((await held([person.id])).size).toBe(0);
    }
    for (const instance of instances) instance.proxy.down(false);
    const back = performance.now();
    for (const instance of instances) {
      const health = await fetch(`${instance.running.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await assign(instance, nextPerson())).toMatch(/^Assigned /);
    }
    expect(performance.now() - back).toBeLessThan(5_000);
    await expectPoolsWhole();
  });

  it("applies nothing of a bulk change whose backend dies inside its transaction, and all of it when applied again", async () => {
    const [a] = instances as [Instance];
    const group = Array.from({ length: 20 }, nextPerson);
    const bulk = new BulkModalDriver(fake, SIGNING_SECRET);
    const viewId = await bulk.openForm(a.running.url, admin);
    await bulk.submitForm(
      a.running.url,
      admin,
      viewId,
      group.map((p) => p.slackUserId),
      productId,
    );
    // One person's row held: the apply makes its first writes, then waits inside its transaction.
    const locker = new pg.Client({ connectionString: t.url, application_name: "storm-locker" });
    await locker.connect();
    const { rows: lockerRows } = await locker.query<{ pid: number }>("select pg_backend_pid() as pid");
    try {
      await locker.query("begin");
      await locker.query("select 1 from people where id = $1 for update", [group[group.length - 1]?.id]);
      const since = fake.calls.length;
      await bulk.submitPreview(a.running.url, admin, viewId);
      const blocked = async () =>
        (
          await side.query<{ pid: number }>(
            `select pid from pg_stat_activity where application_name = $1
               and pg_blocking_pids(pid) && array[$2::int]`,
            [`${APP_NAME}a`, lockerRows[0]?.pid],
          )
        ).rows;
      const [victim] = await until(blocked, 1);
      expect(victim).toBeDefined();
      await side.query("select pg_terminate_backend($1)", [victim?.pid]);
      await locker.query("commit");
      expect(await bulk.outcome(viewId, since)).toBe(en["error.unexpected"]());
    } finally {
      await locker.end();
    }
    expect((await held(group.map((p) => p.id))).size).toBe(0);
    const claims = await side.query("select 1 from bulk_changes where idempotency_key = $1", [
      `bulk:${deliveryKey.submission({ id: viewId, hash: "1" })}`,
    ]);
    expect(claims.rowCount).toBe(0);

    const since = fake.calls.length;
    await bulk.submitPreview(a.running.url, admin, viewId);
    expect(await bulk.outcome(viewId, since)).toMatch(/^Bulk change applied: 20 people changed/);
    expect((await held(group.map((p) => p.id))).size).toBe(20);
    await expectSeatsEqualRowsAndAudited();
    await expectPoolsWhole();
  });
});

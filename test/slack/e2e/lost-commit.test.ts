import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../../src/db/client.ts";
import { assignments, people, products, restoreWindows } from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-chat.ts";
import { postInteraction, postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../../helpers/database.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until } from "../../helpers/slack/running-app.ts";
import { startTcpProxy, type TcpProxy } from "../../helpers/tcp-proxy.ts";

const COMMIT = /\bcommit\b/i;
const quietLogger = { info: () => {}, warn: () => {}, error: () => {} };

// The app reaches Postgres through a proxy that drops its connection as the assign commits.
describe.runIf(onPostgres)("a command whose commit was cut short", () => {
  let t: TestDatabase;
  let proxy: TcpProxy;
  let database: DatabaseHandle;
  let fake: FakeSlackApi;
  let running: RunningSlackApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    const target = new URL(t.url as string);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    database = await openDatabase({ kind: "postgres", url: proxy.urlFor(t.url as string), poolMax: 4 });
    fake = await startFakeSlackApi();
    await ensureWorkspace(t.db, { id: fake.teamId, name: "fake", defaultUsageLocation: "SE" });
    await importCatalog(t.db, systemClock, {
      workspaceId: fake.teamId,
      catalog: await exampleCatalog(),
      actor: { userId: "system", source: "cli" },
    });
    running = await startSlackApp(
      { botToken: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.url, port: 0, host: "127.0.0.1" },
      { db: database.db, clock: systemClock, logger: quietLogger },
    );
  });
  afterAll(async () => {
    await running?.close();
    await fake?.close();
    await database?.close();
    await proxy?.close();
    await t?.close();
  });

  /** An admin assigns Office to a new member, with the connection cut at COMMIT as told. */
  async function assignWithCutCommit(point: "before" | "after", options: { thenDown?: boolean } = {}) {
    const admin = fake.users.add({ name: "admin", is_admin: true });
    const member = fake.users.add({ name: "member", profile: { display_name: "Mo Member" } });
    // The person is known before the cut, so the first COMMIT after it is the assign's.
    const warmUp = fake.responseUrl();
    await postSlashCommand(running.url, SIGNING_SECRET, {
      command: "/license",
      text: `show <@${member.id}>`,
      user_id: admin.id,
      team_id: fake.teamId,
      trigger_id: fake.issueTriggerId(),
      response_url: warmUp,
    });
    await until(() => fake.responses(warmUp), 1);
    const cut = proxy.cutAt(COMMIT, point, options);
    const responseUrl = fake.responseUrl();
    const http = await postSlashCommand(running.url, SIGNING_SECRET, {
      command: "/license",
      text: `assign <@${member.id}> office`,
      user_id: admin.id,
      team_id: fake.teamId,
      trigger_id: fake.issueTriggerId(),
      response_url: responseUrl,
    });
    expect(http.status).toBe(200);
    const replies = (await until(() => fake.responses(responseUrl), 1, 15_000)) as { text?: string }[];
    expect(cut.happened).toBe(true);
    proxy.down(false);
    const [person] = await t.db.select().from(people).where(eq(people.slackUserId, member.id));
    const held = await t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.personId, person?.id as string)));
    return { text: replies.map((r) => r.text ?? "").join("\n"), held: held.length };
  }

  it("says the change was saved when the server committed it", async () => {
    const { text, held } = await assignWithCutCommit("after");
    expect(held).toBe(1);
    expect(text).toBe(en["failure.applied"]());
  });

  it("says nothing was changed when the server never got the COMMIT", async () => {
    const { text, held } = await assignWithCutCommit("before");
    expect(held).toBe(0);
    expect(text).toBe(en["error.unexpected"]());
  });

  it("says it may have been applied when the database cannot be asked", async () => {
    const { text, held } = await assignWithCutCommit("after", { thenDown: true });
    expect(held).toBe(1);
    expect(text).toBe(en["failure.unknown"]());
  });

  it("tells the admin a confirmed removal was saved, which starts its countdown, when the server committed it", async () => {
    const admin = fake.users.add({ name: "admin", is_admin: true });
    const member = fake.users.add({ name: "member", profile: { display_name: "Mo Member" } });
    const recorded = await upsertPeople(t.db, {
      workspaceId: fake.teamId,
      people: [
        { slackUserId: member.id, name: "Mo Member" },
        // The admin as the directory knows them: the use case checks who may assign.
        { slackUserId: admin.id, name: "admin", isSlackAdmin: true },
      ],
    });
    const person = recorded.find((p) => p.slackUserId === member.id);
    const [product] = await t.db.select().from(products).where(eq(products.key, "office"));
    const input = {
      workspaceId: fake.teamId,
      personId: person?.id as string,
      productId: product?.id as string,
    };
    const assigned = await assignProduct(t.db, systemClock, {
      ...input,
      actor: { userId: admin.id, source: "cli" },
    });
    expect(assigned.ok).toBe(true);

    const cut = proxy.cutAt(COMMIT, "after", { armedBy: /delete from assignments/ });
    const submitted = await postInteraction(running.url, SIGNING_SECRET, {
      type: "view_submission",
      team: { id: fake.teamId },
      user: { id: admin.id, team_id: fake.teamId },
      view: {
        id: "VLOSTCOMMIT1",
        hash: "1",
        type: "modal",
        callback_id: ids.removeConfirmation.callbackId,
        private_metadata: JSON.stringify({ ...input, responseUrl: "" }),
        state: { values: {} },
      },
    });
    expect(submitted.status).toBe(200);
    const [told] = await until(
      () => fake.messages.filter((m) => m.channel === dmChannelFor(admin.id)),
      1,
      15_000,
    );
    expect(cut.happened).toBe(true);
    const held = await t.db.select().from(assignments).where(eq(assignments.personId, input.personId));
    const windows = await t.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.personId, input.personId));
    expect(held).toHaveLength(0);
    expect(windows.map((w) => w.status)).toEqual(["open"]);
    expect(told?.text).toBe(en["failure.applied"]());
  });
});

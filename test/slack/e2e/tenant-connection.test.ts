import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, tenantConnections } from "../../../src/db/schema/index.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { type LocalGraph, startLocalGraph } from "../../../src/local-graph/local-graph-server.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { createTokenCipher } from "../../../src/secrets/token-cipher.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { createTenantConnections, type TenantConnections } from "../../../src/tenants/tenant-connections.ts";
import { smallTenant } from "../../graph/demo-tenant-fixture.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { buttonValues, clickHomeButton, homeText, nextPublish, openHome } from "./app-home-helpers.ts";

/**
 * The stand-in's app starts with the least privilege License Desk needs, so that it can be
 * connected; /license tenant later finds User.Read.All taken away. Started before the app, as the
 * connections need its URLs.
 */
const graph: LocalGraph = await startLocalGraph({
  ...smallTenant(),
  app: { roles: ["LicenseAssignment.ReadWrite.All", "User.Read.All"] },
});
afterAll(() => graph.close());
const cipher = createTokenCipher([{ id: "k1", key: randomBytes(32) }]);
let connections: TenantConnections | undefined;
const app = useRunningSlackApp({
  tenantConnections: (db) => {
    connections = createTenantConnections({
      db,
      cloud: { graphUrl: graph.graphUrl, loginUrl: graph.loginUrl },
      cipher,
    });
    return connections;
  },
});
const t = ids.tenant;
const SECRET = graph.app.secrets?.[0] ?? "";

type View = { callback_id?: string; private_metadata?: string; blocks?: { text?: { text: string } }[] };

let people: Record<"admin" | "member", { id: string }> | undefined;
async function workspace() {
  await ensureWorkspace(app.db, { id: app.teamId, name: "fake" });
  people ??= {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    member: app.fake.users.add({ name: "member" }),
  };
  return people;
}

/** The modal that replaced the loading view after a press, once the app is done with it. */
async function modalAfter(before: number) {
  const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
  return { view: update?.args.view as View, viewId: update?.args.view_id as string };
}

const modalText = (view: View) => (view.blocks ?? []).map((b) => b.text?.text ?? "").join("\n");

function submitConnect(
  userId: string,
  opened: { view: View; viewId: string },
  values: Record<string, string>,
) {
  const field = (value: string) => ({ [t.inputAction]: { type: "plain_text_input", value } });
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    view: {
      id: opened.viewId,
      hash: `h${Math.random()}`,
      type: "modal",
      callback_id: opened.view.callback_id,
      private_metadata: opened.view.private_metadata ?? "",
      state: {
        values: {
          [t.tenantBlock]: field(values.tenant ?? graph.app.tenantId),
          [t.clientBlock]: field(values.client ?? graph.app.clientId),
          [t.secretBlock]: field(values.secret ?? SECRET),
        },
      },
    },
  });
}

describe("connecting Microsoft 365 from App Home", () => {
  it("opens the connect modal from the checklist, refuses a wrong secret in words, and stores the right one encrypted", async () => {
    const { admin } = await workspace();
    const home = await openHome(app, admin.id);
    expect(homeText(home)).toContain("Microsoft 365");
    expect(homeText(home)).toContain("Not connected");
    expect(homeText(home)).toContain("1 of 5 done");
    expect(buttonValues(home, t.connectAction)).toEqual(["connect"]);

    let before = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, admin.id, { actionId: t.connectAction, value: "connect" });
    const opened = await modalAfter(before);
    expect(opened.view.callback_id).toBe(t.callbackId);

    // A field that cannot be an id is refused beside it, before anything reaches Microsoft.
    const badField = await submitConnect(admin.id, opened, { client: "my app" });
    expect(badField.body).toMatchObject({
      response_action: "errors",
      errors: { [t.clientBlock]: expect.stringContaining("Application (client) ID") },
    });

    before = app.fake.callsTo("views.update").length;
    const wrong = await submitConnect(admin.id, opened, { secret: "not-the-secret" });
    expect(wrong.status).toBe(200);
    await app.settled();
    const refused = app.fake
      .callsTo("views.update")
      .slice(before)
      .map((c) => modalText(c.args.view as View));
    expect(refused.join("\n")).toContain("The client secret is wrong");
    expect(refused.join("\n")).toContain("AADSTS7000215");
    expect(await app.db.select().from(tenantConnections)).toEqual([]);

    before = app.fake.callsTo("views.update").length;
    const publishes = app.fake.callsTo("views.publish").length;
    const right = await submitConnect(admin.id, opened, {});
    expect(right.status).toBe(200);
    const republished = await nextPublish(app, admin.id, publishes);
    const done = app.fake
      .callsTo("views.update")
      .slice(before)
      .map((c) => modalText(c.args.view as View));
    expect(done.join("\n")).toContain(`Connected to Microsoft 365 tenant \`${graph.app.tenantId}\``);
    expect(homeText(republished)).toContain(`Connected to tenant \`${graph.app.tenantId}\``);
    expect(buttonValues(republished, t.disconnectAction)).toEqual(["disconnect"]);

    // Stored sealed: the table holds no copy of the secret, and the cipher opens it for this workspace only.
    const [row] = await app.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, app.teamId));
    expect(row?.clientSecretEncrypted).toMatch(/^v1:k1:/);
    expect(JSON.stringify(await app.db.select().from(tenantConnections))).not.toContain(SECRET);
    expect(
      cipher.decrypt(row?.clientSecretEncrypted ?? "", `tenant_connections:${app.teamId}:client_secret`),
    ).toBe(SECRET);
    expect(await connections?.resolve(app.teamId)).not.toBeNull();
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, app.teamId), eq(auditLog.action, "tenant.connected")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });
});

describe("/license tenant", () => {
  it("shows an admin the connection and each permission, naming what is missing; a member sees no details", async () => {
    const { admin, member } = await workspace();
    // Consent taken back for User.Read.All after the connection was made: the next token says so.
    graph.app.roles = ["LicenseAssignment.ReadWrite.All"];
    graph.signIn.revokeAll();
    await app.db
      .update(tenantConnections)
      .set({
        connectedAt: new Date(),
        lastSyncAt: new Date("2026-12-01T09:00:00Z"),
        lastSyncError: null,
        lastSyncSummary: { productsImported: 2, unmatchedPeople: ["a@contoso.com"] },
      })
      .where(eq(tenantConnections.workspaceId, app.teamId));

    const { replies } = await app.command(admin.id, "tenant");
    const text = JSON.stringify(replies);
    expect(text).toContain(`Tenant \`${graph.app.tenantId}\`, app \`${graph.app.clientId}\``);
    expect(text).toContain("signing in with the client secret entered in App Home");
    expect(text).toContain(":white_check_mark: `LicenseAssignment.ReadWrite.All`");
    expect(text).toContain(":x: `User.Read.All` is missing");
    expect(text).toContain("Missing: `User.Read.All`");
    expect(text).toContain("`User.ReadWrite.All` not granted (optional)");
    expect(text).toContain("products imported: 2");
    expect(text).toContain("unmatched people: 1");

    const asMember = JSON.stringify((await app.command(member.id, "tenant")).replies);
    expect(asMember).toContain("This workspace's licenses live in Microsoft 365");
    expect(asMember).not.toContain(graph.app.tenantId);
    expect(asMember).not.toContain("User.Read.All");
  });
});

describe("disconnecting Microsoft 365 from App Home", () => {
  it("refuses a member's press, and an admin's deletes the connection and its secret, with its audit row", async () => {
    const { admin, member } = await workspace();
    let before = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, member.id, { actionId: t.disconnectAction, value: "disconnect" });
    await app.settled();
    const refused = app.fake
      .callsTo("views.update")
      .slice(before)
      .map((c) => modalText(c.args.view as View));
    expect(refused.join("\n")).toContain("Only license admins can do that.");
    expect(await app.db.select().from(tenantConnections)).toHaveLength(1);

    before = app.fake.callsTo("views.update").length;
    const publishes = app.fake.callsTo("views.publish").length;
    await clickHomeButton(app, admin.id, { actionId: t.disconnectAction, value: "disconnect" });
    const home = await nextPublish(app, admin.id, publishes);
    await app.settled();
    const done = app.fake
      .callsTo("views.update")
      .slice(before)
      .map((c) => modalText(c.args.view as View));
    expect(done.join("\n")).toContain(`Disconnected from Microsoft 365 tenant \`${graph.app.tenantId}\``);
    expect(homeText(home)).toContain("Not connected");
    expect(await app.db.select().from(tenantConnections)).toEqual([]);
    expect(await connections?.resolve(app.teamId)).toBeNull();
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, app.teamId), eq(auditLog.action, "tenant.disconnected")));
    expect(audit).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantConnections } from "../../../src/db/schema/index.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { type LocalGraph, startLocalGraph } from "../../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../../src/tenants/microsoft365/connect-microsoft365.ts";
import { BUSINESS_STANDARD, EXCHANGE_PLAN_1, smallTenant } from "../../graph/demo-tenant-fixture.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";

let graph: LocalGraph | undefined;
// Resolved per command, as the real resolver is: the workspace's tenant is the stand-in.
const app = useRunningSlackApp({
  tenants: async () => {
    if (!graph) throw new Error("the stand-in starts in beforeAll");
    return connectMicrosoft365({
      tenantId: graph.app.tenantId,
      clientId: graph.app.clientId,
      credential: { kind: "secret", secret: graph.app.secrets?.[0] ?? "" },
      graphUrl: graph.graphUrl,
      loginUrl: graph.loginUrl,
    });
  },
});
beforeAll(async () => {
  graph = await startLocalGraph(smallTenant());
});
afterAll(() => graph?.close());

const say = async (userId: string, text: string) => (await app.command(userId, text)).replies[0]?.text ?? "";
const sayWithBlocks = async (userId: string, text: string) => {
  const [reply] = (await app.command(userId, text)).replies;
  return `${reply?.text ?? ""} ${JSON.stringify(reply?.blocks ?? [])}`;
};

describe("/license sync over signed HTTP", () => {
  it("tells the admin what was changed in Microsoft 365, and refuses a member before reading the tenant", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "admin", is_admin: true, profile: { display_name: "Ada" } });
    const alva = app.fake.users.add({ name: "alva", profile: { display_name: "Alva" } });
    const bo = app.fake.users.add({ name: "bo", profile: { display_name: "Bo" } });
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [
        { slackUserId: alva.id, name: "Alva", email: "alva@example.com" },
        { slackUserId: bo.id, name: "Bo", email: "Bo@Example.com" },
      ],
    });
    expect(await say(admin.id, "sync")).toContain("not connected to a Microsoft 365 tenant");
    await app.db.insert(tenantConnections).values({
      workspaceId: app.teamId,
      tenantId: graph?.app.tenantId as string,
      connectedBy: admin.id,
      connectedAt: new Date(),
    });

    const first = await say(admin.id, "sync");
    expect(first).toContain("Synced with Microsoft 365");
    expect(first).toContain(`<@${alva.id}> got *Microsoft 365 Business Standard*`);
    expect(first).toContain("Wei (wei@example.com)");
    expect(first).toContain("New products from Microsoft 365: *Microsoft 365 Business Standard*");

    graph?.tenant.assignLicense("u-alva", { addLicenses: [], removeLicenses: [BUSINESS_STANDARD] });
    graph?.tenant.assignLicense("u-bo", { addLicenses: [{ skuId: EXCHANGE_PLAN_1 }], removeLicenses: [] });
    const second = await say(admin.id, "sync");
    expect(second).toContain(
      "Changed in Microsoft 365, not through License Desk: 1 license given, 1 taken away.",
    );
    expect(second).toContain(`<@${bo.id}> got *`);
    expect(second).toMatch(
      new RegExp(
        `<@${alva.id}> lost \\*Microsoft 365 Business Standard\\*: their data can be restored until`,
      ),
    );
    expect(await sayWithBlocks(admin.id, "audit")).toContain(
      "changed in Microsoft 365, not through License Desk",
    );

    const member = app.fake.users.add({ name: "member", profile: { display_name: "Mo" } });
    const before = graph?.requests.length;
    expect(await say(member.id, "sync")).toContain("Only license admins can do that.");
    expect(graph?.requests.length).toBe(before);
  });
});

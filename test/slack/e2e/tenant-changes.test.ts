import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, products, tenantConnections } from "../../../src/db/schema/index.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import type { LocalGraph } from "../../../src/local-graph/local-graph-server.ts";
import { dmChannelFor, type SlackUser } from "../../../src/local-slack/fake-slack-api.ts";
import { microsoft365Tenant } from "../../../src/tenants/microsoft365/microsoft365-tenant.ts";
import type { TenantPort } from "../../../src/tenants/tenant-port.ts";
import { BUSINESS_STANDARD, smallTenant } from "../../graph/demo-tenant-fixture.ts";
import { localGraphWithClient } from "../../helpers/local-graph.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { pendingRequestFor, press, submit, teamWithAdmins } from "./request-interactions.ts";

let graph: LocalGraph;
let tenant: TenantPort;
beforeAll(async () => {
  const started = await localGraphWithClient(smallTenant(), {
    maxAttempts: 2,
    baseDelayMs: 1,
    maxDelayMs: 5,
  });
  graph = started.graph;
  tenant = microsoft365Tenant(started.client);
});
afterAll(() => graph?.close());

const app = useRunningSlackApp({ tenants: async () => tenant });

const wordsOf = (message: { text?: string; blocks?: unknown }) =>
  [
    message.text ?? "",
    ...((message.blocks ?? []) as { text?: { text?: string } }[]).map((block) => block.text?.text ?? ""),
  ].join("\n");
const dms = (user: SlackUser) =>
  app.fake.messages.filter((m) => m.channel === dmChannelFor(user.id)).map(wordsOf);
const held = (tenantUser: string) =>
  (graph.tenant.userJson(tenantUser)?.assignedLicenses ?? []).map((l) => l.skuId);

/** The example workspace connected to the stand-in tenant: Office is its Business Standard. */
async function connectedTeam() {
  const team = await teamWithAdmins(app, 1);
  const workspaceId = app.teamId;
  await app.db.update(products).set({ tenantProductId: BUSINESS_STANDARD }).where(eq(products.key, "office"));
  await app.db
    .insert(tenantConnections)
    .values({ workspaceId, tenantId: graph.app.tenantId, connectedBy: "system", connectedAt: new Date() })
    .onConflictDoNothing();
  return team;
}

/** A member of the workspace who is `tenantUser` in the tenant. */
async function memberAs(tenantUser: string, name: string) {
  const user = app.fake.users.add({ name, real_name: name });
  const [row] = await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: [{ slackUserId: user.id, name, usageLocation: "SE" }],
  });
  await app.db
    .update(people)
    .set({ tenantPersonId: tenantUser })
    .where(eq(people.id, row?.id ?? ""));
  return user;
}

describe("licenses changed in Microsoft 365 from Slack (rule 13)", () => {
  it("assigns in the tenant, tells the admin the seat waits, then what the tenant did", async () => {
    const { admins } = await connectedTeam();
    const admin = admins[0] as SlackUser;
    const bo = await memberAs("u-bo", "Bo");
    const { replies } = await app.command(admin.id, `assign <@${bo.id}> office`);
    await app.settled();
    expect(replies.map(wordsOf).join("\n")).toContain("Sent to Microsoft 365");
    expect(held("u-bo")).toEqual([BUSINESS_STANDARD]);
    expect(dms(admin).join("\n")).toContain("Assigned in Microsoft 365");
    // Bo hears of it once the tenant has it.
    expect(dms(bo).join("\n")).toContain("You now have");
  });

  it("tells the admin why the tenant refused, and frees the seat", async () => {
    const { admins } = await connectedTeam();
    const admin = admins[0] as SlackUser;
    const cleo = await memberAs("u-cleo", "Cleo");
    await app.command(admin.id, `assign <@${cleo.id}> office`);
    await app.settled();
    expect(held("u-cleo")).toEqual([]);
    const told = dms(admin).join("\n");
    expect(told).toContain("Microsoft 365 did not assign");
    expect(told).toContain("no usage location in Microsoft 365");
    expect(dms(cleo)).toEqual([]);
  });

  it("sets a usage location in the tenant first, and says which permission is missing when it cannot", async () => {
    const { admins } = await connectedTeam();
    const admin = admins[0] as SlackUser;
    const wei = await memberAs("u-wei", "Wei");
    await app.command(admin.id, `location <@${wei.id}> NO`);
    await app.settled();
    expect(graph.tenant.userJson("u-wei")?.usageLocation).toBe("NO");
    const [moved] = await app.db.select().from(people).where(eq(people.slackUserId, wei.id));
    expect(moved?.usageLocation).toBe("NO");

    graph.permissions.delete("User.ReadWrite.All");
    try {
      const { replies } = await app.command(admin.id, `location <@${wei.id}> DK`);
      await app.settled();
      expect(replies.map(wordsOf).join("\n")).toContain("User.ReadWrite.All");
    } finally {
      graph.permissions.add("User.ReadWrite.All");
    }
    expect(graph.tenant.userJson("u-wei")?.usageLocation).toBe("NO");
    const [kept] = await app.db.select().from(people).where(eq(people.slackUserId, wei.id));
    expect(kept?.usageLocation).toBe("NO");
  });

  it("makes an approved request in the tenant", async () => {
    const { admins, member } = await connectedTeam();
    const admin = admins[0] as SlackUser;
    graph.tenant.assignLicense("u-alva", { addLicenses: [], removeLicenses: [BUSINESS_STANDARD] });
    await app.command(member.id, "request office because Starting in sales on Monday");
    await app.settled();
    const requestId = await pendingRequestFor(app, member);
    // The member is Alva in the tenant (the sync matches them by email).
    await app.db.update(people).set({ tenantPersonId: "u-alva" }).where(eq(people.slackUserId, member.id));
    const modal = await press(app, admin, "approve", requestId);
    await submit(app, admin, modal, "Welcome");
    await app.settled();
    expect(held("u-alva")).toEqual([BUSINESS_STANDARD]);
    expect(dms(admin).join("\n")).toContain("Assigned in Microsoft 365");
  });
});

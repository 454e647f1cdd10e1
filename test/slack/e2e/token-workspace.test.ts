import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, slackDeliveries, workspaces } from "../../../src/db/schema/index.ts";
import { postEvent, postInteraction, postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();
const STRANGER = "T0STRANGER";
const OTHER_ORG = "E0OTHERORG";

/** Whatever a request could have left behind, in the foreign workspace or the org. */
async function anythingStoredFor(...workspaceIds: string[]) {
  const [rows, claims, audits, persons] = await Promise.all([
    app.db.select().from(workspaces).where(inArray(workspaces.id, workspaceIds)),
    app.db.select().from(slackDeliveries).where(inArray(slackDeliveries.workspaceId, workspaceIds)),
    app.db.select().from(auditLog).where(inArray(auditLog.workspaceId, workspaceIds)),
    app.db.select().from(people).where(inArray(people.workspaceId, workspaceIds)),
  ]);
  return [...rows, ...claims, ...audits, ...persons];
}

const refusalsLogged = () =>
  app.logs.filter(
    (l) =>
      l.level === "warn" &&
      l.message.includes("does not belong to") &&
      [STRANGER, OTHER_ORG].includes(l.context?.workspaceId as string),
  );

/** Time for anything a request set off after its answer to have run. */

describe("with one bot token, a request from another team", () => {
  it("is answered, refused and logged, and leaves nothing behind", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "stranger-admin", is_admin: true });
    const responseUrl = app.fake.responseUrl();
    const callsBefore = app.fake.calls.filter((c) => c.method !== "auth.test").length;

    const command = await postSlashCommand(app.url, SIGNING_SECRET, {
      command: "/license",
      text: "status",
      user_id: admin.id,
      team_id: STRANGER,
      team_domain: "stranger",
      trigger_id: app.fake.issueTriggerId(),
      response_url: responseUrl,
    });
    const event = await postEvent(app.url, SIGNING_SECRET, {
      token: "verification-token",
      team_id: STRANGER,
      api_app_id: "A0FAKEAPP1",
      type: "event_callback",
      event_id: `EvSTRANGER${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "team_join", user: app.fake.users.add({ name: "stranger-newcomer" }) },
      authorizations: [{ team_id: STRANGER, user_id: app.fake.botUserId, is_bot: true }],
    });
    const button = await postInteraction(app.url, SIGNING_SECRET, {
      type: "block_actions",
      team: { id: STRANGER, domain: "stranger" },
      user: { id: admin.id, team_id: STRANGER },
      api_app_id: "A0FAKEAPP1",
      trigger_id: app.fake.issueTriggerId(),
      response_url: app.fake.responseUrl(),
      actions: [
        {
          type: "button",
          action_id: ids.window.restoreAction,
          block_id: "b",
          value: "00000000-0000-4000-8000-000000000000",
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    });
    // This team's user, claiming an org-wide install of an org the token does not belong to.
    const orgWide = await postSlashCommand(app.url, SIGNING_SECRET, {
      command: "/license",
      text: "status",
      user_id: admin.id,
      team_id: app.teamId,
      enterprise_id: OTHER_ORG,
      is_enterprise_install: "true",
      trigger_id: app.fake.issueTriggerId(),
      response_url: app.fake.responseUrl(),
    });
    // The refusal is logged where the request stops: once all four are, nothing further runs.
    await until(refusalsLogged, 4);

    expect([command.status, event.status, button.status, orgWide.status]).toEqual([200, 200, 200, 200]);
    expect(command.body).toMatchObject({ text: "This app is not installed in this workspace." });
    expect(orgWide.body).toMatchObject({ text: "This app is not installed in this workspace." });
    expect(await anythingStoredFor(STRANGER, OTHER_ORG)).toEqual([]);
    expect(app.fake.responses(responseUrl)).toEqual([]);
    expect(app.fake.calls.filter((c) => c.method !== "auth.test")).toHaveLength(callsBefore);
    expect(
      refusalsLogged()
        .map((l) => l.context?.workspaceId)
        .sort(),
    ).toEqual([OTHER_ORG, STRANGER, STRANGER, STRANGER]);
    expect(app.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it("leaves the token's own workspace served as before", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "home-admin", is_admin: true });
    const { http, replies } = await app.command(admin.id, "status");
    expect(http.status).toBe(200);
    expect(JSON.stringify(replies)).toContain("available");
    const [row] = await app.db.select().from(workspaces).where(eq(workspaces.id, app.teamId));
    expect(row?.active).toBe(true);
  });
});

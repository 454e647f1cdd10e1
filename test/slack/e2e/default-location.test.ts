import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, workspaces } from "../../../src/db/schema/index.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { deliver, envelope, heldBy, newEventId, workspaceWithAdminOf } from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);

const say = async (userId: string, text: string) => {
  const { replies } = await app.command(userId, text);
  return `${replies[0]?.text ?? ""} ${JSON.stringify(replies[0]?.blocks ?? [])}`;
};

const join = async (name: string) => {
  const user = app.fake.users.add({ name });
  expect(await deliver(envelope(app, newEventId(), { type: "team_join", user }), 1, app.url)).toEqual([200]);
  await app.settled();
  return user;
};

describe("the workspace's default usage location (rule 4)", () => {
  it("set by an admin alone, gives a newcomer with no location the default products on team_join", async () => {
    const { admin } = await workspaceWithAdmin();
    await app.db.update(workspaces).set({ defaultUsageLocation: null }).where(eq(workspaces.id, app.teamId));

    const early = await join("early");
    expect(await heldBy(app, early.id)).toHaveLength(0);
    expect(await say(admin.id, "status")).toContain("No default usage location");

    const member = app.fake.users.add({ name: "member" });
    expect(await say(member.id, "location default SE")).toContain("Only license admins");
    expect(await say(admin.id, "location default XX")).toContain("two-letter country code");
    expect(await say(admin.id, "location default se")).toContain("The default usage location is now SE");

    const late = await join("late");
    expect((await heldBy(app, late.id)).length).toBeGreaterThan(0);
    expect(await say(admin.id, "status")).toContain("Default usage location: SE");

    const audits = await app.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.targetId, app.teamId), eq(auditLog.action, "workspace.default_usage_location_set")),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor: admin.id,
      source: "command",
      before: { defaultUsageLocation: null },
      after: { defaultUsageLocation: "SE" },
    });
  });
});

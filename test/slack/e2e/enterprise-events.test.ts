import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { assignments, auditLog, people } from "../../../src/db/schema/index.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { singleProductCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import { until } from "../../helpers/until.ts";

const ENTERPRISE_ID = "E0ORGEVENT1";
// The bot token is the org-wide install's: the app serves the org, and no other team.
const app = useRunningSlackApp({ slack: { enterpriseId: ENTERPRISE_ID, isEnterpriseInstall: true } });

/**
 * An event as Slack sends it to an org-wide install: the envelope names the team the user joined,
 * the authorization names the org and no team.
 */
function orgWideEnvelope(event: Record<string, unknown>) {
  return {
    token: "verification-token",
    team_id: app.teamId,
    enterprise_id: ENTERPRISE_ID,
    api_app_id: "A0FAKEAPP1",
    type: "event_callback",
    event_id: `EvORG${Date.now().toString(36).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    is_ext_shared_channel: false,
    authorizations: [
      {
        enterprise_id: ENTERPRISE_ID,
        team_id: null,
        user_id: app.fake.botUserId,
        is_bot: true,
        is_enterprise_install: true,
      },
    ],
  };
}

it("an org-wide install's team_join adds the person to the org, with the org's default products", async () => {
  await app.exampleWorkspace();
  await ensureWorkspace(app.db, { id: ENTERPRISE_ID, name: "org", defaultUsageLocation: "SE" });
  const catalog = singleProductCatalog(5, "orgmail");
  await importCatalog(app.db, systemClock, {
    workspaceId: ENTERPRISE_ID,
    catalog: { products: catalog.products.map((p) => ({ ...p, isDefault: true })) },
    actor: { userId: "system", source: "cli" },
  });
  const user = app.fake.users.add({ name: "org-newcomer" });

  const answer = await postEvent(app.url, SIGNING_SECRET, orgWideEnvelope({ type: "team_join", user }));

  expect(answer.status).toBe(200);
  const [person] = await until(() => app.db.select().from(people).where(eq(people.slackUserId, user.id)), 1);
  expect(person?.workspaceId).toBe(ENTERPRISE_ID);
  const held = await until(
    () =>
      app.db
        .select()
        .from(assignments)
        .where(eq(assignments.personId, person?.id as string)),
    1,
  );
  expect(held.map((row) => row.workspaceId)).toEqual([ENTERPRISE_ID]);
  const audited = await app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, person?.id as string));
  expect(audited.length).toBeGreaterThan(0);
  expect(audited.every((row) => row.workspaceId === ENTERPRISE_ID)).toBe(true);
  // Nothing of it landed in the team's own workspace.
  const inTeam = await app.db.select().from(people).where(eq(people.workspaceId, app.teamId));
  expect(inTeam.some((row) => row.slackUserId === user.id)).toBe(false);
});

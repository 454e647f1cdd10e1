import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { assignments, people } from "../../../src/db/schema/index.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { singleProductCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const ENTERPRISE_ID = "E0ORGWIDE1";
// The bot token is the org-wide install's: the app serves the org, and no other team.
const app = useRunningSlackApp({ slack: { enterpriseId: ENTERPRISE_ID, isEnterpriseInstall: true } });

it("a command from an org-wide install acts on the enterprise's workspace, not the team's", async () => {
  await app.exampleWorkspace();
  await ensureWorkspace(app.db, { id: ENTERPRISE_ID, name: "org", defaultUsageLocation: "SE" });
  await importCatalog(app.db, systemClock, {
    workspaceId: ENTERPRISE_ID,
    catalog: singleProductCatalog(3, "orgmail"),
    actor: { userId: "system", source: "cli" },
  });
  const admin = app.fake.users.add({ name: "admin", is_admin: true, profile: { display_name: "Ada Admin" } });
  const member = app.fake.users.add({ name: "member", profile: { display_name: "Mo Member" } });
  const responseUrl = app.fake.responseUrl();

  const http = await postSlashCommand(app.url, SIGNING_SECRET, {
    command: "/license",
    text: `assign <@${member.id}> orgmail`,
    user_id: admin.id,
    team_id: app.teamId,
    enterprise_id: ENTERPRISE_ID,
    is_enterprise_install: "true",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
  });

  expect(http.status).toBe(200);
  const [reply] = (await until(() => app.fake.responses(responseUrl), 1)) as { text?: string }[];
  expect(JSON.stringify(reply)).toContain("2 of 3 available");
  const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
  expect(person?.workspaceId).toBe(ENTERPRISE_ID);
  const held = await app.db
    .select()
    .from(assignments)
    .where(eq(assignments.personId, person?.id as string));
  expect(held).toHaveLength(1);
  expect(held[0]?.workspaceId).toBe(ENTERPRISE_ID);
});

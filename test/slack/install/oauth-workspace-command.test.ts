import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { until } from "../../helpers/slack/running-app.ts";
import { useOAuthApp } from "./oauth-app.ts";

const t = useTestDatabase();
// The workspace's Web API accepts only the token its install will bring.
const installedToken = `xoxb-installed-${randomBytes(6).toString("hex")}`;

const app = useOAuthApp(t, [installedToken]);

it("answers a workspace that installed through OAuth with that install's token", async () => {
  await app.install(app.slack.teamId, app.slack.token);
  await ensureWorkspace(t.db, { id: app.slack.teamId, name: "Installed", defaultUsageLocation: "SE" });
  await importCatalog(t.db, systemClock, {
    workspaceId: app.slack.teamId,
    catalog: await exampleCatalog(),
    actor: { userId: "system", source: "cli" },
  });
  const member = app.slack.users.add({ name: "member" });
  const responseUrl = app.slack.responseUrl();
  const http = await postSlashCommand(app.running.url, app.settings.signingSecret, {
    command: "/license",
    text: "status",
    user_id: member.id,
    team_id: app.slack.teamId,
    trigger_id: app.slack.issueTriggerId(),
    response_url: responseUrl,
  });
  expect(http.status).toBe(200);
  const [reply] = await until(() => app.slack.responses(responseUrl), 1);
  expect(JSON.stringify(reply)).toContain("10 of 10 available");
  expect(app.slack.calls.filter((call) => call.error === "invalid_auth")).toEqual([]);
  expect(app.slack.calls.length).toBeGreaterThan(0);
});

it("drops a request from a workspace that never installed", async () => {
  const responseUrl = app.slack.responseUrl();
  const before = app.slack.calls.length;
  await postSlashCommand(app.running.url, app.settings.signingSecret, {
    command: "/license",
    text: "status",
    user_id: "U0STRANGER",
    team_id: "T0NOTINSTALLED",
    trigger_id: app.slack.issueTriggerId(),
    response_url: responseUrl,
  });
  await app.running.inFlight.idle();
  expect(app.slack.responses(responseUrl)).toEqual([]);
  expect(app.slack.calls.length).toBe(before);
});

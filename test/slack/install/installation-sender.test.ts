import { afterAll, beforeAll, expect, it } from "vitest";
import { PermanentFailure } from "../../../src/jobs/outbox-relay.ts";
import { fixedClock } from "../../../src/licensing/clock.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { InstallationNotFoundError } from "../../../src/slack/install/postgres-installation-store.ts";
import { installationSender } from "../../../src/slack/notices/installation-sender.ts";
import { useTestDatabase } from "../../helpers/database.ts";

const t = useTestDatabase();

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi({ tokens: ["xoxb-team-a", "xoxb-team-b"] });
});
afterAll(() => slack?.close());

const message = (workspaceId: string, outboxId: string) => ({
  outboxId,
  workspaceId,
  channel: "C0NOTICES",
  notice: { kind: "low_seats" as const, items: [{ product: "Office", available: 0, purchased: 1 }] },
});

it("looks each workspace's token up once per minute, and again after it", async () => {
  let now = new Date("2026-03-02T10:00:00Z");
  const clock = { now: () => now };
  const lookups: string[] = [];
  const send = installationSender({
    tokenFor: async ({ teamId }) => {
      lookups.push(teamId);
      return teamId === "TA" ? "xoxb-team-a" : "xoxb-team-b";
    },
    apiUrl: slack.url,
    db: t.db,
    clock,
  });
  await send(message("TA", "1"));
  await send(message("TB", "2"));
  await send(message("TA", "3"));
  expect(lookups).toEqual(["TA", "TB"]);
  now = new Date(now.getTime() + 61_000);
  await send(message("TA", "4"));
  expect(lookups).toEqual(["TA", "TB", "TA"]);
  const used = slack.callsTo("chat.postMessage").map((c) => c.tokenIndex);
  expect(used).toEqual([0, 1, 0, 0]);
});

it("fails a workspace with no installation permanently, saying so", async () => {
  const send = installationSender({
    tokenFor: async ({ teamId }) => {
      throw new InstallationNotFoundError(`no installation for team ${teamId}`);
    },
    apiUrl: slack.url,
    db: t.db,
    clock: fixedClock("2026-03-02T10:00:00Z"),
  });
  const sent = send(message("TGONE", "5"));
  await expect(sent).rejects.toBeInstanceOf(PermanentFailure);
  await expect(sent).rejects.toThrow("no Slack installation for workspace TGONE");
});

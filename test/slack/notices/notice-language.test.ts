import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { setWorkspaceLanguage } from "../../../src/licensing/language/set-workspace-language.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { relayClient, sendJobNotice } from "../../../src/slack/notices/send-job-notice.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

/** Swedish stood in for by the English words marked «sv»: what is tested is who reads which catalog. */
vi.mock("../../../src/slack/copy/catalogs.ts", async () => {
  const { en } = await import("../../../src/slack/copy/en.ts");
  const marked = Object.fromEntries(
    Object.entries(en).map(([id, say]) => [
      id,
      (...params: unknown[]) => `«sv» ${(say as (...p: unknown[]) => string)(...params)}`,
    ]),
  );
  return { catalogFor: (language: string) => (language === "sv" ? marked : en) };
});

const t = useTestDatabase();
let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(() => slack?.close());

const reminder = {
  kind: "low_seats" as const,
  items: [{ product: "Office", available: 0, purchased: 1 }],
};

it("words a notice when it is sent: a DM in its recipient's language, a channel post in the workspace's", async () => {
  const f = await createFixture(t.db);
  slack.users.add({ id: "USVENSK", name: "sven", locale: "sv-SE" });
  slack.users.add({ id: "UENGLISH", name: "ellen", locale: "en-GB" });
  await upsertPeople(t.db, {
    workspaceId: f.workspaceId,
    people: [
      { slackUserId: "USVENSK", name: "Sven", slackLocale: "sv-SE" },
      { slackUserId: "UENGLISH", name: "Ellen", slackLocale: "en-GB" },
    ],
  });
  const send = sendJobNotice(t.db, relayClient(slack.token, slack.url));
  const post = async (channel: string, outboxId: string) => {
    await send({ outboxId, workspaceId: f.workspaceId, channel, notice: reminder });
    return slack.messages.at(-1)?.text ?? "";
  };
  expect(await post("USVENSK", "1")).toMatch(/^«sv» /);
  expect(await post("UENGLISH", "2")).not.toContain("«sv»");
  expect(await post("C0APPROVALS", "3")).not.toContain("«sv»");

  await setWorkspaceLanguage(t.db, f.clock, { workspaceId: f.workspaceId, actor: admin, language: "sv" });
  expect(await post("C0APPROVALS", "4")).toMatch(/^«sv» /);
  // A person's Slack locale still wins over the new default.
  expect(await post("UENGLISH", "5")).not.toContain("«sv»");
});

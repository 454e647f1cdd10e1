import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { restoreWindows } from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { errorText } from "../../../src/slack/copy/licensing-codes.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();
const OTHER = "T0ELSEWHERE";
/** The plain refusal, with its next step: never a claim that data is gone. */
const NOT_FOUND = errorText(en, "UNKNOWN_WINDOW");

/** A restore window of another workspace on the same database. */
async function windowElsewhere(): Promise<string> {
  await ensureWorkspace(app.db, { id: OTHER, name: "Elsewhere", defaultUsageLocation: "SE" });
  await importCatalog(app.db, systemClock, {
    workspaceId: OTHER,
    catalog: await exampleCatalog(),
    actor: { userId: "system", source: "cli" },
  });
  const office = (await getSeatUsage(app.db, { workspaceId: OTHER })).find((p) => p.key === "office");
  const [leaver] = await upsertPeople(app.db, {
    workspaceId: OTHER,
    people: [
      { slackUserId: "U0ELSE0001", name: "Leaver Elsewhere" },
      // The other workspace's admin the setup acts as: rule 10 reads it from the directory.
      { slackUserId: "U0ELSEADMN", name: "Admin Elsewhere", isSlackAdmin: true },
    ],
  });
  const input = {
    workspaceId: OTHER,
    personId: leaver?.id as string,
    productId: office?.productId as string,
    actor: { userId: "U0ELSEADMN", source: "command" as const },
  };
  if (!(await assignProduct(app.db, systemClock, input)).ok) throw new Error("assign");
  if (!(await removeProduct(app.db, systemClock, input)).ok) throw new Error("remove");
  const [window] = await app.db
    .select()
    .from(restoreWindows)
    .where(eq(restoreWindows.personId, input.personId));
  if (!window) throw new Error("no window");
  return window.id;
}

/** An admin of this workspace, as Slack and License Desk both know them. */
async function adminHere() {
  await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "admin-here", is_admin: true });
  await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: [{ slackUserId: admin.id, name: "Admin Here", isSlackAdmin: true }],
  });
  return admin;
}

let clicks = 0;
function click(userId: string, actionId: string, value: string) {
  const responseUrl = app.fake.responseUrl();
  const sent = postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", message_ts: "1.000001", channel_id: dmChannelFor(userId) },
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b",
        value,
        action_ts: `${Date.now() / 1000}.${++clicks}`,
      },
    ],
  });
  return { sent, responseUrl };
}

describe("a restore button naming no window of this workspace", () => {
  it("Restore (App Home and the reminders) says the window was not found, never that data is gone", async () => {
    const admin = await adminHere();
    const named = [await windowElsewhere(), "00000000-0000-4000-8000-000000000000", "not-a-window"];
    const toAdmin = () => app.fake.messages.filter((m) => m.channel === dmChannelFor(admin.id));

    for (const windowId of named) {
      expect((await click(admin.id, ids.window.restoreAction, windowId).sent).status).toBe(200);
    }

    const told = await until(toAdmin, named.length);
    expect(told.map((m) => m.text)).toEqual(named.map(() => NOT_FOUND));
    const [elsewhere] = await app.db
      .select()
      .from(restoreWindows)
      .where(eq(restoreWindows.id, named[0] as string));
    expect(elsewhere?.status).toBe("open");
  });

  it("Let it expire says the window was not found, never that data is gone", async () => {
    const admin = await adminHere();
    const named = [await windowElsewhere(), "00000000-0000-4000-8000-000000000001", "not-a-window"];

    const pressed = named.map((windowId) => click(admin.id, ids.window.letExpireAction, windowId));
    expect((await Promise.all(pressed.map((p) => p.sent))).map((r) => r.status)).toEqual([200, 200, 200]);

    for (const { responseUrl } of pressed) {
      const replies = (await until(() => app.fake.responses(responseUrl), 1)) as { text?: string }[];
      expect(replies.map((r) => r.text)).toEqual([NOT_FOUND]);
    }
  });
});

describe("a mailbox button naming no mailbox of this workspace", () => {
  it("says the mailbox was not found, not that it no longer exists", async () => {
    const admin = await adminHere();
    const before = app.fake.callsTo("views.update").length;

    await click(admin.id, ids.mailbox.licenseAction, "00000000-0000-4000-8000-000000000002").sent;

    const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
    const shown = JSON.stringify(update?.args.view);
    expect(shown).toContain("That mailbox was not found in this workspace. Nothing was changed.");
    expect(shown).not.toContain("no longer");
  });
});

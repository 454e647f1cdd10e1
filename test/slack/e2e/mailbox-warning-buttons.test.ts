import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, nonUserMailboxes } from "../../../src/db/schema/index.ts";
import { runDailyJobs } from "../../../src/jobs/daily-jobs.ts";
import { relayOutbox } from "../../../src/jobs/outbox-relay.ts";
import { addDays, fixedClock, systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-chat.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { relayClient, sendJobNotice } from "../../../src/slack/notices/send-job-notice.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

let seq = 0;

type View = { callback_id?: string; blocks?: unknown[]; private_metadata?: string };
type Copy = { channel: string; ts: string };

/** Two admins, and a shared mailbox over its quota whose lock warning each got in their DM. */
async function warnedMailbox(sizeGb = 15) {
  await app.exampleWorkspace();
  const admins = [
    app.fake.users.add({ name: `admin${++seq}`, is_admin: true }),
    app.fake.users.add({ name: `other${seq}`, is_admin: true }),
  ];
  await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: admins.map((a, i) => ({ slackUserId: a.id, name: `Admin ${i}`, isSlackAdmin: true })),
  });
  const created = await recordMailboxSize(app.db, systemClock, {
    workspaceId: app.teamId,
    address: `shared${seq}@example.com`,
    kind: "shared",
    sizeMb: sizeGb * 1024,
    actor: { userId: "system", source: "cli" },
  });
  if (!created.ok) throw new Error(created.code);
  const [row] = await app.db
    .select()
    .from(nonUserMailboxes)
    .where(eq(nonUserMailboxes.id, created.mailboxId));
  if (!row?.lockAt) throw new Error("not over quota");
  const day = fixedClock(addDays(row.lockAt, -1));
  await runDailyJobs(app.db, day.now(), { workspaceId: app.teamId });
  await relayOutbox(app.db, day, sendJobNotice(app.db, relayClient(app.fake.token, app.fake.url)));
  const copies: Copy[] = app.fake.messages
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"value":"${created.mailboxId}"`))
    .map((m) => ({ channel: m.channel, ts: m.ts }));
  for (const admin of admins) expect(copies.map((c) => c.channel)).toContain(dmChannelFor(admin.id));
  return { admins: admins as [(typeof admins)[0], (typeof admins)[0]], mailboxId: created.mailboxId, copies };
}

const shown = (copy: Copy) =>
  JSON.stringify(app.fake.messages.find((m) => m.channel === copy.channel && m.ts === copy.ts));

/** Presses a button on a lock warning; resolves with the modal shown in place of the loading view. */
async function press(userId: string, actionId: string, mailboxId: string, copy: Copy) {
  const before = app.fake.callsTo("views.update").length;
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: app.fake.responseUrl(),
    container: { type: "message", message_ts: copy.ts, channel_id: copy.channel },
    channel: { id: copy.channel },
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b",
        value: mailboxId,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
  expect(response.status).toBe(200);
  const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
  return { view: update?.args.view as View, viewId: update?.args.view_id as string };
}

function submit(userId: string, viewId: string, view: View, values: Record<string, Record<string, unknown>>) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? "",
      state: { values },
    },
  });
}

describe("a mailbox lock warning after its button is used", () => {
  it("licensing updates every copy with who and when; the button on a stale copy says it is licensed", async () => {
    const { admins, mailboxId, copies } = await warnedMailbox();
    const [first, second] = admins;
    const picker = await press(first.id, ids.mailbox.licenseAction, mailboxId, copies[0] as Copy);
    expect(picker.view.callback_id).toBe(ids.mailboxLicense.callbackId);
    const { productId } = await app.exampleWorkspace();
    await submit(first.id, picker.viewId, picker.view, {
      [ids.mailboxLicense.productBlock]: {
        [ids.mailboxLicense.productAction]: {
          type: "static_select",
          selected_option: { value: productId("exchange-p1") },
        },
      },
    });
    await until(() => copies.filter((c) => !shown(c).includes(`"value":"${mailboxId}"`)), copies.length);
    for (const copy of copies) {
      expect(shown(copy)).toContain(`Licensed with Exchange Online Plan 1 by <@${first.id}> on <!date^`);
    }

    // Pressed again, on the other admin's copy: what happened, and no second seat.
    const late = await press(second.id, ids.mailbox.licenseAction, mailboxId, copies[1] as Copy);
    expect(late.view.callback_id).not.toBe(ids.mailboxLicense.callbackId);
    expect(JSON.stringify(late.view)).toContain(
      `is already licensed with Exchange Online Plan 1 by <@${first.id}>`,
    );
    const licensed = await app.db.select().from(auditLog).where(eq(auditLog.targetId, mailboxId));
    expect(licensed.filter((a) => a.action === "mailbox.licensed")).toHaveLength(1);
  });

  it("a size back under quota takes the button away on every copy, saying who recorded it", async () => {
    const { admins, mailboxId, copies } = await warnedMailbox();
    const [first] = admins;
    const form = await press(first.id, ids.mailboxSize.recordAction, mailboxId, copies[0] as Copy);
    expect(form.view.callback_id).toBe(ids.mailboxSize.callbackId);
    await submit(first.id, form.viewId, form.view, {
      [ids.mailboxSize.sizeBlock]: {
        [ids.mailboxSize.sizeAction]: { type: "plain_text_input", value: "2 GB" },
      },
    });
    await until(() => copies.filter((c) => !shown(c).includes(`"value":"${mailboxId}"`)), copies.length);
    for (const copy of copies) {
      expect(shown(copy)).toContain(`Back under its quota, as recorded by <@${first.id}> on <!date^`);
    }
  });
});

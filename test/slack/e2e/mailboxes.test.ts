import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, nonUserMailboxes } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

let seq = 0;

/** An admin, a member, and a shared mailbox `sizeGb` large. */
async function setUp(sizeGb: number) {
  await app.exampleWorkspace();
  const address = `shared${++seq}@example.com`;
  const created = await recordMailboxSize(app.db, systemClock, {
    workspaceId: app.teamId,
    address,
    kind: "shared",
    sizeMb: sizeGb * 1024,
    actor: { userId: "system", source: "cli" },
  });
  if (!created.ok) throw new Error(created.code);
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    member: app.fake.users.add({ name: "member" }),
    address,
    mailboxId: created.mailboxId,
  };
}

type View = { callback_id?: string; blocks?: unknown[]; private_metadata?: string };

/** Clicks a mailbox button; resolves with the modal the app put in place of the loading view. */
async function click(userId: string, actionId: string, mailboxId: string) {
  const before = app.fake.callsTo("views.update").length;
  const responseUrl = app.fake.responseUrl();
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", is_ephemeral: true },
    actions: [{ type: "button", action_id: actionId, block_id: "b", value: mailboxId, action_ts: "1.2" }],
  });
  expect(response.status).toBe(200);
  const [update] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
  expect(app.fake.callsTo("views.open").at(-1)?.error).toBeUndefined();
  return { view: update?.args.view as View, viewId: update?.args.view_id as string, responseUrl };
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

const sizeValues = (text: string) => ({
  [ids.mailboxSize.sizeBlock]: { [ids.mailboxSize.sizeAction]: { type: "plain_text_input", value: text } },
});

const mailboxRow = async (id: string) =>
  (await app.db.select().from(nonUserMailboxes).where(eq(nonUserMailboxes.id, id)))[0];

describe("/license mailboxes", () => {
  it("lists size, quota, license and days to lock; only admins get buttons", async () => {
    const { admin, member, address, mailboxId } = await setUp(11);
    const forAdmin = JSON.stringify((await app.command(admin.id, "mailboxes")).replies[0]);
    expect(forAdmin).toContain(`*${address}* (shared) · 11 GB of 10 GB · :warning: *locks in`);
    expect(forAdmin).toContain(ids.mailbox.licenseAction);
    expect(forAdmin).toContain(mailboxId);
    const forMember = JSON.stringify((await app.command(member.id, "mailboxes")).replies[0]);
    expect(forMember).toContain(address);
    expect(forMember).not.toContain(ids.mailbox.licenseAction);
    expect(forMember).not.toContain(ids.mailboxSize.recordAction);
  });

  it("records a size: bad input gets a field error, a good one moves the lock countdown once", async () => {
    const { admin, address, mailboxId } = await setUp(2);
    const { view, viewId, responseUrl } = await click(admin.id, ids.mailboxSize.recordAction, mailboxId);
    expect(view.callback_id).toBe(ids.mailboxSize.callbackId);
    const bad = await submit(admin.id, viewId, view, sizeValues("lots"));
    expect(bad.body).toMatchObject({
      response_action: "errors",
      errors: { [ids.mailboxSize.sizeBlock]: expect.stringContaining("12.5 GB") },
    });
    expect((await mailboxRow(mailboxId))?.sizeMb).toBe(2048);
    const good = await submit(admin.id, viewId, view, sizeValues("12,5 GB"));
    expect(good.status).toBe(200);
    await submit(admin.id, viewId, view, sizeValues("12,5 GB"));
    await app.settled();
    // Without the claim the repeat records the size again and says so a second time.
    const told = app.fake.responses(responseUrl) as { text: string }[];
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(`*${address}* is 12.5 GB, over its 10 GB quota: it will be locked on`);
    const row = await mailboxRow(mailboxId);
    expect(row?.sizeMb).toBe(12800);
    expect(row?.lockAt).not.toBeNull();
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, mailboxId), eq(auditLog.actor, admin.id)));
    expect(audit.map((a) => a.action)).toEqual(["mailbox.size_recorded"]);
  });

  it("assigns a license from the product picker, which the lock then spares", async () => {
    const { admin, address, mailboxId } = await setUp(15);
    const { view, viewId, responseUrl } = await click(admin.id, ids.mailbox.licenseAction, mailboxId);
    expect(view.callback_id).toBe(ids.mailboxLicense.callbackId);
    const options = JSON.stringify(view.blocks);
    expect(options).toContain("Exchange Online Plan 1");
    expect(options).not.toContain("Lync");
    const { productId } = await app.exampleWorkspace();
    const response = await submit(admin.id, viewId, view, {
      [ids.mailboxLicense.productBlock]: {
        [ids.mailboxLicense.productAction]: {
          type: "static_select",
          selected_option: { value: productId("exchange-p1") },
        },
      },
    });
    expect(response.status).toBe(200);
    const [told] = await until(() => app.fake.responses(responseUrl), 1);
    expect((told as { text: string }).text).toContain(
      `*${address}* is licensed with *Exchange Online Plan 1*`,
    );
    const row = await mailboxRow(mailboxId);
    expect(row?.licensedProductId).toBe(productId("exchange-p1"));
    expect(row?.lockAt).toBeNull();
    const again = await click(admin.id, ids.mailbox.licenseAction, mailboxId);
    expect(JSON.stringify(again.view)).toContain(
      `is already licensed with Exchange Online Plan 1 by <@${admin.id}> on`,
    );
  });

  it("refuses a member at the click and at a forged submission, and changes nothing", async () => {
    const { admin, member, mailboxId } = await setUp(15);
    const clicked = await click(member.id, ids.mailbox.licenseAction, mailboxId);
    expect(JSON.stringify(clicked.view)).toContain("Only license admins");
    const { view, viewId, responseUrl } = await click(admin.id, ids.mailboxSize.recordAction, mailboxId);
    await submit(member.id, viewId, view, sizeValues("1"));
    const [told] = await until(() => app.fake.responses(responseUrl), 1);
    expect((told as { text: string }).text).toContain("Only license admins");
    expect((await mailboxRow(mailboxId))?.sizeMb).toBe(15 * 1024);
    const refusals = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, member.id), eq(auditLog.action, "refused")))
      .orderBy(auditLog.id);
    expect(refusals).toHaveLength(2);
    // The click was refused by the Slack layer before any modal; the submission by recordMailboxSize.
    expect(refusals[1]?.after).toEqual({ attempted: "record-mailbox-size", reason: "NOT_ALLOWED" });
  });
});

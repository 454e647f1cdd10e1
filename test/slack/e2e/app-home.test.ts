import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  licenseRequests,
  people,
  requestMessages,
  restoreWindows,
} from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  buttonValues,
  clickHomeButton,
  finishSetup,
  homeText,
  nextPublish,
  openHome,
  submitRequestForm,
} from "./app-home-helpers.ts";

const app = useRunningSlackApp();

/** An admin, a member holding Office, and a removed license whose window ends in three days. */
async function workspace() {
  const workspaceId = app.teamId;
  const { productId } = await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "admin", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  const leaver = app.fake.users.add({ name: "leaver" });
  const [memberRow, leaverRow] = await upsertPeople(app.db, {
    workspaceId,
    people: [
      { slackUserId: member.id, name: "Member" },
      { slackUserId: leaver.id, name: `Leaver ${leaver.id}` },
      // The admin the setup acts as, as the app records them on first sight: rule 10 reads it.
      { slackUserId: admin.id, name: "admin", isSlackAdmin: true },
    ],
  });
  const actor = { userId: admin.id, source: "command" as const };
  const base = { workspaceId, productId: productId("office"), actor };
  await assignProduct(app.db, systemClock, { ...base, personId: memberRow?.id as string });
  await assignProduct(app.db, systemClock, { ...base, personId: leaverRow?.id as string });
  const removed = await removeProduct(app.db, systemClock, { ...base, personId: leaverRow?.id as string });
  await finishSetup(app);
  if (!removed.ok) throw new Error(removed.code);
  const [window] = await app.db
    .update(restoreWindows)
    .set({ purgeAt: sql`now() + interval '3 days'` })
    .where(and(eq(restoreWindows.personId, leaverRow?.id as string), eq(restoreWindows.status, "open")))
    .returning({ id: restoreWindows.id });
  return {
    workspaceId,
    admin,
    member,
    leaverId: leaverRow?.id as string,
    windowId: window?.id as string,
    productId,
  };
}

describe("App Home", () => {
  it("shows an admin the seats, the window about to end with Restore, and the bulk and products buttons", async () => {
    const w = await workspace();
    const published = await openHome(app, w.admin.id);
    expect(published.error).toBeUndefined();
    const text = homeText(published);
    expect(text).toMatch(/\*Office 365 Small Business Premium\*: \d+ of 10 available/);
    expect(text).toMatch(
      /\*Leaver U[A-Z0-9]+\* · \*Office 365 Small Business Premium\*: can be restored until .*\(3 days left\); deleted after that/,
    );
    expect(text).toContain("Loses: Exchange Online: Mailbox and all its mail, calendar and contacts");
    expect(buttonValues(published, ids.window.restoreAction)).toContain(w.windowId);
    expect(buttonValues(published, ids.home.openBulkAction)).toHaveLength(1);
    expect(buttonValues(published, ids.home.openProductsAction)).toHaveLength(1);
    // Seeing one's own dashboard is no refused attempt.
    const refusals = await app.db.select().from(auditLog).where(eq(auditLog.action, "refused"));
    expect(refusals).toEqual([]);
  });

  it("shows a member their own licenses and a Request button, and nothing of the admin's", async () => {
    const w = await workspace();
    const published = await openHome(app, w.member.id);
    expect(published.error).toBeUndefined();
    const text = homeText(published);
    expect(text).toContain("*Office 365 Small Business Premium*: Exchange Online");
    expect(buttonValues(published, ids.home.requestLicenseAction)).toHaveLength(1);
    expect(buttonValues(published, ids.window.restoreAction)).toEqual([]);
    expect(text).not.toContain("Leaver");
    const refusals = await app.db.select().from(auditLog).where(eq(auditLog.actor, w.member.id));
    expect(refusals).toEqual([]);
  });

  it("restores from the Restore button once, tells the admin, and republishes their home", async () => {
    const w = await workspace();
    const publishes = app.fake.callsTo("views.publish").length;
    const click = { actionId: ids.window.restoreAction, value: w.windowId, actionTs: "1700000000.000001" };
    const answers = await Promise.all([
      clickHomeButton(app, w.admin.id, click),
      clickHomeButton(app, w.admin.id, click),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await app.settled();
    // Without the claim the second click finds the window closed and says so: a second message.
    const toAdmin = app.fake.messages.filter((m) => m.channel?.includes(w.admin.id.slice(1)));
    expect(toAdmin.map((m) => m.text)).toEqual([
      expect.stringMatching(/Restored \*Office 365 Small Business Premium\* for \*Leaver U[A-Z0-9]+\*/),
    ]);
    const republished = await nextPublish(app, w.admin.id, publishes);
    expect(buttonValues(republished, ids.window.restoreAction)).not.toContain(w.windowId);
    const held = await app.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.personId, w.leaverId), eq(assignments.productId, w.productId("office"))));
    expect(held).toHaveLength(1);
    const restores = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "license.restored"), eq(auditLog.actor, w.admin.id)));
    expect(restores.filter((r) => r.requestId === click.actionTs)).toHaveLength(1);

    // A later click on the used window says what became of it, by whom and when, not an error.
    await clickHomeButton(app, w.admin.id, { ...click, actionTs: "1700000000.000002" });
    const again = await until(
      () =>
        app.fake.messages.filter(
          (m) =>
            m.channel?.includes(w.admin.id.slice(1)) &&
            m.text?.startsWith(`Already restored by <@${w.admin.id}> on `),
        ),
      1,
    );
    expect(again).toHaveLength(1);
  });

  it("refuses a member's Restore click, records it, and restores nothing", async () => {
    const w = await workspace();
    await clickHomeButton(app, w.member.id, { actionId: ids.window.restoreAction, value: w.windowId });
    const refused = await until(
      () =>
        app.fake.messages.filter(
          (m) => m.channel?.includes(w.member.id.slice(1)) && m.text?.includes("Only license admins"),
        ),
      1,
    );
    expect(refused).toHaveLength(1);
    const [window] = await app.db.select().from(restoreWindows).where(eq(restoreWindows.id, w.windowId));
    expect(window?.status).toBe("open");
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "refused"), eq(auditLog.actor, w.member.id)));
    expect(audit).toMatchObject([
      { source: "button", after: { attempted: "restore", reason: "NOT_ALLOWED" } },
    ]);
  });

  it("opens the bulk form from the admin's button", async () => {
    const w = await workspace();
    const opens = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, w.admin.id, { actionId: ids.home.openBulkAction, value: "bulk" });
    const [update] = await until(
      () =>
        app.fake
          .callsTo("views.update")
          .slice(opens)
          .filter((c) => (c.args.view as { callback_id?: string }).callback_id === ids.bulkForm.callbackId),
      1,
    );
    expect(update?.error).toBeUndefined();
  });

  it("files a member's request from the modal, tells the approvers, and shows it on their home", async () => {
    const w = await workspace();
    const updates = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, w.member.id, { actionId: ids.home.requestLicenseAction, value: "request" });
    const [form] = await until(
      () =>
        app.fake
          .callsTo("views.update")
          .slice(updates)
          .filter(
            (c) => (c.args.view as { callback_id?: string }).callback_id === ids.homeRequestForm.callbackId,
          ),
      1,
    );
    expect(form?.error).toBeUndefined();
    const viewId = form?.args.view_id as string;
    const publishes = app.fake.callsTo("views.publish").length;
    const before = app.fake.callsTo("views.update").length;
    const response = await submitRequestForm(app, w.member.id, {
      viewId,
      hash: "h1",
      productId: w.productId("office-sb"),
      reason: "Need mail for the front desk",
    });
    expect(response.status).toBe(200);
    const notices = await until(
      () =>
        app.fake
          .callsTo("views.update")
          .slice(before)
          .filter((c) => JSON.stringify(c.args.view).includes("I asked the admins")),
      1,
    );
    expect(notices).toHaveLength(1);
    const [member] = await app.db.select().from(people).where(eq(people.slackUserId, w.member.id));
    const filed = await app.db
      .select()
      .from(licenseRequests)
      .where(eq(licenseRequests.requesterId, member?.id as string));
    expect(filed).toMatchObject([{ status: "pending", reason: "Need mail for the front desk" }]);
    // The approvers were sent the request: each copy is on record.
    const copies = await until(
      () =>
        app.db
          .select()
          .from(requestMessages)
          .where(eq(requestMessages.requestId, filed[0]?.id as string)),
      1,
    );
    expect(copies.length).toBeGreaterThan(0);
    const home = await nextPublish(app, w.member.id, publishes);
    expect(homeText(home)).toMatch(/\*Office 365 Small Business\*: waiting for an admin/);

    // The same submission again files nothing more, and is answered by nothing: no form, no message.
    await app.settled();
    const callsBefore = app.fake.calls.length;
    await submitRequestForm(app, w.member.id, { viewId, hash: "h1", productId: w.productId("office-sb") });
    await app.settled();
    expect(app.fake.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    expect(
      await app.db
        .select()
        .from(licenseRequests)
        .where(eq(licenseRequests.requesterId, member?.id as string)),
    ).toHaveLength(1);
  });

  it("keeps a typed product that matches nothing, and says which products there are", async () => {
    const w = await workspace();
    const updates = app.fake.callsTo("views.update").length;
    await clickHomeButton(app, w.member.id, { actionId: ids.home.requestLicenseAction, value: "request" });
    const [form] = await until(() => app.fake.callsTo("views.update").slice(updates), 1);
    const before = app.fake.callsTo("views.update").length;
    await submitRequestForm(app, w.member.id, {
      viewId: form?.args.view_id as string,
      hash: "h2",
      typed: "visio",
      reason: "diagrams",
    });
    const [again] = await until(() => app.fake.callsTo("views.update").slice(before), 1);
    expect(again?.error).toBeUndefined();
    const view = JSON.stringify(again?.args.view);
    expect(view).toContain('There is no product \\"visio\\"');
    expect(view).toContain("diagrams");
  });
});

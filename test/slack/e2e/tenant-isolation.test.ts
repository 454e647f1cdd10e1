import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  licenseRequests,
  nonUserMailboxes,
  reminders,
  restoreWindows,
  viewDrafts,
} from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { recordMailboxSize } from "../../../src/licensing/mailboxes/record-mailbox-size.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { fileRequest } from "../../../src/licensing/requests/file-request.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { encodeAuditPageToken } from "../../../src/slack/audit/audit-cursor.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { exampleCatalog } from "../../helpers/factories.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();
const OTHER = "T0OTHERWS1";

/** Another workspace on the same database: a license, a removed one, a request and a mailbox. */
async function otherWorkspace() {
  await ensureWorkspace(app.db, { id: OTHER, name: "Other", defaultUsageLocation: "SE" });
  await importCatalog(app.db, systemClock, {
    workspaceId: OTHER,
    catalog: await exampleCatalog(),
    actor: { userId: "system", source: "cli" },
  });
  const products = await getSeatUsage(app.db, { workspaceId: OTHER });
  const productId = (key: string) => products.find((p) => p.key === key)?.productId as string;
  const [holder, leaver, asker] = await upsertPeople(app.db, {
    workspaceId: OTHER,
    people: [
      { slackUserId: "U0OTHER001", name: "Other Holder" },
      { slackUserId: "U0OTHER002", name: "Other Leaver" },
      { slackUserId: "U0OTHER003", name: "Other Asker" },
      // The other workspace's admin the setup acts as: rule 10 reads it from the directory.
      { slackUserId: "U0OTHERADM", name: "Other Admin", isSlackAdmin: true },
    ],
  });
  const actor = { userId: "U0OTHERADM", source: "command" as const };
  const held = { workspaceId: OTHER, personId: holder?.id as string, productId: productId("office"), actor };
  const left = { workspaceId: OTHER, personId: leaver?.id as string, productId: productId("office"), actor };
  for (const step of [assignProduct(app.db, systemClock, held), assignProduct(app.db, systemClock, left)]) {
    if (!(await step).ok) throw new Error("assign");
  }
  if (!(await removeProduct(app.db, systemClock, left)).ok) throw new Error("remove");
  const [window] = await app.db
    .select()
    .from(restoreWindows)
    .where(eq(restoreWindows.personId, left.personId));
  const filed = await fileRequest(app.db, systemClock, {
    workspaceId: OTHER,
    productId: productId("office"),
    reason: "r",
    actor: { userId: "U0OTHER003", source: "command" },
  });
  const mailbox = await recordMailboxSize(app.db, systemClock, {
    workspaceId: OTHER,
    address: "room@other.example",
    kind: "room",
    sizeMb: 20_000,
    actor,
  });
  if (!filed.ok || !mailbox.ok || !window || !asker) throw new Error("setup");
  return { held, windowId: window.id, requestId: filed.requestId, mailboxId: mailbox.mailboxId };
}

const button = (userId: string, actionId: string, value: string) =>
  postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: app.fake.responseUrl(),
    container: { type: "message", message_ts: "1.1", channel_id: "D0ADMIN" },
    actions: [
      { type: "button", action_id: actionId, block_id: "b", value, action_ts: `${Date.now() / 1000}` },
    ],
  });

const submission = (
  userId: string,
  callbackId: string,
  metadata: Record<string, string>,
  viewId = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
) =>
  postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: callbackId,
      private_metadata: JSON.stringify(metadata),
      state: { values: {} },
    },
  });

/** A modal Slack really opened for `userId` (the bulk form), so the app can answer in it. */
async function openModal(userId: string): Promise<string> {
  const before = app.fake.callsTo("views.update").length;
  await app.command(userId, "bulk", { waitForReplies: 0 });
  const [form] = await until(
    () =>
      app.fake
        .callsTo("views.update")
        .slice(before)
        .filter((c) => (c.args.view as { callback_id?: string })?.callback_id === ids.bulkForm.callbackId),
    1,
  );
  return form?.args.view_id as string;
}

describe("an admin of one workspace, naming another workspace's things", () => {
  it("changes nothing there and reads nothing from there", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "admin-here", is_admin: true });
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [{ slackUserId: admin.id, name: "Admin Here", isSlackAdmin: true }],
    });
    const other = await otherWorkspace();
    // The other workspace's bulk change waits in its draft, under a view id this admin has seen.
    const [decisionView, bulkView] = [await openModal(admin.id), await openModal(admin.id)];
    const otherDraft = {
      personIds: [other.held.personId],
      add: [],
      remove: [other.held.productId],
      mode: "add",
    };
    await app.db.insert(viewDrafts).values({
      viewId: bulkView,
      workspaceId: OTHER,
      userId: "U0OTHERADM",
      payload: otherDraft,
      createdAt: new Date(),
    });
    const auditBefore = await app.db.select().from(auditLog).where(eq(auditLog.workspaceId, OTHER));
    const pageToken = encodeAuditPageToken({ after: { at: new Date(), id: 1 }, userId: "U0OTHER001" });
    const updatesBefore = app.fake.callsTo("views.update").length;

    const answers = await Promise.all([
      // The removal confirmed with the other workspace's person and product, in this workspace's name.
      submission(admin.id, ids.removeConfirmation.callbackId, {
        workspaceId: app.teamId,
        personId: other.held.personId,
        productId: other.held.productId,
        responseUrl: "",
      }),
      button(admin.id, ids.request.approveAction, other.requestId),
      button(admin.id, ids.window.restoreAction, other.windowId),
      button(admin.id, ids.window.letExpireAction, other.windowId),
      button(admin.id, ids.mailbox.licenseAction, other.mailboxId),
      // The decision submitted for the other workspace's request, in this workspace's name.
      submission(
        admin.id,
        ids.requestDecision.approveCallbackId,
        { workspaceId: app.teamId, requestId: other.requestId },
        decisionView,
      ),
      // The bulk preview submitted with the view id of the other workspace's draft.
      submission(admin.id, ids.bulkPreview.callbackId, {}, bulkView),
      button(admin.id, ids.auditPage.nextAction, pageToken),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    // Every handler has finished what it does after the ack: four modals answered, eight refusals.
    await app.settled();
    expect(app.fake.callsTo("views.update").slice(updatesBefore)).toHaveLength(4);
    const refusalsHere = () =>
      app.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, app.teamId), eq(auditLog.action, "refused")));

    const stillHeld = await app.db
      .select()
      .from(assignments)
      .where(
        and(eq(assignments.personId, other.held.personId), eq(assignments.productId, other.held.productId)),
      );
    expect(stillHeld).toHaveLength(1);
    const [request] = await app.db
      .select()
      .from(licenseRequests)
      .where(eq(licenseRequests.id, other.requestId));
    expect(request?.status).toBe("pending");
    const [window] = await app.db.select().from(restoreWindows).where(eq(restoreWindows.id, other.windowId));
    expect(window?.status).toBe("open");
    expect(await app.db.select().from(reminders).where(eq(reminders.subjectId, other.windowId))).toEqual([]);
    const [mailbox] = await app.db
      .select()
      .from(nonUserMailboxes)
      .where(eq(nonUserMailboxes.id, other.mailboxId));
    expect(mailbox?.licensedProductId).toBeNull();
    const auditAfter = await app.db.select().from(auditLog).where(eq(auditLog.workspaceId, OTHER));
    expect(auditAfter).toHaveLength(auditBefore.length);
    const [draft] = await app.db.select().from(viewDrafts).where(eq(viewDrafts.viewId, bulkView));
    expect(draft?.workspaceId).toBe(OTHER);

    // Every attempt is on this workspace's record, once, naming what was tried on which id.
    const recorded = (await refusalsHere()).map((r) => ({
      actor: r.actor,
      targetType: r.targetType,
      targetId: r.targetId,
      after: r.after,
    }));
    const refused = (attempted: string, targetType: string, targetId: string) => ({
      actor: admin.id,
      targetType,
      targetId,
      after: { attempted, reason: "UNKNOWN_TARGET" },
    });
    expect(recorded).toHaveLength(8);
    expect(recorded).toEqual(
      expect.arrayContaining([
        refused("remove", "person", other.held.personId),
        refused("request.approve", "license_request", other.requestId),
        refused("restore", "restore_window", other.windowId),
        refused("let_window_expire", "restore_window", other.windowId),
        refused("mailbox.license", "non_user_mailbox", other.mailboxId),
        refused("bulk", "view", bulkView),
        refused("audit", "slack_user", "U0OTHER001"),
      ]),
    );
    // Both the click and the submission of the decision are on the record.
    expect(recorded.filter((r) => r.targetId === other.requestId)).toHaveLength(2);

    // Nothing the app sent anywhere names the other workspace's people or mailbox.
    const sent = JSON.stringify([
      app.fake.messages,
      app.fake.calls.filter((c) => c.method.startsWith("views.")).map((c) => c.args),
    ]);
    for (const secret of ["Other Holder", "Other Leaver", "Other Asker", "room@other.example"]) {
      expect(sent).not.toContain(secret);
    }
    expect(app.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

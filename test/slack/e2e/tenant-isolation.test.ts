import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignments,
  auditLog,
  licenseRequests,
  nonUserMailboxes,
  reminders,
  restoreWindows,
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
import { ids } from "../../../src/slack/ids.ts";
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

const submission = (userId: string, callbackId: string, metadata: Record<string, string>) =>
  postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      hash: "1",
      type: "modal",
      callback_id: callbackId,
      private_metadata: JSON.stringify(metadata),
      state: { values: {} },
    },
  });

describe("an admin of one workspace, naming another workspace's things", () => {
  it("changes nothing there and reads nothing from there", async () => {
    await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "admin-here", is_admin: true });
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [{ slackUserId: admin.id, name: "Admin Here", isSlackAdmin: true }],
    });
    const other = await otherWorkspace();
    const auditBefore = await app.db.select().from(auditLog).where(eq(auditLog.workspaceId, OTHER));

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
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    // Let every handler finish what it does after the ack.
    await until(() => app.fake.callsTo("views.update"), 2);
    await new Promise((resolve) => setTimeout(resolve, 500));

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

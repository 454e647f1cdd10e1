import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, slackDeliveries } from "../../../src/db/schema/index.ts";
import { assignProduct } from "../../../src/licensing/assign-product.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { deliveryKey } from "../../../src/slack/shared/delivery-keys.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

/** An admin, a member, and the member holding Office; returns what a submission names. */
async function licensedMember() {
  const workspaceId = app.teamId;
  const { productId } = await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "admin", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  const [person] = await upsertPeople(app.db, {
    workspaceId,
    people: [
      { slackUserId: member.id, name: "Member" },
      // The admin the setup acts as, as the app records them on first sight: rule 10 reads it.
      { slackUserId: admin.id, name: "admin", isSlackAdmin: true },
    ],
  });
  const assigned = await assignProduct(app.db, systemClock, {
    workspaceId,
    personId: person?.id as string,
    productId: productId("office"),
    actor: { userId: admin.id, source: "command" },
  });
  if (!assigned.ok) throw new Error(assigned.code);
  return { workspaceId, admin, member, personId: person?.id as string, productId: productId("office") };
}

function submission(userId: string, viewId: string, metadata: Record<string, string>) {
  return {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    view: {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: ids.removeConfirmation.callbackId,
      private_metadata: JSON.stringify(metadata),
      state: { values: {} },
    },
  };
}

const holds = async (personId: string, productId: string) =>
  (
    await app.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.personId, personId), eq(assignments.productId, productId)))
  ).length > 0;

describe("confirming a removal", () => {
  it("removes once, however often the same submission arrives, and tells the admin", async () => {
    const m = await licensedMember();
    const metadata = {
      workspaceId: m.workspaceId,
      personId: m.personId,
      productId: m.productId,
      responseUrl: "",
    };
    const first = await postInteraction(
      app.url,
      SIGNING_SECRET,
      submission(m.admin.id, "VREMOVE1", metadata),
    );
    const second = await postInteraction(
      app.url,
      SIGNING_SECRET,
      submission(m.admin.id, "VREMOVE1", metadata),
    );
    expect([first.status, second.status]).toEqual([200, 200]);
    await app.settled();
    // Without the claim the repeat finds nothing to remove and tells the admin so: a second message.
    const toAdmin = app.fake.messages.filter((msg) => msg.channel?.includes(m.admin.id.slice(1)));
    expect(toAdmin.map((msg) => msg.text)).toEqual([
      expect.stringMatching(/Removed \*Office 365 Small Business Premium\* from \*Member\*.*restored until/),
    ]);
    expect(await holds(m.personId, m.productId)).toBe(false);
    const removals = await app.db.select().from(auditLog).where(eq(auditLog.action, "license.removed"));
    expect(
      removals.filter(
        (r) => r.targetId && (r.before as { person?: { id?: string } }).person?.id === m.personId,
      ),
    ).toHaveLength(1);
  });

  it("keeps the claim of a removal whose confirmation could not be sent, and never says nothing changed", async () => {
    const m = await licensedMember();
    const metadata = {
      workspaceId: m.workspaceId,
      personId: m.personId,
      productId: m.productId,
      responseUrl: "",
    };
    app.fake.failNext("chat.postMessage", "fatal_error");
    const posted = await postInteraction(
      app.url,
      SIGNING_SECRET,
      submission(m.admin.id, "VREMOVE2", metadata),
    );
    expect(posted.status).toBe(200);
    // Handled once the failed direct message is logged; the log says the answer failed, not the work.
    const logged = await until(() => app.logs.filter((l) => l.message.startsWith("remove confirmation")), 1);
    expect(logged.map((l) => l.message)).toEqual(["remove confirmation: the answer could not be shown"]);
    expect(await holds(m.personId, m.productId)).toBe(false);
    // The removal went through: a redelivery must find the claim taken, not run it again.
    const claims = await app.db
      .select()
      .from(slackDeliveries)
      .where(
        and(
          eq(slackDeliveries.workspaceId, m.workspaceId),
          eq(slackDeliveries.key, deliveryKey.submission({ id: "VREMOVE2", hash: "1" })),
        ),
      );
    expect(claims).toHaveLength(1);
    expect(app.fake.messages.filter((msg) => msg.text?.includes("nothing was changed"))).toHaveLength(0);
  });

  it("refuses a non-admin's forged submission, records the attempt, and changes nothing", async () => {
    const m = await licensedMember();
    const metadata = {
      workspaceId: m.workspaceId,
      personId: m.personId,
      productId: m.productId,
      responseUrl: "",
    };
    const response = await postInteraction(
      app.url,
      SIGNING_SECRET,
      submission(m.member.id, "VFORGED1", metadata),
    );
    expect(response.status).toBe(200);
    const refusals = await until(
      () => app.fake.messages.filter((msg) => msg.text?.includes("Only license admins")),
      1,
    );
    expect(refusals).toHaveLength(1);
    expect(await holds(m.personId, m.productId)).toBe(true);
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "refused"), eq(auditLog.actor, m.member.id)));
    expect(audit).toMatchObject([{ source: "modal", after: { attempted: "remove", reason: "NOT_ALLOWED" } }]);
  });

  it("refuses metadata naming another workspace", async () => {
    const m = await licensedMember();
    const metadata = { workspaceId: "TOTHER", personId: m.personId, productId: m.productId, responseUrl: "" };
    await postInteraction(app.url, SIGNING_SECRET, submission(m.admin.id, "VFORGED2", metadata));
    const audit = await until(
      () => app.db.select().from(auditLog).where(eq(auditLog.targetId, "VFORGED2")),
      1,
    );
    expect(await holds(m.personId, m.productId)).toBe(true);
    expect(audit).toMatchObject([{ action: "refused", after: { reason: "FORGED_METADATA" } }]);
  });
});

import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { assignments, auditLog, licenseRequests, people, products } from "../../../src/db/schema/index.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  approverCount,
  copiesOf,
  expectNoErrorsLogged,
  outcomeOf,
  pendingRequestFor,
  press,
  submit,
  teamWithAdmins,
} from "./request-interactions.ts";

const app = useRunningSlackApp();

const messageAt = (channel: string, ts: string) =>
  app.fake.messages.find((m) => m.channel === channel && m.ts === ts);
const hasButtons = (blocks: unknown) => JSON.stringify(blocks ?? []).includes(ids.request.approveAction);

async function requestRow(requestId: string) {
  const [row] = await app.db.select().from(licenseRequests).where(eq(licenseRequests.id, requestId));
  return row;
}

async function auditFor(requestId: string) {
  return app.db.select().from(auditLog).where(eq(auditLog.targetId, requestId));
}

async function holdsLicense(slackUserId: string) {
  const rows = await app.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.personId))
    .where(eq(people.slackUserId, slackUserId));
  return rows.length;
}

afterEach(() => expectNoErrorsLogged(app));

describe("a license request from Slack to a decision", () => {
  it("reaches every admin by DM; two admins race, one approval wins, every copy and the requester learn it", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const [ada, bo] = admins as [(typeof admins)[0], (typeof admins)[0]];
    const { replies } = await app.command(member.id, "request office because Starting in sales on Monday");
    expect(JSON.stringify(replies[0])).toContain("I asked them");
    const requestId = await pendingRequestFor(app, member);

    const copies = await copiesOf(app, requestId, 2);
    const channels = copies.map((c) => c.channelId);
    expect(channels).toEqual(expect.arrayContaining([dmChannelFor(ada.id), dmChannelFor(bo.id)]));
    expect(channels).not.toContain(dmChannelFor(member.id));
    const posted = messageAt(
      dmChannelFor(ada.id),
      copies.find((c) => c.channelId === dmChannelFor(ada.id))?.ts ?? "",
    );
    const shown = JSON.stringify(posted?.blocks);
    expect(shown).toContain(`<@${member.id}> asks for *Office 365 Small Business Premium*`);
    expect(shown).toContain("Starting in sales on Monday");
    expect(shown).toContain("10 of 10 available");
    expect(shown).toContain("Exchange Online");
    expect(hasButtons(posted?.blocks)).toBe(true);
    expect(posted?.metadata).toMatchObject({ event_payload: { request_id: requestId } });

    const adaModal = await press(app, ada, "approve", requestId);
    const boModal = await press(app, bo, "approve", requestId);
    expect([adaModal.status, boModal.status]).toEqual([200, 200]);
    expect(adaModal.view.callback_id).toBe(ids.requestDecision.approveCallbackId);
    expect(JSON.stringify(adaModal.view.blocks)).toContain("10 of 10 available");
    expect(adaModal.error).toBeUndefined();

    const before = app.fake.callsTo("views.update").length;
    const answers = await Promise.all([
      submit(app, ada, adaModal, "Welcome aboard"),
      submit(app, bo, boModal, "Go ahead"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const outcomes = await Promise.all([
      outcomeOf(app, adaModal.viewId, before),
      outcomeOf(app, boModal.viewId, before),
    ]);

    const row = await requestRow(requestId);
    expect(row?.status).toBe("approved");
    const [winner] = await app.db
      .select()
      .from(people)
      .where(eq(people.id, row?.decidedBy as string));
    const winnerId = winner?.slackUserId as string;
    const [wonOutcome, lostOutcome] = winnerId === ada.id ? outcomes : [outcomes[1], outcomes[0]];
    expect(wonOutcome).toContain("Approved:");
    expect(lostOutcome).toContain(`already approved by <@${winnerId}>`);
    expect(await holdsLicense(member.id)).toBe(1);

    for (const copy of await copiesOf(app, requestId, 2)) {
      const updated = await until(
        () => [messageAt(copy.channelId, copy.ts)].filter((m) => m && !hasButtons(m.blocks)),
        1,
      );
      expect(JSON.stringify(updated[0]?.blocks)).toMatch(
        new RegExp(`Approved by <@${winnerId}> at <!date\\^\\d+\\^`),
      );
    }
    const told = await until(
      () =>
        app.fake.messages.filter((m) => m.channel === dmChannelFor(member.id) && m.text.includes("approved")),
      1,
    );
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]?.blocks)).toContain(winnerId === ada.id ? "Welcome aboard" : "Go ahead");

    const audit = await auditFor(requestId);
    expect(audit.filter((a) => a.action === "request.approved")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "request.decision_refused")).toMatchObject([
      { after: { refused: "ALREADY_DECIDED" } },
    ]);

    // A late click on a copy that had not refreshed yet: told who decided, and on the record.
    const late = await press(app, winnerId === ada.id ? bo : ada, "deny", requestId);
    expect(JSON.stringify(late.view)).toContain(`already approved by <@${winnerId}>`);
    const refusals = await until(
      async () => (await auditFor(requestId)).filter((a) => a.action === "refused"),
      1,
    );
    expect(refusals).toMatchObject([
      { source: "button", after: { attempted: "request.deny", reason: "ALREADY_DECIDED" } },
    ]);
  });

  it("refuses a non-admin pressing a forwarded Approve, and the requester, and records both", async () => {
    const { member } = await teamWithAdmins(app);
    const stranger = app.fake.users.add({ name: "stranger", real_name: "Sam Stranger" });
    await app.command(member.id, "request exchange");
    const requestId = await pendingRequestFor(app, member);

    const forwarded = await press(app, stranger, "approve", requestId);
    expect(JSON.stringify(forwarded.view)).toContain("Only license admins");
    expect(forwarded.view.callback_id).not.toBe(ids.requestDecision.approveCallbackId);
    const own = await press(app, member, "approve", requestId);
    expect(JSON.stringify(own.view)).toContain("Only license admins");

    const refused = await until(
      async () => (await auditFor(requestId)).filter((a) => a.action === "refused"),
      2,
    );
    expect(refused.map((r) => r.actor).sort()).toEqual([member.id, stranger.id].sort());
    expect(refused).toMatchObject([
      { source: "button", after: { attempted: "request.approve", reason: "NOT_ALLOWED" } },
      { source: "button", after: { attempted: "request.approve", reason: "NOT_ALLOWED" } },
    ]);

    // A submission forged without the modal is judged by the domain all the same.
    const before = app.fake.callsTo("views.update").length;
    const forged = {
      viewId: forwarded.viewId,
      view: {
        callback_id: ids.requestDecision.approveCallbackId,
        private_metadata: JSON.stringify({ workspaceId: app.teamId, requestId }),
      },
    };
    await submit(app, stranger, forged, "");
    expect(await outcomeOf(app, forged.viewId, before)).toContain("Only license admins");
    expect((await requestRow(requestId))?.status).toBe("pending");
    expect(await holdsLicense(member.id)).toBe(0);
    const judged = await until(
      async () => (await auditFor(requestId)).filter((a) => a.action === "request.decision_refused"),
      1,
    );
    expect(judged).toMatchObject([
      { actor: stranger.id, source: "modal", after: { refused: "NOT_ALLOWED" } },
    ]);
  });

  it("refuses an admin deciding their own request, in the modal and on submission", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const ada = admins[0] as (typeof admins)[0];
    const colleague = app.fake.users.add({ name: "colleague", real_name: "Cai Colleague" });
    await app.command(member.id, `request exchange for <@${colleague.id}> because Covering for me`);
    const requestId = await pendingRequestFor(app, colleague);
    await copiesOf(app, requestId, 1);
    // An admin files no request; one made an admin after filing still cannot decide their own.
    await app.command(ada.id, `admins add <@${member.id}>`);

    const own = await press(app, member, "approve", requestId);
    expect(JSON.stringify(own.view)).toContain("You cannot decide your own request");
    const before = app.fake.callsTo("views.update").length;
    const forged = {
      viewId: own.viewId,
      view: {
        callback_id: ids.requestDecision.approveCallbackId,
        private_metadata: JSON.stringify({ workspaceId: app.teamId, requestId }),
      },
    };
    await submit(app, member, forged, "");
    expect(await outcomeOf(app, forged.viewId, before)).toContain("You cannot decide your own request");
    const audit = await until(
      async () => (await auditFor(requestId)).filter((a) => a.action === "request.decision_refused"),
      1,
    );
    expect(audit).toMatchObject([{ actor: member.id, after: { refused: "OWN_REQUEST" } }]);
    expect(await auditFor(requestId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "refused",
          after: { attempted: "request.approve", reason: "OWN_REQUEST" },
        }),
      ]),
    );
    expect((await requestRow(requestId))?.status).toBe("pending");
  });

  it("denying needs a reason: without one the field says so and nothing changes; with one the requester reads it", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const ada = admins[0] as (typeof admins)[0];
    await app.command(member.id, "request office-sb");
    const requestId = await pendingRequestFor(app, member);
    await copiesOf(app, requestId, 2);

    const modal = await press(app, ada, "deny", requestId);
    expect(modal.view.callback_id).toBe(ids.requestDecision.denyCallbackId);
    const blank = await submit(app, ada, modal, "   ");
    expect(blank.status).toBe(200);
    expect(blank.body).toEqual({
      response_action: "errors",
      errors: { [ids.requestDecision.noteBlock]: expect.stringContaining("say why") },
    });
    const missing = await submit(app, ada, modal);
    expect(missing.body).toMatchObject({ response_action: "errors" });
    expect((await requestRow(requestId))?.status).toBe("pending");

    const before = app.fake.callsTo("views.update").length;
    const denied = await submit(app, ada, modal, "No budget <this> year");
    expect(denied.body).toMatchObject({ response_action: "update" });
    expect(await outcomeOf(app, modal.viewId, before)).toContain("Denied");
    expect(await requestRow(requestId)).toMatchObject({
      status: "denied",
      decisionNote: "No budget <this> year",
    });

    await app.settled();
    const toMember = () =>
      app.fake.messages.filter((m) => m.channel === dmChannelFor(member.id) && m.text.includes("denied"));
    expect(toMember()).toHaveLength(1);
    expect(JSON.stringify(toMember()[0]?.blocks)).toContain("No budget &lt;this&gt; year");
    for (const copy of await copiesOf(app, requestId, 2)) {
      const updated = messageAt(copy.channelId, copy.ts);
      expect(hasButtons(updated?.blocks)).toBe(false);
      expect(JSON.stringify(updated?.blocks)).toContain(`Denied by <@${ada.id}>`);
    }

    // The same submission again (a double click, a redelivery) decides nothing more and sends nothing.
    const callsBefore = app.fake.calls.length;
    await submit(app, ada, modal, "No budget <this> year");
    await app.settled();
    expect(app.fake.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    expect(toMember()).toHaveLength(1);
    expect((await auditFor(requestId)).filter((a) => a.action === "request.denied")).toHaveLength(1);
    expect(await holdsLicense(member.id)).toBe(0);
  });

  it("one admin's DM failing does not keep the request from the others", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const approvers = await approverCount(app);
    const refusing = dmChannelFor((admins[0] as (typeof admins)[0]).id);
    // Only this admin's copy of the request fails: a message other work has in flight cannot take the failure.
    app.fake.failNext("chat.postMessage", "user_disabled", (args) => args.channel === refusing);
    await app.command(member.id, "request office");
    const requestId = await pendingRequestFor(app, member);
    const copies = await copiesOf(app, requestId, approvers - 1);
    expect(copies).toHaveLength(approvers - 1);
    expect(copies.map((c) => c.channelId)).not.toContain(refusing);
    // The refused copy may come last: the announcement is over once the app has settled.
    await app.settled();
    expect(app.logs.some((l) => l.message === "could not post a license request")).toBe(true);
  });
  it("an approval without a free seat changes nothing: the admin reads why, the request keeps waiting", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const ada = admins[0] as (typeof admins)[0];
    const { productId } = await app.exampleWorkspace();
    await app.db
      .update(products)
      .set({ purchasedSeats: sql`${products.assignedSeats}` })
      .where(eq(products.id, productId("exchange-p1")));
    await app.command(member.id, "request exchange");
    const requestId = await pendingRequestFor(app, member);
    const [copy] = await copiesOf(app, requestId, 1);

    const modal = await press(app, ada, "approve", requestId);
    expect(JSON.stringify(modal.view.blocks)).toContain("No seats are left");
    const before = app.fake.callsTo("views.update").length;
    await submit(app, ada, modal, "");
    const outcome = await outcomeOf(app, modal.viewId, before);
    expect(outcome).toContain("Could not approve: No seats are left for *Exchange Online Plan 1*");
    expect(outcome).toContain("The request is still waiting.");
    expect((await requestRow(requestId))?.status).toBe("pending");
    expect(await holdsLicense(member.id)).toBe(0);
    expect(hasButtons(messageAt(copy?.channelId ?? "", copy?.ts ?? "")?.blocks)).toBe(true);
  });
});

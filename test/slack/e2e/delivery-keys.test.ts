import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, licenseRequests } from "../../../src/db/schema/index.ts";
import type { SlackUser } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  expectNoErrorsLogged,
  type ModalSeen,
  outcomeOf,
  pendingRequestFor,
  press,
  teamWithAdmins,
} from "./request-interactions.ts";

const app = useRunningSlackApp();

afterEach(() => expectNoErrorsLogged(app));

/** An approval submitted as Slack sends it, for the view `viewId` as it stood at `hash`. */
function approval(admin: SlackUser, modal: ModalSeen, viewId: string, hash: string) {
  return postInteraction(app.url, SIGNING_SECRET, {
    type: "view_submission",
    team: { id: app.teamId, domain: "fake" },
    user: { id: admin.id, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    view: {
      id: viewId,
      hash,
      type: "modal",
      callback_id: modal.view.callback_id,
      private_metadata: modal.view.private_metadata ?? "",
      state: { values: {} },
    },
  });
}

async function statusOf(requestId: string) {
  const [row] = await app.db.select().from(licenseRequests).where(eq(licenseRequests.id, requestId));
  return row?.status;
}

async function auditActions(requestId: string) {
  const rows = await app.db.select().from(auditLog).where(eq(auditLog.targetId, requestId));
  return rows.map((r) => r.action);
}

describe("what makes a submission a repeat", () => {
  it("decides once when the same submission arrives twice", async () => {
    const { admins, member } = await teamWithAdmins(app, 1);
    const admin = admins[0] as SlackUser;
    await app.command(member.id, "request office because Starting on Monday");
    const requestId = await pendingRequestFor(app, member);
    const modal = await press(app, admin, "approve", requestId);
    const before = app.fake.callsTo("views.update").length;

    await approval(admin, modal, modal.viewId, "h1");
    await approval(admin, modal, modal.viewId, "h1");
    await app.settled();

    expect(await statusOf(requestId)).toBe("approved");
    // The repeat is not decided again: no "already approved" refusal, no second answer in the modal.
    expect(await auditActions(requestId)).not.toContain("request.decision_refused");
    const answers = app.fake.callsTo("views.update").slice(before);
    expect(answers.filter((c) => c.args.view_id === modal.viewId)).toHaveLength(1);
  });

  it("takes a new submission under a view id seen before (as after a restart) when its hash differs", async () => {
    const { admins, member } = await teamWithAdmins(app, 1);
    const admin = admins[0] as SlackUser;
    await app.command(member.id, "request office because Starting on Monday");
    const first = await pendingRequestFor(app, member);
    const firstModal = await press(app, admin, "approve", first);
    await approval(admin, firstModal, firstModal.viewId, "h1");
    await app.settled();
    expect(await statusOf(first)).toBe("approved");

    await app.command(member.id, "request exchange-p1 because Mail for the team");
    const second = await pendingRequestFor(app, member);
    const secondModal = await press(app, admin, "approve", second);
    const before = app.fake.callsTo("views.update").length;
    await approval(admin, secondModal, firstModal.viewId, "h2");
    expect(await outcomeOf(app, firstModal.viewId, before)).toContain("Approved:");
    expect(await statusOf(second)).toBe("approved");
  });
});

import { WebClient } from "@slack/web-api";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { licenseRequests } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { dmChannelFor } from "../../../src/local-slack/fake-slack-api.ts";
import { announceRequest } from "../../../src/slack/requests/announce-request.ts";
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

const APPROVALS = "C0APPROVALS";
const app = useRunningSlackApp({ approvalsChannel: APPROVALS });

afterEach(() => expectNoErrorsLogged(app));

/** The app's own announcement, run again as another caller (App Home's request modal) would. */
function announceAgain(requestId: string) {
  const client = new WebClient(app.fake.token, { slackApiUrl: app.fake.url });
  const deps = { db: app.db, clock: systemClock, logger: console, approvalsChannel: APPROVALS };
  return announceRequest(deps, client, { workspaceId: app.teamId, requestId });
}

describe("requests with an approvals channel", () => {
  it("go to the channel once, however often they are announced, and the channel copy shows the decision", async () => {
    const { admins, member } = await teamWithAdmins(app);
    const ada = admins[0] as (typeof admins)[0];
    await app.command(member.id, "request office because New hire");
    const requestId = await pendingRequestFor(app, member);
    const copies = await copiesOf(app, requestId, 1);
    expect(copies.map((c) => c.channelId)).toEqual([APPROVALS]);
    await announceAgain(requestId);
    expect(await copiesOf(app, requestId, 1)).toHaveLength(1);
    expect(
      app.fake.messages.filter((m) => m.channel === APPROVALS && m.text.includes("Office 365")),
    ).toHaveLength(1);
    expect(app.fake.messages.some((m) => m.channel === dmChannelFor(ada.id))).toBe(false);

    const modal = await press(app, ada, "approve", requestId);
    const before = app.fake.callsTo("views.update").length;
    await submit(app, ada, modal);
    expect(await outcomeOf(app, modal.viewId, before)).toContain("Approved:");
    const updated = await until(
      () =>
        app.fake.messages.filter(
          (m) => m.channel === APPROVALS && JSON.stringify(m.blocks).includes("Approved by"),
        ),
      1,
    );
    expect(JSON.stringify(updated[0]?.blocks)).not.toContain("request.approve");
    const [row] = await app.db.select().from(licenseRequests).where(eq(licenseRequests.id, requestId));
    expect(row?.status).toBe("approved");
  });

  it("fall back to each admin's DM when the channel refuses the post", async () => {
    const { admins, member } = await teamWithAdmins(app);
    app.fake.failNext("chat.postMessage", "not_in_channel");
    await app.command(member.id, "request exchange");
    const requestId = await pendingRequestFor(app, member);
    const copies = await copiesOf(app, requestId, await approverCount(app));
    const channels = copies.map((c) => c.channelId);
    expect(channels).not.toContain(APPROVALS);
    for (const admin of admins) expect(channels).toContain(dmChannelFor(admin.id));
    expect(app.logs.some((l) => l.message.startsWith("approvals channel refused"))).toBe(true);
  });
});

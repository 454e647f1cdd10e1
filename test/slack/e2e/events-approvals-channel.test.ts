import { describe, expect, it } from "vitest";
import { systemClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const CHANNEL = "C0LICENSES";
const app = useRunningSlackApp({ approvalsChannel: CHANNEL });

describe("admin notifications with an approvals channel", () => {
  it("go to the channel, not to each admin", async () => {
    const { productId } = await app.exampleWorkspace();
    const admin = app.fake.users.add({ name: "ada", is_admin: true });
    await upsertPeople(app.db, {
      workspaceId: app.teamId,
      people: [{ slackUserId: admin.id, name: "Ada", isSlackAdmin: true }],
    });
    for (const product of await getSeatUsage(app.db, { workspaceId: app.teamId })) {
      if (product.key !== "office") continue;
      const full = await setPurchasedSeats(app.db, systemClock, {
        workspaceId: app.teamId,
        productId: productId("office"),
        purchased: product.assigned,
        actor: { userId: "system", source: "cli" },
      });
      expect(full.ok).toBe(true);
    }
    const user = app.fake.users.add({ name: "newcomer" });
    const answer = await postEvent(app.url, SIGNING_SECRET, {
      team_id: app.teamId,
      api_app_id: "A0FAKEAPP1",
      type: "event_callback",
      event_id: "Ev0CHANNEL01",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "team_join", user },
    });
    expect(answer.status).toBe(200);
    await app.settled();
    const posted = app.fake.messages.filter((m) => m.text.includes(`<@${user.id}>`));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe(CHANNEL);
    expect(posted[0]?.text).toContain("got none of the default licenses");
    expect(posted[0]?.metadata).toMatchObject({ event_type: "license_desk_notice" });
  });
});

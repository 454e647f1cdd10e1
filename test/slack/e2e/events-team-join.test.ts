import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminNotifications, auditLog, slackDeliveries } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { postEvent } from "../../../src/local-slack/signed-requests.ts";
import { SIGNING_SECRET, useRunningSlackApp } from "../../helpers/slack/running-app.ts";
import {
  deliver,
  envelope,
  heldBy,
  messagesTo,
  newEventId,
  personRow,
  workspaceWithAdminOf,
} from "./event-deliveries.ts";

const app = useRunningSlackApp();
const workspaceWithAdmin = workspaceWithAdminOf(app);

// Joining is idempotent in the domain as well as claimed once per event id: a repeated team_join
// finds the person recorded and changes nothing, so these hold with either guard alone.
describe("team_join", () => {
  it("delivered four times, adds the person once with the default products", async () => {
    await workspaceWithAdmin();
    const user = app.fake.users.add({ name: "newcomer", email: "Newcomer@Example.com" });
    const body = envelope(app, newEventId(), { type: "team_join", user });
    expect(await deliver(body, 4, app.url)).toEqual([200, 200, 200, 200]);
    await app.settled();

    expect(await heldBy(app, user.id)).toHaveLength(1);
    const person = await personRow(app, user.id);
    expect(person).toMatchObject({ name: "newcomer", email: "newcomer@example.com", active: true });
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person?.id ?? ""), eq(auditLog.action, "person.defaults_assigned")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ source: "event", actor: "system", requestId: body.event_id });
  });

  it("delivered four times at once, has one effect: when seats are short, the admins are told once", async () => {
    const { admin, productId } = await workspaceWithAdmin();
    const office = productId("office");
    const actor = { userId: "system", source: "cli" as const };
    const usage = (await getSeatUsage(app.db, { workspaceId: app.teamId })).find((p) => p.key === "office");
    const full = await setPurchasedSeats(app.db, systemClock, {
      workspaceId: app.teamId,
      productId: office,
      purchased: usage?.assigned ?? 0,
      actor,
    });
    expect(full.ok).toBe(true);
    try {
      const user = app.fake.users.add({ name: "latecomer" });
      const body = envelope(app, newEventId(), { type: "team_join", user });
      const answers = await Promise.all([1, 2, 3, 4].map(() => postEvent(app.url, SIGNING_SECRET, body)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      await app.settled();

      const told = messagesTo(app, admin.id, user.id);
      expect(told).toHaveLength(1);
      expect(told[0]?.text).toContain("got none of the default licenses");
      expect(told[0]?.text).toContain("Office 365 Small Business Premium (1 missing)");
      expect(await heldBy(app, user.id)).toHaveLength(0);
      const person = await personRow(app, user.id);
      const notes = await app.db
        .select()
        .from(adminNotifications)
        .where(sql`${adminNotifications.payload} -> 'person' ->> 'id' = ${person?.id ?? ""}`);
      expect(notes).toHaveLength(1);
      expect(notes[0]?.deliveredAt).toBeInstanceOf(Date);
      const claims = await app.db
        .select()
        .from(slackDeliveries)
        .where(eq(slackDeliveries.key, `event:${body.event_id}`));
      expect(claims).toHaveLength(1);
    } finally {
      await setPurchasedSeats(app.db, systemClock, {
        workspaceId: app.teamId,
        productId: office,
        purchased: 10,
        actor,
      });
    }
  });

  it("ignores bots joining", async () => {
    await workspaceWithAdmin();
    const bot = app.fake.users.add({ name: "helper-bot", is_bot: true });
    await deliver(envelope(app, newEventId(), { type: "team_join", user: bot }), 1, app.url);
    await app.settled();
    expect(await personRow(app, bot.id)).toBeUndefined();
  });
});

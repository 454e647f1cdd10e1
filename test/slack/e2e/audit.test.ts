import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people } from "../../../src/db/schema/index.ts";
import { fixedClock } from "../../../src/licensing/clock.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import { setPurchasedSeats } from "../../../src/licensing/set-purchased-seats.ts";
import { postInteraction } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { SIGNING_SECRET, until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

type Reply = { text?: string; blocks?: unknown[] };
type Block = { type: string; elements?: { value?: string }[] };

const nextValue = (reply: Reply | undefined) =>
  (reply?.blocks as Block[] | undefined)?.find((b) => b.type === "actions")?.elements?.[0]?.value;

/** The audit lines a reply shows, one per change. */
const lines = (reply: Reply | undefined) =>
  JSON.stringify(reply?.blocks ?? [])
    .split("\\n")
    .filter((line) => line.includes(" · "));

async function clickNext(userId: string, value: string) {
  const responseUrl = app.fake.responseUrl();
  const response = await postInteraction(app.url, SIGNING_SECRET, {
    type: "block_actions",
    team: { id: app.teamId, domain: "fake" },
    user: { id: userId, team_id: app.teamId },
    api_app_id: "A0FAKEAPP1",
    trigger_id: app.fake.issueTriggerId(),
    response_url: responseUrl,
    container: { type: "message", is_ephemeral: true },
    actions: [
      { type: "button", action_id: ids.auditPage.nextAction, block_id: "b", value, action_ts: "1.2" },
    ],
  });
  expect(response.status).toBe(200);
  return (await until(() => app.fake.responses(responseUrl), 1))[0] as Reply & { replace_original?: boolean };
}

async function setUp() {
  const { productId } = await app.exampleWorkspace();
  const admin = app.fake.users.add({ name: "auditor", is_admin: true });
  const member = app.fake.users.add({ name: "member" });
  // The admin the setup acts as, as the app records them on first sight: rule 10 reads it.
  await upsertPeople(app.db, {
    workspaceId: app.teamId,
    people: [{ slackUserId: admin.id, name: "auditor", isSlackAdmin: true }],
  });
  return { admin, member, productId };
}

describe("/license audit", () => {
  it("pages an admin through every change, newest first, without repeats, even at one instant", async () => {
    const { admin, productId } = await setUp();
    // Thirty changes written at the same millisecond: only the id orders them.
    const clock = fixedClock("2099-05-01T12:00:00Z");
    for (let i = 0; i < 30; i++) {
      const changed = await setPurchasedSeats(app.db, clock, {
        workspaceId: app.teamId,
        productId: productId("lync-p2"),
        purchased: 100 + i,
        actor: { userId: admin.id, source: "command" },
      });
      expect(changed.ok).toBe(true);
    }
    const total = (await app.db.select().from(auditLog).where(eq(auditLog.workspaceId, app.teamId))).length;
    const { replies } = await app.command(admin.id, "audit");
    const seen = [...lines(replies[0])];
    expect(seen).toHaveLength(20);
    expect(seen[0]).toContain(`<@${admin.id}>`);
    expect(seen[0]).toMatch(/changed the purchased seats of \*[^*]+\* from 128 to 129\./);
    let value = nextValue(replies[0]);
    let pages = 1;
    while (value) {
      const page = await clickNext(admin.id, value);
      expect(page.replace_original).toBe(true);
      seen.push(...lines(page));
      value = nextValue(page);
      pages += 1;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toHaveLength(total);
    expect(JSON.stringify(seen)).toContain("added the product *");
    expect(JSON.stringify(seen)).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });

  it("shows a member only their own record, and refuses anyone else's", async () => {
    const { admin, member } = await setUp();
    await app.command(admin.id, `assign <@${member.id}> exchange`);
    const own = (await app.command(member.id, "audit")).replies[0];
    const shown = lines(own);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.join("\n")).toMatch(/assigned \*[^*]+\* to \*member\*/);
    expect(JSON.stringify(own)).toContain(`<@${member.id}>`);
    expect(shown.join("\n")).not.toContain("changed the purchased seats");
    expect((await app.command(member.id, `audit <@${admin.id}>`)).replies[0]?.text).toContain(
      "Only license admins",
    );
    const forAdmin = (await app.command(admin.id, `audit <@${member.id}>`)).replies[0];
    expect(lines(forAdmin).join("\n")).toMatch(/assigned \*[^*]+\* to \*member\*/);
  });

  it("refuses a member's forged button for the whole log and records the attempt", async () => {
    const { admin, member } = await setUp();
    await app.command(member.id, "status");
    const forged = await clickNext(member.id, `a1|${Date.now()}|999999|`);
    expect(forged.text).toContain("Only license admins");
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    expect(person).toBeDefined();
    const refusals = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, member.id), eq(auditLog.action, "refused")));
    expect(refusals).toMatchObject([{ source: "button", after: { attempted: "audit" } }]);
    // The admin reads the refusal as a sentence with its reason, not as a code.
    const log = lines((await app.command(admin.id, `audit <@${member.id}>`)).replies[0]).join("\n");
    expect(log).toContain(
      `<@${member.id}> was refused reading the audit log. Only license admins can do that.`,
    );
    expect(log).not.toContain("NOT_ALLOWED");
    const garbage = await clickNext(member.id, "not a cursor");
    expect(garbage.text).toContain("no longer available");
  });
});

import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignments, licenseRequests, people } from "../../../src/db/schema/index.ts";
import { until, useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

async function workspace() {
  await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true, profile: { display_name: "Ada Admin" } }),
    member: app.fake.users.add({ name: "member", profile: { display_name: "Mo Member" } }),
  };
}

const replyText = (reply: { text?: string; blocks?: unknown[] } | undefined) =>
  `${reply?.text ?? ""}\n${JSON.stringify(reply?.blocks ?? [])}`;

describe("/license over signed HTTP", () => {
  it("acks at once and answers help and status in the channel, only to the asker", async () => {
    const { member } = await workspace();
    const help = await app.command(member.id, "help");
    expect(help.http.status).toBe(200);
    expect(help.replies[0]).toMatchObject({ response_type: "ephemeral" });
    expect(replyText(help.replies[0])).toContain("/license assign @person");
    const status = await app.command(member.id, "status");
    expect(replyText(status.replies[0])).toContain("10 of 10 available");
    expect(replyText(status.replies[0])).toContain("Office 365 Small Business Premium");
    // Each product's key, which every command asks for, beside its name.
    expect(replyText(status.replies[0])).toContain("*Office 365 Small Business Premium* `office`");
  });

  it("a mistyped subcommand gets its one usage line and a did-you-mean, not the whole help", async () => {
    const { member } = await workspace();
    const typo = replyText((await app.command(member.id, `asign <@${member.id}> office`)).replies[0]);
    expect(typo).toContain('"asign" is not a /license command. Did you mean `assign`?');
    expect(typo).toContain("`/license assign @person [@person …] product`");
    expect(typo).not.toContain("/license status");
    const missing = replyText((await app.command(member.id, "remove office")).replies[0]);
    expect(missing).toContain("name a person");
    expect(missing).toContain("`/license remove @person product`");
    expect(missing).not.toContain("/license assign");
    const help = replyText((await app.command(member.id, "help")).replies[0]);
    expect(help).toContain("/license status");
    expect(help).toContain("/license location default CC");
  });

  it("an admin assigns; the reply says what was turned on and the seats left", async () => {
    const { admin, member } = await workspace();
    const { replies } = await app.command(admin.id, `assign <@${member.id}|member> office`);
    const text = replyText(replies[0]);
    expect(text).toContain("Mo Member");
    expect(text).toContain("Exchange Online");
    expect(text).toMatch(/\d+ of 10 available/);
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    const held = await app.db
      .select()
      .from(assignments)
      .where(eq(assignments.personId, person?.id as string));
    expect(held).toHaveLength(1);
  });

  it("a member who tries to assign files a request instead", async () => {
    const { member } = await workspace();
    const other = app.fake.users.add({ name: "other", profile: { display_name: "Olle Other" } });
    const { replies } = await app.command(member.id, `assign <@${other.id}> exchange`);
    expect(replyText(replies[0])).toContain("I asked them to give *Exchange Online Plan 1* to *Olle Other*");
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, other.id));
    const requests = await app.db
      .select()
      .from(licenseRequests)
      .where(and(eq(licenseRequests.personId, person?.id as string), eq(licenseRequests.status, "pending")));
    expect(requests).toHaveLength(1);
    expect(
      await app.db
        .select()
        .from(assignments)
        .where(eq(assignments.personId, person?.id as string)),
    ).toEqual([]);
  });

  it("remove opens the confirmation with the data-loss warning, changing nothing yet", async () => {
    const { admin, member } = await workspace();
    await app.command(admin.id, `assign <@${member.id}> office`);
    const before = app.fake.callsTo("views.update").length;
    await app.command(admin.id, `remove <@${member.id}> office`, { waitForReplies: 0 });
    const updates = await until(() => app.fake.callsTo("views.update").slice(before), 1);
    const view = JSON.stringify(updates[0]?.args.view);
    expect(updates[0]?.error).toBeUndefined();
    expect(view).toContain("Remove *Office 365 Small Business Premium* from *Mo Member*?");
    expect(view).toContain("Exchange Online: Mailbox and all its mail, calendar and contacts (0 MB)");
    expect(view).toMatch(/can be restored until \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \S+; deleted after that/);
    expect(view).toContain("SharePoint Online (Documents saved on the team site)");
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    expect(
      await app.db
        .select()
        .from(assignments)
        .where(eq(assignments.personId, person?.id as string)),
    ).toHaveLength(1);
  });

  it("the same command delivered twice takes effect once: the repeat is not answered and calls nothing", async () => {
    const { admin, member } = await workspace();
    const first = await app.command(admin.id, `assign <@${member.id}> lync`);
    await app.settled();
    const callsBefore = app.fake.calls.length;
    const messagesBefore = app.fake.messages.length;
    const again = await app.command(admin.id, `assign <@${member.id}> lync`, {
      triggerId: first.triggerId,
      responseUrl: first.responseUrl,
      waitForReplies: 0,
    });
    expect(again.http.status).toBe(200);
    await app.settled();
    // Without the claim the repeat answers "already has it", a second reply the admin reads.
    expect(app.fake.responses(first.responseUrl)).toHaveLength(1);
    expect(app.fake.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    expect(app.fake.messages.slice(messagesBefore)).toEqual([]);
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    const held = await app.db
      .select()
      .from(assignments)
      .where(eq(assignments.personId, person?.id as string));
    expect(held).toHaveLength(1);
  });

  it("garbage text always gets a 200 and a helpful reply, never a stack trace", async () => {
    const { member } = await workspace();
    const fragment = fc.constantFrom(
      "assign",
      "remove",
      "seats",
      "<@",
      "U0X",
      ">",
      "|",
      "&amp;",
      "office",
      "-1",
      "💥",
      " ",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fragment, { maxLength: 12 }).map((p) => p.join(" ")),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const { http, replies } = await app.command(member.id, input);
        expect(http.status).toBe(200);
        const reply = replyText(replies[0]);
        expect(reply.trim().length).toBeGreaterThan(0);
        expect(reply).not.toMatch(/\bat .+\.ts:\d+|Error:|undefined/);
      }),
      { numRuns: 150 },
    );
    expect(app.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

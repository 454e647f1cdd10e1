import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people } from "../../../src/db/schema/index.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

async function setUp() {
  await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true, profile: { display_name: "Ada" } }),
    member: app.fake.users.add({
      name: "member",
      profile: { display_name: "Mo" },
      email: `mo${Math.random()}@example.com`,
    }),
  };
}

const say = async (userId: string, text: string) => {
  const { replies } = await app.command(userId, text);
  return `${replies[0]?.text ?? ""} ${JSON.stringify(replies[0]?.blocks ?? [])}`;
};

describe("admin commands over signed HTTP", () => {
  it("show: a member sees their own licenses, not someone else's", async () => {
    const { admin, member } = await setUp();
    await say(admin.id, `assign <@${member.id}> exchange`);
    expect(await say(member.id, "show")).toContain("Exchange Online Plan 1");
    expect(await say(member.id, `show <@${admin.id}>`)).toContain("Only license admins");
    expect(await say(admin.id, `show <@${member.id}>`)).toContain("Exchange Online Plan 1");
  });

  it("remove then restore brings the license back; seats and location change with admins only", async () => {
    const { admin, member } = await setUp();
    await say(admin.id, `assign <@${member.id}> lync`);
    expect(await say(member.id, "seats lync 7")).toContain("Only license admins");
    expect(await say(admin.id, "seats lync 7")).toMatch(
      /Lync Online Plan 2\*: \d of 5 available → \d of 7 available/,
    );
    expect(await say(admin.id, "seats lync 0")).toContain("free 1");
    expect(await say(admin.id, `location <@${member.id}> us`)).toContain("now uses services in US");
    expect(await say(admin.id, `location <@${member.id}> xx`)).toContain("two-letter country code");
    // The refusal names the product and the person, and what to do instead.
    const nothing = await say(admin.id, `restore <@${member.id}> office`);
    expect(nothing).toContain("No data of *Office 365 Small Business Premium* is waiting for");
    expect(nothing).toContain("`/license assign @person office`");
  });

  it("admins add and remove give and take the license-admin right, by email too", async () => {
    const { admin, member } = await setUp();
    const email = member.profile?.email as string;
    expect(await say(admin.id, `admins add ${email}`)).toContain("*Mo* can now administer licenses");
    expect(await say(member.id, "seats office 12")).toContain("10 of 10 available → 12 of 12 available");
    expect(await say(admin.id, `admins remove <@${member.id}>`)).toContain("no longer administers");
    expect(await say(member.id, "seats office 10")).toContain("Only license admins");
    const [row] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, row?.id as string));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["admin.granted", "admin.revoked"]));
  });

  it("request files a request for the admins", async () => {
    const { member } = await setUp();
    expect(await say(member.id, "request sharepoint because team documents")).toContain(
      "I asked them to give",
    );
    expect(await say(member.id, "request sharepoint")).toContain("already waiting for an admin");
  });

  it("an unexpected failure is logged and answered plainly, never as a 500", async () => {
    const { admin } = await setUp();
    app.fake.failNext("users.info", "fatal_error");
    const { http, replies } = await app.command(admin.id, "seats office 10");
    expect(http.status).toBe(200);
    expect(replies[0]?.text).toBe("Something went wrong; nothing was changed. Please try again.");
    expect(app.logs.some((l) => l.level === "error" && l.message === "/license failed")).toBe(true);
  });
});

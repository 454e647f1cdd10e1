import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people, workspaces } from "../../../src/db/schema/index.ts";
import { upsertPeople } from "../../../src/licensing/directory/upsert-people.ts";
import {
  loadReaderLanguage,
  loadReaderLanguages,
  loadWorkspaceLanguage,
} from "../../../src/licensing/language/load-reader-languages.ts";
import { setPersonLanguage } from "../../../src/licensing/language/set-person-language.ts";
import { setWorkspaceLanguage } from "../../../src/licensing/language/set-workspace-language.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { admin, createFixture } from "../../helpers/factories.ts";

const t = useTestDatabase();
const member = { userId: "UMEMBER", source: "command" as const, requestId: "test-member" };

async function withMember(locale: string | null) {
  const f = await createFixture(t.db);
  await upsertPeople(t.db, {
    workspaceId: f.workspaceId,
    people: [{ slackUserId: member.userId, name: "Member", slackLocale: locale }],
  });
  return f;
}

const audits = (workspaceId: string, action: string) =>
  t.db
    .select({ actor: auditLog.actor, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));

describe("setPersonLanguage", () => {
  it("lets anyone choose their own language over their Slack locale, on the record, and give it back", async () => {
    const f = await withMember("sv-SE");
    expect(await loadReaderLanguage(t.db, f.workspaceId, member.userId)).toBe("sv");

    const chosen = await setPersonLanguage(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: member,
      language: "en",
    });
    expect(chosen).toMatchObject({ ok: true, before: null, language: "en" });
    expect(await loadReaderLanguage(t.db, f.workspaceId, member.userId)).toBe("en");
    expect(await audits(f.workspaceId, "person.language_set")).toEqual([
      { actor: member.userId, before: { language: null }, after: { language: "en" } },
    ]);

    await setPersonLanguage(t.db, f.clock, { workspaceId: f.workspaceId, actor: member, language: null });
    expect(await loadReaderLanguage(t.db, f.workspaceId, member.userId)).toBe("sv");
    expect(await audits(f.workspaceId, "person.language_set")).toHaveLength(2);
  });

  it("writes nothing when the choice is already the person's", async () => {
    const f = await withMember(null);
    const input = { workspaceId: f.workspaceId, actor: member, language: "sv" as const };
    await setPersonLanguage(t.db, f.clock, input);
    expect(await setPersonLanguage(t.db, f.clock, input)).toMatchObject({ ok: true, before: "sv" });
    expect(await audits(f.workspaceId, "person.language_set")).toHaveLength(1);
  });

  it("refuses someone the directory does not know, changing nothing", async () => {
    const f = await createFixture(t.db);
    const outcome = await setPersonLanguage(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: { ...member, userId: "UNOBODY" },
      language: "sv",
    });
    expect(outcome).toMatchObject({ ok: false, code: "UNKNOWN_PERSON" });
    expect(await t.db.select().from(people).where(eq(people.slackUserId, "UNOBODY"))).toEqual([]);
  });
});

describe("setWorkspaceLanguage", () => {
  it("sets the default for channels and for people with neither a choice nor a locale offered", async () => {
    const f = await withMember("de-DE");
    expect(await loadWorkspaceLanguage(t.db, f.workspaceId)).toBe("en");
    const outcome = await setWorkspaceLanguage(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: admin,
      language: "sv",
    });
    expect(outcome).toMatchObject({ ok: true, before: "en", language: "sv" });
    expect(await loadWorkspaceLanguage(t.db, f.workspaceId)).toBe("sv");
    const languages = await loadReaderLanguages(t.db, f.workspaceId, [member.userId, "UNOTKNOWN"]);
    expect(Object.fromEntries(languages)).toEqual({ [member.userId]: "sv", UNOTKNOWN: "sv" });
    expect(await audits(f.workspaceId, "workspace.default_language_set")).toEqual([
      { actor: admin.userId, before: { defaultLanguage: "en" }, after: { defaultLanguage: "sv" } },
    ]);
  });

  it("refuses a person who does not administer licenses, on the record, changing nothing", async () => {
    const f = await withMember(null);
    const outcome = await setWorkspaceLanguage(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: member,
      language: "sv",
    });
    expect(outcome).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    const [workspace] = await t.db
      .select({ language: workspaces.defaultLanguage })
      .from(workspaces)
      .where(eq(workspaces.id, f.workspaceId));
    expect(workspace?.language).toBe("en");
    const refusals = await audits(f.workspaceId, "refused");
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: member.userId,
        after: expect.objectContaining({ attempted: "set-workspace-language", reason: "NOT_ALLOWED" }),
      }),
    ]);
  });
});

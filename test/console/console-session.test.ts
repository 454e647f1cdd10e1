import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN } from "../../src/console/demo-workspace.ts";
import { people } from "../../src/db/schema/index.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { runConsoleScript } from "./run-console-script.ts";

const t = useTestDatabase();

/** The console on this file's database, running `lines` as a script. */
const runScript = (workspaceId: string, lines: string[]) => runConsoleScript(t.appDb, workspaceId, lines);

describe("the console", () => {
  it("lang chooses the acting person's language through the app, as /license language does", async () => {
    const language = async () => {
      const [row] = await t.db
        .select({ language: people.language })
        .from(people)
        .where(and(eq(people.workspaceId, "T0CONSOLE7"), eq(people.slackUserId, DEMO_ADMIN.id)));
      return row?.language;
    };
    // The words are the chosen catalog's, whichever it is: what is checked is the choice recorded.
    const chosen = await runScript("T0CONSOLE7", ["lang sv"]);
    expect(chosen.code).toBe(0);
    expect(await language()).toBe("sv");
    const back = await runScript("T0CONSOLE7", ["lang auto", "lang klingon", "expect /license language"]);
    expect(back.code).toBe(0);
    expect(await language()).toBeNull();
  }, 60_000);

  it("shows the fields a modal's submission is refused for, asks them again, cancels a modal, shows files", async () => {
    const { code, transcript } = await runScript("T0CONSOLE1", [
      "/license bulk",
      "@cleo",
      "-",
      "-",
      "Add",
      "Exchange Online Plan 1",
      "expect 1 person:",
      "cancel",
      "expect (modal closed)",
      "/license export",
      "expect License Desk shared a file in your DMs:",
      "expect license-desk-seats-",
    ]);
    expect(transcript).toMatch(/ {2}! Products to give: .+/);
    expect(transcript.match(/^Products to give \(optional, - to skip\):$/gm)).toHaveLength(2);
    expect(code).toBe(0);
  }, 60_000);

  it("warns of no mailbox loss when the person keeps another product that carries Exchange Online", async () => {
    const { code, transcript } = await runScript("T0CONSOLE5", [
      "/license assign @bo exchange-p1",
      "expect Exchange Online Plan 1",
      "/license remove @bo office",
      "expect ┌ Remove license ┐",
      "cancel",
      "expect (modal closed)",
    ]);
    const modal = transcript.slice(
      transcript.indexOf("┌ Remove license ┐"),
      transcript.indexOf("(modal closed)"),
    );
    expect(modal).toContain("Office desktop apps");
    expect(modal).not.toContain("Mailbox and all its mail");
    expect(code).toBe(0);
  }, 60_000);

  it("presses App Home's buttons, walks menus and text inputs, and shows the admins what came of it", async () => {
    const { code, transcript } = await runScript("T0CONSOLE2", [
      "as @lin",
      "home",
      "expect Request a license",
      "pick Request a license",
      "expect Request a license",
      "Exchange Online Plan 1",
      "For the shared calendar",
      "as @alva",
      "expect @lin asks for Exchange Online Plan 1.",
      "expect For the shared calendar",
      "pick Deny",
      "Not this quarter",
      "as @lin",
      "expect Not this quarter",
    ]);
    expect(transcript).toContain("You are now @lin (Lin Chen).");
    expect(code).toBe(0);
  }, 60_000);

  it("switches people by name only, and fails a script on someone unknown", async () => {
    const { code, transcript } = await runScript("T0CONSOLE3", ["as @nobody"]);
    expect(code).toBe(1);
    expect(transcript).toContain("Script failed at line 1: No one called @nobody here.");
  }, 60_000);
});

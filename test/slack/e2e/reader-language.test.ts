import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { people } from "../../../src/db/schema/index.ts";
import { dmChannelFor, type SlackUser } from "../../../src/local-slack/fake-slack-api.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";

/**
 * The Swedish catalog is written apart from the plumbing: here it is stood in for by the English
 * words marked «sv», so that what is tested is who reads which catalog, whatever the words are.
 */
vi.mock("../../../src/slack/copy/catalogs.ts", async () => {
  const { en } = await import("../../../src/slack/copy/en.ts");
  const marked = Object.fromEntries(
    Object.entries(en).map(([id, say]) => [
      id,
      (...params: unknown[]) => `«sv» ${(say as (...p: unknown[]) => string)(...params)}`,
    ]),
  );
  return { catalogFor: (language: string) => (language === "sv" ? marked : en) };
});

const app = useRunningSlackApp();
const SV = "«sv»";

/** What a message says: its text, then each block's. */
const wordsOf = (message: { text?: string; blocks?: unknown }) =>
  [
    message.text ?? "",
    ...((message.blocks ?? []) as { text?: { text?: string }; elements?: { text?: string }[] }[]).flatMap(
      (block) => [block.text?.text ?? "", ...(block.elements ?? []).map((e) => e.text ?? "")],
    ),
  ].join("\n");

const dms = (user: SlackUser) =>
  app.fake.messages.filter((m) => m.channel === dmChannelFor(user.id)).map(wordsOf);

async function command(user: SlackUser, text: string) {
  const { replies } = await app.command(user.id, text);
  await app.settled();
  return replies.map(wordsOf).join("\n");
}

async function workspace() {
  await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({
      name: "ada",
      is_admin: true,
      locale: "en-US",
      profile: { display_name: "Ada" },
    }),
    svensk: app.fake.users.add({ name: "sven", locale: "sv-SE", profile: { display_name: "Sven" } }),
  };
}

describe("each person reads their own language, over signed HTTP", () => {
  it("a person whose Slack locale is sv-SE reads Swedish from the first reply; an English admin beside them English", async () => {
    const { admin, svensk } = await workspace();
    const theirs = await command(svensk, "status");
    expect(theirs).toContain(`${SV} Seat availability`);
    const admins = await command(admin, "status");
    expect(admins).toContain("Seat availability");
    expect(admins).not.toContain(SV);
    // The locale was read from Slack (include_locale) and kept on the person's row.
    const [row] = await app.db.select().from(people).where(eq(people.slackUserId, svensk.id));
    expect(row?.slackLocale).toBe("sv-SE");
  });

  it("Swedish subcommands work, and a chosen language wins over the locale until given back", async () => {
    const { svensk } = await workspace();
    expect(await command(svensk, "hjälp")).toContain(`${SV} *License Desk*`);
    const chosen = await command(svensk, "language en");
    // The answer is already in the language chosen.
    expect(chosen).toContain("From now on I'll write to you in English");
    expect(chosen).not.toContain(SV);
    expect(await command(svensk, "visa")).not.toContain(SV);
    const back = await command(svensk, "språk auto");
    expect(back).toContain(`${SV} I'll follow your Slack language`);
  });

  it("a personal notice is in its recipient's language while the admin's reply is in the admin's", async () => {
    const { admin, svensk } = await workspace();
    const reply = await command(admin, `assign <@${svensk.id}> exchange`);
    expect(reply).not.toContain(SV);
    expect(reply).toContain("Sven");
    const notices = dms(svensk);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(SV);
  });

  it("a request reaches an English admin in English, while the Swedish requester's reply is Swedish", async () => {
    const { admin, svensk } = await workspace();
    await command(admin, "status"); // The directory knows the admin: the request goes to them.
    const reply = await command(svensk, "begär exchange because I need mail");
    expect(reply).toContain(SV);
    const toAdmin = dms(admin);
    expect(toAdmin.length).toBeGreaterThan(0);
    expect(toAdmin.join("\n")).toContain("A license request for Exchange Online");
    expect(toAdmin.join("\n")).not.toContain(SV);
  });

  it("only an admin sets the workspace's default, which people with no locale offered then read", async () => {
    const { admin } = await workspace();
    const tysk = app.fake.users.add({ name: "tysk", locale: "de-DE", profile: { display_name: "Tysk" } });
    const refused = await command(tysk, "language default sv");
    expect(refused).toContain("Only license admins");
    expect(await command(tysk, "status")).not.toContain(SV);
    const set = await command(admin, "language default sv");
    expect(set).toContain("The workspace's default language is now Swedish (was English)");
    expect(set).not.toContain(SV);
    expect(await command(tysk, "status")).toContain(`${SV} Seat availability`);
    await command(admin, "language default en");
  });
});

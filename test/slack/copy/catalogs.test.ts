import { describe, expect, it } from "vitest";
import {
  type Catalog,
  catalogFor,
  isLanguage,
  languageOfLocale,
  languages,
  type MessageId,
} from "../../../src/slack/copy/catalogs.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { sv } from "../../../src/slack/copy/sv.ts";
import { samples } from "./catalog-samples.ts";

const ids = Object.keys(en) as MessageId[];

/** Every sample number read as `n`: the same message with another count, another branch. */
function withCounts(parameters: object | undefined, n: number): object | undefined {
  if (parameters === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => [name, typeof value === "number" ? n : value]),
  );
}

function render(catalog: Catalog, id: MessageId, parameters: object | undefined = sampleOf(id)): string {
  // Each id's sample is typed for that id (catalog-samples.ts); indexing by a union loses the pairing.
  return (catalog[id] as (p?: object) => string)(parameters);
}

function sampleOf(id: MessageId): object | undefined {
  return (samples as Partial<Record<MessageId, object>>)[id];
}

/**
 * Messages that read the same in both languages because they hold no words of their own: only
 * parameters, mrkdwn, emoji, the product's name or a command. Anything else identical to English
 * is an untranslated copy.
 */
const sameInBothLanguages = new Set<MessageId>([
  "tenant.home.title",
  "tenant.status.header",
  "tenant.status.synced",
  "tenant.status.summary_item",
  "home.header",
  "modal.loading.title",
  "audit.system",
  "audit.line",
  "seats.done",
  "status.line",
  "home.seats.line",
  "home.requests.reason",
  "assign.seats",
  "assign.person.failed",
  "request.message.seats",
  "error.detail.item",
  "events.offboarded.item",
  "bulk.preview.loss_item",
  "remove.lost.mailbox",
  "remove.lost.item",
  "home.windows.lost.mailbox",
  "home.windows.lost.item",
  "home.member.license",
  "person.license.product",
  "products.pick.option",
  "products.form.intro_edit",
  "mailboxes.license.option",
  "outcome.line",
  "export.count",
]);

describe("the Swedish catalog", () => {
  it("has exactly English's message ids", () => {
    expect(Object.keys(sv).sort()).toEqual([...ids].sort());
  });

  it.each(ids)("renders %s for sample parameters, and for counts of 0 and 1", (id) => {
    for (const parameters of [sampleOf(id), withCounts(sampleOf(id), 0), withCounts(sampleOf(id), 1)]) {
      const text = render(sv, id, parameters);
      expect(typeof text).toBe("string");
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|NaN|\[object /);
    }
  });

  it("says each message in Swedish, not as an English copy", () => {
    const copied = ids.filter((id) => !sameInBothLanguages.has(id) && render(sv, id) === render(en, id));
    expect(copied).toEqual([]);
  });

  it("lists as the same in both only what really is", () => {
    const differ = [...sameInBothLanguages].filter((id) => render(sv, id) !== render(en, id));
    expect(differ).toEqual([]);
    // A short list: the catalog is translated, not excused.
    expect(sameInBothLanguages.size).toBeLessThan(ids.length / 10);
  });

  it("keeps commands, mentions and mrkdwn as English has them", () => {
    for (const id of ids) {
      const english = render(en, id);
      const swedish = render(sv, id);
      const commands = (text: string) => text.match(/`\/license [a-z]+/g) ?? [];
      expect(commands(swedish), id).toEqual(expect.arrayContaining(commands(english)));
      const marks = (text: string) => text.match(/<[#@!][^>]*>|:[a-z_]+:/g) ?? [];
      expect(marks(swedish), id).toEqual(marks(english));
    }
  });

  it("uses the admin center's words", () => {
    expect(sv["seats.available"]({ available: 6, purchased: 10 })).toBe("6 av 10 tillgängliga");
    expect(sv["remove.title"]()).toBe("Ta bort licens");
    expect(sv["mailboxes.kind.shared"]()).toBe("delad postlåda");
    expect(sv["mailboxes.kind.resource"]()).toBe("resurspostlåda");
    expect(sv["location.modal.title"]()).toBe("Användningsplats");
    expect(sv["remove.restore_hint"]({ days: 30, date: "1 feb. 2027 09:00 CET" })).toContain(
      "inom ångerperioden på 30 dagar, fram till 1 feb. 2027 09:00 CET",
    );
  });

  it("mentions the Swedish alias in a usage line that has one", () => {
    expect(sv["help.usage_of"]({ subcommand: "assign" })).toContain("`tilldela`");
    expect(sv["help.usage_of"]({ subcommand: "remove" })).toContain("`ta-bort`");
    expect(sv["help.usage"]()).toContain("`återställ`");
  });
});

describe("modal chrome", () => {
  // Slack refuses a modal whose title, submit or close text is longer than 24 characters.
  const chrome: MessageId[] = [
    "bulk.title",
    "bulk.next",
    "bulk.apply",
    "bulk.cancel",
    "remove.title",
    "remove.submit",
    "remove.cancel",
    "location.modal.title",
    "location.modal.submit",
    "location.modal.cancel",
    "mailboxes.size.title",
    "mailboxes.size.submit",
    "mailboxes.size.cancel",
    "mailboxes.license.title",
    "mailboxes.license.submit",
    "home.request.title",
    "home.request.submit",
    "home.request.cancel",
    "request.modal.approve.title",
    "request.modal.deny.title",
    "request.modal.cancel",
    "request.approve",
    "request.deny",
    "products.title",
    "products.next",
    "products.save",
    "products.cancel",
    "setup.modal.save",
    "setup.modal.cancel",
    "setup.modal.location.title",
    "setup.modal.admins.title",
    "setup.modal.approvals.title",
    "setup.modal.defaults.title",
    "modal.loading.title",
    "modal.notice.close",
  ];

  it.each(languages)("fits Slack's 24 characters in %s", (language) => {
    const catalog = catalogFor(language);
    const tooLong = chrome.filter((id) => render(catalog, id).length > 24);
    expect(tooLong).toEqual([]);
  });
});

describe("catalogFor", () => {
  it("gives each language its own words", () => {
    expect(catalogFor("sv")).toBe(sv);
    expect(catalogFor("en")).toBe(en);
    expect(catalogFor("sv")["remove.submit"]()).toBe("Ta bort");
    expect(catalogFor("en")["remove.submit"]()).toBe("Remove");
  });

  it("knows which languages it has", () => {
    expect(isLanguage("sv")).toBe(true);
    expect(isLanguage("en")).toBe(true);
    expect(isLanguage("de")).toBe(false);
    expect(isLanguage("sv-SE")).toBe(false);
  });

  it.each([
    ["sv-SE", "sv"],
    ["sv", "sv"],
    ["sv_FI", "sv"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["de-DE", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("reads Slack's locale %s as %s", (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});

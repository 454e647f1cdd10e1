import { describe, expect, it } from "vitest";
import { languageOfLocale, readerLanguage } from "../../../src/licensing/language/reader-language.ts";

describe("languageOfLocale", () => {
  it.each([
    ["sv-SE", "sv"],
    ["sv", "sv"],
    ["SV_fi", "sv"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["de-DE", null],
    ["", null],
    [null, null],
    [undefined, null],
    ["constructor", null],
  ])("reads %s as %s", (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});

describe("readerLanguage", () => {
  const svWorkspace = { defaultLanguage: "sv" };
  const enWorkspace = { defaultLanguage: "en" };

  it("takes the person's own choice over their Slack locale and the workspace's default", () => {
    expect(readerLanguage({ language: "en", slackLocale: "sv-SE" }, svWorkspace)).toBe("en");
    expect(readerLanguage({ language: "sv", slackLocale: "en-US" }, enWorkspace)).toBe("sv");
  });

  it("takes the Slack locale when the person chose nothing", () => {
    expect(readerLanguage({ language: null, slackLocale: "sv-SE" }, enWorkspace)).toBe("sv");
    expect(readerLanguage({ language: null, slackLocale: "en-US" }, svWorkspace)).toBe("en");
  });

  it("falls back to the workspace's default for a locale not offered, no locale, or no person", () => {
    expect(readerLanguage({ language: null, slackLocale: "de-DE" }, svWorkspace)).toBe("sv");
    expect(readerLanguage({ language: null, slackLocale: null }, svWorkspace)).toBe("sv");
    expect(readerLanguage(null, svWorkspace)).toBe("sv");
    expect(readerLanguage(null, enWorkspace)).toBe("en");
  });

  it("never answers a language it does not speak, whatever the rows hold", () => {
    expect(readerLanguage({ language: "xx", slackLocale: "yy" }, { defaultLanguage: "zz" })).toBe("en");
    expect(readerLanguage(null, { defaultLanguage: null })).toBe("en");
  });
});

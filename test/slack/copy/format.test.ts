import { describe, expect, it } from "vitest";
import { en } from "../../../src/slack/copy/en.ts";
import {
  escapeMrkdwn,
  formatInstant,
  formatInstantForEachReader,
  formatNumber,
  formatSize,
  plainText,
  truncate,
} from "../../../src/slack/copy/format.ts";
import { sv } from "../../../src/slack/copy/sv.ts";

describe("truncate", () => {
  it("keeps text within the limit as it is", () => {
    expect(truncate("Office", 10)).toBe("Office");
  });

  it("cuts between characters, never through an emoji, and says it cut", () => {
    expect(truncate(`${"a".repeat(999)}🎉!`, 1000)).toBe(`${"a".repeat(999)}…`);
    expect(truncate("ab👨‍👩‍👧", 6)).toBe("ab…");
    expect(truncate("ab🎉cd", 5)).toBe("ab🎉…");
  });

  it("stays within Slack's limit in UTF-16 units", () => {
    const cut = truncate("🎉".repeat(100), 75);
    expect(cut.length).toBeLessThanOrEqual(75);
    expect(cut.endsWith("🎉…")).toBe(true);
  });

  it("replaces half an emoji that arrived on its own", () => {
    expect(truncate("ok\uD83C", 10)).toBe("ok\uFFFD");
  });
});

describe("escapeMrkdwn and plainText", () => {
  it("escape Slack's markup characters in mrkdwn", () => {
    expect(escapeMrkdwn("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  });

  it("show a name reversed by an override as it really is", () => {
    expect(escapeMrkdwn("\u202Egnp.exe\u202C")).toBe("gnp.exe");
    expect(plainText("\u202Egnp.exe\u202C")).toBe("gnp.exe");
  });

  it("keep emoji sequences whole", () => {
    expect(escapeMrkdwn("Team 👨‍👩‍👧 & co")).toBe("Team 👨‍👩‍👧 &amp; co");
  });

  it("plainText does not escape: plain_text fields show & as it is", () => {
    expect(plainText("R&D <team>")).toBe("R&D <team>");
  });
});

describe("formatInstant", () => {
  const end = new Date("2027-01-02T08:00:00Z");

  it("says an instant in the reader's zone, with the zone named", () => {
    expect(formatInstant(en, end, "Europe/Stockholm")).toBe("2 Jan 2027, 09:00 CET");
    expect(formatInstant(en, end, "UTC")).toBe("2 Jan 2027, 08:00 UTC");
  });

  it("writes the instant in the reader's catalog's locale", () => {
    const swedish = { ...en, "format.locale": () => "sv-SE" };
    expect(formatInstant(swedish, end, "Europe/Stockholm")).toBe("2 jan. 2027 09:00 CET");
  });

  it("falls back to UTC, and says so, for a zone it does not know", () => {
    expect(formatInstant(en, end, "Mars/Olympus")).toBe("2 Jan 2027, 08:00 UTC");
  });

  it("gives a message many read Slack's per-reader date, with the same instant in UTC as fallback", () => {
    expect(formatInstantForEachReader(en, end)).toBe(
      "<!date^1798876800^{date_short} {time}|2 Jan 2027, 08:00 UTC>",
    );
  });

  it("says a window's end one way: restorable until, deleted after", () => {
    const date = formatInstant(en, end, "Europe/Stockholm");
    expect(en["remove.lost.heading"]({ date })).toBe(
      "*This data can be restored until 2 Jan 2027, 09:00 CET; deleted after that:*",
    );
    expect(en["jobs.restore.item"]({ person: "Bo", product: "Office", date, days: 2 })).toBe(
      "*Bo* — Office: can be restored until 2 Jan 2027, 09:00 CET (2 days left); deleted after that",
    );
  });
});

describe("formatInstant in Swedish", () => {
  const end = new Date("2027-01-02T08:00:00Z");

  it("says an instant as Swedish does, in the reader's zone with the zone named", () => {
    expect(formatInstant(sv, end, "Europe/Stockholm")).toBe("2 jan. 2027 09:00 CET");
    expect(formatInstant(sv, new Date("2027-07-02T08:00:00Z"), "Europe/Stockholm")).toBe(
      "2 juli 2027 10:00 CEST",
    );
  });

  it("leaves English as it was", () => {
    expect(formatInstant(en, end, "Europe/Stockholm")).toBe("2 Jan 2027, 09:00 CET");
  });

  it("falls back to UTC, and says so, for a zone it does not know", () => {
    expect(formatInstant(sv, end, "Mars/Olympus")).toBe("2 jan. 2027 08:00 UTC");
  });

  it("gives a message many read a Swedish fallback for clients that cannot show Slack's date", () => {
    expect(formatInstantForEachReader(sv, end)).toBe(
      "<!date^1798876800^{date_short} {time}|2 jan. 2027 08:00 UTC>",
    );
  });

  it("says a window's end one way in Swedish too", () => {
    const date = formatInstant(sv, end, "Europe/Stockholm");
    expect(sv["remove.lost.heading"]({ date })).toBe(
      "*Den här informationen kan återställas fram till 2 jan. 2027 09:00 CET och raderas sedan:*",
    );
    expect(sv["jobs.restore.item"]({ person: "Bo", product: "Office", date, days: 2 })).toBe(
      "*Bo* — Office: kan återställas fram till 2 jan. 2027 09:00 CET (2 dagar kvar) och raderas sedan",
    );
  });
});

describe("numbers and sizes per language", () => {
  it("write decimals and thousands as each language does", () => {
    expect(formatNumber(en, 1234.5)).toBe("1,234.5");
    expect(formatNumber(sv, 1234.5)).toBe("1\u00a0234,5");
  });

  it("say a mailbox size with the language's decimal mark", () => {
    expect(formatSize(2560)).toBe("2.5 GB");
    expect(formatSize(2560, sv)).toBe("2,5 GB");
    expect(formatSize(800, sv)).toBe("800 MB");
    expect(formatSize(10240, sv)).toBe("10 GB");
  });
});

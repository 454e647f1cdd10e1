import { describe, expect, it } from "vitest";
import type { PersonLicenses } from "../../../src/licensing/get-person-licenses.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildPersonLicensesMessage } from "../../../src/slack/people/build-person-licenses-message.ts";
import { allText, expectWithinMessageLimits } from "../shared/message-limits.ts";

const exchange = { key: "exchange", name: "Exchange Online", kind: "mailbox" as const };
const sharepoint = { key: "sharepoint", name: "SharePoint Online", kind: "team_site" as const };
const lync = { key: "lync", name: "Lync Online", kind: "meetings" as const };
const office = { key: "office-apps", name: "Office desktop apps", kind: "office_apps" as const };

const licenses = (over: Partial<PersonLicenses> = {}): PersonLicenses => ({
  ok: true,
  person: { id: "p1", name: "Anna Svensson", slackUserId: "U1", usageLocation: "CN", active: true },
  licenses: [
    {
      product: { id: "o1", key: "office", name: "Office 365 Small Business Premium" },
      assignedAt: new Date("2026-01-10T09:00:00Z"),
      enabled: [
        { ...exchange, mailboxSizeMb: 2560, devices: [] },
        { ...sharepoint, mailboxSizeMb: null, devices: [] },
        { ...office, mailboxSizeMb: null, devices: ["MacBook", "Desktop"] },
      ],
      skipped: [{ ...lync, location: "CN" }],
    },
  ],
  openWindows: [
    {
      windowId: "w1",
      product: { id: "e1", key: "exchange-p1", name: "Exchange Online Plan 1" },
      removedAt: new Date("2026-03-02T10:00:00Z"),
      // Late on 31 March in UTC is already 1 April in Stockholm.
      purgeAt: new Date("2026-03-31T23:30:00Z"),
      daysLeft: 12,
      retained: [{ ...exchange, mailboxSizeMb: 512, devices: [] }],
    },
  ],
  ...over,
});

describe("buildPersonLicensesMessage", () => {
  it("shows products, services on and skipped with why, and restore windows with days left and data kept", () => {
    const message = buildPersonLicensesMessage(en, licenses(), { timeZone: "Europe/Stockholm" });
    const text = allText(message);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "Licenses: Anna Svensson" } });
    expect(text).toContain("Usage location: CN");
    expect(text).toContain("*Office 365 Small Business Premium*");
    expect(text).toContain(
      "On: Exchange Online (mailbox 2.5 GB), SharePoint Online, Office desktop apps (2 devices)",
    );
    expect(text).toContain("Skipped: Lync Online, not available in usage location CN");
    expect(text).toContain(
      "*Exchange Online Plan 1*: can be restored until 1 Apr 2026, 01:30 CEST (12 days left); deleted after that",
    );
    expect(text).toContain("Kept: Exchange Online (mailbox 512 MB)");
    expect(message.text).toBe("Anna Svensson: 1 license, 1 restore window open.");
    expectWithinMessageLimits(message);
  });

  it("formats the last day in the viewer's time zone", () => {
    const text = allText(buildPersonLicensesMessage(en, licenses(), { timeZone: "UTC" }));
    expect(text).toContain("until 31 Mar 2026, 23:30 UTC");
  });

  it("says when the person holds nothing, has no location, is deactivated, or a window ends today", () => {
    const base = licenses();
    const window = base.openWindows[0];
    if (!window) throw new Error("fixture has a window");
    const message = buildPersonLicensesMessage(
      en,
      licenses({
        person: { ...base.person, usageLocation: null, active: false },
        licenses: [],
        openWindows: [{ ...window, daysLeft: 0, retained: [] }],
      }),
      { timeZone: "UTC" },
    );
    const text = allText(message);
    expect(text).toContain("No usage location · Deactivated");
    expect(text).toContain("Holds no licenses.");
    expect(text).toContain("can be restored until 31 Mar 2026, 23:30 UTC; deleted after that");
    expect(text).toContain("Kept: no data");
  });

  it("leaves out the restore windows when there are none", () => {
    const text = allText(buildPersonLicensesMessage(en, licenses({ openWindows: [] }), { timeZone: "UTC" }));
    expect(text).not.toContain("Can still be restored");
  });

  it("escapes names from people and catalogs", () => {
    const base = licenses();
    const text = allText(
      buildPersonLicensesMessage(
        en,
        licenses({ person: { ...base.person, name: "<!here> & *x*", usageLocation: "<@U1>" } }),
        { timeZone: "UTC" },
      ),
    );
    expect(text).not.toContain("<@U1>");
    expect(text).toContain("&lt;@U1&gt;");
  });

  it("holds Slack's limits for 80 products and 80 restore windows with long names", () => {
    const long = (i: number) => `Product ${i} ${"z".repeat(190)}`;
    const services = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...exchange,
        name: `Service ${i} ${"s".repeat(60)}`,
        mailboxSizeMb: 2048,
        devices: [],
      }));
    const big = licenses({
      person: { id: "p", name: "N".repeat(400), slackUserId: "U", usageLocation: "SE", active: true },
      licenses: Array.from({ length: 80 }, (_, i) => ({
        product: { id: `o${i}`, key: `k${i}`, name: long(i) },
        assignedAt: new Date(0),
        enabled: services(6),
        skipped: [{ ...lync, name: "L".repeat(200), location: "SE" }],
      })),
      openWindows: Array.from({ length: 80 }, (_, i) => ({
        windowId: `w${i}`,
        product: { id: `e${i}`, key: `e${i}`, name: long(i) },
        removedAt: new Date(0),
        purgeAt: new Date("2026-04-01T00:00:00Z"),
        daysLeft: 30,
        retained: services(6),
      })),
    });
    const message = buildPersonLicensesMessage(en, big, { timeZone: "UTC" });
    expectWithinMessageLimits(message);
    const text = allText(message);
    const shownProducts = text.match(/\n\*Product \d+ z+\*\nOn:/g)?.length ?? 0;
    const shownWindows = text.match(/days left\); deleted after that/g)?.length ?? 0;
    const more = [...text.matchAll(/…and (\d+) more/g)].map((m) => Number(m[1]));
    expect(shownProducts + shownWindows + more.reduce((a, b) => a + b, 0)).toBe(160);
  });
});

import { describe, expect, it } from "vitest";
import type { AuditNames } from "../../../src/licensing/audit/audit-names.ts";
import type { AuditEntryView } from "../../../src/licensing/audit/list-audit.ts";
import { buildAuditPageMessage } from "../../../src/slack/audit/audit-page-message.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { allText, expectWithinMessageLimits } from "../shared/message-limits.ts";

const entry = (i: number, over: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id: i,
  at: new Date("2026-03-02T10:00:00Z"),
  actor: "U0ADMIN",
  action: "license.assigned",
  targetType: "assignment",
  targetId: `a${i}`,
  before: null,
  after: { person: { id: "p", name: "Anna <b>" }, product: { id: "x", name: "Office" } },
  source: "command",
  ...over,
});

const names: AuditNames = { people: {}, products: {}, requests: {}, windows: {}, mailboxes: {} };

describe("buildAuditPageMessage", () => {
  it("shows who did what to whom, when, in the reader's time zone, with the next page's button", () => {
    const message = buildAuditPageMessage(en, [entry(1)], {
      timeZone: "Europe/Stockholm",
      names,
      nextValue: "a1|1|1|",
    });
    const text = allText(message);
    expect(text).toContain("2 Mar 2026, 11:00");
    expect(text).toContain("<@U0ADMIN> assigned *Office* to *Anna &lt;b&gt;*.");
    expect(message.blocks.at(-1)).toMatchObject({
      type: "actions",
      elements: [{ type: "button", value: "a1|1|1|" }],
    });
  });

  it("says when the oldest change is reached, and names refusals and unknown actions", () => {
    const message = buildAuditPageMessage(
      en,
      [
        entry(1, { actor: "system", action: "something.new" }),
        entry(2, { action: "refused", after: { attempted: "remove", reason: "NOT_ALLOWED" } }),
      ],
      { timeZone: "Not/AZone", names },
    );
    const text = allText(message);
    expect(text).toContain("License Desk made a change this version of License Desk does not describe.");
    expect(text).toContain("was refused removing a license. Only license admins can do that.");
    expect(text).not.toContain("NOT_ALLOWED");
    expect(text).not.toContain("something.new");
    expect(text).toContain("That is the oldest change recorded.");
  });

  it("holds Slack's limits for a full page of 200-character names and huge unknown actions", () => {
    const long = "N".repeat(200);
    const entries = Array.from({ length: 100 }, (_, i) =>
      entry(i, {
        action: "x".repeat(3000),
        after: { person: { name: long }, product: { name: long }, address: long },
      }),
    );
    const message = buildAuditPageMessage(en, entries, {
      timeZone: "UTC",
      names,
      who: "<@U0ANNA>",
      nextValue: "v",
    });
    expectWithinMessageLimits(message);
    expect(message.blocks.at(-1)).toMatchObject({ type: "actions" });
  });

  it("says there is nothing yet", () => {
    expect(allText(buildAuditPageMessage(en, [], { timeZone: "UTC", names }))).toContain(
      "No changes are recorded yet.",
    );
  });
});

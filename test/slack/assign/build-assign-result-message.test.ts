import { describe, expect, it } from "vitest";
import type { AssignProductResult } from "../../../src/licensing/assign-product.ts";
import { fail } from "../../../src/licensing/outcome.ts";
import { seatUsage } from "../../../src/licensing/seat-usage.ts";
import {
  type AssignAttempt,
  buildAssignResultMessage,
} from "../../../src/slack/assign/build-assign-result-message.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { allText, expectWithinMessageLimits } from "../shared/message-limits.ts";

const office = { id: "o1", key: "office", name: "Office 365 Small Business Premium" };

const assigned = (name: string, over: Partial<AssignProductResult> = {}): AssignAttempt => ({
  person: { name },
  outcome: {
    ok: true,
    assignmentId: `a-${name}`,
    person: { id: `p-${name}`, name, slackUserId: "U1" },
    product: office,
    enabled: [
      { key: "exchange", name: "Exchange Online", kind: "mailbox" },
      { key: "sharepoint", name: "SharePoint Online", kind: "team_site" },
    ],
    skipped: [
      {
        key: "lync",
        name: "Lync Online",
        kind: "meetings",
        reason: "UNAVAILABLE_IN_LOCATION",
        location: "CN",
      },
    ],
    restored: false,
    pendingInTenant: false,
    seats: seatUsage(10, 4),
    ...over,
  },
});

const build = (attempts: AssignAttempt[]) =>
  buildAssignResultMessage(en, { product: office, attempts, timeZone: "Europe/Stockholm" });

describe("buildAssignResultMessage", () => {
  it("tells what one assign turned on, skipped and why, restored, and the seats left", () => {
    const message = build([assigned("Anna Svensson", { restored: true })]);
    const text = allText(message);
    expect(text).toContain("Assigned *Office 365 Small Business Premium* to *Anna Svensson*.");
    expect(text).toContain("*Anna Svensson*: turned on Exchange Online, SharePoint Online.");
    expect(text).toContain("The data kept since the removal is restored.");
    expect(text).toContain("Skipped Lync Online: not available in their usage location CN.");
    expect(text).toContain("*Office 365 Small Business Premium*: 6 of 10 available");
    expect(message.text).toBe("Assigned Office 365 Small Business Premium to 1 person.");
    expectWithinMessageLimits(message);
  });

  it("says when no service could be turned on and does not claim a restore that did not happen", () => {
    const text = allText(build([assigned("Bo", { enabled: [], skipped: [] })]));
    expect(text).toContain("*Bo*: assigned, but none of its services could be turned on.");
    expect(text).not.toContain("restored");
    expect(text).not.toContain("Skipped");
  });

  it("lists each person's failure with its message and keeps the fewest seats left", () => {
    const message = build([
      assigned("Anna", { seats: seatUsage(10, 8) }),
      assigned("Bo", { seats: seatUsage(10, 9) }),
      { person: { name: "Cecilia" }, outcome: fail("ALREADY_ASSIGNED") },
      {
        person: { name: "David" },
        outcome: fail("WINDOW_CLOSED", { purgedAt: new Date("2026-03-31T23:30:00Z") }),
      },
    ]);
    const text = allText(message);
    expect(text).toContain(
      "Assigned *Office 365 Small Business Premium* to 2 people; 2 people could not get it.",
    );
    expect(text).toContain("*Not assigned:*");
    expect(text).toContain(":warning: *Cecilia*: They already have that license.");
    expect(text).toContain(":warning: *David*: The restore window ended on 1 Apr 2026, 01:30 CEST");
    expect(text).toContain("1 of 10 available");
    expect(text).not.toContain("2 of 10 available");
    expect(message.text).toBe(
      "Assigned Office 365 Small Business Premium to 2 people; 2 people could not get it.",
    );
  });

  it("takes the seats from a refusal for lack of seats when nobody got the product", () => {
    const text = allText(
      build([
        {
          person: { name: "Anna" },
          outcome: fail("NO_SEATS_LEFT", { product: office, seats: seatUsage(10, 10) }),
        },
      ]),
    );
    expect(text).toContain("Could not assign *Office 365 Small Business Premium*.");
    expect(text).toContain("No seats are left for *Office 365 Small Business Premium* (0 of 10 available)");
    expect(text).toContain("*Office 365 Small Business Premium*: 0 of 10 available");
  });

  it("leaves the seats out when no outcome carries them, and escapes names", () => {
    const text = allText(build([{ person: { name: "<!everyone>" }, outcome: fail("PERSON_DEACTIVATED") }]));
    expect(text).not.toContain("available");
    expect(text).not.toContain("<!everyone>");
    expect(text).toContain("&lt;!everyone&gt;");
  });

  it("holds Slack's limits for hundreds of people with long names", () => {
    const long = (i: number) => `Person ${i} ${"n".repeat(200)}`;
    const attempts: AssignAttempt[] = [
      ...Array.from({ length: 400 }, (_, i) => assigned(long(i), { restored: i % 2 === 0 })),
      ...Array.from({ length: 400 }, (_, i) => ({
        person: { name: long(400 + i) },
        outcome: fail("USAGE_LOCATION_REQUIRED"),
      })),
    ];
    const message = buildAssignResultMessage(en, {
      product: { name: "P".repeat(500) },
      attempts,
      timeZone: "UTC",
    });
    expectWithinMessageLimits(message);
    const text = allText(message);
    const shown = text.match(/\*Person \d+ n+\*/g)?.length ?? 0;
    const more = [...text.matchAll(/…and (\d+) more/g)].map((m) => Number(m[1]));
    expect(more).toHaveLength(2);
    expect(shown + more.reduce((a, b) => a + b, 0)).toBe(800);
  });
});

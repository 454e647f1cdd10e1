import { describe, expect, it } from "vitest";
import { en } from "../../../src/slack/copy/en.ts";
import { adminNotificationText } from "../../../src/slack/notices/admin-notification-text.ts";

const person = { id: "p1", name: "Lee <Leaver>", slackUserId: "U0LEAVER01" };
const warning = (n: number, lost = 1) => ({
  person,
  product: { id: `prod${n}`, key: `k${n}`, name: `Product ${n} & Co` },
  removedAt: "2026-03-02T10:00:00.000Z",
  goneForGoodAt: "2026-04-01T10:00:00.000Z",
  restoreWindowDays: 30,
  lost: Array.from({ length: lost }, () => ({
    service: { key: "exchange", name: "Exchange Online", kind: "mailbox" },
    description: "Mailbox and its content",
    mailboxSizeMb: 2048,
    devices: 0,
  })),
  survives: [],
});

describe("admin notification text", () => {
  it("names whose data, which services, and the date in the reader's own time zone", () => {
    const text = adminNotificationText(en, "offboarded_data_at_risk", {
      personId: "p1",
      warnings: [warning(1)],
    });
    expect(text).toContain("<@U0LEAVER01> was deactivated in Slack");
    expect(text).toContain("• Product 1 &amp; Co, Exchange Online: Mailbox and its content (2 GB)");
    expect(text).toContain("<!date^1775037600^{date_short} {time}|1 Apr 2026, 10:00 UTC>");
  });

  it("lists a long offboarding in bounded lines, counting the rest", () => {
    const warnings = Array.from({ length: 200 }, (_, i) => warning(i, 3));
    const text = adminNotificationText(en, "offboarded_data_at_risk", { personId: "p1", warnings }) ?? "";
    expect(text.split("\n").length).toBeLessThanOrEqual(17);
    expect(text).toContain("…and 586 more");
    expect(text.length).toBeLessThan(3000);
  });

  it("says which products lacked seats when a newcomer got no defaults", () => {
    const text = adminNotificationText(en, "defaults_not_assigned", {
      person,
      reason: {
        code: "NO_SEATS_LEFT",
        shortfalls: [
          { product: { id: "a", key: "office", name: "Office" }, missing: 1 },
          { product: { id: "b", key: "lync", name: "Lync" }, missing: 2 },
        ],
      },
    });
    expect(text).toContain("<@U0LEAVER01> joined the workspace but got none of the default licenses");
    expect(text).toContain("Office (1 missing), Lync (2 missing)");
  });

  it("renders nothing for a payload it does not know, rather than half a message", () => {
    expect(adminNotificationText(en, "offboarded_data_at_risk", { something: "else" })).toBeNull();
    expect(adminNotificationText(en, "defaults_not_assigned", null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { MailboxListing } from "../../../src/licensing/mailboxes/list-mailboxes.ts";
import { seatUsage } from "../../../src/licensing/seat-usage.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildMailboxesMessage } from "../../../src/slack/mailboxes/mailboxes-list-message.ts";
import {
  buildMailboxLicenseModal,
  buildMailboxSizeModal,
} from "../../../src/slack/mailboxes/mailboxes-modals.ts";
import { parseMailboxSize } from "../../../src/slack/mailboxes/parse-mailbox-size.ts";
import { allText, expectWithinMessageLimits } from "../shared/message-limits.ts";

const mailbox = (i: number, over: Partial<MailboxListing> = {}): MailboxListing => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  address: `room${i}@example.com`,
  kind: "room",
  sizeMb: 2048,
  quotaMb: 10240,
  overQuota: false,
  licensedWith: null,
  lockAt: null,
  daysToLock: null,
  locked: false,
  ...over,
});

describe("the mailbox list", () => {
  it("words each state", () => {
    const text = allText(
      buildMailboxesMessage(
        en,
        [
          mailbox(1),
          mailbox(2, { sizeMb: 11264, overQuota: true, daysToLock: 3, lockAt: new Date() }),
          mailbox(3, { overQuota: true, locked: true }),
          mailbox(4, { licensedWith: { key: "x", name: "Exchange <1>" } }),
        ],
        { withButtons: false },
      ),
    );
    expect(text).toContain("*room1@example.com* (room) · 2 GB of 10 GB · under quota, no license needed");
    expect(text).toContain("11 GB of 10 GB · :warning: *locks in 3 days* unless licensed");
    expect(text).toContain("*locked*");
    expect(text).toContain("licensed with Exchange &lt;1&gt;");
  });

  it.each([true, false])(
    "holds message limits for 600 mailboxes with 250-character addresses (buttons: %s)",
    (withButtons) => {
      const many = Array.from({ length: 600 }, (_, i) =>
        mailbox(i, { address: `${"a".repeat(240)}${i}@x.se` }),
      );
      const message = buildMailboxesMessage(en, many, { withButtons });
      expectWithinMessageLimits(message);
      expect(blockKitProblems("message", message)).toEqual([]);
      expect(allText(message)).toMatch(/…and \d+ more/);
    },
  );
});

describe("the mailbox modals", () => {
  it("hold modal limits for long addresses and 150 products with 200-character names", () => {
    const summary = {
      id: "m",
      address: "a".repeat(3000),
      kind: "shared" as const,
      sizeMb: 1,
      quotaMb: 10240,
      licensed: false,
    };
    expect(blockKitProblems("modal", buildMailboxSizeModal(en, summary, "{}"))).toEqual([]);
    const products = Array.from({ length: 150 }, (_, i) => ({
      productId: `p${i}`,
      key: `k${i}`,
      name: `${"N".repeat(200)}${i}`,
      ...seatUsage(10, i % 11 === 0 ? 10 : 1),
    }));
    const modal = buildMailboxLicenseModal(en, summary, products, "{}");
    expect(blockKitProblems("modal", modal)).toEqual([]);
    expect(JSON.stringify(modal)).toContain("(9 of 10 available)");
    expect(JSON.stringify(modal)).not.toContain("(0 of 10 available)");
  });
});

describe("parseMailboxSize", () => {
  it.each([
    ["12", 12288],
    ["12.5", 12800],
    ["12,5 GB", 12800],
    ["800 MB", 800],
    ["800mb", 800],
    ["1 TB", 1048576],
    [" 0 ", 0],
  ])("%j is %i MB", (text, sizeMb) => {
    expect(parseMailboxSize(text)).toEqual({ ok: true, sizeMb });
  });

  it.each(["", "lots", "-1", "1e3", "12 KB", "1.2345"])("%j is not a size", (text) => {
    expect(parseMailboxSize(text)).toEqual({ ok: false, problem: "invalid" });
  });

  it("refuses more than any mailbox holds", () => {
    expect(parseMailboxSize("200 TB")).toEqual({ ok: false, problem: "too_big" });
  });
});

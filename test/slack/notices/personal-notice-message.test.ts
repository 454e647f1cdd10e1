import { describe, expect, it } from "vitest";
import type { LicenseChangesNotice } from "../../../src/licensing/outbox/notices.ts";
import { blockKitViolations } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildPersonalNoticeMessage } from "../../../src/slack/notices/personal-notice-message.ts";

const textOf = (notice: LicenseChangesNotice) => {
  const built = buildPersonalNoticeMessage(en, notice);
  expect(blockKitViolations("message", { blocks: built.blocks })).toEqual([]);
  return built.blocks.map((b) => (b as { text?: { text?: string } }).text?.text ?? "").join("\n");
};

const base: LicenseChangesNotice = {
  kind: "license_changes",
  timeZone: "Europe/Stockholm",
  by: "Alva <Admin>",
  joined: false,
  gained: [],
  lost: [],
};

describe("buildPersonalNoticeMessage", () => {
  it("says what was turned on, what the location skipped and why, and Office's device limit", () => {
    const text = textOf({
      ...base,
      gained: [
        {
          product: "Office",
          restored: false,
          enabled: ["Exchange Online", "Office desktop apps"],
          skipped: [{ service: "Lync Online", location: "CN" }],
          installs: { service: "Office desktop apps", limit: 5 },
        },
      ],
    });
    expect(text).toContain("You now have *Office*.");
    expect(text).toContain("Turned on for you: Exchange Online, Office desktop apps.");
    expect(text).toContain("Not turned on: Lync Online, not available in your usage location CN.");
    expect(text).toContain("You can install Office desktop apps on up to 5 Macs or PCs.");
    expect(text).toContain("Changed by Alva &lt;Admin&gt;.");
  });

  it("says the instant the data is gone in the reader's own zone, and who can restore it", () => {
    const text = textOf({
      ...base,
      lost: [
        {
          product: "Office",
          data: [{ service: "Exchange Online", kind: "mailbox", mailboxSizeMb: 2048 }],
          goneForGoodAt: "2027-01-02T08:00:00.000Z",
        },
      ],
    });
    expect(text).toContain("*Office* was removed from you.");
    expect(text).toContain("Your data that goes with it: Exchange Online (2 GB).");
    expect(text).toContain("can be restored until 2 Jan 2027, 09:00 CET; deleted after that");
    expect(text).toContain("Until then Alva &lt;Admin&gt; or another license admin can restore it");
  });

  it("never claims data goes when nothing is deleted, and says when the app itself gave a license", () => {
    const text = textOf({
      ...base,
      by: null,
      joined: true,
      gained: [{ product: "Office", restored: true, enabled: [], skipped: [], installs: null }],
      lost: [{ product: "Exchange Online Plan 1", data: [], goneForGoodAt: null }],
    });
    expect(text).toContain("Your license for *Office* is back, and your data restored.");
    expect(text).toContain("None of your data is deleted");
    expect(text).not.toContain("goes with it");
    expect(text).toContain("Given to every new member of this workspace.");
  });
});

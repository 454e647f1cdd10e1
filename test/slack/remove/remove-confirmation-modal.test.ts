import { describe, expect, it } from "vitest";
import type { RemovalWarning } from "../../../src/licensing/removal-warning.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildRemoveConfirmationModal } from "../../../src/slack/remove/remove-confirmation-modal.ts";

const warning = (over: Partial<RemovalWarning> = {}): RemovalWarning => ({
  person: { id: "p1", name: "Anna Svensson", slackUserId: "U1" },
  product: { id: "o1", key: "office", name: "Office 365 Small Business Premium" },
  removedAt: new Date("2026-03-02T10:00:00Z"),
  // Late on 31 March in UTC is already 1 April in Stockholm.
  goneForGoodAt: new Date("2026-03-31T23:30:00Z"),
  restoreWindowDays: 30,
  lost: [
    {
      service: { key: "exchange", name: "Exchange Online", kind: "mailbox" },
      description: "Mailbox and all its mail",
      mailboxSizeMb: 2560,
      devices: 0,
    },
    {
      service: { key: "office-apps", name: "Office desktop apps", kind: "office_apps" },
      description: "Office installs",
      mailboxSizeMb: null,
      devices: 2,
    },
  ],
  survives: [
    {
      service: { key: "sharepoint", name: "SharePoint Online", kind: "team_site" },
      description: "Documents saved on the team site",
      mailboxSizeMb: null,
      devices: 0,
    },
  ],
  ...over,
});

const texts = (view: ReturnType<typeof buildRemoveConfirmationModal>) =>
  view.blocks.map((b) => JSON.stringify(b)).join("\n");

describe("buildRemoveConfirmationModal", () => {
  it("names whose data goes, which, the mailbox size, the date in the admin's zone, and what survives", () => {
    const view = buildRemoveConfirmationModal(en, {
      warning: warning(),
      timeZone: "Europe/Stockholm",
      privateMetadata: "{}",
    });
    const all = texts(view);
    expect(all).toContain("Remove *Office 365 Small Business Premium* from *Anna Svensson*?");
    expect(all).toContain("This data can be restored until 1 Apr 2026, 01:30 CEST; deleted after that");
    expect(all).toContain("Exchange Online: Mailbox and all its mail (2.5 GB)");
    expect(all).toContain("Office desktop apps: Office installs (2 devices)");
    expect(all).toContain("SharePoint Online (Documents saved on the team site)");
    expect(all).toContain("within 30 days, until 1 Apr 2026, 01:30 CEST, restores all of it");
    expect(view).toMatchObject({ callback_id: "license.remove.confirm", submit: { text: "Remove" } });
  });

  it("shows the date in UTC for the same instant, and falls back to UTC for an unknown zone", () => {
    const utc = texts(
      buildRemoveConfirmationModal(en, { warning: warning(), timeZone: "UTC", privateMetadata: "" }),
    );
    const bogus = texts(
      buildRemoveConfirmationModal(en, { warning: warning(), timeZone: "Mars/Olympus", privateMetadata: "" }),
    );
    expect(utc).toContain("31 Mar 2026, 23:30 UTC");
    expect(bogus).toContain("31 Mar 2026, 23:30 UTC");
  });

  it("says when nothing is lost", () => {
    const view = buildRemoveConfirmationModal(en, {
      warning: warning({ lost: [] }),
      timeZone: "UTC",
      privateMetadata: "",
    });
    expect(texts(view)).toContain("No data is deleted");
    expect(texts(view)).not.toContain("restores all of it");
  });

  it("holds Slack's limits and escapes markup for long, hostile names", () => {
    const long = "<!channel> & *bold* ".repeat(200);
    const view = buildRemoveConfirmationModal(en, {
      warning: warning({
        person: { id: "p", name: long, slackUserId: "U" },
        product: { id: "o", key: "k", name: long },
      }),
      timeZone: "UTC",
      privateMetadata: "{}",
    });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of view.blocks) {
      const text = (block as { text?: { text: string } }).text?.text ?? "";
      expect(text.length).toBeLessThanOrEqual(3000);
    }
    expect(texts(view)).not.toContain("<!channel>");
  });
});

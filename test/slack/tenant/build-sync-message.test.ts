import { describe, expect, it } from "vitest";
import { buildSyncReply } from "../../../src/slack/tenant/build-sync-message.ts";
import type { TenantSyncSummary } from "../../../src/tenants/tenant-sync-summary.ts";

const quiet: TenantSyncSummary = {
  at: "2026-03-02T10:00:00.000Z",
  products: { created: [], updated: 2, gone: [], returned: [], skipped: [], overAssigned: [] },
  people: {
    matched: 2,
    locationsChanged: 0,
    unmatchedMembers: { count: 0, items: [] },
    unmatchedTenantUsers: { count: 0, items: [] },
  },
  licenses: { added: [], removed: [], regrouped: 0, waiting: 0 },
  outsideSeats: [],
  changedInTenant: 0,
};

const reply = (summary: TenantSyncSummary) => buildSyncReply({ ok: true, summary }, "Europe/Stockholm");

describe("the /license sync reply", () => {
  it("says when nothing was changed outside License Desk", () => {
    expect(reply(quiet)).toBe(
      "*Synced with Microsoft 365.*\nNo license was changed in Microsoft 365 outside License Desk.\n2 people matched to Microsoft 365 users by email.",
    );
  });

  it("names each change, where the data went, groups, gone products, the unmatched and seats held outside", () => {
    const text = reply({
      ...quiet,
      products: { ...quiet.products, gone: ["Visio <Plan> 2"] },
      people: {
        ...quiet.people,
        locationsChanged: 1,
        unmatchedMembers: { count: 1, items: [{ name: "Dan", slackUserId: "UDAN", email: null }] },
        unmatchedTenantUsers: { count: 1, items: [{ name: "Wei", principal: "wei@example.com" }] },
      },
      licenses: {
        added: [{ person: { name: "Bo", slackUserId: "UBO" }, product: "Exchange", fromGroup: true }],
        removed: [
          {
            person: { name: "Alva", slackUserId: "UALVA" },
            product: "Office",
            goneForGoodAt: "2026-04-01T10:00:00.000Z",
          },
        ],
        regrouped: 0,
        waiting: 1,
      },
      outsideSeats: [{ product: "Office", seats: 2 }],
    });
    expect(text).toContain(
      "Changed in Microsoft 365, not through License Desk: 1 license given, 1 taken away.",
    );
    expect(text).toContain("• <@UBO> got *Exchange* through a group");
    expect(text).toContain("• <@UALVA> lost *Office*: their data can be restored until 1 Apr 2026, 12:00");
    expect(text).toContain("1 difference left to changes License Desk is still making in Microsoft 365.");
    expect(text).toContain(
      "No longer in Microsoft 365 (kept here with their history): *Visio &lt;Plan&gt; 2*.",
    );
    expect(text).toContain("1 usage location taken from Microsoft 365");
    expect(text).toContain("1 member in Slack with no Microsoft 365 user of the same email: <@UDAN>.");
    expect(text).toContain(
      "1 Microsoft 365 user with no Slack member of the same email: Wei (wei@example.com).",
    );
    expect(text).toContain("Seats held by people who are not in Slack: *Office* 2.");
  });

  it("names at most ten of a long list and counts the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `P${i}`, principal: `p${i}@example.com` }));
    const text = reply({
      ...quiet,
      people: { ...quiet.people, unmatchedTenantUsers: { count: 60, items: many } },
    });
    expect(text).toContain("P9 (p9@example.com) …and 50 more");
    expect(text).not.toContain("P10 (");
  });

  it("says plainly when the workspace is not connected, and why a sync failed", () => {
    expect(buildSyncReply({ ok: false, code: "TENANT_NOT_CONNECTED" }, "UTC")).toContain("not connected");
    expect(
      buildSyncReply({ ok: false, code: "TENANT_SYNC_FAILED", message: `denied <${"x".repeat(500)}` }, "UTC"),
    ).toMatch(
      /^Microsoft 365 could not be synced, so nothing changed here\. What went wrong: denied &lt;x+…$/,
    );
  });
});

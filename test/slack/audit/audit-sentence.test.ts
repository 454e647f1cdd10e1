import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditNames } from "../../../src/licensing/audit/audit-names.ts";
import type { AuditEntryView } from "../../../src/licensing/audit/list-audit.ts";
import { AUDIT_ACTIONS, auditSentence } from "../../../src/slack/audit/audit-sentence.ts";
import { en } from "../../../src/slack/copy/en.ts";

const BO = "11111111-1111-4111-8111-111111111111";
const ALVA = "22222222-2222-4222-8222-222222222222";
const EXO = "33333333-3333-4333-8333-333333333333";
const VISIO = "44444444-4444-4444-8444-444444444444";
const REQUEST = "55555555-5555-4555-8555-555555555555";
const WINDOW = "66666666-6666-4666-8666-666666666666";
const MAILBOX = "77777777-7777-4777-8777-777777777777";

const names: AuditNames = {
  people: { [BO]: "Bo Berg", [ALVA]: "Alva" },
  products: {
    [EXO]: { key: "exo1", name: "Exchange Online Plan 1" },
    [VISIO]: { key: "visio", name: "Visio" },
  },
  requests: { [REQUEST]: { personId: BO, requesterId: BO, productId: EXO } },
  windows: { [WINDOW]: { personId: BO, productId: EXO } },
  mailboxes: { [MAILBOX]: "room-1@example.com" },
};

type Row = Pick<AuditEntryView, "action" | "targetType" | "targetId" | "before" | "after">;
const person = { id: BO, name: "Bo Berg", slackUserId: "U1" };
const product = { id: EXO, key: "exo1", name: "Exchange Online Plan 1" };

/** One row of every action kind, as the use cases write it, and what its sentence must say. */
const rows: Record<string, { row: Omit<Row, "action">; says: string[] }> = {
  "license.assigned": {
    row: {
      targetType: "assignment",
      targetId: "a",
      after: { person, product, skipped: [{ name: "Teams", location: "CN" }] },
      before: null,
    },
    says: ["assigned *Exchange Online Plan 1* to *Bo Berg*", "skipped Teams (not in CN)"],
  },
  "license.refused_by_tenant": {
    row: {
      targetType: "person",
      targetId: BO,
      before: null,
      after: {
        productId: EXO,
        action: "add",
        reason: "NO_USAGE_LOCATION",
        message: "invalid usage location",
      },
    },
    says: ["asked Microsoft 365 to assign *Exchange Online Plan 1* to *Bo Berg*", "no usage location"],
  },
  "license.restored": {
    row: { targetType: "assignment", targetId: "a", after: { person, product }, before: null },
    says: ["gave *Exchange Online Plan 1* back to *Bo Berg*"],
  },
  "license.removed": {
    row: {
      targetType: "assignment",
      targetId: "a",
      before: { person, product },
      after: { restoreWindowId: WINDOW, goneForGoodAt: "2027-01-02T08:00:00.000Z" },
    },
    says: ["removed *Exchange Online Plan 1* from *Bo Berg*", "restored until 2 Jan 2027, 08:00 UTC"],
  },
  "license.bulk_changed": {
    row: {
      targetType: "person",
      targetId: BO,
      before: { products: ["visio"] },
      after: { products: ["exo1"] },
    },
    says: ["*Bo Berg*'s licenses in bulk: added *Exchange Online Plan 1*; removed *Visio*"],
  },
  "bulk.applied": {
    row: {
      targetType: "bulk_change",
      targetId: "k",
      before: null,
      after: { mode: "add", people: 2, add: ["exo1"], remove: [], added: 2, removed: 0, restored: 0 },
    },
    says: ["to 2 people", "give *Exchange Online Plan 1*", "2 licenses added, 0 removed"],
  },
  "product.created": {
    row: {
      targetType: "product",
      targetId: VISIO,
      before: null,
      after: { key: "visio", name: "Visio", purchasedSeats: 5 },
    },
    says: ["added the product *Visio* (5 seats purchased)"],
  },
  "product.updated": {
    row: {
      targetType: "product",
      targetId: VISIO,
      before: { key: "visio", purchased: 5 },
      after: { key: "visio", name: "Visio", purchased: 8 },
    },
    says: ["edited the product *Visio* (purchased seats 5 → 8)"],
  },
  "product.seats_changed": {
    row: {
      targetType: "product",
      targetId: EXO,
      before: { key: "exo1", purchased: 10 },
      after: { key: "exo1", purchased: 12 },
    },
    says: ["changed the purchased seats of *Exchange Online Plan 1* from 10 to 12"],
  },
  "mailbox.licensed": {
    row: {
      targetType: "non_user_mailbox",
      targetId: MAILBOX,
      before: { licensed: false },
      after: { licensed: true, product: "exo1" },
    },
    says: ["licensed the mailbox *room-1@example.com* with *Exchange Online Plan 1*"],
  },
  "mailbox.size_recorded": {
    row: {
      targetType: "service_data",
      targetId: `${BO}/svc`,
      before: { sizeMb: 100 },
      after: { sizeMb: 2048 },
    },
    says: ["recorded the size of *Bo Berg*'s mailbox: 2 GB"],
  },
  "mailbox.locked": {
    row: {
      targetType: "non_user_mailbox",
      targetId: MAILBOX,
      before: null,
      after: { address: "room-1@example.com" },
    },
    says: ["locked the mailbox *room-1@example.com*"],
  },
  "person.usage_location_set": {
    row: {
      targetType: "person",
      targetId: BO,
      before: { usageLocation: null },
      after: { usageLocation: "SE" },
    },
    says: ["set *Bo Berg*'s usage location to SE (was none)"],
  },
  "workspace.default_usage_location_set": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { defaultUsageLocation: "US" },
      after: { defaultUsageLocation: "SE" },
    },
    says: ["default usage location to SE (was US)"],
  },
  "catalog.defaults_set": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { defaults: [] },
      after: { defaults: ["exo1"] },
    },
    says: ["chose the products new people get: *Exchange Online Plan 1* (was none)"],
  },
  "workspace.approvals_route_set": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { route: null, channelId: null },
      after: { route: "channel", channelId: "C0APPROVE" },
    },
    says: ["chose where requests go: the channel <#C0APPROVE>"],
  },
  "workspace.personal_notices_set": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { personalNotices: true },
      after: { personalNotices: false },
    },
    says: ["turned personal notices off"],
  },
  "person.deactivated": {
    row: {
      targetType: "person",
      targetId: BO,
      before: { active: true, products: ["exo1"] },
      after: { active: false, products: [] },
    },
    says: ["*Bo Berg* left; licenses removed: *Exchange Online Plan 1*"],
  },
  "person.reactivated": {
    row: { targetType: "person", targetId: BO, before: null, after: { active: true } },
    says: ["*Bo Berg* is back"],
  },
  "person.defaults_assigned": {
    row: {
      targetType: "person",
      targetId: BO,
      before: null,
      after: { products: ["exo1", "visio"], skipped: [] },
    },
    says: ["gave *Bo Berg*, new here, the default licenses: *Exchange Online Plan 1*, *Visio*"],
  },
  "person.defaults_not_assigned": {
    row: { targetType: "person", targetId: BO, before: null, after: { code: "USAGE_LOCATION_REQUIRED" } },
    says: ["could not give *Bo Berg*", "has no usage location"],
  },
  "person.language_set": {
    row: { targetType: "person", targetId: ALVA, before: { language: null }, after: { language: "sv" } },
    says: ["set *Alva*'s language to Swedish"],
  },
  "workspace.default_language_set": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { defaultLanguage: "en" },
      after: { defaultLanguage: "sv" },
    },
    says: ["set the workspace's default language to Swedish (was English)"],
  },
  "admin.granted": {
    row: { targetType: "person", targetId: ALVA, before: null, after: null },
    says: ["made *Alva* a license admin"],
  },
  "admin.revoked": {
    row: { targetType: "person", targetId: ALVA, before: null, after: null },
    says: ["took the license-admin right from *Alva*"],
  },
  "request.filed": {
    row: {
      targetType: "license_request",
      targetId: REQUEST,
      before: null,
      after: { personId: BO, productId: EXO, reason: "mail <now>" },
    },
    says: ["asked for *Exchange Online Plan 1* for *Bo Berg*: “mail &lt;now&gt;”"],
  },
  "request.approved": {
    row: {
      targetType: "license_request",
      targetId: REQUEST,
      before: { status: "pending" },
      after: { status: "approved", note: null },
    },
    says: ["approved the request for *Exchange Online Plan 1* for *Bo Berg*"],
  },
  "request.denied": {
    row: {
      targetType: "license_request",
      targetId: REQUEST,
      before: { status: "pending" },
      after: { status: "denied", note: "No budget" },
    },
    says: ["denied the request for *Exchange Online Plan 1* for *Bo Berg*: “No budget”"],
  },
  "request.cancelled": {
    row: { targetType: "license_request", targetId: REQUEST, before: null, after: { status: "cancelled" } },
    says: ["withdrew the request for *Exchange Online Plan 1* for *Bo Berg*"],
  },
  "request.expired": {
    row: { targetType: "license_request", targetId: REQUEST, before: null, after: { status: "expired" } },
    says: ["let the request for *Exchange Online Plan 1* for *Bo Berg* expire"],
  },
  "request.decision_refused": {
    row: {
      targetType: "license_request",
      targetId: REQUEST,
      before: null,
      after: { decision: "approve", refused: "NO_SEATS_LEFT" },
    },
    says: ["could not approve the request for *Exchange Online Plan 1* for *Bo Berg*: No seats are left"],
  },
  "restore_window.purged": {
    row: {
      targetType: "restore_window",
      targetId: WINDOW,
      before: { status: "open" },
      after: { personId: BO, productId: EXO },
    },
    says: ["deleted for good the data *Bo Berg* kept from *Exchange Online Plan 1*"],
  },
  "restore_window.reminders_stopped": {
    row: {
      targetType: "restore_window",
      targetId: WINDOW,
      before: null,
      after: { purgeAt: "2027-01-02T08:00:00Z" },
    },
    says: ["let *Bo Berg*'s *Exchange Online Plan 1* data expire"],
  },
  "device.registered": {
    row: {
      targetType: "device_install",
      targetId: "d",
      before: null,
      after: { personId: BO, productId: EXO, deviceName: "Mac" },
    },
    says: ["registered the device *Mac* for *Bo Berg*'s *Exchange Online Plan 1*"],
  },
  "device.unregistered": {
    row: {
      targetType: "device_install",
      targetId: "d",
      before: { personId: BO, productId: EXO, deviceName: "Mac" },
      after: null,
    },
    says: ["removed the device *Mac* from *Bo Berg*'s *Exchange Online Plan 1*"],
  },
  "workspace.deactivated": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { active: true },
      after: { active: false, reason: "app_uninstalled" },
    },
    says: ["uninstalled"],
  },
  "workspace.reactivated": {
    row: { targetType: "workspace", targetId: "T1", before: { active: false }, after: { active: true } },
    says: ["installed again"],
  },
  "workspace.purged": {
    row: { targetType: "workspace", targetId: "T1", before: null, after: { retentionDays: 30 } },
    says: ["30 days after"],
  },
  "license.tenant_assigned": {
    row: {
      targetType: "assignment",
      targetId: "a",
      before: null,
      after: { person, product, groupId: "g-1" },
    },
    says: [
      "recorded *Exchange Online Plan 1* given to *Bo Berg* through a group",
      "changed in Microsoft 365, not through License Desk",
    ],
  },
  "license.tenant_removed": {
    row: {
      targetType: "assignment",
      targetId: "a",
      before: { person, product },
      after: { restoreWindowId: WINDOW, goneForGoodAt: "2027-01-02T08:00:00.000Z" },
    },
    says: [
      "recorded *Exchange Online Plan 1* taken from *Bo Berg*",
      "changed in Microsoft 365, not through License Desk",
      "restored until 2 Jan 2027, 08:00 UTC",
    ],
  },
  "product.gone": {
    row: { targetType: "product", targetId: VISIO, before: { key: "visio", name: "Visio" }, after: {} },
    says: ["marked *Visio* gone: Microsoft 365 no longer has it"],
  },
  "product.returned": {
    row: { targetType: "product", targetId: VISIO, before: { key: "visio", name: "Visio" }, after: {} },
    says: ["marked *Visio* available again"],
  },
  "tenant.synced": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: null,
      after: { matched: 3, added: 1, removed: 2 },
    },
    says: ["synced with Microsoft 365: 3 people matched; 1 license added and 2 removed there"],
  },
  "tenant.connected": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: null,
      after: { tenantId: "contoso.onmicrosoft.com", clientId: "c1", method: "stored_secret", roles: [] },
    },
    says: ["connected Microsoft 365 tenant `contoso.onmicrosoft.com` with app `c1`", "entered in App Home"],
  },
  "tenant.disconnected": {
    row: {
      targetType: "workspace",
      targetId: "T1",
      before: { tenantId: "contoso.onmicrosoft.com", clientId: "c1" },
      after: null,
    },
    says: ["disconnected Microsoft 365 tenant `contoso.onmicrosoft.com` (app `c1`)"],
  },
  refused: {
    row: {
      targetType: "person",
      targetId: BO,
      before: null,
      after: { attempted: "assign-product", reason: "NOT_ALLOWED" },
    },
    says: ["was refused assigning a license for *Bo Berg*. Only license admins can do that."],
  },
};

const say = (action: string) => {
  const sample = rows[action];
  if (!sample) throw new Error(`no sample row for ${action}`);
  return auditSentence(en, { action, ...sample.row }, names, { timeZone: "UTC" });
};

/** The action names the use cases write, read from their source: a new kind fails here until worded. */
function writtenActions(): string[] {
  const found = new Set<string>(["request.approved", "request.denied"]);
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (path.endsWith(".ts")) {
        const text = readFileSync(path, "utf8");
        for (const m of text.matchAll(/(?:action: |entry\()"([a-z_]+(?:\.[a-z_]+)?)"/g))
          found.add(m[1] as string);
        for (const m of text.matchAll(/action: [^"\n]*\? "([a-z_.]+)" : "([a-z_.]+)"/g)) {
          found.add(m[1] as string);
          found.add(m[2] as string);
        }
      }
    }
  };
  walk("src/licensing");
  walk("src/tenants");
  return [...found];
}

describe("auditSentence", () => {
  it("has a sentence for every action the use cases write", () => {
    const written = writtenActions();
    expect(written.length).toBeGreaterThan(20);
    for (const action of written) expect(AUDIT_ACTIONS, action).toContain(action);
  });

  it.each(AUDIT_ACTIONS)("says what %s changed, by name, with no raw code", (action) => {
    const sentence = say(action);
    for (const words of rows[action]?.says ?? []) expect(sentence).toContain(words);
    expect(sentence).not.toMatch(/[A-Z]{2,}_[A-Z]/);
    if (action.includes(".")) expect(sentence).not.toContain(action);
  });

  it("reads a refusal's reason in words, whatever the reason", () => {
    const refused = (reason: string, attempted = "remove") =>
      auditSentence(
        en,
        { action: "refused", targetType: "view", targetId: "V1", before: null, after: { attempted, reason } },
        names,
        { timeZone: "UTC" },
      );
    expect(refused("FORGED_METADATA")).toBe(
      "was refused removing a license. The form's hidden data did not come from License Desk.",
    );
    expect(refused("UNKNOWN_TARGET", "request.deny")).toContain("denying a request");
    expect(refused("SOMETHING_NEW", "something-new")).toBe("was refused an action. It was not allowed.");
  });

  it("says less, never an id, when a name is gone", () => {
    const sentence = auditSentence(
      en,
      { action: "request.filed", targetType: "license_request", targetId: "gone", before: null, after: {} },
      names,
      { timeZone: "UTC" },
    );
    expect(sentence).toBe("asked for a product for someone");
  });
});

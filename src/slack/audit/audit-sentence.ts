import type { AuditNames } from "../../licensing/audit/audit-names.ts";
import type { AuditEntryView } from "../../licensing/audit/list-audit.ts";
import { isLanguage } from "../../licensing/language/reader-language.ts";
import type { LicensingCode } from "../../licensing/outcome.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize, truncate } from "../copy/format.ts";
import { messageForCode } from "../copy/licensing-codes.ts";
import { languageName } from "../copy/reader-catalog.ts";
import { tenantRefusalText } from "../copy/tenant-refusal.ts";

type Entry = Pick<AuditEntryView, "action" | "targetType" | "targetId" | "before" | "after">;
type Say = (entry: Entry, read: Reader) => string;

/** Free text quoted from a row (a reason, a note) is a reminder, not a copy. */
const QUOTE_MAX = 200;

/**
 * The row's facts, read through the names the page looked up: a person by id, a product by id or
 * key, the person and product of a request or window. Every name comes back bold and escaped.
 */
class Reader {
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
  constructor(
    readonly entry: Entry,
    private readonly names: AuditNames,
    readonly timeZone: string,
    readonly t: Catalog,
  ) {
    this.before = record(entry.before);
    this.after = record(entry.after);
  }
  /** From the row's own copy of the name first (it was true then), then by id. */
  person(id?: unknown): string {
    const copied = str(record(this.after.person).name) ?? str(record(this.before.person).name);
    const byId = typeof id === "string" ? this.names.people[id] : undefined;
    const name = byId ?? copied;
    return name ? bold(name) : this.t["audit.someone"]();
  }
  product(idOrKey?: unknown): string {
    const copied = str(record(this.after.product).name) ?? str(record(this.before.product).name);
    const name = typeof idOrKey === "string" ? this.productName(idOrKey) : undefined;
    const found = name ?? copied;
    return found ? bold(found) : this.t["audit.a_product"]();
  }
  /** Product keys (as bulk rows keep them) as names, "none" when empty. */
  products(keys: unknown): string {
    const list = Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
    return list.length === 0 ? this.t["audit.none"]() : list.map((k) => this.product(k)).join(", ");
  }
  /** The person and product of the request or window this row is about. */
  ref(kind: "requests" | "windows"): { person: string; product: string } {
    const ref = this.names[kind][this.entry.targetId];
    return {
      person: this.person(ref?.personId ?? this.after.personId),
      product: this.product(ref?.productId ?? this.after.productId),
    };
  }
  mailbox(): string {
    const address = this.names.mailboxes[this.entry.targetId] ?? str(this.after.address);
    return address ? bold(address) : this.t["audit.someone"]();
  }
  quote(value: unknown): string | null {
    const text = str(value);
    return text ? escapeMrkdwn(truncate(text, QUOTE_MAX)) : null;
  }
  date(value: unknown): string | null {
    const at = typeof value === "string" || value instanceof Date ? new Date(value) : null;
    return at && !Number.isNaN(at.getTime()) ? formatInstant(this.t, at, this.timeZone) : null;
  }
  private productName(idOrKey: string): string | undefined {
    const byId = this.names.products[idOrKey];
    if (byId) return byId.name;
    return Object.values(this.names.products).find((p) => p.key === idOrKey)?.name ?? idOrKey;
  }
}

const location = (t: Catalog, value: unknown) => str(value) ?? t["audit.none"]();
const seatsOf = (side: Record<string, unknown>) =>
  typeof side.purchased === "number"
    ? side.purchased
    : typeof side.purchasedSeats === "number"
      ? side.purchasedSeats
      : null;
const num = (value: unknown) => (typeof value === "number" ? value : 0);
const keysDiff = (from: unknown, to: unknown) => {
  const a = new Set(Array.isArray(from) ? from : []);
  return (Array.isArray(to) ? to : []).filter((k) => !a.has(k));
};

function productChange(t: Catalog, r: Reader): { product: string; seats: string } {
  const after = seatsOf(r.after);
  const name = str(r.after.name) ?? str(r.before.name);
  return {
    product: name ? bold(name) : r.product(r.entry.targetId),
    seats: after === null ? "" : t["audit.s.product.seats"]({ before: seatsOf(r.before), after }),
  };
}

/** A product by the name the row kept, else by id. */
function productNamed(e: Entry, r: Reader): string {
  const name = str(r.before.name);
  return name ? bold(name) : r.product(e.targetId);
}

/** One sentence per action kind the use cases write: `AUDIT_ACTIONS` lists them for the tests. */
const sentences: Record<string, Say> = {
  "license.assigned": (_e, r) => {
    const skipped = Array.isArray(r.after.skipped)
      ? r.after.skipped.map(
          (s) =>
            `${escapeMrkdwn(str(record(s).name) ?? "")} (not in ${escapeMrkdwn(str(record(s).location) ?? "")})`,
        )
      : [];
    return r.t["audit.s.license.assigned"]({
      person: r.person(),
      product: r.product(),
      skipped: skipped.length > 0 ? skipped.join(", ") : null,
    });
  },
  "license.refused_by_tenant": (e, r) =>
    r.t["audit.s.license.refused_by_tenant"]({
      person: r.person(e.targetId),
      product: r.product(str(r.after.productId) ?? ""),
      adding: r.after.action === "add",
      reason: tenantRefusalText(r.t, str(r.after.reason) ?? "OTHER", str(r.after.message) ?? null),
    }),
  "license.restored": (_e, r) =>
    r.t["audit.s.license.restored"]({ person: r.person(), product: r.product() }),
  "license.removed": (_e, r) =>
    r.t["audit.s.license.removed"]({
      person: r.person(),
      product: r.product(),
      until: r.after.restoreWindowId ? r.date(r.after.goneForGoodAt) : null,
    }),
  "license.bulk_changed": (e, r) =>
    r.t["audit.s.license.bulk_changed"]({
      person: r.person(e.targetId),
      added: r.products(keysDiff(r.before.products, r.after.products)),
      removed: r.products(keysDiff(r.after.products, r.before.products)),
    }),
  "bulk.applied": (_e, r) =>
    r.t["audit.s.bulk.applied"]({
      people: num(r.after.people),
      added: num(r.after.added),
      removed: num(r.after.removed),
      add: r.products(r.after.add),
      remove: r.products(r.after.remove),
    }),
  "product.created": (_e, r) => r.t["audit.s.product.created"](productChange(r.t, r)),
  "product.updated": (_e, r) => r.t["audit.s.product.updated"](productChange(r.t, r)),
  "product.seats_changed": (e, r) =>
    r.t["audit.s.product.seats_changed"]({
      product: r.product(e.targetId),
      before: seatsOf(r.before) ?? 0,
      after: seatsOf(r.after) ?? 0,
    }),
  "mailbox.licensed": (_e, r) =>
    r.t["audit.s.mailbox.licensed"]({ mailbox: r.mailbox(), product: r.product(r.after.product) }),
  "mailbox.size_recorded": (e, r) => {
    const size = formatSize(num(r.after.sizeMb));
    if (e.targetType === "service_data") {
      return r.t["audit.s.mailbox.person_size_recorded"]({
        person: r.person(e.targetId.split("/")[0]),
        size,
      });
    }
    return r.t["audit.s.mailbox.size_recorded"]({ mailbox: r.mailbox(), size });
  },
  "mailbox.locked": (_e, r) => r.t["audit.s.mailbox.locked"]({ mailbox: r.mailbox() }),
  "person.usage_location_set": (e, r) =>
    r.t["audit.s.person.usage_location_set"]({
      person: r.person(e.targetId),
      before: location(r.t, r.before.usageLocation),
      after: location(r.t, r.after.usageLocation),
    }),
  "workspace.default_usage_location_set": (_e, r) =>
    r.t["audit.s.workspace.default_usage_location_set"]({
      before: location(r.t, r.before.defaultUsageLocation),
      after: location(r.t, r.after.defaultUsageLocation),
    }),
  "catalog.defaults_set": (_e, r) =>
    r.t["audit.s.catalog.defaults_set"]({
      before: r.products(r.before.defaults),
      after: r.products(r.after.defaults),
    }),
  "workspace.approvals_route_set": (_e, r) => {
    const channel = str(r.after.channelId);
    return r.t["audit.s.workspace.approvals_route_set"]({
      where:
        r.after.route === "channel" && channel
          ? r.t["audit.s.workspace.approvals_route.channel"]({ channel: escapeMrkdwn(channel) })
          : r.t["audit.s.workspace.approvals_route.direct_messages"](),
    });
  },
  "person.language_set": (e, r) =>
    r.t["audit.s.person.language_set"]({
      person: r.person(e.targetId),
      language: languageWords(r, r.after.language),
    }),
  "workspace.default_language_set": (_e, r) =>
    r.t["audit.s.workspace.default_language_set"]({
      before: languageWords(r, r.before.defaultLanguage),
      after: languageWords(r, r.after.defaultLanguage),
    }),
  "workspace.personal_notices_set": (_e, r) =>
    r.t["audit.s.workspace.personal_notices_set"]({ on: r.after.personalNotices !== false }),
  "person.deactivated": (e, r) =>
    r.t["audit.s.person.deactivated"]({
      person: r.person(e.targetId),
      removed: r.products(r.before.products),
    }),
  "person.reactivated": (e, r) => r.t["audit.s.person.reactivated"]({ person: r.person(e.targetId) }),
  "person.defaults_assigned": (e, r) =>
    r.t["audit.s.person.defaults_assigned"]({
      person: r.person(e.targetId),
      products: r.products(r.after.products),
    }),
  "person.defaults_not_assigned": (e, r) =>
    r.t["audit.s.person.defaults_not_assigned"]({
      person: r.person(e.targetId),
      reason: reasonWords(r.t, r.after.code),
    }),
  "admin.granted": (e, r) => r.t["audit.s.admin.granted"]({ person: r.person(e.targetId) }),
  "admin.revoked": (e, r) => r.t["audit.s.admin.revoked"]({ person: r.person(e.targetId) }),
  "request.filed": (_e, r) =>
    r.t["audit.s.request.filed"]({ ...r.ref("requests"), reason: r.quote(r.after.reason) }),
  "request.approved": (_e, r) =>
    r.t["audit.s.request.approved"]({ ...r.ref("requests"), note: r.quote(r.after.note) }),
  "request.denied": (_e, r) =>
    r.t["audit.s.request.denied"]({ ...r.ref("requests"), note: r.quote(r.after.note) }),
  "request.cancelled": (_e, r) => r.t["audit.s.request.cancelled"](r.ref("requests")),
  "request.expired": (_e, r) => r.t["audit.s.request.expired"](r.ref("requests")),
  "request.decision_refused": (_e, r) =>
    r.t["audit.s.request.decision_refused"]({
      ...r.ref("requests"),
      decision: r.after.decision === "deny" ? "deny" : "approve",
      reason: reasonWords(r.t, r.after.refused),
    }),
  "restore_window.purged": (_e, r) => r.t["audit.s.restore_window.purged"](r.ref("windows")),
  "restore_window.reminders_stopped": (_e, r) =>
    r.t["audit.s.restore_window.reminders_stopped"](r.ref("windows")),
  "device.registered": (_e, r) => deviceWords(r, r.after, r.t["audit.s.device.registered"]),
  "device.unregistered": (_e, r) => deviceWords(r, r.before, r.t["audit.s.device.unregistered"]),
  "license.tenant_assigned": (_e, r) =>
    r.t["audit.s.license.tenant_assigned"]({
      person: r.person(),
      product: r.product(),
      fromGroup: typeof r.after.groupId === "string",
    }),
  "license.tenant_removed": (_e, r) =>
    r.t["audit.s.license.tenant_removed"]({
      person: r.person(),
      product: r.product(),
      until: r.after.restoreWindowId ? r.date(r.after.goneForGoodAt) : null,
    }),
  "product.gone": (e, r) => r.t["audit.s.product.gone"]({ product: productNamed(e, r) }),
  "product.returned": (e, r) => r.t["audit.s.product.returned"]({ product: productNamed(e, r) }),
  "tenant.synced": (_e, r) =>
    r.t["audit.s.tenant.synced"]({
      matched: num(r.after.matched),
      added: num(r.after.added),
      removed: num(r.after.removed),
    }),
  "workspace.deactivated": (_e, r) => r.t["audit.s.workspace.deactivated"](),
  "workspace.reactivated": (_e, r) => r.t["audit.s.workspace.reactivated"](),
  "workspace.purged": (_e, r) => r.t["audit.s.workspace.purged"]({ days: num(r.after.retentionDays) }),
  "tenant.connected": (_e, r) =>
    r.t["audit.s.tenant.connected"]({
      tenant: escapeMrkdwn(str(r.after.tenantId) ?? ""),
      app: escapeMrkdwn(str(r.after.clientId) ?? "—"),
      method: r.t[`tenant.method.${signInMethod(r.after.method)}`](),
    }),
  "tenant.disconnected": (_e, r) =>
    r.t["audit.s.tenant.disconnected"]({
      tenant: escapeMrkdwn(str(r.before.tenantId) ?? ""),
      app: escapeMrkdwn(str(r.before.clientId) ?? "—"),
    }),
  refused: (e, r) =>
    r.t["audit.s.refused"]({
      attempted: attemptWords(r.t, str(r.after.attempted)),
      target: refusedTarget(e, r),
      reason: reasonWords(r.t, r.after.reason),
    }),
};

/** Every action kind the audit log is known to hold. */
export const AUDIT_ACTIONS = Object.keys(sentences);

/**
 * One audit row as a sentence that follows the actor's name, with the product, the people, the
 * counts of a bulk change and the reason of a refusal; never a raw code.
 */
export function auditSentence(
  t: Catalog,
  entry: Entry,
  names: AuditNames,
  options: { timeZone: string },
): string {
  const say = sentences[entry.action];
  return say ? say(entry, new Reader(entry, names, options.timeZone, t)) : t["audit.s.unknown"]();
}

function deviceWords(
  r: Reader,
  side: Record<string, unknown>,
  words: (p: { person: string; product: string; device: string }) => string,
): string {
  return words({
    person: r.person(side.personId),
    product: r.product(side.productId),
    device: bold(str(side.deviceName) ?? ""),
  });
}

function refusedTarget(e: Entry, r: Reader): string {
  if (e.targetType === "person") return r.person(e.targetId);
  if (e.targetType === "product") return r.product(e.targetId);
  if (e.targetType === "license_request") {
    const ref = r.ref("requests");
    return `${ref.product} (${ref.person})`;
  }
  return "";
}

const ATTEMPTS: Record<string, `audit.attempt.${string}` & keyof Catalog> = {
  "assign-product": "audit.attempt.assign",
  "restore-product": "audit.attempt.restore",
  restore: "audit.attempt.restore",
  "remove-product": "audit.attempt.remove",
  remove: "audit.attempt.remove",
  "file-request": "audit.attempt.request",
  "request.approve": "audit.attempt.approve",
  "request.deny": "audit.attempt.deny",
  bulk: "audit.attempt.bulk",
  "apply-bulk-change": "audit.attempt.bulk",
  mailbox: "audit.attempt.mailbox",
  "license-mailbox": "audit.attempt.mailbox",
  "record-mailbox-size": "audit.attempt.mailbox",
  "set-mailbox-size": "audit.attempt.mailbox",
  "set-purchased-seats": "audit.attempt.seats",
  products: "audit.attempt.catalog",
  "save-product": "audit.attempt.catalog",
  "import-catalog": "audit.attempt.catalog",
  "set-usage-location": "audit.attempt.location",
  "set-default-usage-location": "audit.attempt.default_location",
  "set-granted-admin": "audit.attempt.admins",
  "set-workspace-language": "audit.attempt.default_language",
  audit: "audit.attempt.audit",
  "register-device": "audit.attempt.device",
  "unregister-device": "audit.attempt.device",
  "stop-window-reminders": "audit.attempt.expire",
  let_window_expire: "audit.attempt.expire",
  "person-joined": "audit.attempt.directory",
  "person-deactivated": "audit.attempt.directory",
  "person-reactivated": "audit.attempt.directory",
  "sync-tenant": "audit.attempt.sync",
  "connect-tenant": "audit.attempt.tenant",
  "disconnect-tenant": "audit.attempt.tenant",
};

/** How a connection signed in, as its audit row recorded it. */
function signInMethod(value: unknown): "stored_secret" | "settings_secret" | "settings_certificate" {
  return value === "settings_secret" || value === "settings_certificate" ? value : "stored_secret";
}

function attemptWords(t: Catalog, attempted: string | undefined): string {
  const id = attempted ? ATTEMPTS[attempted] : undefined;
  return (t[id ?? "audit.attempt.other"] as () => string)();
}

/** A refusal's reason as its sentence: a business code's own words, never the code. */
function reasonWords(t: Catalog, reason: unknown): string {
  const code = str(reason);
  if (code && code in messageForCode) return t[messageForCode[code as LicensingCode]]();
  if (code === "FORGED_METADATA") return t["audit.reason.FORGED_METADATA"]();
  if (code === "UNKNOWN_TARGET") return t["audit.reason.UNKNOWN_TARGET"]();
  return t["audit.reason.other"]();
}

/** A language code from a row as its name; none chosen reads as following Slack. */
function languageWords(r: Reader, value: unknown): string {
  return isLanguage(value) ? languageName(r.t, value) : r.t["language.follow_slack"]();
}

const bold = (name: string) => `*${escapeMrkdwn(name)}*`;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

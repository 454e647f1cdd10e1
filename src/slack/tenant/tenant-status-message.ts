import type { LastSync, TenantConnectionView } from "../../tenants/read-tenant-connection.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "../copy/format.ts";
import { type Message, message, section } from "../shared/message-parts.ts";

/** A sync's error as the tenant worded it: a reminder to act on, not a log. */
const SYNC_ERROR_MAX = 500;
/** The counts a sync summary may hold; more are left out. */
const SUMMARY_ITEMS_MAX = 12;

/**
 * `/license tenant`: whether the licenses live in Microsoft 365 and how the last sync went; for an
 * admin also the tenant, the app and how it signs in, each permission License Desk needs against
 * those the app's token carries, naming what is missing, and what the last sync found.
 */
export function buildTenantStatusMessage(view: TenantConnectionView, options: { timeZone: string }): Message {
  if (!view.connected) return message(en["tenant.status.none"](), [section(en["tenant.status.none"]())]);
  if (!view.details) {
    const lines = [en["tenant.status.connected_member"]()];
    if (view.lastSync) {
      lines.push(
        en["tenant.status.member_sync"]({
          at: formatInstant(en, view.lastSync.at, options.timeZone),
          ok: view.lastSync.error === null,
        }),
      );
    }
    return message(lines.join(" "), [section(lines.join(" "))]);
  }
  const connection = en["tenant.status.connection"]({
    tenant: escapeMrkdwn(view.tenantId),
    app: escapeMrkdwn(view.clientId ?? "—"),
    method: en[`tenant.method.${view.method}`](),
    by: view.connectedBy,
    at: formatInstant(en, view.connectedAt, options.timeZone),
  });
  const blocks = [
    section(`${en["tenant.status.header"]()}\n${connection}`),
    section(`${en["tenant.status.permissions"]()}\n${permissionLines(view.permissions).join("\n")}`),
    section(`${en["tenant.status.sync_header"]()}\n${syncLines(view.lastSync, options.timeZone).join("\n")}`),
  ];
  return message(connection, blocks);
}

function permissionLines(
  permissions: Extract<TenantConnectionView, { details: true }>["permissions"],
): string[] {
  if (!permissions.read) {
    return [
      en["tenant.status.no_sign_in"]({ problem: en[`tenant.problem.${permissions.problem}`]() }),
      en["tenant.their_words"]({
        message: escapeMrkdwn(truncate(permissions.tenantMessage, SYNC_ERROR_MAX)),
      }),
    ];
  }
  const lines = permissions.checks.map((check) => {
    const words = { permission: check.permission, need: en[`tenant.need.${check.need}`]() };
    if (check.grantedAs)
      return en["tenant.status.permission_granted"]({ ...words, grantedAs: check.grantedAs });
    return check.optional
      ? en["tenant.status.permission_optional"](words)
      : en["tenant.status.permission_missing"](words);
  });
  const missing = permissions.checks
    .filter((c) => !c.optional && !c.grantedAs)
    .map((c) => `\`${c.permission}\``);
  if (missing.length > 0)
    lines.push(en["tenant.status.missing_summary"]({ permissions: missing.join(", ") }));
  return lines;
}

function syncLines(lastSync: LastSync | null, timeZone: string): string[] {
  if (!lastSync) return [en["tenant.status.never_synced"]()];
  const at = formatInstant(en, lastSync.at, timeZone);
  if (lastSync.error !== null) {
    return [
      en["tenant.status.sync_failed"]({ at, error: escapeMrkdwn(truncate(lastSync.error, SYNC_ERROR_MAX)) }),
    ];
  }
  return [en["tenant.status.synced"]({ at }), ...summaryLines(lastSync.summary)];
}

/**
 * The sync records its own summary (counts, and lists such as people unmatched on either side):
 * each count, and each list by its length, named from its key in words ("unmatchedPeople" reads
 * "unmatched people"); anything else is left out rather than shown raw.
 */
export function summaryLines(summary: unknown): string[] {
  if (typeof summary !== "object" || summary === null || Array.isArray(summary)) return [];
  return Object.entries(summary)
    .flatMap(([key, value]) => {
      const count = typeof value === "number" ? value : Array.isArray(value) ? value.length : null;
      if (count === null || !Number.isFinite(count)) return [];
      const what = key
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/[_-]+/g, " ")
        .toLowerCase();
      return [en["tenant.status.summary_item"]({ what: escapeMrkdwn(what), count })];
    })
    .slice(0, SUMMARY_ITEMS_MAX);
}

import type { SyncTenantOutcome } from "../../tenants/sync-tenant.ts";
import type { PersonNamed } from "../../tenants/tenant-sync-summary.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "../copy/format.ts";

/** How many of each list a reply names; the rest are counted. */
const NAMED_MAX = 10;
/** The tenant's own words about a failure: enough to act on, never a page of them. */
const REASON_MAX = 300;

/** What `/license sync` answers: the outcome in words, each list bounded. */
export function buildSyncReply(
  outcome: Exclude<SyncTenantOutcome, { ok: false; code: "NOT_ALLOWED" }>,
  timeZone: string,
): string {
  if (!outcome.ok) {
    if (outcome.code === "TENANT_NOT_CONNECTED") return en["sync.not_connected"]();
    return en["sync.failed"]({ reason: escapeMrkdwn(truncate(outcome.message, REASON_MAX)) });
  }
  const { products, people, licenses, outsideSeats } = outcome.summary;
  const lines: string[] = [en["sync.done"]()];
  if (licenses.added.length + licenses.removed.length === 0) lines.push(en["sync.no_license_changes"]());
  else {
    lines.push(en["sync.changes"]({ added: licenses.added.length, removed: licenses.removed.length }));
    const changes = [
      ...licenses.added.map((a) =>
        en["sync.added"]({
          person: mention(a.person),
          product: escapeMrkdwn(a.product),
          fromGroup: a.fromGroup,
        }),
      ),
      ...licenses.removed.map((r) =>
        en["sync.removed"]({
          person: mention(r.person),
          product: escapeMrkdwn(r.product),
          until: r.goneForGoodAt ? formatInstant(en, new Date(r.goneForGoodAt), timeZone) : null,
        }),
      ),
    ];
    lines.push(...changes.slice(0, NAMED_MAX));
    if (changes.length > NAMED_MAX) lines.push(en["list.more"]({ count: changes.length - NAMED_MAX }));
  }
  if (licenses.waiting > 0) lines.push(en["sync.waiting"]({ count: licenses.waiting }));
  if (products.created.length > 0) lines.push(en["sync.products_new"]({ products: names(products.created) }));
  if (products.gone.length > 0) lines.push(en["sync.products_gone"]({ products: names(products.gone) }));
  if (products.returned.length > 0)
    lines.push(en["sync.products_returned"]({ products: names(products.returned) }));
  for (const over of products.overAssigned) {
    lines.push(en["sync.over_assigned"]({ ...over, product: escapeMrkdwn(over.product) }));
  }
  lines.push(en["sync.people"]({ matched: people.matched, locations: people.locationsChanged }));
  const members = people.unmatchedMembers;
  if (members.count > 0) {
    lines.push(
      en["sync.unmatched_members"]({
        count: members.count,
        people: listed(members.items.map(mention), members.count),
      }),
    );
  }
  const users = people.unmatchedTenantUsers;
  if (users.count > 0) {
    lines.push(
      en["sync.unmatched_tenant_users"]({
        count: users.count,
        people: listed(
          users.items.map((u) => `${escapeMrkdwn(u.name)} (${escapeMrkdwn(u.principal)})`),
          users.count,
        ),
      }),
    );
  }
  if (outsideSeats.length > 0) {
    lines.push(
      en["sync.outside_seats"]({
        seats: listed(
          outsideSeats.map((o) => `*${escapeMrkdwn(o.product)}* ${o.seats}`),
          outsideSeats.length,
        ),
      }),
    );
  }
  return lines.join("\n");
}

const mention = (person: PersonNamed) => `<@${person.slackUserId}>`;

function names(list: string[]): string {
  return listed(
    list.map((n) => `*${escapeMrkdwn(n)}*`),
    list.length,
  );
}

/** The first few, then how many more there are of the whole count. */
function listed(items: string[], total: number): string {
  const shown = items.slice(0, NAMED_MAX).join(", ");
  return total > NAMED_MAX ? `${shown} ${en["list.more"]({ count: total - NAMED_MAX })}` : shown;
}

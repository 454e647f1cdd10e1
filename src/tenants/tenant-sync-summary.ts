import type { PeopleMatched } from "./match-tenant-people.ts";
import type { DriftRecorded } from "./record-tenant-drift.ts";
import type { TenantProductsWritten } from "./write-tenant-products.ts";

/** How many names a list keeps: the counts stay exact, the lists stay readable and small. */
export const SUMMARY_LIST_MAX = 50;

interface Listed<T> {
  count: number;
  /** The first SUMMARY_LIST_MAX. */
  items: T[];
}

export interface PersonNamed {
  name: string;
  slackUserId: string;
}

/** What one sync found and changed: stored on the connection (last_sync_summary) and told to the admin. */
export interface TenantSyncSummary {
  at: string;
  products: {
    created: string[];
    updated: number;
    gone: string[];
    returned: string[];
    /** Tenant products carrying no service License Desk keeps data of. */
    skipped: string[];
    overAssigned: { product: string; tenantSeats: number; held: number }[];
  };
  people: {
    matched: number;
    locationsChanged: number;
    /** Slack members no tenant user has the email of. */
    unmatchedMembers: Listed<PersonNamed & { email: string | null }>;
    /** Tenant users no Slack member has the email of. */
    unmatchedTenantUsers: Listed<{ name: string; principal: string }>;
  };
  licenses: {
    added: { person: PersonNamed; product: string; fromGroup: boolean }[];
    removed: { person: PersonNamed; product: string; goneForGoodAt: string | null }[];
    regrouped: number;
    /** Differences left to a change License Desk asked the tenant for, still pending. */
    waiting: number;
  };
  /** Seats the tenant gave to people License Desk does not know, per product. */
  outsideSeats: { product: string; seats: number }[];
  /** People users/delta reported changed since the last sync. */
  changedInTenant: number;
}

const listed = <T>(items: T[]): Listed<T> => ({
  count: items.length,
  items: items.slice(0, SUMMARY_LIST_MAX),
});
const named = (p: { name: string; slackUserId: string }): PersonNamed => ({
  name: p.name,
  slackUserId: p.slackUserId,
});

export function summarizeSync(found: {
  at: Date;
  products: TenantProductsWritten;
  people: PeopleMatched;
  drift: DriftRecorded;
  outside: { name: string; outside: number }[];
  changedInTenant: number;
}): TenantSyncSummary {
  const { products, people, drift } = found;
  return {
    at: found.at.toISOString(),
    products: {
      created: products.created.map((key) => products.named.find((p) => p.key === key)?.name ?? key),
      updated: products.updated.length,
      gone: products.gone.map((p) => p.name),
      returned: products.returned.map((p) => p.name),
      skipped: products.skipped.map((s) => s.partNumber),
      overAssigned: products.overAssigned.map((o) => ({
        product: o.name,
        tenantSeats: o.tenantSeats,
        held: o.held,
      })),
    },
    people: {
      matched: people.matched.size,
      locationsChanged: people.locationsChanged,
      unmatchedMembers: listed(
        people.unmatchedMembers.filter((m) => m.active).map((m) => ({ ...named(m), email: m.email })),
      ),
      unmatchedTenantUsers: listed(
        people.unmatchedTenantPeople.map((p) => ({ name: p.displayName, principal: p.userPrincipalName })),
      ),
    },
    licenses: {
      added: drift.added.map((a) => ({
        person: named(a.person),
        product: a.product.name,
        fromGroup: a.groupId !== null,
      })),
      removed: drift.removed.map((r) => ({
        person: named(r.person),
        product: r.product.name,
        goneForGoodAt: r.goneForGoodAt,
      })),
      regrouped: drift.regrouped,
      waiting: drift.waiting,
    },
    outsideSeats: found.outside
      .filter((o) => o.outside > 0)
      .map((o) => ({ product: o.name, seats: o.outside })),
    changedInTenant: found.changedInTenant,
  };
}

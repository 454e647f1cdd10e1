import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../db/rows.ts";
import type { Actor } from "../licensing/actor.ts";
import { writeAudit } from "../licensing/audit.ts";
import { uuidArray } from "../licensing/bulk/pairs.ts";
import type { Tx } from "../licensing/outcome.ts";
import { normalizeUsageLocation } from "../licensing/usage-location.ts";
import { matchByEmail } from "./match-by-email.ts";
import type { TenantPerson } from "./tenant-port.ts";

export interface MatchedMember {
  id: string;
  name: string;
  slackUserId: string;
  email: string | null;
  active: boolean;
  /** The tenant user this member was matched to before this sync. */
  previousTenantPersonId: string | null;
}

export interface PeopleMatched {
  /** Every member of the workspace, by id. */
  members: Map<string, MatchedMember>;
  /** Member id → the tenant person they are now. */
  matched: Map<string, TenantPerson>;
  unmatchedMembers: MatchedMember[];
  unmatchedTenantPeople: TenantPerson[];
  /** Members whose usage location the tenant's changed. */
  locationsChanged: number;
}

const memberRow = z.object({
  id: z.string(),
  name: z.string(),
  slackUserId: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  usageLocation: z.string().nullable(),
  previousTenantPersonId: z.string().nullable(),
});

/**
 * Matches the workspace's members to the tenant's users by email (see `matchByEmail`), records the
 * tenant user each member is (`people.tenant_person_id`), and takes each matched member's usage
 * location from the tenant when it has one (rule 13: usage locations come from the tenant), each
 * change audited. Three statements whatever the number of people.
 */
export async function matchTenantPeople(
  tx: Tx,
  now: Date,
  actor: Actor,
  input: { workspaceId: string; tenantPeople: TenantPerson[] },
): Promise<PeopleMatched> {
  const { workspaceId } = input;
  const rows = await queryRows(
    tx,
    sql`select id, name, slack_user_id as "slackUserId", email, active, usage_location as "usageLocation",
          tenant_person_id as "previousTenantPersonId"
        from people where workspace_id = ${workspaceId} order by slack_user_id for no key update`,
    memberRow,
  );
  const { matched, unmatchedMembers, unmatchedTenantPeople } = matchByEmail(rows, input.tenantPeople);

  // Cleared first: a tenant id moving from one member to another must not meet itself in the unique index.
  const moved = rows.filter(
    (r) => r.previousTenantPersonId !== null && matched.get(r.id)?.id !== r.previousTenantPersonId,
  );
  if (moved.length > 0) {
    await tx.execute(sql`update people set tenant_person_id = null
      where workspace_id = ${workspaceId} and id = any(${uuidArray(moved.map((r) => r.id))})`);
  }
  const changes = rows.flatMap((r) => {
    const person = matched.get(r.id);
    if (!person) return [];
    const location = person.usageLocation ? normalizeUsageLocation(person.usageLocation) : null;
    const newLocation = location !== null && location !== r.usageLocation ? location : null;
    if (person.id === r.previousTenantPersonId && newLocation === null) return [];
    return [{ row: r, tenantPersonId: person.id, location: newLocation }];
  });
  if (changes.length > 0) {
    await tx.execute(sql`
      update people p set tenant_person_id = c.tenant_person_id, usage_location = coalesce(c.location, p.usage_location)
      from unnest(${uuidArray(changes.map((c) => c.row.id))}, ${sql.param(changes.map((c) => c.tenantPersonId))}::text[],
        ${sql.param(changes.map((c) => c.location))}::text[]) as c(id, tenant_person_id, location)
      where p.workspace_id = ${workspaceId} and p.id = c.id`);
  }
  const located = changes.filter((c) => c.location !== null);
  await writeAudit(
    tx,
    workspaceId,
    actor,
    now,
    located.map((c) => ({
      action: "person.usage_location_set",
      targetType: "person",
      targetId: c.row.id,
      before: { usageLocation: c.row.usageLocation },
      after: { usageLocation: c.location },
    })),
  );
  const members = new Map(
    rows.map(({ usageLocation: _location, ...member }) => [member.id, member] as const),
  );
  return {
    members,
    matched,
    unmatchedMembers: unmatchedMembers.map((m) => members.get(m.id) as MatchedMember),
    unmatchedTenantPeople,
    locationsChanged: located.length,
  };
}

import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { TenantDecision } from "../../licensing/write-license-changes.ts";

export const claimedOperation = z.object({
  // A bigserial: node-postgres reads it as a string, PGlite as a number.
  id: z.coerce.number(),
  workspaceId: z.string(),
  personId: z.string(),
  productId: z.string(),
  action: z.enum(["add", "remove"]),
  // Written only by the license writer from a typed decision.
  decision: z.custom<TenantDecision>((value) => typeof value === "object" && value !== null),
  decisionId: z.string(),
  attempts: z.number(),
  tenantPersonId: z.string().nullable(),
  tenantProductId: z.string().nullable(),
});
export type ClaimedOperation = z.infer<typeof claimedOperation>;

/**
 * Takes due pending operations for `leaseMs`, oldest first, with SKIP LOCKED so that several
 * instances share them. One that dies before recording its outcome leaves them to another once the
 * lease ends: making them again in the tenant is harmless (adding a license held is a no-op, and a
 * removal of one no longer held is taken as done), so none is lost and none counts twice.
 */
export function claimTenantOperations(
  db: Database,
  now: Date,
  input: { workspaceId?: string; limit: number; leaseMs: number },
): Promise<ClaimedOperation[]> {
  return queryRows(
    db,
    sql`update tenant_operations o set claimed_until = ${new Date(now.getTime() + input.leaseMs)},
          attempts = o.attempts + 1
        from tenant_operations c
        join people pe on pe.id = c.person_id
        join products pr on pr.id = c.product_id
        where o.id = c.id and c.id in (
          select d.id from tenant_operations d
          where d.status = 'pending' and d.not_before <= ${now}
            and (d.claimed_until is null or d.claimed_until < ${now})
            and (${input.workspaceId ?? null}::text is null or d.workspace_id = ${input.workspaceId ?? null})
          order by d.id
          limit ${input.limit}
          for update of d skip locked)
        returning o.id, o.workspace_id as "workspaceId", o.person_id as "personId", o.product_id as "productId",
          o.action, o.decision, o.decision_id as "decisionId", o.attempts,
          pe.tenant_person_id as "tenantPersonId", pr.tenant_product_id as "tenantProductId"`,
    claimedOperation,
  );
}

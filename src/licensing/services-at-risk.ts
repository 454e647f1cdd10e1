import { type SQL, sql } from "drizzle-orm";
import { uuidArray } from "./bulk/pairs.ts";

/**
 * The rule of what a removal loses (rule 6), as the CTEs the preview and the writer share, so the
 * warning and the change cannot disagree. A removal loses a service's data only when no product the
 * person holds afterwards still carries that service where they are: two products that carry
 * Exchange Online share one mailbox, which stays while either is held.
 *
 * Expects two relations defined before it: `removed(person_id, product_id, window_id)`, the
 * removals, and `added(person_id, product_id)`, the additions. Defines:
 * - `covered(person_id, service_id)`: the services the products held afterwards turn on;
 * - `at_risk(person_id, product_id, window_id, service_id, survives)`: the person's active data that
 *   goes, each service once, under one removed product that carried it.
 *
 * `asIfLocatedIn`: read the people as being there instead (what a change of location would lose).
 */
export function servicesAtRisk(workspaceId: string, personIds: string[], asIfLocatedIn?: string): SQL {
  const located = asIfLocatedIn ? sql`${asIfLocatedIn}::text, ` : sql``;
  return sql`held_after as (
      (select a.person_id, a.product_id from assignments a
        where a.workspace_id = ${workspaceId} and a.person_id = any(${uuidArray(personIds)})
        except select person_id, product_id from removed)
      union select person_id, product_id from added),
    covered as (
      select distinct h.person_id, ps.service_id
      from held_after h
      join product_services ps on ps.product_id = h.product_id
      join services s on s.id = ps.service_id
      join people l on l.id = h.person_id
      join workspaces lw on lw.id = l.workspace_id
      where not (coalesce(${located}l.usage_location, lw.default_usage_location, '') = any(s.unavailable_locations))),
    at_risk as (
      select distinct on (sd.person_id, sd.service_id)
        r.person_id, r.product_id, r.window_id, sd.service_id, s.data_survives_removal as survives
      from removed r
      join product_services ps on ps.product_id = r.product_id
      join service_data sd on sd.person_id = r.person_id and sd.service_id = ps.service_id and sd.status = 'active'
      join services s on s.id = sd.service_id
      where not exists (select 1 from covered c where c.person_id = sd.person_id and c.service_id = sd.service_id)
      -- A service two removed products carry waits under the one that carries the fewest services
      -- (Exchange Online Plan 1 rather than Office): the window most plainly about it.
      order by sd.person_id, sd.service_id,
        (select count(*) from product_services mine where mine.product_id = r.product_id), r.product_id)`;
}

import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock.ts";
import { getPersonLicenses, type PersonLicenses } from "../get-person-licenses.ts";
import type { Failure } from "../outcome.ts";
import type { Limited } from "./limited.ts";
import { listOwnRequests, type OwnRequestRow } from "./list-own-requests.ts";

export interface MemberHome {
  ok: true;
  licenses: PersonLicenses;
  requests: Limited<OwnRequestRow>;
}

/** What a member sees of their own: the licenses they hold, what can be restored, and their requests. */
export async function getMemberHome(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string; requestLimit: number },
): Promise<MemberHome | Failure<"UNKNOWN_PERSON">> {
  const licenses = await getPersonLicenses(db, clock, input);
  if (!licenses.ok) return licenses;
  const requests = await listOwnRequests(db, {
    workspaceId: input.workspaceId,
    personId: licenses.person.id,
    limit: input.requestLimit,
  });
  return { ok: true, licenses, requests };
}

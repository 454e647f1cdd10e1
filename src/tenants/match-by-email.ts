import type { TenantPerson } from "./tenant-port.ts";

export interface MemberToMatch {
  id: string;
  email: string | null;
}

export interface EmailMatches<M extends MemberToMatch> {
  /** Member id → the tenant person they are. */
  matched: Map<string, TenantPerson>;
  unmatchedMembers: M[];
  unmatchedTenantPeople: TenantPerson[];
}

/**
 * Which tenant user each Slack member is, by email, ignoring case: every member is first matched
 * on the tenant's `mail`, and only members still unmatched then on `userPrincipalName`, so a
 * user's mailbox address outranks another user's sign-in name. One tenant user is one member at
 * most: of two members with one address, the first (in the order given) is the match.
 */
export function matchByEmail<M extends MemberToMatch>(
  members: readonly M[],
  tenantPeople: readonly TenantPerson[],
): EmailMatches<M> {
  const byMail = new Map<string, TenantPerson>();
  const byPrincipal = new Map<string, TenantPerson>();
  for (const person of tenantPeople) {
    const mail = normal(person.email);
    if (mail && !byMail.has(mail)) byMail.set(mail, person);
    const principal = normal(person.userPrincipalName);
    if (principal && !byPrincipal.has(principal)) byPrincipal.set(principal, person);
  }
  const matched = new Map<string, TenantPerson>();
  const taken = new Set<string>();
  for (const index of [byMail, byPrincipal]) {
    for (const member of members) {
      const email = normal(member.email);
      if (!email || matched.has(member.id)) continue;
      const person = index.get(email);
      if (!person || taken.has(person.id)) continue;
      matched.set(member.id, person);
      taken.add(person.id);
    }
  }
  return {
    matched,
    unmatchedMembers: members.filter((m) => !matched.has(m.id)),
    unmatchedTenantPeople: tenantPeople.filter((p) => !taken.has(p.id)),
  };
}

const normal = (email: string | null | undefined): string | null => {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
};

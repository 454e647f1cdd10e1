/**
 * The ids any Slack payload carries about where it comes from, in each of its shapes: a slash
 * command (`team_id`, `enterprise_id`, `is_enterprise_install` as the string "true"), an interaction
 * (`team`, `enterprise`, `is_enterprise_install`, `user.team_id`), an Events API envelope (`team_id`,
 * `enterprise_id`, `is_ext_shared_channel`, `authorizations`).
 */
export interface SlackPayloadIds {
  team_id?: string | null | undefined;
  enterprise_id?: string | null | undefined;
  team?: { id?: string | undefined; enterprise_id?: string | undefined } | null | undefined;
  enterprise?: { id?: string | undefined } | null | undefined;
  user?: { team_id?: string | undefined } | null | undefined;
  is_enterprise_install?: boolean | string | null | undefined;
  is_ext_shared_channel?: boolean | undefined;
  authorizations?:
    | readonly {
        team_id?: string | null | undefined;
        enterprise_id?: string | null | undefined;
        is_enterprise_install?: boolean | undefined;
      }[]
    | undefined;
}

/**
 * The workspace a payload belongs to, the one every query of its handler is scoped to: for an
 * org-wide install (Enterprise Grid) the org's enterprise id, since the install, its people and
 * its licenses span the org's workspaces; otherwise the team id. In a channel shared with another
 * organisation the envelope's team can be the other side's, so the app's own authorization wins
 * there. Slack leaves `team` out of some interactions of org-wide installs: then the user's team.
 * Empty when the payload names none.
 */
export function workspaceOf(body: SlackPayloadIds): string {
  const authorization = body.authorizations?.[0];
  const orgWide =
    body.is_enterprise_install === true ||
    body.is_enterprise_install === "true" ||
    authorization?.is_enterprise_install === true;
  const enterpriseId =
    authorization?.enterprise_id || body.enterprise_id || body.enterprise?.id || body.team?.enterprise_id;
  if (orgWide && enterpriseId) return enterpriseId;
  if (body.is_ext_shared_channel && authorization?.team_id) return authorization.team_id;
  return body.team_id || body.team?.id || body.user?.team_id || "";
}

/** What auth.test says of a bot token: the team it was installed to, and its org, if any. */
export interface TokenIdentity {
  team_id?: string | undefined;
  enterprise_id?: string | undefined;
  is_enterprise_install?: boolean | undefined;
}

/**
 * The workspace a bot token serves, by the same rule as a payload's: the org for an org-wide
 * install, else the team. Empty when auth.test names neither.
 */
export function workspaceOfToken(auth: TokenIdentity): string {
  return workspaceOf({
    team_id: auth.team_id,
    enterprise_id: auth.enterprise_id,
    is_enterprise_install: auth.is_enterprise_install,
  });
}

/**
 * The workspace an interaction comes from: its team, else the clicking user's team (Slack leaves
 * `team` out of some payloads of org-wide installs). Every query of a handler is scoped to it.
 */
export function workspaceOf(body: {
  team?: { id?: string } | null;
  user: { team_id?: string | undefined };
}): string {
  return body.team?.id ?? body.user.team_id ?? "";
}

import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../licensing/actor.ts";
import { type ActingPerson, loadActingPerson } from "../../licensing/directory/acting-person.ts";
import { recordRefusal } from "../../licensing/record-refusal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { DirectoryLookup } from "./directory-lookup.ts";

/**
 * Who acts, with their admin rights as Slack reported them within the last minute. `known` is the
 * person as already read with the request (a command's snapshot), saving the read while fresh.
 */
export async function actingPerson(
  deps: SlackDeps,
  client: WebClient,
  workspaceId: string,
  userId: string,
  known?: ActingPerson | null,
): Promise<ActingPerson | null> {
  const directory = new DirectoryLookup(deps.db, client);
  if (directory.isFresh(workspaceId, userId)) {
    const recorded = known === undefined ? await loadActingPerson(deps.db, workspaceId, userId) : known;
    if (recorded) return recorded;
  }
  await directory.byUserId(workspaceId, userId, { fresh: true });
  return loadActingPerson(deps.db, workspaceId, userId);
}

/**
 * Rule 10, checked on the server for every command and submission: the acting admin, or null
 * after recording the refused attempt.
 */
export async function actingAdmin(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; actor: Actor; attempted: string; targetType: string; targetId: string },
  known?: ActingPerson | null,
): Promise<ActingPerson | null> {
  const acting = await actingPerson(deps, client, input.workspaceId, input.actor.userId, known);
  if (acting?.isAdmin) return acting;
  await recordRefusal(deps.db, deps.clock, { ...input, reason: "NOT_ALLOWED" });
  return null;
}

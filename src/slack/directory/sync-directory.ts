import { ErrorCode, type WebClient } from "@slack/web-api";
import { eq } from "drizzle-orm";
import { workspaces } from "../../db/schema/index.ts";
import { systemActor } from "../../licensing/actor.ts";
import { recordDirectoryPeople } from "../../licensing/directory/record-directory-people.ts";
import type { SlackDeps } from "../slack-deps.ts";
import type { RateLimitPolicy } from "./directory-sync-options.ts";
import { type SlackUser, toDirectoryPerson } from "./slack-user.ts";

/** Slack's recommended page size for users.list. */
const PAGE_SIZE = 200;

export const defaultRateLimitPolicy: RateLimitPolicy = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
  maxWaits: 10,
  maxWaitSeconds: 120,
};

export interface DirectorySyncCounts {
  pages: number;
  /** People recorded (bots and Slackbot left out). */
  people: number;
  skippedBots: number;
  deactivated: number;
  reactivated: number;
  /** New to the directory since the last sync, given the default products (or the admins told). */
  joined: number;
  rateLimitWaits: number;
}

/**
 * Reads the whole directory from users.list, page by page, and records it: each page in one
 * statement, then offboarding for whoever Slack now reports deactivated and reactivation for whoever
 * is back, and the join (default products) for whoever is new since the last sync. `client` should reject rate-limited calls (`rejectRateLimitedCalls`): on a 429 this waits
 * the Retry-After itself and asks again for the same cursor, instead of @slack/web-api pausing the
 * client's whole queue for up to half an hour.
 */
export async function syncDirectory(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string },
  policy: RateLimitPolicy = defaultRateLimitPolicy,
  signal?: AbortSignal,
): Promise<DirectorySyncCounts> {
  const counts: DirectorySyncCounts = {
    pages: 0,
    people: 0,
    skippedBots: 0,
    deactivated: 0,
    reactivated: 0,
    joined: 0,
    rateLimitWaits: 0,
  };
  const actor = systemActor("job", `directory-sync:${input.workspaceId}`);
  // The first sync records the members the app found at install; later ones onboard who is new.
  const [workspace] = await deps.db
    .select({ syncedAt: workspaces.directorySyncedAt })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  const onboardNew = Boolean(workspace?.syncedAt);
  let cursor = "";
  do {
    signal?.throwIfAborted();
    let page: Awaited<ReturnType<WebClient["users"]["list"]>>;
    try {
      page = await client.users.list({
        limit: PAGE_SIZE,
        include_locale: true,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      const retryAfter = rateLimitedFor(error);
      if (retryAfter === null) throw error;
      if (counts.rateLimitWaits >= policy.maxWaits || retryAfter > policy.maxWaitSeconds) {
        throw new Error(`users.list rate limited (Retry-After ${retryAfter} s): sync abandoned`, {
          cause: error,
        });
      }
      counts.rateLimitWaits += 1;
      deps.logger.info("users.list rate limited: waiting", { retryAfter, workspaceId: input.workspaceId });
      await policy.sleep(retryAfter * 1000);
      continue;
    }
    counts.pages += 1;
    const members = (page.members ?? []) as SlackUser[];
    const humans = members.filter((m): m is SlackUser & { id: string } => isPerson(m));
    counts.skippedBots += members.length - humans.length;
    const recorded = await recordDirectoryPeople(deps.db, deps.clock, {
      workspaceId: input.workspaceId,
      people: humans.map(toDirectoryPerson),
      actor,
      onboardNew,
    });
    counts.people += recorded.recorded;
    counts.deactivated += recorded.deactivated.length;
    counts.reactivated += recorded.reactivated.length;
    counts.joined += recorded.joined.length;
    cursor = page.response_metadata?.next_cursor ?? "";
  } while (cursor !== "");
  await deps.db
    .update(workspaces)
    .set({ directorySyncedAt: deps.clock.now() })
    .where(eq(workspaces.id, input.workspaceId));
  return counts;
}

/** Bots and Slackbot are members of the directory but hold no licenses. */
function isPerson(member: SlackUser): boolean {
  return Boolean(member.id) && !member.is_bot && member.id !== "USLACKBOT";
}

/** Seconds to wait when `error` is Slack's 429, else null. */
function rateLimitedFor(error: unknown): number | null {
  const e = error as { code?: unknown; retryAfter?: unknown };
  if (e?.code !== ErrorCode.RateLimitedError) return null;
  return typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 1;
}

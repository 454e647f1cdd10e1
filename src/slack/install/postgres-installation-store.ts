import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  type NewSlackInstallationRow,
  type SlackInstallationRow,
  slackInstallations,
} from "../../db/schema/index.ts";
import { withinWorkspace } from "../../db/workspace-scope.ts";
import { systemActor } from "../../licensing/actor.ts";
import type { Clock } from "../../licensing/clock.ts";
import { reactivateWorkspace } from "../../licensing/workspaces/reactivate-workspace.ts";
import type { TokenCipher } from "../../secrets/token-cipher.ts";
import { type AppLogger, describeError } from "../shared/logger.ts";
import type { RefreshToken } from "./token-refresh.ts";

/** Refresh a rotating token this long before it expires (Slack's tokens live 12 hours). */
export const REFRESH_BEFORE_EXPIRY_SECONDS = 2 * 60 * 60;

export interface InstallationStoreDeps {
  db: Database;
  cipher: TokenCipher;
  clock: Clock;
  logger: AppLogger;
  /** Token rotation: trades a refresh token for a new pair (oauth.v2.access). */
  refresh: RefreshToken;
}

/** No install matches: Bolt turns this into an authorization error and drops the request. */
export class InstallationNotFoundError extends Error {
  readonly code = "INSTALLATION_NOT_FOUND";
}

type Kind = "bot" | "user";
type Key = { enterpriseId: string | null; teamId: string | null };

export type SealedColumn = "bot_token" | "bot_refresh_token" | "user_token" | "user_refresh_token";

/**
 * Bolt's installation store on the database, tokens sealed by `cipher`.
 *
 * Token rotation happens here, not in Bolt. @slack/oauth's InstallProvider.authorize refreshes in
 * the process that fetched: fetchInstallation, then oauth.v2.access, then storeInstallation, with
 * nothing held in between. Two instances doing it at once send the same single-use refresh token:
 * one is refused (an error every time), and where both get through, the pairs race to be stored
 * and the row can end up with one Slack has already superseded. So fetchInstallation refreshes
 * under a row lock (SELECT … FOR UPDATE: the row is the natural lock, and every instance shares
 * it), re-reads, refreshes only if still due, stores, commits; a waiting instance then reads the
 * new pair. What it hands Bolt carries no refresh token, so Bolt's own refresh never runs.
 */
export function createPostgresInstallationStore(deps: InstallationStoreDeps): InstallationStore {
  return {
    async storeInstallation(installation) {
      const row = toRow(installation, deps.cipher);
      const workspaceId = row.teamId ?? row.enterpriseId ?? "";
      await withinWorkspace(workspaceId, () =>
        deps.db.transaction(async (tx) => {
          // A workspace has one install: the one it made before joining an org goes when it installs again.
          if (row.teamId) {
            await tx
              .delete(slackInstallations)
              .where(
                sql`${slackInstallations.teamId} = ${row.teamId} and ${slackInstallations.enterpriseId} is distinct from ${row.enterpriseId}`,
              );
          }
          await tx
            .insert(slackInstallations)
            .values(row)
            .onConflictDoUpdate({
              target: [slackInstallations.enterpriseId, slackInstallations.teamId],
              set: { ...row, updatedAt: deps.clock.now() },
            });
          // Installed again before its data was purged: the workspace (a team, or an org) comes back.
          await reactivateWorkspace(tx, deps.clock.now(), { workspaceId, actor: systemActor("event") });
        }),
      );
    },

    async fetchInstallation(query) {
      const found = await findRow(deps.db, query);
      if (!found) throw new InstallationNotFoundError(`no installation for ${describeQuery(query)}`);
      const now = deps.clock.now();
      const row = dueKinds(found, now).length > 0 ? await refreshUnderLock(deps, keyOf(found)) : found;
      return toInstallation(row, deps.cipher);
    },

    async deleteInstallation(query) {
      await deleteInstallationRows(deps.db, query);
    },
  };
}

/**
 * The store's deleteInstallation, for code that holds the database but no store (the uninstall
 * events): no key is needed to delete. Returns how many installations went.
 */
export async function deleteInstallationRows(
  db: Database,
  query: InstallationQuery<boolean>,
): Promise<number> {
  const deleted = await db
    .delete(slackInstallations)
    .where(exactMatch(query))
    .returning({ teamId: slackInstallations.teamId });
  return deleted.length;
}

async function refreshUnderLock(deps: InstallationStoreDeps, key: Key): Promise<SlackInstallationRow> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(slackInstallations).where(sameKey(key)).for("update");
    if (!row) {
      throw new InstallationNotFoundError(`installation ${key.enterpriseId}/${key.teamId} was deleted`);
    }
    const now = deps.clock.now();
    const due = dueKinds(row, now);
    if (due.length === 0) return row;
    const changes: Partial<NewSlackInstallationRow> = {};
    for (const kind of due) {
      const sealed = kind === "bot" ? row.botRefreshToken : row.userRefreshToken;
      if (!sealed) continue;
      try {
        const fresh = await deps.refresh(
          deps.cipher.decrypt(sealed, sealContext(key, `${kind}_refresh_token`)),
        );
        const expiresAt = new Date(now.getTime() + fresh.expiresIn * 1000);
        const token = deps.cipher.encrypt(fresh.accessToken, sealContext(key, `${kind}_token`));
        const refreshToken = deps.cipher.encrypt(
          fresh.refreshToken,
          sealContext(key, `${kind}_refresh_token`),
        );
        Object.assign(
          changes,
          kind === "bot"
            ? { botToken: token, botRefreshToken: refreshToken, botTokenExpiresAt: expiresAt }
            : { userToken: token, userRefreshToken: refreshToken, userTokenExpiresAt: expiresAt },
        );
      } catch (error) {
        // The current token may still have up to two hours: use it, and try again on the next request.
        deps.logger.error("Slack token refresh failed", { ...describeError(error), ...key, kind });
      }
    }
    if (Object.keys(changes).length === 0) return row;
    const [updated] = await tx
      .update(slackInstallations)
      .set({ ...changes, updatedAt: now })
      .where(sameKey(key))
      .returning();
    return updated ?? row;
  });
}

function dueKinds(row: SlackInstallationRow, now: Date): Kind[] {
  const soon = now.getTime() + REFRESH_BEFORE_EXPIRY_SECONDS * 1000;
  const kinds: Kind[] = [];
  if (row.botRefreshToken && row.botTokenExpiresAt && row.botTokenExpiresAt.getTime() <= soon) {
    kinds.push("bot");
  }
  if (row.userRefreshToken && row.userTokenExpiresAt && row.userTokenExpiresAt.getTime() <= soon) {
    kinds.push("user");
  }
  return kinds;
}

/**
 * A workspace's own install first; else, inside an Enterprise Grid org, the org-wide install
 * (Bolt asks with the workspace's team id and the org's enterprise id).
 */
async function findRow(
  db: Database,
  query: InstallationQuery<boolean>,
): Promise<SlackInstallationRow | undefined> {
  if (!query.isEnterpriseInstall && query.teamId) {
    const [team] = await db
      .select()
      .from(slackInstallations)
      .where(teamMatch(query.teamId, query.enterpriseId));
    if (team) return team;
  }
  if (!query.enterpriseId) return undefined;
  const [org] = await db.select().from(slackInstallations).where(orgMatch(query.enterpriseId));
  return org;
}

/** Deleting never falls back to the org: uninstalling from one workspace leaves the org's install alone. */
function exactMatch(query: InstallationQuery<boolean>): SQL {
  if (query.isEnterpriseInstall || !query.teamId) {
    if (!query.enterpriseId) throw new Error("an org-wide installation query needs an enterprise id");
    return orgMatch(query.enterpriseId);
  }
  return teamMatch(query.teamId, query.enterpriseId);
}

function teamMatch(teamId: string, enterpriseId: string | undefined): SQL {
  const t = slackInstallations;
  // A workspace installed before it joined an org has no enterprise id on its row.
  const enterprise = enterpriseId
    ? or(eq(t.enterpriseId, enterpriseId), isNull(t.enterpriseId))
    : isNull(t.enterpriseId);
  return and(eq(t.teamId, teamId), enterprise) as SQL;
}

function orgMatch(enterpriseId: string): SQL {
  const t = slackInstallations;
  return and(eq(t.enterpriseId, enterpriseId), isNull(t.teamId), eq(t.isEnterpriseInstall, true)) as SQL;
}

function sameKey(key: Key): SQL {
  const t = slackInstallations;
  return sql`${t.enterpriseId} is not distinct from ${key.enterpriseId} and ${t.teamId} is not distinct from ${key.teamId}`;
}

function keyOf(row: Key): Key {
  return { enterpriseId: row.enterpriseId, teamId: row.teamId };
}

/** Authenticated with each sealed value: a token copied to another row or column does not decrypt. */
export function sealContext(key: Key, column: SealedColumn): string {
  return `slack_installations:${key.enterpriseId ?? ""}:${key.teamId ?? ""}:${column}`;
}

function describeQuery(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall
    ? `org ${query.enterpriseId}`
    : `team ${query.teamId}${query.enterpriseId ? ` in ${query.enterpriseId}` : ""}`;
}

function toRow(installation: Installation, cipher: TokenCipher): NewSlackInstallationRow {
  const isOrg = installation.isEnterpriseInstall === true;
  const enterpriseId = installation.enterprise?.id ?? null;
  const teamId = isOrg ? null : (installation.team?.id ?? null);
  if (isOrg && !enterpriseId) throw new Error("an org-wide installation needs an enterprise id");
  if (!isOrg && !teamId) throw new Error("a workspace installation needs a team id");
  const key = { enterpriseId, teamId };
  const seal = (value: string | undefined, column: SealedColumn) =>
    value === undefined || value === null ? null : cipher.encrypt(value, sealContext(key, column));
  const at = (seconds: number | undefined) =>
    seconds === undefined || seconds === null ? null : new Date(seconds * 1000);
  const { bot, user } = installation;
  return {
    enterpriseId,
    teamId,
    isEnterpriseInstall: isOrg,
    teamName: installation.team?.name ?? null,
    enterpriseName: installation.enterprise?.name ?? null,
    enterpriseUrl: installation.enterpriseUrl ?? null,
    appId: installation.appId ?? null,
    authVersion: installation.authVersion ?? "v2",
    botId: bot?.id ?? null,
    botUserId: bot?.userId ?? null,
    botScopes: bot?.scopes ?? null,
    botToken: seal(bot?.token, "bot_token"),
    botRefreshToken: seal(bot?.refreshToken, "bot_refresh_token"),
    botTokenExpiresAt: at(bot?.expiresAt),
    userId: user.id,
    userScopes: user.scopes ?? null,
    userToken: seal(user.token, "user_token"),
    userRefreshToken: seal(user.refreshToken, "user_refresh_token"),
    userTokenExpiresAt: at(user.expiresAt),
    metadata: installation.metadata ?? null,
  };
}

/** What Bolt reads: tokens in clear for this request, refresh tokens left out (see above). */
function toInstallation(row: SlackInstallationRow, cipher: TokenCipher): Installation {
  const key = keyOf(row);
  const open = (sealed: string | null, column: SealedColumn) =>
    sealed === null ? undefined : cipher.decrypt(sealed, sealContext(key, column));
  const seconds = (at: Date | null) => (at === null ? undefined : Math.floor(at.getTime() / 1000));
  const botToken = open(row.botToken, "bot_token");
  return {
    team: row.teamId ? { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) } : undefined,
    enterprise: row.enterpriseId
      ? { id: row.enterpriseId, ...(row.enterpriseName ? { name: row.enterpriseName } : {}) }
      : undefined,
    isEnterpriseInstall: row.isEnterpriseInstall,
    authVersion: row.authVersion === "v1" ? "v1" : "v2",
    ...(row.appId ? { appId: row.appId } : {}),
    ...(row.enterpriseUrl ? { enterpriseUrl: row.enterpriseUrl } : {}),
    ...(row.metadata ? { metadata: row.metadata } : {}),
    ...(botToken && row.botId && row.botUserId
      ? {
          tokenType: "bot" as const,
          bot: {
            token: botToken,
            id: row.botId,
            userId: row.botUserId,
            scopes: row.botScopes ?? [],
            ...(row.botTokenExpiresAt ? { expiresAt: seconds(row.botTokenExpiresAt) } : {}),
          },
        }
      : {}),
    user: {
      id: row.userId,
      token: open(row.userToken, "user_token"),
      scopes: row.userScopes ?? undefined,
      ...(row.userTokenExpiresAt ? { expiresAt: seconds(row.userTokenExpiresAt) } : {}),
    },
  } as Installation;
}

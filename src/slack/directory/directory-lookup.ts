import type { WebClient } from "@slack/web-api";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { oncePerDatabase } from "../../db/prepared.ts";
import { people } from "../../db/schema/index.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import { upsertPeople } from "../../licensing/directory/upsert-people.ts";
import { type SlackUser, toDirectoryPerson } from "./slack-user.ts";

export interface KnownPerson {
  id: string;
  slackUserId: string;
  name: string;
  timeZone: string | null;
}

/** How long a Slack user's admin status is trusted before Slack is asked again. */
const FRESH_FOR_MS = 60_000;

const knownPersonColumns = {
  id: people.id,
  slackUserId: people.slackUserId,
  name: people.name,
  timeZone: people.timeZone,
};

/** The commonest lookup, a person named by Slack user id, built and prepared once. */
const byUserIdQuery = oncePerDatabase((db: Database) =>
  db
    .select(knownPersonColumns)
    .from(people)
    .where(
      and(
        eq(people.workspaceId, sql.placeholder("workspaceId")),
        eq(people.slackUserId, sql.placeholder("userId")),
      ),
    )
    .limit(1)
    .prepare("person_by_slack_user"),
);

/**
 * What this process has already learnt, per database: when each user was last asked about, and
 * which workspaces exist. Shared by every lookup, so a command does not ask Slack again what the
 * one before it just asked.
 */
const learnt = new WeakMap<Database, { refreshedAt: Map<string, number>; workspaces: Map<string, number> }>();

/**
 * How long a workspace row is taken to exist without asking: another instance may purge an
 * uninstalled workspace, and a reinstall must find its row written again.
 */
const WORKSPACE_KNOWN_FOR_MS = 10 * 60_000;

/**
 * Finds people in the workspace's directory, asking Slack for the ones it has not seen (or, for
 * the acting user, not seen lately: admin rights change). Slack's answer is recorded.
 */
export class DirectoryLookup {
  private readonly refreshedAt: Map<string, number>;
  private readonly workspaces: Map<string, number>;

  constructor(
    private readonly db: Database,
    private readonly client: WebClient,
  ) {
    const known = learnt.get(db) ?? { refreshedAt: new Map(), workspaces: new Map() };
    learnt.set(db, known);
    this.refreshedAt = known.refreshedAt;
    this.workspaces = known.workspaces;
  }

  /** The workspace row exists: written when this process has not seen it in the last ten minutes. */
  async ensureWorkspace(workspaceId: string, name: string): Promise<void> {
    if (Date.now() - (this.workspaces.get(workspaceId) ?? 0) < WORKSPACE_KNOWN_FOR_MS) return;
    await ensureWorkspace(this.db, { id: workspaceId, name });
    this.workspaces.set(workspaceId, Date.now());
  }

  async byUserId(
    workspaceId: string,
    userId: string,
    options: { fresh?: boolean } = {},
  ): Promise<KnownPerson | null> {
    const [known] = await byUserIdQuery(this.db).execute({ workspaceId, userId });
    if (known && !(options.fresh && !this.isFresh(workspaceId, userId))) return known;
    const user = await this.ask(() => this.client.users.info({ user: userId, include_locale: true }));
    if (!user) return known ?? null;
    this.refreshedAt.set(`${workspaceId}:${userId}`, Date.now());
    return this.record(workspaceId, user);
  }

  /** Whether Slack was asked about this user within the last minute, by this process. */
  isFresh(workspaceId: string, userId: string): boolean {
    return Date.now() - (this.refreshedAt.get(`${workspaceId}:${userId}`) ?? 0) <= FRESH_FOR_MS;
  }

  async byEmail(workspaceId: string, email: string): Promise<KnownPerson | null> {
    const normalized = email.trim().toLowerCase();
    const known = await this.find(workspaceId, eq(people.email, normalized));
    if (known) return known;
    const user = await this.ask(() => this.client.users.lookupByEmail({ email: normalized }));
    return user ? this.record(workspaceId, user) : null;
  }

  private async find(workspaceId: string, where: SQL): Promise<KnownPerson | null> {
    const [row] = await this.db
      .select(knownPersonColumns)
      .from(people)
      .where(and(eq(people.workspaceId, workspaceId), where))
      .limit(1);
    return row ?? null;
  }

  private async record(workspaceId: string, user: SlackUser & { id: string }): Promise<KnownPerson> {
    await this.ensureWorkspace(workspaceId, workspaceId);
    const person = toDirectoryPerson(user);
    const [row] = await upsertPeople(this.db, { workspaceId, people: [person] });
    if (!row) throw new Error("person upsert returned no row");
    return {
      id: row.id,
      slackUserId: person.slackUserId,
      name: person.name,
      timeZone: person.timeZone ?? null,
    };
  }

  /** Slack's "no such user" is an answer, not a failure. */
  private async ask(call: () => Promise<{ user?: SlackUser }>): Promise<(SlackUser & { id: string }) | null> {
    try {
      const { user } = await call();
      return user?.id ? (user as SlackUser & { id: string }) : null;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === "user_not_found" || code === "users_not_found") return null;
      throw error;
    }
  }
}

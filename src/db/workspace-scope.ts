import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which rows the statements of a piece of work may see. Postgres enforces it: every table with a
 * `workspace_id` has a row-level security policy that shows and accepts only the rows of the
 * workspace the connection is set to (migration 0014), and the database client sets the connection
 * before each statement from the scope of the work that sends it (`scoped-connections.ts`).
 *
 * - `workspace`: one workspace's rows; what every Slack request and per-workspace job runs in.
 * - `all-workspaces`: system work that spans tenants by design (claiming due jobs, relaying the
 *   outbox, purging), named as such where it happens.
 * - `owner`: the tables' owner, for migrations and nothing else.
 * - `nothing`: work that named no scope. It reads no tenant row and writes none, so a query that
 *   forgot its workspace fails loudly instead of reaching another tenant.
 */
export type Scope =
  | { kind: "workspace"; workspaceId: string }
  | { kind: "all-workspaces" }
  | { kind: "owner" }
  | { kind: "nothing" };

/** What work that named no scope reaches: nothing for the app, every workspace for the operator's tools. */
export type Unscoped = "nothing" | "all-workspaces";

/** The role the app's statements run as: not the tables' owner, so the policies always apply. */
export const TENANT_ROLE = "license_desk_tenant";

/** The setting the policies read. `*` means every workspace; empty means none. */
export const WORKSPACE_SETTING = "license_desk.workspace_id";

const current = new AsyncLocalStorage<Scope>();

/** Runs `work`, and everything it starts, with only `workspaceId`'s rows in reach. */
export function withinWorkspace<T>(workspaceId: string, work: () => Promise<T>): Promise<T> {
  // An empty id (a payload naming no workspace) must reach nothing, never everything.
  const scope: Scope = /^[A-Za-z0-9_-]+$/.test(workspaceId)
    ? { kind: "workspace", workspaceId }
    : { kind: "nothing" };
  return inScope(scope, work);
}

/** Runs system work that spans every workspace on purpose. */
export function acrossWorkspaces<T>(work: () => Promise<T>): Promise<T> {
  return inScope({ kind: "all-workspaces" }, work);
}

/** Runs schema changes as the tables' owner. */
export function asTableOwner<T>(work: () => Promise<T>): Promise<T> {
  return inScope({ kind: "owner" }, work);
}

/** Awaited inside: a query builder runs only when awaited, which must happen in the scope. */
function inScope<T>(scope: Scope, work: () => Promise<T>): Promise<T> {
  return current.run(scope, async () => await work());
}

/** What a connection must be set to for the work running now. */
export interface ConnectionSettings {
  /** `none` is the session's own user. */
  role: string;
  workspace: string;
}

/**
 * The settings for the current work; `unscoped` is what work that named no scope gets: `nothing`
 * for the app, `all-workspaces` for tools that act as the operator (tests' fixtures, benchmarks).
 */
export function connectionSettings(unscoped: Unscoped): ConnectionSettings {
  const scope = current.getStore() ?? { kind: unscoped };
  switch (scope.kind) {
    case "workspace":
      return { role: TENANT_ROLE, workspace: scope.workspaceId };
    case "all-workspaces":
      return { role: TENANT_ROLE, workspace: "*" };
    case "owner":
      return { role: "none", workspace: "*" };
    case "nothing":
      return { role: TENANT_ROLE, workspace: "" };
  }
}

/**
 * Sets a connection to `ConnectionSettings`. Session-level on purpose: set once, a connection keeps
 * serving the same workspace with no further round trip, which is the common case (one
 * workspace's burst of requests, one job).
 */
export const APPLY_SETTINGS = `select set_config('role', $1, false), set_config('${WORKSPACE_SETTING}', $2, false)`;

/** Equal for settings a connection need not be set to again. */
export const settingsKey = (settings: ConnectionSettings): string =>
  `${settings.role}\n${settings.workspace}`;

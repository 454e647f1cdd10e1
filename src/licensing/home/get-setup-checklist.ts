import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { people, products, tenantConnections, workspaces } from "../../db/schema/index.ts";
import { type Language, readerLanguage } from "../language/reader-language.ts";
import { administers } from "../may-administer.ts";

/** How many names of admins and default products the checklist reads; the rest are counted. */
const NAMES_READ = 10;

/**
 * Fewer people than this administering leaves requests waiting when the one admin is away: the
 * checklist recommends it, but a company with one admin is set up all the same.
 */
export const ADMINS_WANTED = 2;

export interface SetupChecklist {
  /** Rule 4: where people without a location of their own are; null until set. */
  defaultUsageLocation: string | null;
  products: number;
  admins: { total: number; names: string[] };
  /** An admin's choice of where requests go; null until made (the process setting applies). */
  approvals: { route: "channel"; channelId: string } | { route: "direct_messages" } | null;
  /** Rule 2: the products a person who joins gets. */
  defaults: { total: number; names: string[] };
  /**
   * Rule 13, optional: the Microsoft 365 tenant the licenses live in, null when License Desk keeps
   * them itself. Not an item that must be done: most workspaces never connect one.
   */
  tenant?: { tenantId: string; clientId: string | null; storedSecret: boolean } | null;
  /** What channels read, and people who chose no language and whose Slack language is not offered. */
  defaultLanguage: Language;
}

/** What makes the rules work from the first minute, read from the data (nothing is ticked by hand). */
export async function getSetupChecklist(
  db: Database,
  input: { workspaceId: string },
): Promise<SetupChecklist> {
  const { workspaceId } = input;
  const inWorkspace = eq(products.workspaceId, workspaceId);
  const adminWhere = and(eq(people.workspaceId, workspaceId), administers);
  const defaultWhere = and(inWorkspace, eq(products.isDefault, true));
  const [[workspace], [productCount], adminNames, [adminCount], defaultNames, [defaultCount], [tenant]] =
    await Promise.all([
      db
        .select({
          location: workspaces.defaultUsageLocation,
          route: workspaces.approvalsRoute,
          channelId: workspaces.approvalsChannelId,
          defaultLanguage: workspaces.defaultLanguage,
        })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId)),
      db.select({ n: count() }).from(products).where(inWorkspace),
      db
        .select({ name: people.name })
        .from(people)
        .where(adminWhere)
        .orderBy(asc(people.name))
        .limit(NAMES_READ),
      db.select({ n: count() }).from(people).where(adminWhere),
      db
        .select({ name: products.name })
        .from(products)
        .where(defaultWhere)
        .orderBy(asc(products.name))
        .limit(NAMES_READ),
      db.select({ n: count() }).from(products).where(defaultWhere),
      db
        .select({
          tenantId: tenantConnections.tenantId,
          clientId: tenantConnections.clientId,
          storedSecret: sql<boolean>`${isNotNull(tenantConnections.clientSecretEncrypted)}`,
        })
        .from(tenantConnections)
        .where(eq(tenantConnections.workspaceId, workspaceId)),
    ]);
  return {
    defaultUsageLocation: workspace?.location ?? null,
    products: productCount?.n ?? 0,
    admins: { total: adminCount?.n ?? 0, names: adminNames.map((a) => a.name) },
    approvals:
      workspace?.route === "channel" && workspace.channelId
        ? { route: "channel", channelId: workspace.channelId }
        : workspace?.route === "direct_messages"
          ? { route: "direct_messages" }
          : null,
    defaults: { total: defaultCount?.n ?? 0, names: defaultNames.map((p) => p.name) },
    tenant: tenant ?? null,
    defaultLanguage: readerLanguage(null, { defaultLanguage: workspace?.defaultLanguage ?? null }),
  };
}

export type SetupItem = "location" | "products" | "admins" | "approvals" | "defaults";

/** Which items are done, each decided from what is recorded. */
export function setupDone(checklist: SetupChecklist): Record<SetupItem, boolean> {
  return {
    location: checklist.defaultUsageLocation !== null,
    products: checklist.products > 0,
    admins: checklist.admins.total > 0,
    approvals: checklist.approvals !== null,
    defaults: checklist.defaults.total > 0,
  };
}

export function setupComplete(checklist: SetupChecklist): boolean {
  return Object.values(setupDone(checklist)).every(Boolean);
}

import type { WebClient } from "@slack/web-api";
import { getAdminHome } from "../../licensing/home/get-admin-home.ts";
import { getMemberHome } from "../../licensing/home/get-member-home.ts";
import { getSetupChecklist, setupComplete } from "../../licensing/home/get-setup-checklist.ts";
import { loadPersonLanguage } from "../../licensing/language/load-reader-languages.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import type { SlackDeps } from "../slack-deps.ts";
import type { Microsoft365Offer } from "../tenant/tenant-home-item.ts";
import { ADMIN_HOME_LIMITS, buildAdminHome } from "./home-admin.ts";
import { buildMemberHome, MEMBER_HOME_REQUESTS } from "./home-member.ts";
import { buildSetupChecklist } from "./setup-checklist.ts";

/** Which page of an admin's Home: the set-up checklist or the dashboard (once set-up is done). */
export type HomePage = "setup" | "dashboard";

/**
 * Publishes a user's Home tab as it stands now. Whether they see the admin's pages is decided
 * here, on the server, from Slack's current word; a member seeing their own page is no refusal.
 * An admin sees the set-up checklist until every item is done, and whenever they ask for it.
 */
export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; userId: string; page?: HomePage },
): Promise<void> {
  const { workspaceId, userId } = input;
  const person = await actingPerson(deps, client, workspaceId, userId);
  const timeZone = person?.timeZone ?? "UTC";
  // Read after the person is brought up to date: a first visit records their Slack locale.
  const language = await loadPersonLanguage(deps.db, workspaceId, userId);
  const t = catalogFor(language.reads);
  if (person?.isAdmin) {
    const checklist = await getSetupChecklist(deps.db, { workspaceId });
    if (input.page === "setup" || !setupComplete(checklist)) {
      const view = buildSetupChecklist(t, checklist, {
        fallbackChannel: deps.approvalsChannel,
        microsoft365: microsoft365Offer(deps),
      });
      await client.views.publish({ user_id: userId, view });
      return;
    }
    const home = await getAdminHome(deps.db, deps.clock, { workspaceId, limits: ADMIN_HOME_LIMITS });
    const view = buildAdminHome(t, home, { timeZone, now: deps.clock.now(), language });
    await client.views.publish({ user_id: userId, view });
    return;
  }
  const member = person
    ? await getMemberHome(deps.db, deps.clock, {
        workspaceId,
        personId: person.id,
        requestLimit: MEMBER_HOME_REQUESTS,
      })
    : null;
  const view = buildMemberHome(
    t,
    member?.ok
      ? { licenses: member.licenses, requests: member.requests }
      : { licenses: null, requests: { total: 0, rows: [] } },
    { timeZone, language },
  );
  await client.views.publish({ user_id: userId, view });
}

/** What App Home offers for Microsoft 365: nothing without tenant connections, the settings' tenant when named. */
function microsoft365Offer(deps: SlackDeps): Microsoft365Offer | undefined {
  const connections = deps.tenantConnections;
  if (!connections) return undefined;
  const { settings, settingsMethod } = connections;
  return settings && settingsMethod ? { settings: { ...settings, method: settingsMethod } } : {};
}

import type { App } from "@slack/bolt";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { publishHome } from "./publish-home.ts";

/** Others refresh a home after a change through this. */
export { publishHome };

/** The Home tab, built afresh each time it is opened: an admin's dashboard or a member's own page. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const workspaceId = body.team_id;
    // Nothing changes and nobody waits on an answer: a failure is logged, the next opening tries again.
    const delivery = {
      name: "App Home",
      workspaceId,
      requestId: event.event_ts,
      context: { userId: event.user },
    };
    await handleDeliveryOnce(deps, delivery, {
      work: async () => {
        await new DirectoryLookup(deps.db, client).ensureWorkspace(workspaceId, workspaceId);
        await publishHome(deps, client, { workspaceId, userId: event.user });
        return null;
      },
    });
  });
}

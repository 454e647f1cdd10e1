import type { App } from "@slack/bolt";
import { publishHome } from "../home/publish-home.ts";
import { describeError } from "../logger.ts";
import { DirectoryLookup } from "../people/directory-lookup.ts";
import type { SlackDeps } from "../slack-deps.ts";

/** Others refresh a home after a change through this. */
export { publishHome };

/** The Home tab, built afresh each time it is opened: an admin's dashboard or a member's own page. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const workspaceId = body.team_id;
    try {
      await new DirectoryLookup(deps.db, client).ensureWorkspace(workspaceId, workspaceId);
      await publishHome(deps, client, { workspaceId, userId: event.user });
    } catch (error) {
      // Nothing changed and nobody waits on an answer: the next opening tries again.
      deps.logger.error("App Home failed", { ...describeError(error), workspaceId, userId: event.user });
    }
  });
}

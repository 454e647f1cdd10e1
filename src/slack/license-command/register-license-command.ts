import type { App } from "@slack/bolt";
import { loadActingPerson } from "../../licensing/directory/acting-person.ts";
import { loadReaderLanguage } from "../../licensing/language/load-reader-languages.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { type Delivery, handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { postToResponseUrl } from "../shared/post-to-response-url.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { type CommandContext, namedUserIds, type Reply } from "./command-context.ts";
import { dispatchLicenseCommand } from "./dispatch-license-command.ts";
import { loadCommandSnapshot } from "./load-command-snapshot.ts";
import { parseLicenseCommand } from "./parse-license-command.ts";

/**
 * `/license …`: acknowledged at once, then parsed and handled once per trigger id; every reply is
 * ephemeral, and a failure is answered with what it left behind.
 */
export function registerLicenseCommand(app: App, deps: SlackDeps): void {
  app.command("/license", async ({ ack, command, client }) => {
    await ack();
    const workspaceId = workspaceOf(command);
    const reply = async (message: Reply) => {
      await postToResponseUrl(command.response_url, { response_type: "ephemeral", ...message });
    };
    const delivery: Delivery = {
      name: "/license",
      workspaceId,
      requestId: command.trigger_id,
      context: { userId: command.user_id, text: command.text.slice(0, 200) },
    };
    await handleDeliveryOnce<Reply>(deps, delivery, {
      work: async (claim) => {
        const directory = new DirectoryLookup(deps.db, client);
        await directory.ensureWorkspace(workspaceId, command.team_domain || workspaceId);
        const parsed = parseLicenseCommand(command.text);
        const key = deliveryKey.command(command.trigger_id);
        let snapshot = await loadCommandSnapshot(deps.db, {
          workspaceId,
          key,
          at: deps.clock.now(),
          userId: command.user_id,
          named: namedUserIds(parsed),
        });
        if (!snapshot.claimed) return;
        claim.claimedAs(key);
        if (!snapshot.acting) {
          // Someone new to the directory is read from Slack first, with their locale, so that even
          // their first reply is in their language.
          await directory.byUserId(workspaceId, command.user_id, { fresh: true });
          const acting = await loadActingPerson(deps.db, workspaceId, command.user_id);
          const language = await loadReaderLanguage(deps.db, workspaceId, command.user_id);
          snapshot = { ...snapshot, acting, language };
        }
        const ctx: CommandContext = {
          deps,
          client,
          directory,
          workspaceId,
          userId: command.user_id,
          triggerId: command.trigger_id,
          responseUrl: command.response_url,
          snapshot,
          t: catalogFor(snapshot.language),
          reply,
        };
        // A failure from here on is told in the person's words.
        delivery.reader = ctx.t;
        await dispatchLicenseCommand(ctx, parsed);
        return null; // Each subcommand answers as it goes.
      },
      answer: reply,
      failed: (text) => ({ text }),
    });
  });
}

import type { App, BlockStaticSelectAction } from "@slack/bolt";
import { isLanguage } from "../../licensing/language/reader-language.ts";
import { setPersonLanguage } from "../../licensing/language/set-person-language.ts";
import { setWorkspaceLanguage } from "../../licensing/language/set-workspace-language.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { FOLLOW_SLACK } from "./language-choice.ts";
import { publishHome } from "./publish-home.ts";

/**
 * The language menus of App Home: a person's own (anyone, for themselves) and, on the set-up
 * checklist, the workspace's default (admins, as the use case decides). The Home is published
 * again at once, in the language now chosen; a refusal is told by direct message.
 */
export function registerLanguageChoice(app: App, deps: SlackDeps): void {
  app.action<BlockStaticSelectAction>(ids.language.chooseAction, async ({ ack, body, action, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const userId = body.user.id;
    const value = action.selected_option?.value;
    const delivery = {
      name: "language choice",
      workspaceId,
      requestId: action.action_ts,
      context: { userId },
    };
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async () => {
        // Anything but a language we speak (a forged value) is ignored, like a choice not made.
        if (value !== FOLLOW_SLACK && !isLanguage(value)) return null;
        await actingPerson(deps, client, workspaceId, userId);
        const actor = { userId, source: "button" as const, requestId: action.action_ts };
        const language = value === FOLLOW_SLACK ? null : value;
        const result = await setPersonLanguage(deps.db, deps.clock, { workspaceId, actor, language });
        if (!result.ok)
          return (await readerCatalog(deps.db, workspaceId, userId))["language.not_in_directory"]();
        await publishHome(deps, client, { workspaceId, userId });
        return null;
      },
      answer: (text) => notifyUser(client, deps.logger, { userId }, { text }),
      failed: (text) => text,
    });
  });

  app.action<BlockStaticSelectAction>(ids.setup.languageAction, async ({ ack, body, action, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const userId = body.user.id;
    const value = action.selected_option?.value;
    const delivery = {
      name: "default language",
      workspaceId,
      requestId: action.action_ts,
      context: { userId },
    };
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async () => {
        if (!isLanguage(value)) return null;
        // Admin rights as Slack reports them now; the use case decides and records a refusal.
        await actingPerson(deps, client, workspaceId, userId);
        const actor = { userId, source: "button" as const, requestId: action.action_ts };
        const result = await setWorkspaceLanguage(deps.db, deps.clock, {
          workspaceId,
          actor,
          language: value,
        });
        if (!result.ok) return errorText(await readerCatalog(deps.db, workspaceId, userId), result.code);
        await publishHome(deps, client, { workspaceId, userId, page: "setup" });
        return null;
      },
      answer: (text) => notifyUser(client, deps.logger, { userId }, { text }),
      failed: (text) => text,
    });
  });
}

import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { en } from "../copy/en.ts";
import { type AppLogger, describeError } from "./logger.ts";
import { type SlackPayloadIds, workspaceOf, workspaceOfToken } from "./workspace-of.ts";

/**
 * With one bot token, the app serves the one workspace that token was installed to (the org, for
 * an org-wide install), as auth.test names it. A payload from any other team is signed by Slack all
 * the same (one app, installed elsewhere too, or a misrouted request): it is refused before any
 * listener runs, so nothing of it is stored, and logged. Slack is still answered 200, so it does not
 * retry; a slash command says why.
 *
 * With OAuth there is no bot token on the app's own client, and Bolt's authorize already refuses a
 * team without an install: every payload goes on.
 */
export function tokenWorkspaceOnly(client: WebClient, logger: AppLogger): Middleware<AnyMiddlewareArgs> {
  if (!client.token) return ({ next }) => next();
  let served: Promise<string> | undefined;
  // Asked once, on the first request; a failed call is asked again on the next one.
  const servedWorkspace = () => {
    served ??= client.auth.test().then((auth) => {
      const id = workspaceOfToken(auth);
      if (!id) throw new Error("auth.test named no workspace for the bot token");
      return id;
    });
    served.catch(() => {
      served = undefined;
    });
    return served;
  };

  return async (args) => {
    const workspaceId = workspaceOf(args.body as SlackPayloadIds);
    let servedId: string;
    try {
      servedId = await servedWorkspace();
    } catch (error) {
      logger.error("could not learn the bot token's workspace; the request is not served", {
        ...describeError(error),
        workspaceId,
      });
      await refuse(args, en["error.unexpected"]());
      return;
    }
    if (workspaceId !== "" && workspaceId === servedId) {
      await args.next();
      return;
    }
    logger.warn("refused a request from a workspace the bot token does not belong to", {
      workspaceId,
      servedWorkspaceId: servedId,
      kind: "command" in args ? args.command.command : (args.body as { type?: unknown }).type,
    });
    await refuse(args, en["error.not_installed"]());
  };
}

/** Events were acknowledged before any middleware ran; everything else is acknowledged here. */
async function refuse(args: AnyMiddlewareArgs, text: string): Promise<void> {
  if (!("ack" in args) || typeof args.ack !== "function") return;
  if ("command" in args) await args.ack({ response_type: "ephemeral", text });
  else await (args.ack as () => Promise<void>)();
}

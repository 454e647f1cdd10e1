import type { WebClient } from "@slack/web-api";
import { type AuditCursor, listAudit } from "../../licensing/audit/list-audit.ts";
import type { Catalog } from "../copy/en.ts";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import {
  type CommandContext,
  commandActingPerson,
  findPerson,
  personLabel,
  requireAdmin,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import type { Message } from "../shared/message-parts.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { encodeAuditPageToken } from "./audit-cursor.ts";
import { buildAuditPageMessage } from "./audit-page-message.ts";

/**
 * `/license audit [@person]`: admins read the whole log or one person's part of it; anyone else
 * reads only their own, which is also what `audit` alone shows them.
 */
export async function showAudit(ctx: CommandContext, input: { person?: PersonRef }): Promise<void> {
  const { t } = ctx;
  const viewer = await commandActingPerson(ctx);
  let userId: string | undefined;
  if (input.person) {
    const person = await findPerson(ctx, input.person);
    if (!person) return ctx.reply({ text: t["person.unknown"]({ who: personLabel(input.person) }) });
    if (person.slackUserId !== ctx.userId && !(await requireAdmin(ctx, "audit"))) return;
    userId = person.slackUserId;
  } else if (!viewer?.isAdmin) {
    userId = ctx.userId;
  }
  await ctx.reply(
    await auditPage(t, ctx.deps, ctx.client, {
      workspaceId: ctx.workspaceId,
      timeZone: viewer?.timeZone ?? "UTC",
      userId,
    }),
  );
}

/** One page of the log, from the start or after a cursor, for everyone's or one person's record. */
export async function auditPage(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; timeZone: string; userId?: string; after?: AuditCursor },
): Promise<Message> {
  const { workspaceId, userId } = input;
  const person = userId ? await new DirectoryLookup(deps.db, client).byUserId(workspaceId, userId) : null;
  const page = await listAudit(deps.db, {
    workspaceId,
    ...(userId ? { person: { personId: person?.id ?? "", slackUserId: userId } } : {}),
    ...(input.after ? { after: input.after } : {}),
  });
  return buildAuditPageMessage(t, page.entries, {
    timeZone: input.timeZone,
    names: page.names,
    ...(userId ? { who: `<@${userId}>` } : {}),
    nextValue: page.next ? encodeAuditPageToken({ after: page.next, ...(userId ? { userId } : {}) }) : null,
  });
}

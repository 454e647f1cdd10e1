import { loadActingPerson } from "../../licensing/directory/acting-person.ts";
import { getPersonLicenses } from "../../licensing/get-person-licenses.ts";
import {
  type CommandContext,
  findPerson,
  personLabel,
  requireAdmin,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";
import { buildPersonLicensesMessage } from "./build-person-licenses-message.ts";

/** `/license show [@person]`: anyone may see their own licenses; admins may see anyone's. */
export async function showPerson(ctx: CommandContext, input: { person?: PersonRef }): Promise<void> {
  const { t } = ctx;
  const ref = input.person ?? { kind: "user" as const, userId: ctx.userId };
  const person = await findPerson(ctx, ref);
  if (!person) return ctx.reply({ text: t["person.unknown"]({ who: personLabel(ref) }) });
  if (person.slackUserId !== ctx.userId && !(await requireAdmin(ctx, "show"))) return;
  const viewer = await loadActingPerson(ctx.deps.db, ctx.workspaceId, ctx.userId);
  const licenses = await getPersonLicenses(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
  });
  if (!licenses.ok)
    return ctx.reply({ text: failureText(t, licenses, { timeZone: viewer?.timeZone ?? "UTC" }) });
  await ctx.reply(buildPersonLicensesMessage(t, licenses, { timeZone: viewer?.timeZone ?? "UTC" }));
}

import { setGrantedAdmin } from "../../licensing/directory/set-granted-admin.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { adminAndPerson, type CommandContext, commandActor } from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";

/** `/license admins add|remove @person`: the app's own admin right, given by admins. */
export async function manageAdmins(
  ctx: CommandContext,
  input: { grant: boolean; person: PersonRef },
): Promise<void> {
  const { t } = ctx;
  const named = await adminAndPerson(ctx, input.grant ? "admins add" : "admins remove", input.person);
  if (!named) return;
  const { person } = named;
  const result = await setGrantedAdmin(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    granted: input.grant,
    actor: commandActor(ctx),
  });
  if (!result.ok) return ctx.reply({ text: failureText(t, result, { timeZone: "UTC" }) });
  const name = { person: escapeMrkdwn(person.name) };
  if (!result.changed) return ctx.reply({ text: t["admins.unchanged"](name) });
  if (!input.grant && result.stillAdminBySlack)
    return ctx.reply({ text: t["admins.still_slack_admin"](name) });
  return ctx.reply({ text: input.grant ? t["admins.granted"](name) : t["admins.revoked"](name) });
}

import { setUsageLocation } from "../../licensing/directory/set-usage-location.ts";
import { setDefaultUsageLocation } from "../../licensing/workspaces/set-default-usage-location.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import {
  adminAndPerson,
  type CommandContext,
  commandActor,
  requireAdmin,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";

/** `/license location @person CC`: where the person uses the services (rule 4). */
export async function setLocation(
  ctx: CommandContext,
  input: { person: PersonRef; location: string },
): Promise<void> {
  const named = await adminAndPerson(ctx, "location", input.person);
  if (!named) return;
  const { person } = named;
  const result = await setUsageLocation(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    usageLocation: input.location,
    actor: commandActor(ctx),
  });
  if (!result.ok) return ctx.reply({ text: failureText(result, { timeZone: "UTC" }) });
  return ctx.reply({
    text: en["location.done"]({ person: escapeMrkdwn(person.name), location: result.usageLocation }),
  });
}

/** `/license location default CC`: where people without a location of their own are (rule 4). */
export async function setDefaultLocation(ctx: CommandContext, input: { location: string }): Promise<void> {
  if (!(await requireAdmin(ctx, "location default"))) return;
  const result = await setDefaultUsageLocation(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    usageLocation: input.location,
    actor: commandActor(ctx),
  });
  if (!result.ok) return ctx.reply({ text: failureText(result, { timeZone: "UTC" }) });
  return ctx.reply({
    text: en["location.default_done"]({ location: result.usageLocation, before: result.before }),
  });
}

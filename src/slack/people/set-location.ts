import { setUsageLocation } from "../../licensing/directory/set-usage-location.ts";
import { setDefaultUsageLocation } from "../../licensing/workspaces/set-default-usage-location.ts";
import {
  adminAndPerson,
  type CommandContext,
  commandActor,
  requireAdmin,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";
import { buildLocationChangeWarning, locationChangeDoneText } from "./location-change-message.ts";

/**
 * `/license location @person CC`: where the person uses the services (rule 4). A change that
 * turns services off answers with the data-loss warning and its confirm button, changing nothing.
 */
export async function setLocation(
  ctx: CommandContext,
  input: { person: PersonRef; location: string },
): Promise<void> {
  const { t } = ctx;
  const named = await adminAndPerson(ctx, "location", input.person);
  if (!named) return;
  const { person } = named;
  const result = await setUsageLocation(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    usageLocation: input.location,
    actor: commandActor(ctx),
    tenant: await ctx.deps.tenants?.(ctx.workspaceId),
  });
  const timeZone = named.admin.timeZone ?? "UTC";
  if (!result.ok) {
    if (result.code === "LOCATION_CHANGE_LOSES_DATA") {
      return ctx.reply(buildLocationChangeWarning(t, result.warning, timeZone));
    }
    return ctx.reply({ text: failureText(t, result, { timeZone }) });
  }
  return ctx.reply({ text: locationChangeDoneText(t, result, timeZone) });
}

/** `/license location default CC`: where people without a location of their own are (rule 4). */
export async function setDefaultLocation(ctx: CommandContext, input: { location: string }): Promise<void> {
  const { t } = ctx;
  if (!(await requireAdmin(ctx, "location default"))) return;
  const result = await setDefaultUsageLocation(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    usageLocation: input.location,
    actor: commandActor(ctx),
  });
  if (!result.ok) return ctx.reply({ text: failureText(t, result, { timeZone: "UTC" }) });
  return ctx.reply({
    text: t["location.default_done"]({ location: result.usageLocation, before: result.before }),
  });
}

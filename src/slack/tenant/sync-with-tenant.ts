import { shippedServicePlans } from "../../tenants/microsoft365/shipped-service-plans.ts";
import { syncTenant } from "../../tenants/sync-tenant.ts";
import { en } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { type CommandContext, commandActor } from "../license-command/command-context.ts";
import { buildSyncReply } from "./build-sync-message.ts";

/**
 * `/license sync`: reads the workspace's Microsoft 365 tenant now and records what changed there
 * (rule 13). Who may do it is the use case's to decide.
 */
export async function syncWithTenant(ctx: CommandContext): Promise<void> {
  const tenant = (await ctx.deps.tenants?.(ctx.workspaceId)) ?? null;
  if (!tenant) return ctx.reply({ text: en["sync.not_connected"]() });
  const outcome = await syncTenant(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    actor: commandActor(ctx),
    tenant,
    plans: shippedServicePlans(),
  });
  if (!outcome.ok && outcome.code === "NOT_ALLOWED") return ctx.reply({ text: errorText(outcome.code) });
  return ctx.reply({ text: buildSyncReply(outcome, ctx.snapshot.acting?.timeZone ?? "UTC") });
}

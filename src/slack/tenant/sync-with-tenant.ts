import { shippedServicePlans } from "../../tenants/microsoft365/shipped-service-plans.ts";
import { syncTenant } from "../../tenants/sync-tenant.ts";
import { en } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { type CommandContext, commandActor, requireAdmin } from "../license-command/command-context.ts";
import { buildSyncReply } from "./build-sync-message.ts";

/**
 * `/license sync`: reads the workspace's Microsoft 365 tenant now and records what changed there
 * (rule 13). The admin check here refreshes the asker's rights from Slack and answers a member at
 * once; the use case checks again in its own transaction.
 */
export async function syncWithTenant(ctx: CommandContext): Promise<void> {
  if (!(await requireAdmin(ctx, "sync-tenant"))) return;
  const tenant = (await ctx.deps.tenants?.(ctx.workspaceId)) ?? null;
  if (!tenant) return ctx.reply({ text: en["sync.not_connected"]() });
  const outcome = await syncTenant(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    actor: commandActor(ctx),
    tenant,
    plans: shippedServicePlans(),
  });
  if (!outcome.ok && outcome.code === "NOT_ALLOWED")
    return ctx.reply({ text: errorText(ctx.t, outcome.code) });
  return ctx.reply({ text: buildSyncReply(outcome, ctx.snapshot.acting?.timeZone ?? "UTC") });
}

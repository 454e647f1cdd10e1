import { readTenantConnection } from "../../tenants/read-tenant-connection.ts";
import { en } from "../copy/en.ts";
import {
  type CommandContext,
  commandActingPerson,
  commandActor,
} from "../license-command/command-context.ts";
import { buildTenantStatusMessage } from "./tenant-status-message.ts";

/** `/license tenant`: anyone may ask; the use case decides who sees the details. */
export async function showTenant(ctx: CommandContext): Promise<void> {
  const connections = ctx.deps.tenantConnections;
  if (!connections) {
    await ctx.reply({ text: en["tenant.status.none"]() });
    return;
  }
  // Read first: Slack's word on who is an admin, as of the last minute, is what the use case reads.
  const viewer = await commandActingPerson(ctx);
  const view = await readTenantConnection(ctx.deps.db, connections, {
    workspaceId: ctx.workspaceId,
    actor: commandActor(ctx),
  });
  await ctx.reply(buildTenantStatusMessage(view, { timeZone: viewer?.timeZone ?? "UTC" }));
}

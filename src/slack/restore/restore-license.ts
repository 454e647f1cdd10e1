import { restoreProduct } from "../../licensing/restore-product.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import {
  adminAndPerson,
  type CommandContext,
  commandActor,
  findProduct,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { failureText } from "../shared/build-error-message.ts";

/** `/license restore @person product`: assigns again inside the window, bringing the data back. */
export async function restoreLicense(
  ctx: CommandContext,
  input: { person: PersonRef; product: string },
): Promise<void> {
  const { t } = ctx;
  const named = await adminAndPerson(ctx, "restore", input.person);
  if (!named) return;
  const { admin, person } = named;
  const found = await findProduct(ctx, input.product);
  if ("message" in found) return ctx.reply({ text: found.message });
  const result = await restoreProduct(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    productId: found.product.id,
    actor: commandActor(ctx),
  });
  if (result.ok) {
    const words = { person: escapeMrkdwn(result.person.name), product: escapeMrkdwn(result.product.name) };
    await ctx.reply({
      text: result.pendingInTenant
        ? t["tenant.pending.assign"](words)
        : t["restore.done"]({ ...words, seats: t["seats.available"](result.seats) }),
    });
    return sendQueuedNotices(ctx.deps, ctx.client, { workspaceId: ctx.workspaceId });
  }
  if (result.code === "WINDOW_CLOSED" && result.purgedAt) {
    return ctx.reply({
      text: t["restore.window_closed_on"]({
        date: formatInstant(t, result.purgedAt, admin?.timeZone ?? "UTC"),
      }),
    });
  }
  return ctx.reply({ text: failureText(t, result, { timeZone: admin?.timeZone ?? "UTC" }) });
}

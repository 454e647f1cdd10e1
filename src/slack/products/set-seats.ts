import { setPurchasedSeats } from "../../licensing/set-purchased-seats.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import {
  type CommandContext,
  commandActor,
  findProduct,
  requireAdmin,
} from "../license-command/command-context.ts";
import { failureText } from "../shared/build-error-message.ts";

/** `/license seats product N`: changes the purchased amount, never below what is assigned. */
export async function setSeats(
  ctx: CommandContext,
  input: { product: string; quantity: number },
): Promise<void> {
  const { t } = ctx;
  if (!(await requireAdmin(ctx, "seats"))) return;
  const found = await findProduct(ctx, input.product);
  if ("message" in found) return ctx.reply({ text: found.message });
  const result = await setPurchasedSeats(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    productId: found.product.id,
    purchased: input.quantity,
    actor: commandActor(ctx),
  });
  if (result.ok) {
    return ctx.reply({
      text: t["seats.done"]({
        product: escapeMrkdwn(found.product.name),
        before: t["seats.available"](result.before),
        after: t["seats.available"](result.seats),
      }),
    });
  }
  if (result.code === "QUANTITY_BELOW_ASSIGNED") {
    return ctx.reply({
      text: t["seats.below_assigned"]({ assigned: result.assigned, toFree: result.toFree }),
    });
  }
  return ctx.reply({ text: failureText(t, result, { timeZone: "UTC" }) });
}

import { fileRequest } from "../../licensing/requests/file-request.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import {
  type CommandContext,
  commandActor,
  findPerson,
  findProduct,
  personLabel,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { failureText } from "../shared/build-error-message.ts";
import { announceRequest } from "./announce-request.ts";

/** `/license request product [for @person] [because reason]`: anyone asks; admins decide. */
export async function requestLicense(
  ctx: CommandContext,
  input: { product: string; person?: PersonRef; reason: string },
): Promise<void> {
  const { t } = ctx;
  const found = await findProduct(ctx, input.product);
  if ("message" in found) return ctx.reply({ text: found.message });
  const ref = input.person ?? { kind: "user" as const, userId: ctx.userId };
  const person = await findPerson(ctx, ref);
  await ctx.directory.byUserId(ctx.workspaceId, ctx.userId);
  if (!person) return ctx.reply({ text: t["person.unknown"]({ who: personLabel(ref) }) });
  const filed = await fileRequest(ctx.deps.db, ctx.deps.clock, {
    workspaceId: ctx.workspaceId,
    personId: person.id,
    productId: found.product.id,
    reason: input.reason,
    actor: commandActor(ctx),
  });
  if (!filed.ok && filed.code === "REQUESTER_ADMINISTERS") {
    return ctx.reply({
      text: t["request.admin_assigns"]({ person: `<@${person.slackUserId}>`, key: found.product.key }),
    });
  }
  if (!filed.ok)
    return ctx.reply({ text: failureText(t, filed, { timeZone: ctx.snapshot.acting?.timeZone ?? "UTC" }) });
  await ctx.reply({
    text: t["request.filed"]({
      person: escapeMrkdwn(person.name),
      product: escapeMrkdwn(found.product.name),
    }),
  });
  await announceRequest(ctx.deps, ctx.client, { workspaceId: ctx.workspaceId, requestId: filed.requestId });
}

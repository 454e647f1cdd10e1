import { assignProduct } from "../../licensing/assign-product.ts";
import { fileRequest } from "../../licensing/requests/file-request.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import {
  type CommandContext,
  commandActingPerson,
  commandActor,
  findPerson,
  findProduct,
  personLabel,
} from "../license-command/command-context.ts";
import type { PersonRef } from "../license-command/parse-license-command.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { announceRequest } from "../requests/announce-request.ts";
import { failureText } from "../shared/build-error-message.ts";
import { failureOutcome } from "../shared/failure-outcome.ts";
import { describeError } from "../shared/logger.ts";
import { MESSAGE_BLOCKS_MAX } from "../shared/message-parts.ts";
import { assignFollowUpBlocks } from "./assign-follow-ups.ts";
import { type AssignAttempt, buildAssignResultMessage } from "./build-assign-result-message.ts";

/**
 * `/license assign @p1 [@p2 …] product`: admins assign; anyone else files a request per person,
 * for the admins to approve.
 */
export async function assignLicense(
  ctx: CommandContext,
  input: { people: PersonRef[]; product: string },
): Promise<void> {
  const { t } = ctx;
  const found = await findProduct(ctx, input.product);
  if ("message" in found) return ctx.reply({ text: found.message });
  const acting = await commandActingPerson(ctx);
  const startedAt = ctx.deps.clock.now();
  const lines: string[] = [];
  const attempts: AssignAttempt[] = [];
  const filedRequests: string[] = [];
  for (const ref of input.people) {
    const person = await findPerson(ctx, ref);
    if (!person) {
      lines.push(t["person.unknown"]({ who: personLabel(ref) }));
      continue;
    }
    if (!acting?.isAdmin) {
      const filed = await fileRequest(ctx.deps.db, ctx.deps.clock, {
        workspaceId: ctx.workspaceId,
        personId: person.id,
        productId: found.product.id,
        reason: "",
        actor: commandActor(ctx),
      });
      const words = { person: escapeMrkdwn(person.name), product: escapeMrkdwn(found.product.name) };
      lines.push(
        filed.ok ? t["request.filed"](words) : failureText(t, filed, { timeZone: acting?.timeZone ?? "UTC" }),
      );
      if (filed.ok) filedRequests.push(filed.requestId);
      continue;
    }
    // Each person is a transaction of their own: one that fails unexpectedly is said by name, and
    // the others keep what they got, so the reply never claims that nothing changed.
    try {
      const outcome = await assignProduct(ctx.deps.db, ctx.deps.clock, {
        workspaceId: ctx.workspaceId,
        personId: person.id,
        productId: found.product.id,
        actor: commandActor(ctx),
      });
      attempts.push({ person: { name: person.name, id: person.id }, outcome });
    } catch (error) {
      if (input.people.length === 1) throw error;
      ctx.deps.logger.error("/license assign failed for one person", {
        ...describeError(error),
        workspaceId: ctx.workspaceId,
        personId: person.id,
      });
      const outcome = await failureOutcome(
        ctx.deps,
        { workspaceId: ctx.workspaceId, requestId: ctx.triggerId, startedAt, personId: person.id },
        error,
      );
      lines.push(t[personFailureText[outcome]]({ person: escapeMrkdwn(person.name) }));
    }
  }
  if (attempts.length > 0) {
    const result = buildAssignResultMessage(t, {
      product: found.product,
      attempts,
      timeZone: acting?.timeZone ?? "UTC",
    });
    const followUps = assignFollowUpBlocks(
      t,
      found.product,
      attempts,
      MESSAGE_BLOCKS_MAX - result.blocks.length,
    );
    await ctx.reply({ ...result, blocks: [...result.blocks, ...followUps] });
    if (lines.length) await ctx.reply({ text: lines.join("\n") });
    // After the reply: the admin hears at once, the people they assigned to right after.
    if (attempts.some((a) => a.outcome.ok))
      await sendQueuedNotices(ctx.deps, ctx.client, { workspaceId: ctx.workspaceId });
    return;
  }
  await ctx.reply({ text: lines.join("\n") });
  // After the reply: the asker hears at once, and the approvers right after.
  for (const requestId of filedRequests) {
    await announceRequest(ctx.deps, ctx.client, { workspaceId: ctx.workspaceId, requestId });
  }
}

const personFailureText = {
  not_applied: "assign.person.unexpected",
  applied: "failure.person.applied",
  unknown: "failure.person.unknown",
} as const satisfies Record<string, keyof Catalog>;

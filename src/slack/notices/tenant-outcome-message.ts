import type { TenantAnswer, TenantOutcomeNotice } from "../../licensing/outbox/notices.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { tenantRefusalText } from "../copy/tenant-refusal.ts";
import {
  header,
  MESSAGE_BLOCKS_MAX,
  type Message,
  message,
  packSections,
  section,
} from "../shared/message-parts.ts";

function answerLine(answer: TenantAnswer): string {
  const person = escapeMrkdwn(answer.person);
  const product = escapeMrkdwn(answer.product);
  if (answer.refusal === null) {
    return answer.action === "add"
      ? en["tenant.outcome.assigned"]({ person, product })
      : en["tenant.outcome.removed"]({ person, product });
  }
  const reason = tenantRefusalText(answer.refusal, answer.message);
  return answer.action === "add"
    ? en["tenant.outcome.assign_refused"]({ person, product, reason })
    : en["tenant.outcome.remove_refused"]({ person, product, reason });
}

/**
 * What the tenant did with one decision (rule 13): every change applied or refused with its reason.
 * A bulk change says how many were made and lists the refused ones first, within Slack's limits.
 */
export function buildTenantOutcomeMessage(notice: TenantOutcomeNotice): Message {
  const title = en["tenant.outcome.heading"]();
  const refused = notice.answers.filter((a) => a.refusal !== null);
  const applied = notice.answers.length - refused.length;
  const lines = [...refused, ...notice.answers.filter((a) => a.refusal === null)].map(answerLine);
  if (notice.answers.length === 1)
    return message(lines[0] ?? title, [header(title), section(lines[0] ?? "")]);
  const summary = en["tenant.outcome.summary"]({ applied, total: notice.answers.length });
  return message(summary, [header(title), section(summary), ...packSections(lines, MESSAGE_BLOCKS_MAX - 2)]);
}

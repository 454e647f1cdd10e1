import type { TenantAnswer, TenantOutcomeNotice } from "../../licensing/outbox/notices.ts";
import type { Catalog } from "../copy/catalogs.ts";
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

function answerLine(t: Catalog, answer: TenantAnswer): string {
  const person = escapeMrkdwn(answer.person);
  const product = escapeMrkdwn(answer.product);
  if (answer.refusal === null) {
    return answer.action === "add"
      ? t["tenant.outcome.assigned"]({ person, product })
      : t["tenant.outcome.removed"]({ person, product });
  }
  const reason = tenantRefusalText(t, answer.refusal, answer.message);
  return answer.action === "add"
    ? t["tenant.outcome.assign_refused"]({ person, product, reason })
    : t["tenant.outcome.remove_refused"]({ person, product, reason });
}

/**
 * What the tenant did with one decision (rule 13): every change applied or refused with its reason.
 * A bulk change says how many were made and lists the refused ones first, within Slack's limits.
 */
export function buildTenantOutcomeMessage(t: Catalog, notice: TenantOutcomeNotice): Message {
  const title = t["tenant.outcome.heading"]();
  const refused = notice.answers.filter((a) => a.refusal !== null);
  const applied = notice.answers.length - refused.length;
  const lines = [...refused, ...notice.answers.filter((a) => a.refusal === null)].map((a) =>
    answerLine(t, a),
  );
  if (notice.answers.length === 1)
    return message(lines[0] ?? title, [header(title), section(lines[0] ?? "")]);
  const summary = t["tenant.outcome.summary"]({ applied, total: notice.answers.length });
  return message(summary, [
    header(title),
    section(summary),
    ...packSections(t, lines, MESSAGE_BLOCKS_MAX - 2),
  ]);
}

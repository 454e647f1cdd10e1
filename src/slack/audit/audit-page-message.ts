import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { AuditEntryView } from "../../licensing/audit/list-audit.ts";
import { en, type MessageId } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { context, header, type Message, message, packSections } from "../shared/message-parts.ts";

/** Header, list sections, a context line and the button: the list gets what is left of 50. */
const LIST_BLOCKS_MAX = 40;
const TARGET_MAX = 300;
const BUTTON_VALUE_MAX = 2000;

/** One page of the audit log, newest first, with "Next page" when there is more. */
export function buildAuditPageMessage(
  entries: readonly AuditEntryView[],
  options: { timeZone: string; who?: string; nextValue?: string | null },
): Message {
  const top: KnownBlock[] = [header(en["audit.header"]())];
  if (options.who) top.push(context([en["audit.for_person"]({ who: options.who })]));
  if (entries.length === 0) return message(en["audit.empty"](), [...top, context([en["audit.empty"]()])]);
  const lines = entries.map((entry) =>
    en["audit.line"]({
      at: formatInstant(entry.at, options.timeZone),
      actor: actorLabel(entry.actor),
      action: actionText(entry),
      target: truncate(targetText(entry), TARGET_MAX),
    }),
  );
  const blocks: KnownBlock[] = [...top, ...packSections(lines, LIST_BLOCKS_MAX)];
  const next = options.nextValue;
  if (next && next.length <= BUTTON_VALUE_MAX) {
    const actions: ActionsBlock = {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ids.auditPage.nextAction,
          text: { type: "plain_text", text: en["audit.next"]() },
          value: next,
        },
      ],
    };
    blocks.push(actions);
  } else {
    blocks.push(context([en["audit.end"]()]));
  }
  return message(en["audit.fallback"]({ count: entries.length }), blocks);
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

function actorLabel(actor: string): string {
  if (USER_ID.test(actor)) return `<@${actor}>`;
  return actor === "system" ? en["audit.system"]() : escapeMrkdwn(actor);
}

function actionText(entry: AuditEntryView): string {
  if (entry.action === "refused") {
    const after = record(entry.after);
    return en["audit.refused"]({
      attempted: escapeMrkdwn(str(after.attempted) ?? "?"),
      reason: escapeMrkdwn(str(after.reason) ?? "?"),
    });
  }
  const id = `audit.action.${entry.action}`;
  return id in en ? en[id as MessageId & `audit.action.${string}`]() : `\`${escapeMrkdwn(entry.action)}\``;
}

/** The names the row's before/after carry: who, which product, which mailbox. */
function targetText(entry: AuditEntryView): string {
  const before = record(entry.before);
  const after = record(entry.after);
  const person = str(record(after.person).name) ?? str(record(before.person).name);
  const product =
    str(record(after.product).name) ??
    str(record(before.product).name) ??
    (entry.targetType === "product" ? (str(after.name) ?? str(after.key) ?? str(before.key)) : undefined);
  const address = str(after.address) ?? str(before.address);
  return [person, product, address]
    .filter((part): part is string => part !== undefined)
    .map((part) => `*${escapeMrkdwn(part)}*`)
    .join(" · ");
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

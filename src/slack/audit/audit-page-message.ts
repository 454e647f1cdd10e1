import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { AuditNames } from "../../licensing/audit/audit-names.ts";
import type { AuditEntryView } from "../../licensing/audit/list-audit.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { context, header, type Message, message, packSections } from "../shared/message-parts.ts";
import { auditSentence } from "./audit-sentence.ts";

/** Header, list sections, a context line and the button: the list gets what is left of 50. */
const LIST_BLOCKS_MAX = 40;
/** A line stays a line: a long quoted reason is cut, with the cut shown. */
const SENTENCE_MAX = 600;
const BUTTON_VALUE_MAX = 2000;

/** One page of the audit log, newest first, with "Next page" when there is more. */
export function buildAuditPageMessage(
  entries: readonly AuditEntryView[],
  options: { timeZone: string; names: AuditNames; who?: string; nextValue?: string | null },
): Message {
  const top: KnownBlock[] = [header(en["audit.header"]())];
  if (options.who) top.push(context([en["audit.for_person"]({ who: options.who })]));
  if (entries.length === 0) return message(en["audit.empty"](), [...top, context([en["audit.empty"]()])]);
  const lines = entries.map((entry) =>
    en["audit.line"]({
      at: formatInstant(entry.at, options.timeZone),
      actor: actorLabel(entry.actor),
      sentence: truncate(auditSentence(entry, options.names, options), SENTENCE_MAX),
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

import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { AuditNames } from "../../licensing/audit/audit-names.ts";
import type { AuditEntryView } from "../../licensing/audit/list-audit.ts";
import type { Catalog } from "../copy/en.ts";
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
  t: Catalog,
  entries: readonly AuditEntryView[],
  options: { timeZone: string; names: AuditNames; who?: string; nextValue?: string | null },
): Message {
  const top: KnownBlock[] = [header(t["audit.header"]())];
  if (options.who) top.push(context([t["audit.for_person"]({ who: options.who })]));
  if (entries.length === 0) return message(t["audit.empty"](), [...top, context([t["audit.empty"]()])]);
  const lines = entries.map((entry) =>
    t["audit.line"]({
      at: formatInstant(t, entry.at, options.timeZone),
      actor: actorLabel(t, entry.actor),
      sentence: truncate(auditSentence(t, entry, options.names, options), SENTENCE_MAX),
    }),
  );
  const blocks: KnownBlock[] = [...top, ...packSections(t, lines, LIST_BLOCKS_MAX)];
  const next = options.nextValue;
  if (next && next.length <= BUTTON_VALUE_MAX) {
    const actions: ActionsBlock = {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ids.auditPage.nextAction,
          text: { type: "plain_text", text: t["audit.next"]() },
          value: next,
        },
      ],
    };
    blocks.push(actions);
  } else {
    blocks.push(context([t["audit.end"]()]));
  }
  return message(t["audit.fallback"]({ count: entries.length }), blocks);
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

function actorLabel(t: Catalog, actor: string): string {
  if (USER_ID.test(actor)) return `<@${actor}>`;
  return actor === "system" ? t["audit.system"]() : escapeMrkdwn(actor);
}

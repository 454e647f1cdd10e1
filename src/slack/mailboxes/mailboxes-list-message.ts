import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { MailboxListing } from "../../licensing/mailboxes/list-mailboxes.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatSize, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { context, header, type Message, message, packSections, section } from "../shared/message-parts.ts";

/** Each mailbox with buttons takes two blocks; 20 of them leave room for the header and footers. */
export const MAILBOXES_WITH_BUTTONS_MAX = 20;
const LIST_BLOCKS_MAX = 40;
const ADDRESS_MAX = 200;

/**
 * Every non-user mailbox with its size, quota, license and days to lock, the ones nearest their
 * lock first (as listed). Admins get "Record size" and, while unlicensed, "Assign a license".
 */
export function buildMailboxesMessage(
  mailboxes: readonly MailboxListing[],
  options: { withButtons: boolean },
): Message {
  const atRisk = mailboxes.filter((m) => m.overQuota && !m.licensedWith).length;
  const fallback = en["mailboxes.fallback"]({ count: mailboxes.length, atRisk });
  const top: KnownBlock[] = [header(en["mailboxes.header"]()), context([en["mailboxes.rule"]()])];
  if (mailboxes.length === 0)
    return message(en["mailboxes.none"](), [...top, section(en["mailboxes.none"]())]);
  if (!options.withButtons)
    return message(fallback, [...top, ...packSections(mailboxes.map(line), LIST_BLOCKS_MAX)]);
  const shown = mailboxes.slice(0, MAILBOXES_WITH_BUTTONS_MAX);
  const rows = shown.flatMap((m) => [section(line(m)), buttons(m)]);
  const more = mailboxes.length - shown.length;
  return message(fallback, [
    ...top,
    ...rows,
    ...(more > 0 ? [context([en["list.more"]({ count: more })])] : []),
  ]);
}

function line(m: MailboxListing): string {
  return en["mailboxes.line"]({
    address: escapeMrkdwn(truncate(m.address, ADDRESS_MAX)),
    kind: en[`mailboxes.kind.${m.kind}`](),
    size: formatSize(m.sizeMb),
    quota: formatSize(m.quotaMb),
    state: state(m),
  });
}

function state(m: MailboxListing): string {
  if (m.licensedWith) return en["mailboxes.state.licensed"]({ product: escapeMrkdwn(m.licensedWith.name) });
  if (m.locked) return en["mailboxes.state.locked"]();
  if (m.daysToLock !== null) return en["mailboxes.state.locks_in"]({ days: m.daysToLock });
  return en["mailboxes.state.under_quota"]();
}

function buttons(m: MailboxListing): ActionsBlock {
  const record: Button = {
    type: "button",
    action_id: ids.mailboxSize.recordAction,
    text: { type: "plain_text", text: en["mailboxes.record_size"]() },
    value: m.id,
  };
  const assign: Button = {
    type: "button",
    action_id: ids.mailbox.licenseAction,
    text: { type: "plain_text", text: en["mailboxes.assign"]() },
    value: m.id,
    ...(m.overQuota ? { style: "primary" as const } : {}),
  };
  return {
    type: "actions",
    block_id: `mailbox.${m.id}`,
    elements: m.licensedWith ? [record] : [record, assign],
  };
}

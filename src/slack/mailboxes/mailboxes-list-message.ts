import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { MailboxListing } from "../../licensing/mailboxes/list-mailboxes.ts";
import type { Catalog } from "../copy/en.ts";
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
  t: Catalog,
  mailboxes: readonly MailboxListing[],
  options: { withButtons: boolean },
): Message {
  const atRisk = mailboxes.filter((m) => m.overQuota && !m.licensedWith).length;
  const fallback = t["mailboxes.fallback"]({ count: mailboxes.length, atRisk });
  const top: KnownBlock[] = [header(t["mailboxes.header"]()), context([t["mailboxes.rule"]()])];
  if (mailboxes.length === 0) return message(t["mailboxes.none"](), [...top, section(t["mailboxes.none"]())]);
  if (!options.withButtons)
    return message(fallback, [
      ...top,
      ...packSections(
        t,
        mailboxes.map((x) => line(t, x)),
        LIST_BLOCKS_MAX,
      ),
    ]);
  const shown = mailboxes.slice(0, MAILBOXES_WITH_BUTTONS_MAX);
  const rows = shown.flatMap((m) => [section(line(t, m)), buttons(t, m)]);
  const more = mailboxes.length - shown.length;
  return message(fallback, [
    ...top,
    ...rows,
    ...(more > 0 ? [context([t["list.more"]({ count: more })])] : []),
  ]);
}

function line(t: Catalog, m: MailboxListing): string {
  return t["mailboxes.line"]({
    address: escapeMrkdwn(truncate(m.address, ADDRESS_MAX)),
    kind: t[`mailboxes.kind.${m.kind}`](),
    size: formatSize(m.sizeMb),
    quota: formatSize(m.quotaMb),
    state: state(t, m),
  });
}

function state(t: Catalog, m: MailboxListing): string {
  if (m.licensedWith) return t["mailboxes.state.licensed"]({ product: escapeMrkdwn(m.licensedWith.name) });
  if (m.locked) return t["mailboxes.state.locked"]();
  if (m.daysToLock !== null) return t["mailboxes.state.locks_in"]({ days: m.daysToLock });
  return t["mailboxes.state.under_quota"]();
}

function buttons(t: Catalog, m: MailboxListing): ActionsBlock {
  const record: Button = {
    type: "button",
    action_id: ids.mailboxSize.recordAction,
    text: { type: "plain_text", text: t["mailboxes.record_size"]() },
    value: m.id,
  };
  const assign: Button = {
    type: "button",
    action_id: ids.mailbox.licenseAction,
    text: { type: "plain_text", text: t["mailboxes.assign"]() },
    value: m.id,
    ...(m.overQuota ? { style: "primary" as const } : {}),
  };
  return {
    type: "actions",
    block_id: `mailbox.${m.id}`,
    elements: m.licensedWith ? [record] : [record, assign],
  };
}

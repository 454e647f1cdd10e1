import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { Notice } from "../../licensing/outbox/notices.ts";
import type { NoticeSubject } from "../../licensing/reminders/list-notice-copies.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstantForEachReader, formatSize, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import {
  button,
  context,
  header,
  MESSAGE_BLOCKS_MAX,
  type Message,
  message,
  packSections,
  section,
} from "../shared/message-parts.ts";
import { adminNotificationText } from "./admin-notification-text.ts";
import { buildPersonalNoticeMessage } from "./personal-notice-message.ts";
import { buildTenantOutcomeMessage } from "./tenant-outcome-message.ts";

/** Header, intro and the closing "…and N more" around the rows. */
const FRAME_BLOCKS = 3;
/** A row with buttons is a section and an actions block. */
const ROW_BLOCKS = 2;
const ROWS_WITH_BUTTONS = Math.floor((MESSAGE_BLOCKS_MAX - FRAME_BLOCKS) / ROW_BLOCKS);

const actions = (blockId: string, buttons: Button[]): ActionsBlock => ({
  type: "actions",
  block_id: truncate(blockId, 255),
  elements: buttons,
});

/**
 * The outcome line of a row whose subject is settled (restored, licensed, decided…), which takes
 * its buttons' place; undefined while the buttons still have something to do.
 */
export type SettledLine = (subject: NoticeSubject) => string | undefined;

/** As sent: every row live. */
const nothingSettled: SettledLine = () => undefined;

/**
 * Rows with buttons, as many as a message holds, then how many more and where to see them. A
 * settled row keeps its text and shows what became of it instead of its buttons.
 */
function rowsWithButtons<T>(
  t: Catalog,
  items: readonly T[],
  row: (item: T) => [string, ActionsBlock],
  subjectOf: (item: T) => NoticeSubject,
  settled: SettledLine,
  moreCommand: string,
): KnownBlock[] {
  const shown = items.slice(0, ROWS_WITH_BUTTONS);
  const blocks: KnownBlock[] = shown.flatMap((item) => {
    const [text, buttons] = row(item);
    const outcome = settled(subjectOf(item));
    return [section(text), outcome === undefined ? buttons : context([outcome])];
  });
  if (items.length > shown.length) {
    blocks.push(context([t["jobs.more"]({ count: items.length - shown.length, command: moreCommand })]));
  }
  return blocks;
}

/**
 * The message for a notice the daily jobs queued, within Slack's limits for any number of rows;
 * with `settled`, as it reads once some of its buttons have been used or overtaken.
 */
export function buildJobNoticeMessage(
  t: Catalog,
  notice: Notice,
  settled: SettledLine = nothingSettled,
): Message {
  switch (notice.kind) {
    case "restore_reminders": {
      const title = t["jobs.restore.heading"]();
      return message(title, [
        header(title),
        section(t["jobs.restore.intro"]({ count: notice.items.length })),
        ...rowsWithButtons(
          t,
          notice.items,
          (item) => {
            const lost = item.data.map((d) =>
              d.mailboxSizeMb === null
                ? escapeMrkdwn(d.service)
                : `${escapeMrkdwn(d.service)} (${formatSize(d.mailboxSizeMb)})`,
            );
            const lines = [
              t["jobs.restore.item"]({
                person: escapeMrkdwn(item.person),
                product: escapeMrkdwn(item.product),
                date: formatInstantForEachReader(t, new Date(item.purgeAt)),
                days: item.daysLeft,
              }),
              lost.length > 0
                ? t["jobs.restore.data"]({ items: lost.join(", ") })
                : t["jobs.restore.no_data"](),
              ...(item.late ? [t["jobs.late"]()] : []),
            ];
            return [
              lines.join("\n"),
              actions(`window.${item.windowId}`, [
                button(t["jobs.restore.button"](), ids.window.restoreAction, item.windowId, "primary"),
                button(t["jobs.restore.let_expire"](), ids.window.letExpireAction, item.windowId),
              ]),
            ];
          },
          (item) => ({ kind: "restore_window", id: item.windowId }),
          settled,
          "/license show",
        ),
      ]);
    }
    case "mailbox_warnings": {
      const title = t["jobs.mailbox.heading"]();
      return message(title, [
        header(title),
        ...rowsWithButtons(
          t,
          notice.items,
          (item) => [
            [
              t["jobs.mailbox.item"]({
                address: escapeMrkdwn(item.address),
                size: formatSize(item.sizeMb),
                date: formatInstantForEachReader(t, new Date(item.lockAt)),
                days: item.daysLeft,
              }),
              ...(item.late ? [t["jobs.late"]()] : []),
            ].join("\n"),
            actions(`mailbox.${item.mailboxId}`, [
              button(t["jobs.mailbox.button"](), ids.mailbox.licenseAction, item.mailboxId, "primary"),
            ]),
          ],
          (item) => ({ kind: "mailbox", id: item.mailboxId }),
          settled,
          "/license mailboxes",
        ),
      ]);
    }
    case "requests_waiting": {
      const title = t["jobs.requests.heading"]();
      return message(title, [
        header(title),
        ...rowsWithButtons(
          t,
          notice.items,
          (item) => [
            t["jobs.requests.item"]({
              requester: escapeMrkdwn(item.requester),
              person: escapeMrkdwn(item.person),
              product: escapeMrkdwn(item.product),
              date: formatInstantForEachReader(t, new Date(item.createdAt)),
            }),
            actions(`request.${item.requestId}`, [
              button(t["jobs.requests.approve"](), ids.request.approveAction, item.requestId, "primary"),
              button(t["jobs.requests.deny"](), ids.request.denyAction, item.requestId, "danger"),
            ]),
          ],
          (item) => ({ kind: "request", id: item.requestId }),
          settled,
          "/license",
        ),
      ]);
    }
    case "windows_purged": {
      const title = t["jobs.purged.heading"]();
      const lines = notice.items.map((item) =>
        t["jobs.purged.item"]({
          person: escapeMrkdwn(item.person),
          product: escapeMrkdwn(item.product),
          date: formatInstantForEachReader(t, new Date(item.purgeAt)),
        }),
      );
      return message(title, [header(title), ...packSections(t, lines, MESSAGE_BLOCKS_MAX - 1)]);
    }
    case "mailboxes_locked": {
      const title = t["jobs.locked.heading"]();
      const lines = notice.items.map((item) =>
        t["jobs.locked.item"]({ address: escapeMrkdwn(item.address) }),
      );
      return message(title, [header(title), ...packSections(t, lines, MESSAGE_BLOCKS_MAX - 1)]);
    }
    case "low_seats": {
      const title = t["jobs.low_seats.heading"]();
      const lines = notice.items.map((item) =>
        t["jobs.low_seats.item"]({ ...item, product: escapeMrkdwn(item.product) }),
      );
      return message(title, [header(title), ...packSections(t, lines, MESSAGE_BLOCKS_MAX - 1)]);
    }
    case "admin_notifications": {
      // Plain text, as these notices always were: a few paragraphs, each already within its limits.
      const text = notice.items
        .flatMap((item) => adminNotificationText(t, item.kind, item.payload) ?? [])
        .join("\n\n");
      return { text: text || t["error.unexpected"](), blocks: [] };
    }
    case "request_expired": {
      const text = t["jobs.request_expired"]({
        person: escapeMrkdwn(notice.person),
        product: escapeMrkdwn(notice.product),
        date: formatInstantForEachReader(t, new Date(notice.createdAt)),
      });
      return message(text, [section(text)]);
    }
    case "license_changes":
      return buildPersonalNoticeMessage(t, notice);
    case "tenant_outcome":
      return buildTenantOutcomeMessage(t, notice);
  }
}

import type { KnownBlock } from "@slack/types";
import { daysUntil } from "../../licensing/clock.ts";
import type { AdminHome, AdminHomeLimits } from "../../licensing/home/get-admin-home.ts";
import type { EndingWindowRow, RetainedData } from "../../licensing/home/list-ending-windows.ts";
import type { MailboxNearLockRow } from "../../licensing/home/list-mailboxes-near-lock.ts";
import type { PendingRequestRow } from "../../licensing/home/list-pending-requests.ts";
import type { PersonLanguage } from "../../licensing/language/load-reader-languages.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize, truncate } from "../copy/format.ts";
import { defaultLocationText, seatBar } from "../products/build-seat-status-message.ts";
import { ids } from "../shared/ids.ts";
import { header, packSections, section } from "../shared/message-parts.ts";
import { button, divider, homeView, note, sectionWithButton, shortName } from "./home-parts.ts";
import { buildLanguageChoice } from "./language-choice.ts";

/**
 * How many rows of each list the admin's home reads and shows. With the fixed blocks they add up
 * to at most 80 of the Home tab's 100: products 1–8 sections, each request 2 blocks (words and
 * its buttons), each window and mailbox 1 (words with a button beside them).
 */
export const ADMIN_HOME_LIMITS: AdminHomeLimits = { products: 80, requests: 10, windows: 25, mailboxes: 10 };
const SEAT_SECTIONS_MAX = 8;
/** A requester's reason is a reminder here; the request's own message has all of it. */
const REASON_MAX = 300;

/**
 * The admin's Home tab: seat usage with the products shortest of seats first, requests waiting
 * with Approve and Deny, restore windows whose data goes within days (what, whose, when) with
 * Restore, mailboxes about to lock, and the bulk and product buttons. Long lists end in "…and N
 * more" naming the command with the whole list. Dates are in the viewer's time zone.
 */
export function buildAdminHome(
  t: Catalog,
  home: AdminHome,
  options: { timeZone: string; now: Date; language?: PersonLanguage },
) {
  const blocks: KnownBlock[] = [
    header(t["home.header"]()),
    {
      type: "actions",
      elements: [
        button(t["home.admin.bulk"](), ids.home.openBulkAction, "bulk"),
        button(t["home.admin.products"](), ids.home.openProductsAction, "products"),
        button(t["setup.reopen"](), ids.setup.showAction, "setup"),
      ],
    },
    note(defaultLocationText(t, home.defaultUsageLocation)),
    ...(options.language ? [buildLanguageChoice(t, options.language)] : []),
    divider(),
    ...seatBlocks(t, home),
    divider(),
    ...requestBlocks(t, home, options.timeZone),
    divider(),
    ...windowBlocks(t, home, options),
    divider(),
    ...mailboxBlocks(t, home, options.timeZone),
  ];
  return homeView(blocks);
}

function seatBlocks(t: Catalog, { seats }: AdminHome): KnownBlock[] {
  if (seats.total === 0) return [header(t["home.seats.header"]()), section(t["home.seats.none"]())];
  const lines = seats.rows.slice(0, ADMIN_HOME_LIMITS.products).map((p) =>
    t["home.seats.line"]({
      bar: seatBar(p.assigned, p.purchased),
      product: escapeMrkdwn(shortName(p.name)),
      seats: t["seats.available"]({ available: p.available, purchased: p.purchased }),
    }),
  );
  const notes = [
    t["home.seats.summary"]({
      products: seats.total,
      full: seats.full,
      available: seats.available,
      purchased: seats.purchased,
    }),
  ];
  const unread = seats.total - lines.length;
  if (unread > 0) notes.push(t["home.seats.more"]({ count: unread }));
  return [
    header(t["home.seats.header"]()),
    ...packSections(t, lines, SEAT_SECTIONS_MAX),
    note(notes.join("\n")),
  ];
}

function requestBlocks(t: Catalog, { requests }: AdminHome, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t["home.requests.header"]({ total: requests.total }))];
  if (requests.total === 0) return [...blocks, note(t["home.requests.none"]())];
  const shown = requests.rows.slice(0, ADMIN_HOME_LIMITS.requests);
  for (const request of shown) {
    blocks.push(section(requestText(t, request, timeZone)), {
      type: "actions",
      elements: [
        button(t["home.requests.approve"](), ids.request.approveAction, request.id, "primary"),
        button(t["home.requests.deny"](), ids.request.denyAction, request.id, "danger"),
      ],
    });
  }
  if (requests.total > shown.length)
    blocks.push(note(t["home.requests.more"]({ count: requests.total - shown.length })));
  return blocks;
}

function requestText(t: Catalog, request: PendingRequestRow, timeZone: string): string {
  const words = {
    requester: escapeMrkdwn(shortName(request.requester.name)),
    product: escapeMrkdwn(shortName(request.product.name)),
    date: formatInstant(t, request.createdAt, timeZone),
  };
  const line =
    request.person.slackUserId === request.requester.slackUserId
      ? t["home.requests.line_self"](words)
      : t["home.requests.line_other"]({ ...words, person: escapeMrkdwn(shortName(request.person.name)) });
  const reason = request.reason.trim().replace(/\s+/g, " ");
  return reason
    ? `${line}\n${t["home.requests.reason"]({ reason: escapeMrkdwn(truncate(reason, REASON_MAX)) })}`
    : line;
}

function windowBlocks(
  t: Catalog,
  { windows, soonDays }: AdminHome,
  options: { timeZone: string; now: Date },
) {
  const blocks: KnownBlock[] = [header(t["home.windows.header"]({ days: soonDays, total: windows.total }))];
  if (windows.total === 0) return [...blocks, note(t["home.windows.none"]({ days: soonDays }))];
  const shown = windows.rows.slice(0, ADMIN_HOME_LIMITS.windows);
  for (const window of shown) {
    blocks.push(
      sectionWithButton(
        windowText(t, window, options),
        button(t["home.windows.restore"](), ids.window.restoreAction, window.id, "primary"),
      ),
    );
  }
  if (windows.total > shown.length)
    blocks.push(note(t["home.windows.more"]({ count: windows.total - shown.length })));
  return blocks;
}

function windowText(t: Catalog, window: EndingWindowRow, options: { timeZone: string; now: Date }): string {
  const line = t["home.windows.line"]({
    person: escapeMrkdwn(shortName(window.person.name)),
    product: escapeMrkdwn(shortName(window.product.name)),
    date: formatInstant(t, window.purgeAt, options.timeZone),
    daysLeft: daysUntil(options.now, window.purgeAt),
  });
  const lost =
    window.lost.length > 0
      ? t["home.windows.lost"]({ items: window.lost.map((x) => lostItem(t, x)).join("; ") })
      : t["home.windows.lost_none"]();
  return `${line}\n${lost}`;
}

function lostItem(t: Catalog, item: RetainedData): string {
  const words = {
    service: escapeMrkdwn(shortName(item.service.name)),
    description: escapeMrkdwn(shortName(item.description)),
  };
  if (item.mailboxSizeMb !== null)
    return t["home.windows.lost.mailbox"]({ ...words, size: formatSize(item.mailboxSizeMb) });
  if (item.devices > 0) return t["home.windows.lost.devices"]({ ...words, devices: item.devices });
  return t["home.windows.lost.item"](words);
}

function mailboxBlocks(t: Catalog, { mailboxes, soonDays }: AdminHome, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(t["home.mailboxes.header"]({ days: soonDays, total: mailboxes.total })),
  ];
  if (mailboxes.total === 0) return [...blocks, note(t["home.mailboxes.none"]({ days: soonDays }))];
  const shown = mailboxes.rows.slice(0, ADMIN_HOME_LIMITS.mailboxes);
  for (const mailbox of shown) {
    blocks.push(
      sectionWithButton(
        mailboxText(t, mailbox, timeZone),
        button(t["home.mailboxes.license"](), ids.mailbox.licenseAction, mailbox.id),
      ),
    );
  }
  if (mailboxes.total > shown.length)
    blocks.push(note(t["home.mailboxes.more"]({ count: mailboxes.total - shown.length })));
  return blocks;
}

function mailboxText(t: Catalog, mailbox: MailboxNearLockRow, timeZone: string): string {
  return t["home.mailboxes.line"]({
    address: escapeMrkdwn(shortName(mailbox.address)),
    kind: t[`home.mailboxes.kind.${mailbox.kind}`](),
    size: formatSize(mailbox.sizeMb),
    quota: formatSize(mailbox.quotaMb),
    date: formatInstant(t, mailbox.lockAt, timeZone),
  });
}

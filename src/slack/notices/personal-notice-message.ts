import type { LicenseChangesNotice, LicenseGained, LicenseLost } from "../../licensing/outbox/notices.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant, formatSize } from "../copy/format.ts";
import { header, MESSAGE_BLOCKS_MAX, type Message, message, packSections } from "../shared/message-parts.ts";

const names = (items: string[]) => items.map(escapeMrkdwn).join(", ");

/** One license the person got: what it turned on, what their location skipped, Office's devices. */
function gainedText(t: Catalog, item: LicenseGained): string {
  const product = escapeMrkdwn(item.product);
  return [
    item.restored ? t["notice.restored"]({ product }) : t["notice.gained"]({ product }),
    item.enabled.length > 0
      ? t["notice.enabled"]({ services: names(item.enabled) })
      : t["notice.enabled_none"](),
    ...groupByLocation(item.skipped).map(([location, services]) =>
      t["notice.skipped"]({ services: names(services), location }),
    ),
    ...(item.installs
      ? [t["notice.installs"]({ service: escapeMrkdwn(item.installs.service), limit: item.installs.limit })]
      : []),
  ].join("\n");
}

/** One license the person lost: the data that goes, the instant it is gone for good, who can restore it. */
function lostText(t: Catalog, item: LicenseLost, notice: LicenseChangesNotice): string {
  const first = t["notice.lost"]({ product: escapeMrkdwn(item.product) });
  if (item.data.length === 0 || !item.goneForGoodAt) return `${first}\n${t["notice.lost.nothing"]()}`;
  const items = item.data.map((d) =>
    d.mailboxSizeMb === null
      ? escapeMrkdwn(d.service)
      : `${escapeMrkdwn(d.service)} (${formatSize(d.mailboxSizeMb)})`,
  );
  const date = formatInstant(t, new Date(item.goneForGoodAt), notice.timeZone ?? "UTC");
  return [
    first,
    t["notice.lost.data"]({ items: items.join(", "), date }),
    notice.by ? t["notice.lost.ask"]({ by: escapeMrkdwn(notice.by) }) : t["notice.lost.ask_any"](),
  ].join("\n");
}

function groupByLocation(skipped: LicenseGained["skipped"]): [string, string[]][] {
  const byLocation = new Map<string, string[]>();
  for (const s of skipped) byLocation.set(s.location, [...(byLocation.get(s.location) ?? []), s.service]);
  return [...byLocation];
}

/**
 * The direct message that tells a person what one change did to their licenses (rule 12): every
 * license gained and lost in one message, the instant in the reader's own time zone.
 */
export function buildPersonalNoticeMessage(t: Catalog, notice: LicenseChangesNotice): Message {
  const title = notice.joined ? t["notice.heading_joined"]() : t["notice.heading"]();
  const who = notice.by ? t["notice.by"]({ by: escapeMrkdwn(notice.by) }) : t["notice.by_app"]();
  const parts = [
    ...notice.gained.map((x) => gainedText(t, x)),
    ...notice.lost.map((item) => lostText(t, item, notice)),
    `_${who}_`,
  ];
  // The notification says what changed, one line per license; the blocks say the rest.
  const summary = parts.slice(0, -1).map((part) => part.split("\n")[0]);
  return message(summary.join(" "), [header(title), ...packSections(t, parts, MESSAGE_BLOCKS_MAX - 1)]);
}

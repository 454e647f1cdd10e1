import { z } from "zod";
import type { AdminNotificationKind } from "../../db/schema/index.ts";
import type { LicensingCode } from "../../licensing/outcome.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstantForEachReader, formatSize } from "../copy/format.ts";
import { errorText, messageForCode } from "../copy/licensing-codes.ts";

/** More lines than this in one notification and the rest is counted, not listed. */
const MAX_ITEMS = 15;

const productRef = z.object({ name: z.string() });
const personRef = z.object({ name: z.string(), slackUserId: z.string() });

const defaultsNotAssigned = z.object({
  person: personRef,
  reason: z.object({
    code: z.string(),
    shortfalls: z.array(z.object({ product: productRef, missing: z.number() })).optional(),
  }),
});

const dataItem = z.object({
  service: z.object({ name: z.string() }),
  description: z.string(),
  mailboxSizeMb: z.number().nullable().optional(),
});

const offboarded = z.object({
  warnings: z.array(
    z.object({
      person: personRef,
      product: productRef,
      goneForGoodAt: z.coerce.date(),
      lost: z.array(dataItem),
      survives: z.array(dataItem),
    }),
  ),
});

/**
 * The words of one recorded admin notification, or null when its payload is not one this version
 * knows (logged by the caller, never shown half-rendered).
 */
export function adminNotificationText(
  t: Catalog,
  kind: AdminNotificationKind,
  payload: unknown,
): string | null {
  if (kind === "defaults_not_assigned") {
    const parsed = defaultsNotAssigned.safeParse(payload);
    return parsed.success ? defaultsText(t, parsed.data) : null;
  }
  const parsed = offboarded.safeParse(payload);
  return parsed.success ? offboardedText(t, parsed.data) : null;
}

function defaultsText(t: Catalog, data: z.infer<typeof defaultsNotAssigned>): string {
  const person = mention(data.person);
  const shortfalls = data.reason.shortfalls ?? [];
  if (shortfalls.length > 0) {
    const listed = shortfalls.map((s) =>
      t["events.joined.shortfall"]({ product: escapeMrkdwn(s.product.name), missing: s.missing }),
    );
    return t["events.joined.no_seats"]({ person, shortfalls: listed.join(", ") });
  }
  const code = data.reason.code;
  const reason = code in messageForCode ? errorText(t, code as LicensingCode) : t["error.unexpected"]();
  return t["events.joined.refused"]({ person, reason });
}

function offboardedText(t: Catalog, data: z.infer<typeof offboarded>): string {
  const [first] = data.warnings;
  if (!first) return "";
  const person = mention(first.person);
  const lost = data.warnings.flatMap((w) =>
    w.lost.map((item) =>
      t["events.offboarded.item"]({
        product: escapeMrkdwn(w.product.name),
        service: escapeMrkdwn(item.service.name),
        description: describe(item),
      }),
    ),
  );
  const survives = data.warnings.flatMap((w) => w.survives.map((item) => escapeMrkdwn(item.service.name)));
  const kept = survives.length > 0 ? [t["events.offboarded.survives"]({ items: survives.join(", ") })] : [];
  if (lost.length === 0) {
    const products = data.warnings.map((w) => `*${escapeMrkdwn(w.product.name)}*`).join(", ");
    return [t["events.offboarded.nothing_lost"]({ person, products }), ...kept].join("\n");
  }
  const lastDate = new Date(Math.max(...data.warnings.map((w) => w.goneForGoodAt.getTime())));
  return [
    t["events.offboarded.at_risk"]({ person, date: formatInstantForEachReader(t, lastDate) }),
    ...capped(t, lost),
    ...kept,
  ].join("\n");
}

function describe(item: z.infer<typeof dataItem>): string {
  const description = escapeMrkdwn(item.description);
  return item.mailboxSizeMb ? `${description} (${formatSize(item.mailboxSizeMb)})` : description;
}

function capped(t: Catalog, lines: string[]): string[] {
  if (lines.length <= MAX_ITEMS) return lines;
  return [...lines.slice(0, MAX_ITEMS - 1), t["list.more"]({ count: lines.length - (MAX_ITEMS - 1) })];
}

function mention(person: z.infer<typeof personRef>): string {
  return /^[UW][A-Z0-9]+$/.test(person.slackUserId)
    ? `<@${person.slackUserId}>`
    : `*${escapeMrkdwn(person.name)}*`;
}

import type { ProductSeats } from "../../licensing/get-seat-usage.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import {
  context,
  header,
  MESSAGE_BLOCKS_MAX,
  type Message,
  message,
  packSections,
  section,
} from "../shared/message-parts.ts";

export type SeatStatusRow = Pick<ProductSeats, "name" | "key" | "purchased" | "assigned" | "available"> & {
  isDefault?: boolean;
};

const BAR_CELLS = 10;
/** Header, summary context. */
const FIXED_BLOCKS = 2;

/**
 * Rule 1 as a message: every product's "6 of 10 available" with a bar of the assigned share and
 * the key every command takes, the products with the smallest share left first, so what needs
 * buying is at the top.
 */
export function buildSeatStatusMessage(
  t: Catalog,
  products: readonly SeatStatusRow[],
  workspace: { defaultUsageLocation: string | null; personalNotices?: boolean },
): Message {
  const location = [
    defaultLocationText(t, workspace.defaultUsageLocation),
    ...(workspace.personalNotices === undefined
      ? []
      : [workspace.personalNotices ? t["notices.on"]() : t["notices.off"]()]),
  ].join("\n");
  if (products.length === 0) {
    return message(t["product.none"](), [section(t["product.none"]()), context([location])]);
  }
  const sorted = [...products].sort((a, b) => share(a) - share(b) || a.name.localeCompare(b.name, "en"));
  const lines = sorted.map((p) => {
    const parts = {
      bar: seatBar(p.assigned, p.purchased),
      product: escapeMrkdwn(p.name),
      // Lowercase letters, digits and dashes (the catalog's rule): nothing to escape.
      key: p.key,
      seats: t["seats.available"]({ available: p.available, purchased: p.purchased }),
    };
    return p.isDefault ? t["status.line_default"](parts) : t["status.line"](parts);
  });
  const full = products.filter((p) => p.available <= 0).length;
  const total = {
    available: products.reduce((sum, p) => sum + Math.max(0, p.available), 0),
    purchased: products.reduce((sum, p) => sum + p.purchased, 0),
  };
  return message(t["status.fallback"]({ products: products.length, full }), [
    header(t["status.header"]()),
    ...packSections(t, lines, MESSAGE_BLOCKS_MAX - FIXED_BLOCKS),
    context([t["status.summary"]({ products: products.length, full, ...total }), location]),
  ]);
}

/** Rule 4's default location, or how to set it: without one, new people get nothing. */
export function defaultLocationText(t: Catalog, location: string | null): string {
  return location ? t["location.default"]({ location }) : t["location.default_none"]();
}

/**
 * The assigned share in ten cells. Full only when nothing is left and empty only when nothing is
 * assigned, so one seat left or one seat taken always shows.
 */
export function seatBar(assigned: number, purchased: number): string {
  let filled: number;
  if (purchased <= 0 || assigned >= purchased) filled = BAR_CELLS;
  else if (assigned <= 0) filled = 0;
  else filled = Math.min(BAR_CELLS - 1, Math.max(1, Math.round((assigned / purchased) * BAR_CELLS)));
  return "▰".repeat(filled) + "▱".repeat(BAR_CELLS - filled);
}

/** The share still available; a product with no seats bought has none. */
function share(p: SeatStatusRow): number {
  return p.purchased > 0 ? p.available / p.purchased : 0;
}

import { restorableUntil } from "./window.ts";
/** What admins are told when the directory changes: joins without default licenses, and offboarding. */
export const events = {
  "events.joined.no_seats": (p: { person: string; shortfalls: string }) =>
    `${p.person} joined the workspace but got none of the default licenses: not enough seats for ${p.shortfalls}. Free or buy seats, then assign them with \`/license assign\`.`,
  "events.joined.refused": (p: { person: string; reason: string }) =>
    `${p.person} joined the workspace but got none of the default licenses. ${p.reason}`,
  "events.joined.shortfall": (p: { product: string; missing: number }) =>
    `${p.product} (${p.missing} missing)`,
  "events.offboarded.at_risk": (p: { person: string; date: string }) =>
    `${p.person} was deactivated in Slack: their licenses were removed and the seats freed. This data ${restorableUntil(p.date)}:`,
  "events.offboarded.nothing_lost": (p: { person: string; products: string }) =>
    `${p.person} was deactivated in Slack: ${p.products} removed and the seats freed. No data is lost.`,
  "events.offboarded.item": (p: { product: string; service: string; description: string }) =>
    `• ${p.product}, ${p.service}: ${p.description}`,
  "events.offboarded.survives": (p: { items: string }) => `Kept after removal: ${p.items}.`,
} as const;

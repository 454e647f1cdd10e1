import { count, nouns } from "./plural.ts";

/** The seat overview (rule 1): every product's available and purchased seats. */
export const status = {
  "seats.available": (p: { available: number; purchased: number }) =>
    `${p.available} of ${p.purchased} available`,
  "status.header": () => "Seat availability",
  "status.line": (p: { bar: string; product: string; key: string; seats: string }) =>
    `\`${p.bar}\` *${p.product}* \`${p.key}\`: ${p.seats}`,
  "status.line_default": (p: { bar: string; product: string; key: string; seats: string }) =>
    `\`${p.bar}\` *${p.product}* \`${p.key}\`: ${p.seats} _(given to new people)_`,
  "status.summary": (p: { products: number; full: number; available: number; purchased: number }) =>
    `${count(p.products, nouns.product)} · ${p.full} with no seats left · ` +
    `${p.available} of ${count(p.purchased, nouns.seat)} available in all`,
  "status.fallback": (p: { products: number; full: number }) =>
    `Seat availability for ${count(p.products, nouns.product)}: ${p.full} with no seats left.`,
} as const;

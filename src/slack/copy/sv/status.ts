import type { status as english } from "../en/status.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Licensöversikten (regel 1): varje produkts tillgängliga och köpta licenser. */
export const status = {
  "seats.available": (p) => `${p.available} av ${p.purchased} tillgängliga`,
  "status.header": () => "Tillgängliga licenser",
  "status.line": (p) => `\`${p.bar}\` *${p.product}* \`${p.key}\`: ${p.seats}`,
  "status.line_default": (p) =>
    `\`${p.bar}\` *${p.product}* \`${p.key}\`: ${p.seats} _(ges till nya personer)_`,
  "status.summary": (p) =>
    `${count(p.products, nouns.product)} · ${p.full} utan lediga licenser · ` +
    `${p.available} av ${count(p.purchased, nouns.seat)} tillgängliga totalt`,
  "status.fallback": (p) =>
    `Tillgängliga licenser för ${count(p.products, nouns.product)}: ${p.full} utan lediga licenser.`,
} satisfies Messages<typeof english>;

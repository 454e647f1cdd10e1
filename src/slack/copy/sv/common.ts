import type { common as english } from "../en/common.ts";
import type { Messages } from "../messages.ts";
import { restorableUntil } from "./window.ts";

/** Ord som flera vyer delar. */
export const common = {
  "list.more": (p) => `…och ${p.count} till`,
  "modal.loading.title": () => "License Desk",
  "modal.loading.text": () => "Arbetar på det…",
  "modal.notice.close": () => "Stäng",
  "remove.done": (p) =>
    `*${p.product}* är borttagen från *${p.person}*. Personens information ${restorableUntil(p.date)}. ${p.seats}.`,
  "remove.done_nothing_kept": (p) => `*${p.product}* är borttagen från *${p.person}*. ${p.seats}.`,
  "product.ambiguous": (p) =>
    `”${p.query}” kan betyda flera produkter: ${p.candidates}. Ange en med dess nyckel.`,
  "product.unknown": (p) => `Det finns ingen produkt som heter ”${p.query}”. Produkter: ${p.candidates}.`,
  "product.none": () => "Det finns inga produkter än. En administratör kan importera en katalog.",
  "person.unknown": (p) => `Jag hittar inte ${p.who} i den här arbetsytan.`,
  "command.product_placeholder": () => "produkt",
} satisfies Messages<typeof english>;

import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** The bulk change modal: the form, its preview, and the outcome. */
export const bulk = {
  "bulk.title": () => "Bulk change",
  "bulk.next": () => "Preview",
  "bulk.apply": () => "Apply",
  "bulk.cancel": () => "Cancel",
  "bulk.people": () => "People",
  "bulk.add": () => "Products to give",
  "bulk.remove": () => "Products to take away (add mode only)",
  "bulk.mode": () => "Mode",
  "bulk.mode.add": () => "Add to existing assignments",
  "bulk.mode.replace": () => "Replace existing assignments",
  "bulk.mode.replace_hint": () => "Each person ends with exactly the products chosen.",
  "bulk.error.people": () => "Choose at least one person.",
  "bulk.error.products": () => "Choose at least one product to give or take away.",
  "bulk.error.conflict": () => "A product cannot be both given and taken away.",
  "bulk.error.too_many": (p: { max: number }) => `Choose at most ${p.max} people at a time.`,
  "bulk.preview.summary": (p: { people: number; adding: number; removing: number }) =>
    `*${count(p.people, nouns.person)}*: *${count(p.adding, nouns.license)}* given, *${p.removing}* taken away.`,
  "bulk.preview.product": (p: {
    product: string;
    adding: number;
    removing: number;
    before: number;
    after: number;
  }) => `*${p.product}*: +${p.adding} −${p.removing}, available ${p.before} → ${p.after}`,
  "bulk.preview.shortfall": (p: { product: string; missing: number }) =>
    `:no_entry: *${p.product}* is ${count(p.missing, nouns.seat)} short.`,
  "bulk.preview.blocked": () =>
    "Nothing can be applied until every product has the seats. Free seats or buy more, then start again.",
  "bulk.preview.loss_heading": (p: { count: number; date: string }) =>
    `*This data ${restorableUntil(p.date)} (${count(p.count, nouns.removal)}):*`,
  "bulk.preview.loss_item": (p: { person: string; product: string; services: string }) =>
    `• *${p.person}* — ${p.product}: ${p.services}`,
  "bulk.preview.no_loss": () => "No data is deleted by this change.",
  "bulk.done": (p: { people: number; added: number; removed: number; restored: number }) =>
    `Bulk change applied: ${count(p.people, nouns.person)} changed, ${count(p.added, nouns.license)} given (${p.restored} with their data restored), ${p.removed} taken away.`,
} as const;

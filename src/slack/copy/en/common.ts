import { restorableUntil } from "./window.ts";
/** Words shared by several views. */
export const common = {
  "list.more": (p: { count: number }) => `…and ${p.count} more`,
  "modal.loading.title": () => "License Desk",
  "modal.loading.text": () => "Working on it…",
  "modal.notice.close": () => "Close",
  "remove.done": (p: { person: string; product: string; date: string; seats: string }) =>
    `Removed *${p.product}* from *${p.person}*. Their data ${restorableUntil(p.date)}. ${p.seats}.`,
  "remove.done_nothing_kept": (p: { person: string; product: string; seats: string }) =>
    `Removed *${p.product}* from *${p.person}*. ${p.seats}.`,
  "product.ambiguous": (p: { query: string; candidates: string }) =>
    `"${p.query}" could mean several products: ${p.candidates}. Name one by its key.`,
  "product.unknown": (p: { query: string; candidates: string }) =>
    `There is no product "${p.query}". Products: ${p.candidates}.`,
  "product.none": () => "There are no products yet. An admin can import a catalog.",
  "person.unknown": (p: { who: string }) => `I can't find ${p.who} in this workspace.`,
  /** Where a product's key goes in a command to type, when the message does not know the product. */
  "command.product_placeholder": () => "product",
} as const;

import type { bulk as english } from "../en/bulk.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** Massändringsdialogen: formuläret, förhandsgranskningen och resultatet. */
export const bulk = {
  "bulk.title": () => "Massändring",
  "bulk.next": () => "Förhandsgranska",
  "bulk.apply": () => "Genomför",
  "bulk.cancel": () => "Avbryt",
  "bulk.people": () => "Personer",
  "bulk.add": () => "Produkter att ge",
  "bulk.remove": () => "Produkter att ta bort (bara i läget Lägg till)",
  "bulk.mode": () => "Läge",
  "bulk.mode.add": () => "Lägg till i befintliga licenstilldelningar",
  "bulk.mode.replace": () => "Ersätt befintliga licenstilldelningar",
  "bulk.mode.replace_hint": () => "Var och en får precis de valda produkterna, varken mer eller mindre.",
  "bulk.error.people": () => "Välj minst en person.",
  "bulk.error.products": () => "Välj minst en produkt att ge eller ta bort.",
  "bulk.error.conflict": () => "En produkt kan inte både ges och tas bort.",
  "bulk.error.too_many": (p) => `Välj högst ${p.max} personer åt gången.`,
  "bulk.preview.summary": (p) =>
    `*${count(p.people, nouns.person)}*: *${count(p.adding, nouns.license)}* ges, *${p.removing}* tas bort.`,
  "bulk.preview.product": (p) =>
    `*${p.product}*: +${p.adding} −${p.removing}, tillgängliga ${p.before} → ${p.after}`,
  "bulk.preview.shortfall": (p) => `:no_entry: *${p.product}* saknar ${count(p.missing, nouns.seat)}.`,
  "bulk.preview.blocked": () =>
    "Inget kan genomföras förrän alla produkter har tillräckligt med licenser. Frigör licenser eller köp fler och börja sedan om.",
  "bulk.preview.loss_heading": (p) =>
    `*Den här informationen ${restorableUntil(p.date)} (${count(p.count, nouns.removal)}):*`,
  "bulk.preview.loss_item": (p) => `• *${p.person}* — ${p.product}: ${p.services}`,
  "bulk.preview.no_loss": () => "Ingen information raderas av den här ändringen.",
  "bulk.done": (p) =>
    `Massändringen är genomförd: ${count(p.people, nouns.person)} ändrade, ${count(p.added, nouns.license)} givna (${p.restored} med informationen återställd), ${p.removed} borttagna.`,
} satisfies Messages<typeof english>;

import type { errorDetails as english } from "../en/error-details.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Avslag som säger mer än sin kod: hur många som ska frigöras, när, av vem, vilka. */
export const errorDetails = {
  "error.detail.QUANTITY_BELOW_ASSIGNED": (p) =>
    `${p.product ? `*${p.product}*: ` : ""}${count(p.assigned, nouns.seatAssigned)}, fler än ${p.asked}.`,
  "error.detail.QUANTITY_BELOW_ASSIGNED.next": (p) =>
    `Frigör först ${count(p.toFree, nouns.seat)} med \`/license remove @person ${p.product}\`, eller behåll minst ${p.assigned}.`,
  "error.detail.NO_SEATS_LEFT": (p) => `Det finns inga licenser kvar för *${p.product}* (${p.seats}).`,
  "error.detail.NO_SEATS_LEFT.product": (p) => `Det finns inga licenser kvar för *${p.product}*.`,
  "error.detail.NO_SEATS_LEFT.bulk": () =>
    "Det finns inte tillräckligt med licenser, så inget ändrades. Saknas per produkt:",
  "error.detail.NO_SEATS_LEFT.shortfall": (p) =>
    `*${p.product}*: ${p.missing} saknas (${p.adding} att tilldela, ${p.available} tillgängliga)`,
  "error.detail.WINDOW_CLOSED": (p) =>
    `Ångerperioden tog slut den ${p.date}: informationen är borta för gott.`,
  "error.detail.ALREADY_DECIDED": (p) =>
    `Den begäran är redan ${p.status}${p.by ? ` av *${p.by}*` : ""}${p.date ? ` den ${p.date}` : ""}.`,
  "error.detail.DEVICE_LIMIT_REACHED": (p) =>
    p.limit === 1
      ? "Den enda installationen används. Installerad på:"
      : `Alla ${count(p.limit, { one: "installation", other: "installationer" })} används. Installerad på:`,
  "error.detail.INVALID_QUANTITY": (p) =>
    `Det är inte ett giltigt antal: ange ett heltal från 0 till ${p.max}.`,
  "error.detail.TENANT_LOCATION_REFUSED.permission": (p) =>
    `Microsoft 365 lät inte License Desk ange användningsplatsen: appen behöver behörigheten *${p.permission}*. Inget ändrades.`,
  "error.detail.TENANT_LOCATION_REFUSED": (p) =>
    `Microsoft 365 tog inte emot den nya användningsplatsen, så inget ändrades. Svaret var: ”${p.message}”`,
  "error.detail.INVALID_USAGE_LOCATION": (p) =>
    `”${p.input}” är inte en landskod med två bokstäver (ISO 3166), som SE eller US.`,
  "error.detail.REASON_TOO_LONG": (p) =>
    `Motiveringen är för lång: en motivering får vara högst ${p.max} tecken.`,
  "error.detail.TEXT_TOO_LONG": (p) => `${p.field} är för långt: det får vara högst ${p.max} tecken.`,
  "error.field.note": () => "Meddelandet",
  "error.field.device_name": () => "Enhetsnamnet",
  "error.detail.CATALOG_INVALID": () => "Katalogfilen är inte giltig; inget importerades. Det här är fel:",
  "error.detail.PERSON_DEACTIVATED": () => "De här personerna är inaktiverade:",
  "error.detail.USAGE_LOCATION_REQUIRED": () =>
    "De här personerna har ingen användningsplats, och arbetsytan har ingen standard:",
  "error.detail.NOTHING_RUNS_IN_LOCATION": (p) =>
    `Ingen av tjänsterna i *${p.product}* (${p.services}) kan köras på användningsplatsen ${p.location} som *${p.person}* har: en tilldelning skulle ta en licens utan att slå på något. Inget ändrades.`,
  "error.detail.NOTHING_RUNS_IN_LOCATION.many": () =>
    "Inget ändrades: för de här personerna kan ingen av en produkts tjänster köras på deras användningsplats, så licensen skulle inte slå på något. Lämna dem utanför, eller tilldela var och en med `/license assign`, som erbjuder att tilldela ändå:",
  "error.detail.NOTHING_RUNS_IN_LOCATION.case": (p) =>
    `*${p.person}* i ${p.location}: *${p.product}* (${p.services})`,
  "error.detail.item": (p) => `• ${p.item}`,
  "request.status.approved": () => "godkänd",
  "request.status.denied": () => "avslagen",
  "request.status.cancelled": () => "tillbakadragen",
  "request.status.expired": () => "utgången",
  "request.status.decided": () => "avgjord",
} satisfies Messages<typeof english>;

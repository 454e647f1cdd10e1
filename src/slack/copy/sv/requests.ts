import type { requests as english } from "../en/requests.ts";
import type { Messages } from "../messages.ts";

/** Licensbegäranden: meddelandet som godkännarna ser, beslutsdialogerna och vad den som begärde får höra. */
export const requests = {
  "request.message.heading.self": (p) => `:inbox_tray: ${p.requester} begär *${p.product}*.`,
  "request.message.heading.other": (p) => `:inbox_tray: ${p.requester} begär *${p.product}* för ${p.person}.`,
  "request.message.fallback": (p) => `En licensbegäran om ${p.product} väntar.`,
  "request.message.fallback.decided": (p) => `Licensbegäran om ${p.product} blev ${p.status}.`,
  "request.message.reason": (p) => `*Motivering:* ${p.reason}`,
  "request.message.no_reason": () => "_Ingen motivering angavs._",
  "request.message.provisions": (p) => `*Ett godkännande slår på:* ${p.services}`,
  "request.message.provisions_nothing": () => "*Ett godkännande slår på:* ingen av dess tjänster.",
  "request.message.skipped": (p) =>
    `*Hoppas över:* ${p.services}: går inte att använda på personens användningsplats ${p.location}.`,
  "request.message.no_location": () =>
    "*Ingen användningsplats* är angiven för personen, och arbetsytan har ingen: ange en innan du godkänner.",
  "request.message.seats": (p) => `*${p.product}*: ${p.seats}`,
  "request.message.filed_at": (p) => `Skickad ${p.date}`,
  "request.approve": () => "Godkänn",
  "request.deny": () => "Avslå",
  "request.decided.approved": (p) => `:white_check_mark: Godkänd av ${p.by} den ${p.date}.`,
  "request.decided.denied": (p) => `:no_entry: Avslagen av ${p.by} den ${p.date}.`,
  "request.decided.cancelled": (p) => `Tillbakadragen den ${p.date} av den som begärde.`,
  "request.decided.expired": (p) => `Gick ut den ${p.date}, utan beslut.`,
  "request.decided.note": (p) => `*Meddelande:* ${p.note}`,
  "request.decided.reason": (p) => `*Motivering:* ${p.reason}`,
  "request.someone": () => "en administratör",
  "request.modal.approve.title": () => "Godkänn begäran",
  "request.modal.deny.title": () => "Avslå begäran",
  "request.modal.cancel": () => "Avbryt",
  "request.modal.note.label": () => "Meddelande till den som begärde (valfritt)",
  "request.modal.reason.label": () => "Varför avslås den?",
  "request.modal.reason.hint": () => "Den som begärde läser det här.",
  "request.modal.no_seats": () =>
    ":warning: Det finns inga licenser kvar: ett godkännande misslyckas tills en licens frigörs eller fler köps.",
  "request.error.reason_required": () => "Skriv varför, så att den som begärde vet.",
  "request.error.too_long": (p) => `Håll det under ${p.max} tecken.`,
  "request.already_decided": (p) => `Den begäran är redan ${p.status} av ${p.by} den ${p.date}.`,
  "request.already_closed": (p) => `Den begäran är redan ${p.status} den ${p.date}.`,
  "request.done.approved": (p) =>
    `Godkänd: ${p.person} har nu *${p.product}*. ${p.seats}. Den som begärde har fått besked.`,
  "request.done.approved_pending_in_tenant": (p) =>
    `Godkänt: *${p.product}* till ${p.person} är skickat till Microsoft 365, en licens hålls. ` +
    "Du får ett meddelande när organisationen har svarat; den som begärde har fått veta att det är godkänt.",
  "request.done.approved_already_held": (p) =>
    `Godkänd: ${p.person} hade redan *${p.product}*. Den som begärde har fått besked.`,
  "request.done.denied": () => "Avslagen. Den som begärde har fått veta varför.",
  "request.done.not_assigned": (p) => `Kunde inte godkänna: ${p.message} Begäran väntar fortfarande.`,
  "request.outcome.approved": (p) =>
    `:white_check_mark: Din begäran om *${p.product}* för ${p.person} har godkänts av ${p.by}.`,
  "request.outcome.approved.self": (p) =>
    `:white_check_mark: Din begäran om *${p.product}* har godkänts av ${p.by}.`,
  "request.outcome.denied": (p) =>
    `:no_entry: Din begäran om *${p.product}* för ${p.person} har avslagits av ${p.by}.`,
  "request.outcome.denied.self": (p) => `:no_entry: Din begäran om *${p.product}* har avslagits av ${p.by}.`,
  "request.outcome.turned_on": (p) => `Påslaget: ${p.services}.`,
} satisfies Messages<typeof english>;

import type { location as english } from "../en/location.ts";
import type { Messages } from "../messages.ts";

/** Användningsplatser vid tilldelning, och vad ett byte av plats slår på eller tar bort (regel 4). */
export const location = {
  "assign.location_needed": (p) =>
    `*${p.person}* behöver en användningsplats innan något kan tilldelas: ange den, så fortsätter tilldelningen.`,
  "assign.location_needed.button": () => "Ange användningsplats",
  "assign.anyway.why": (p) =>
    `Microsoft 365 tillåter licensen ändå: tilldela *${p.product}* till *${p.person}* om personen snart flyttar eller reser dit där den fungerar. Den tar en licens direkt.`,
  "assign.anyway.button": () => "Tilldela ändå",
  "location.modal.title": () => "Användningsplats",
  "location.modal.submit": () => "Ange och tilldela",
  "location.modal.cancel": () => "Avbryt",
  "location.modal.label": (p) => `Var ${p.person} använder tjänsterna`,
  "location.modal.hint": () => "En landskod med två bokstäver (ISO 3166), som SE eller US.",
  "location.modal.default": () => "Gör den också till arbetsytans standard",
  "location.modal.default.label": () => "Arbetsytans standard",
  "location.modal.default.hint": () => "Standarden gäller alla som inte har en egen användningsplats.",
  "location.modal.default_set": (p) => `Arbetsytans standardanvändningsplats är nu ${p.location}.`,
  "location.change.warning": (p) =>
    `Flyttar du *${p.person}* från ${p.from} till ${p.to} stängs det av som ${p.to} inte tillåter. Personens information i de här tjänsterna raderas för gott den *${p.date}*, om personen inte är tillbaka där tjänsten fungerar innan dess:`,
  "location.change.from_none": () => "ingen plats",
  "location.change.survives": () => "Finns kvar, avstängt (det överlever bytet):",
  "location.change.lost_item": (p) => `*${p.service}* (från ${p.product}): ${p.data}`,
  "location.change.confirm": () => "Byt plats",
  "location.change.cancel_hint": () => "Inget ändras om du inte bekräftar.",
  "location.change.done": (p) => `*${p.person}* använder nu tjänster i ${p.location}.`,
  "location.change.turned_on": (p) => `Påslaget: ${p.services}.`,
  "location.change.turned_off": (p) =>
    `Avstängt: ${p.services}; informationen raderas för gott den ${p.date} om personen inte är tillbaka där det fungerar.`,
  "location.change.kept_off": (p) => `Avstängt, informationen finns kvar: ${p.services}.`,
  "location.change.changed_meanwhile": () =>
    "Det som bytet tar bort är inte längre det du bekräftade (personens licenser har ändrats under tiden). Inget ändrades; kör kommandot igen för att se varningen som den ser ut nu.",
} satisfies Messages<typeof english>;

import type { mailboxes as english } from "../en/mailboxes.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** `/license mailboxes`: resurspostlådor, rumspostlådor och delade postlådor (regel 8), och deras två knappar. */
export const mailboxes = {
  "mailboxes.header": () => "Resurspostlådor, rumspostlådor och delade postlådor",
  "mailboxes.none": () => "Det finns inga resurspostlådor, rumspostlådor eller delade postlådor än.",
  "mailboxes.fallback": (p) => `${count(p.count, nouns.mailbox)}, ${p.atRisk} över kvoten utan licens.`,
  "mailboxes.rule": () =>
    "De behöver ingen licens så länge de är under sin kvot. Är en över kvoten utan licens låses den en månad senare.",
  "mailboxes.line": (p) => `*${p.address}* (${p.kind}) · ${p.size} av ${p.quota} · ${p.state}`,
  "mailboxes.kind.resource": () => "resurspostlåda",
  "mailboxes.kind.room": () => "rumspostlåda",
  "mailboxes.kind.shared": () => "delad postlåda",
  "mailboxes.state.licensed": (p) => `licensierad med ${p.product}`,
  "mailboxes.state.under_quota": () => "under kvoten, ingen licens behövs",
  "mailboxes.state.locked": () => ":lock: *låst*: tilldela en licens eller arkivera den under kvoten",
  "mailboxes.state.locks_in": (p) =>
    p.days === 0
      ? ":warning: *låses i dag* om den inte licensieras"
      : `:warning: *låses om ${count(p.days, nouns.day)}* om den inte licensieras`,
  "mailboxes.record_size": () => "Registrera storlek",
  "mailboxes.assign": () => "Tilldela en licens",
  "mailboxes.size.title": () => "Postlådans storlek",
  "mailboxes.size.submit": () => "Registrera",
  "mailboxes.size.cancel": () => "Avbryt",
  "mailboxes.size.label": (p) => `Storlek på ${p.address}`,
  "mailboxes.size.hint": (p) => `I GB, som 12,5, eller med enhet: 800 MB. Kvoten är ${p.quota}.`,
  "mailboxes.size.invalid": () => "Ange en storlek som 12,5, 12,5 GB eller 800 MB.",
  "mailboxes.size.too_big": () => "Det är större än någon postlåda kan vara.",
  "mailboxes.size.recorded_over": (p) =>
    `*${p.address}* är ${p.size}, över kvoten på ${p.quota}: den låses den ${p.date} om den inte får en licens eller arkiveras under kvoten.`,
  "mailboxes.size.recorded_locked": (p) =>
    `*${p.address}* är ${p.size}, över kvoten på ${p.quota}, och förblir låst tills den får en licens eller arkiveras under kvoten.`,
  "mailboxes.size.recorded_fine": (p) => `*${p.address}* är ${p.size}: inget behöver göras.`,
  "mailboxes.license.title": () => "Licensiera en postlåda",
  "mailboxes.license.submit": () => "Tilldela",
  "mailboxes.license.label": (p) => `Produkt för ${p.address}`,
  "mailboxes.license.option": (p) => `${p.product} (${p.seats})`,
  "mailboxes.license.none": () =>
    "Ingen produkt här innehåller en postlåda, så ingen kan licensiera den. Lägg till en med `/license products`.",
  "mailboxes.license.already": (p) => `*${p.address}* är redan ${p.what}. Inget ändrades.`,
  "mailboxes.license.done": (p) =>
    `*${p.address}* är licensierad med *${p.product}*; den kommer inte att låsas. ${p.seats}.`,
  "mailboxes.unknown": () => "Den postlådan finns inte i den här arbetsytan. Inget ändrades.",
} satisfies Messages<typeof english>;

import type { jobs as english } from "../en/jobs.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** Vad de dagliga jobben berättar för administratörer och den som begärt något. */
export const jobs = {
  "jobs.restore.heading": () => "Borttagna licenser vars information snart raderas",
  "jobs.restore.intro": (p) =>
    `${count(p.count, { one: "borttagen licens har", other: "borttagna licenser har" })} information som kommer att raderas för gott. Den återställs om du tilldelar licensen igen innan dess, eller någon annan licens med samma tjänst.`,
  "jobs.restore.item": (p) => `*${p.person}* — ${p.product}: ${restorableUntil(p.date, p.days)}`,
  "jobs.restore.data": (p) => `Går förlorat: ${p.items}`,
  "jobs.restore.no_data": () => "Ingen information från den här licensen väntar i ångerperioden.",
  "jobs.restore.button": () => "Återställ",
  "jobs.restore.let_expire": () => "Låt den löpa ut",
  "jobs.late": () => "_(sent: appen var inte igång den dag det skulle skickas)_",
  "jobs.more": (p) => `…och ${p.count} till: \`${p.command}\` listar dem.`,
  "jobs.purged.heading": () => "Information raderad för gott",
  "jobs.purged.item": (p) => `• *${p.person}* — ${p.product} (ångerperioden slutade den ${p.date})`,
  "jobs.mailbox.heading": () => "Delade postlådor som snart låses",
  "jobs.mailbox.item": (p) =>
    `*${p.address}* (${p.size}) låses den ${p.date} (${count(p.days, nouns.day)} kvar) om den inte får en licens eller krymper under sin kvot.`,
  "jobs.mailbox.button": () => "Tilldela en licens",
  "jobs.locked.heading": () => "Låsta delade postlådor",
  "jobs.locked.item": (p) => `• *${p.address}*: över kvoten i en månad utan licens`,
  "jobs.requests.heading": () => "Licensbegäranden som väntar",
  "jobs.requests.item": (p) => `*${p.requester}* begärde *${p.product}* för *${p.person}* den ${p.date}.`,
  "jobs.requests.approve": () => "Godkänn",
  "jobs.requests.deny": () => "Avslå",
  "jobs.request_expired": (p) =>
    `Din begäran från ${p.date} om *${p.product}* för *${p.person}* har gått ut: ingen administratör beslutade i tid. Du kan begära igen med \`/license request\`.`,
  "jobs.low_seats.heading": () => "Produkter med få lediga licenser",
  "jobs.low_seats.item": (p) => `• *${p.product}*: ${p.available} av ${p.purchased} tillgängliga`,
  "jobs.let_expire.done": (p) =>
    `Inga fler påminnelser om ${p.product} för *${p.person}*: informationen ${restorableUntil(p.date)}.`,
} satisfies Messages<typeof english>;

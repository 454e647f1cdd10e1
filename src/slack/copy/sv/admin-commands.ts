import type { adminCommands as english } from "../en/admin-commands.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Svar på de administratörskommandon som ändrar en sak. */
export const adminCommands = {
  "restore.done": (p) =>
    `*${p.product}* är återställd för *${p.person}*, med den information som sparats. ${p.seats}.`,
  "restore.window_closed_on": (p) =>
    `Ångerperioden tog slut den ${p.date}: informationen är borta för gott. Tilldela licensen för att börja om.`,
  "seats.done": (p) => `*${p.product}*: ${p.before} → ${p.after}.`,
  "seats.below_assigned": (p) =>
    `${count(p.assigned, nouns.seatAssigned)}: frigör ${count(p.toFree, nouns.seat)} innan du sänker antalet så långt.`,
  "location.done": (p) =>
    `*${p.person}* använder nu tjänster i ${p.location}. Personens kommande tilldelningar följer den.`,
  "location.default_done": (p) =>
    p.before && p.before !== p.location
      ? `Standardanvändningsplatsen är nu ${p.location} (var ${p.before}). Personer utan en egen använder tjänster där.`
      : `Standardanvändningsplatsen är nu ${p.location}. Personer utan en egen använder tjänster där.`,
  "location.default": (p) => `Standardanvändningsplats: ${p.location}, för personer som inte har en egen.`,
  "location.default_none": () =>
    "Ingen standardanvändningsplats: personer utan en egen får inga licenser förrän den anges med `/license location default CC`.",
  "notices.on": () =>
    "Personliga aviseringar är på: personer får ett direktmeddelande om vilka licenser de får eller förlorar.",
  "notices.off": () =>
    "Personliga aviseringar är av: personer får inget direktmeddelande när deras licenser ändras. Slå på dem med `/license notices on`.",
  "admins.granted": (p) => `*${p.person}* kan nu administrera licenser.`,
  "admins.revoked": (p) => `*${p.person}* administrerar inte längre licenser här.`,
  "admins.still_slack_admin": (p) =>
    `*${p.person}* är administratör eller ägare av arbetsytan i Slack och administrerar därför fortfarande licenser.`,
  "admins.unchanged": (p) => `Inget ändrades för *${p.person}*.`,
  // En omnämning inom backticks visas som sitt råa id, så bara orden runt den är kod.
  "request.admin_assigns": (p) =>
    `Du administrerar licenser, så det finns ingen att fråga: tilldela den själv med \`/license assign\` ${p.person} \`${p.key}\`.`,
  "request.filed": (p) =>
    `Bara licensadministratörer tilldelar licenser, så jag har bett dem ge *${p.product}* till *${p.person}*. Du får svar från mig i ett direktmeddelande.`,
} satisfies Messages<typeof english>;

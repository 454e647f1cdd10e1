import type { home as english } from "../en/home.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** Fliken Hem: administratörens översikt, en medlems egna licenser och begäranden, och dialogen för en begäran. */
export const home = {
  "home.header": () => "License Desk",
  "home.admin.bulk": () => "Massändring",
  "home.admin.products": () => "Produkter",

  "home.seats.header": () => "Licenser",
  "home.seats.line": (p) => `\`${p.bar}\` *${p.product}*: ${p.seats}`,
  "home.seats.none": () => "Det finns inga produkter än. En administratör kan importera en katalog.",
  "home.seats.summary": (p) =>
    `${count(p.products, nouns.product)} · ${p.full} utan lediga licenser · ` +
    `${p.available} av ${count(p.purchased, nouns.seat)} tillgängliga totalt`,
  "home.seats.more": (p) =>
    `…och ${count(p.count, nouns.product)} till med fler lediga licenser. \`/license status\` listar alla.`,

  "home.requests.header": (p) => `Väntande begäranden (${p.total})`,
  "home.requests.none": () => "Inga begäranden väntar.",
  "home.requests.line_self": (p) => `*${p.requester}* begär *${p.product}* · sedan ${p.date}`,
  "home.requests.line_other": (p) =>
    `*${p.requester}* begär *${p.product}* för *${p.person}* · sedan ${p.date}`,
  "home.requests.reason": (p) => `> ${p.reason}`,
  "home.requests.approve": () => "Godkänn",
  "home.requests.deny": () => "Avslå",
  "home.requests.more": (p) =>
    `…och ${count(p.count, { one: "begäran till", other: "begäranden till" })} väntar; de äldsta visas.`,

  "home.windows.header": (p) => `Information som raderas inom ${count(p.days, nouns.day)} (${p.total})`,
  "home.windows.none": (p) =>
    `Ingen information från en borttagen licens raderas inom ${count(p.days, nouns.day)}.`,
  "home.windows.line": (p) => `*${p.person}* · *${p.product}*: ${restorableUntil(p.date, p.daysLeft)}`,
  "home.windows.lost": (p) => `Förlorar: ${p.items}`,
  "home.windows.lost_none": () => "Förlorar ingen information.",
  "home.windows.lost.mailbox": (p) => `${p.service}: ${p.description} (${p.size})`,
  "home.windows.lost.devices": (p) => `${p.service}: ${p.description} (${count(p.devices, nouns.device)})`,
  "home.windows.lost.item": (p) => `${p.service}: ${p.description}`,
  "home.windows.restore": () => "Återställ",
  "home.windows.more": (p) =>
    `…och ${p.count} till som slutar senare. \`/license show @person\` listar en persons ångerperioder.`,

  "home.mailboxes.header": (p) => `Postlådor som låses inom ${count(p.days, nouns.day)} (${p.total})`,
  "home.mailboxes.none": (p) => `Ingen postlåda låses inom ${count(p.days, nouns.day)}.`,
  "home.mailboxes.line": (p) =>
    `*${p.address}* (${p.kind}): ${p.size} av kvoten ${p.quota}, utan licens · låses den ${p.date}`,
  "home.mailboxes.kind.resource": () => "resurspostlåda",
  "home.mailboxes.kind.room": () => "rumspostlåda",
  "home.mailboxes.kind.shared": () => "delad postlåda",
  "home.mailboxes.license": () => "Tilldela en licens",
  "home.mailboxes.more": (p) => `…och ${p.count} till. \`/license mailboxes\` listar alla postlådor.`,

  "home.member.intro": () =>
    "Dina licenser och begäranden. Behöver du en licens till? Be administratörerna om den här.",
  "home.member.request": () => "Begär en licens",
  "home.member.licenses.header": () => "Dina licenser",
  "home.member.licenses.none": () => "Du har inga licenser än.",
  "home.member.license": (p) => `*${p.product}*: ${p.services}`,
  "home.member.license_nothing_on": (p) => `*${p.product}*: inga tjänster påslagna`,
  "home.member.windows.header": () => "Kan fortfarande återställas",
  "home.member.window": (p) =>
    `*${p.product}*: borttagen; den ${restorableUntil(p.date)}. En administratör kan återställa den.`,
  "home.member.requests.header": () => "Dina begäranden",
  "home.member.requests.none": () => "Du har inte begärt någon licens.",
  "home.member.request.self": (p) => `*${p.product}*: ${p.status} · begärd den ${p.date}`,
  "home.member.request.other": (p) => `*${p.product}* för *${p.person}*: ${p.status} · begärd den ${p.date}`,
  "home.member.request.status.pending": () => "väntar på en administratör",
  "home.member.request.status.approved": () => "godkänd",
  "home.member.request.status.denied": () => "avslagen",
  "home.member.request.status.cancelled": () => "tillbakadragen",
  "home.member.request.status.expired": () => "gick ut utan beslut",
  "home.member.requests.more": (p) => `…och ${p.count} äldre.`,

  "home.request.title": () => "Begär en licens",
  "home.request.submit": () => "Skicka begäran",
  "home.request.cancel": () => "Avbryt",
  "home.request.product": () => "Produkt",
  "home.request.product_placeholder": () => "Välj en produkt",
  "home.request.product_typed_placeholder": () => "En produkts nyckel eller namn",
  "home.request.product_typed_hint": () =>
    "Nyckeln eller namnet, eller början av något av dem. /license status listar alla.",
  "home.request.reason": () => "Varför behöver du den?",
  "home.request.reason_hint": () => "Valfritt: administratörerna läser det när de beslutar.",
  "home.request.error.product": () => "Välj en produkt.",
  "home.request.filed": (p) =>
    `Jag har bett administratörerna om *${p.product}*. Du får svar från mig i ett direktmeddelande, och fliken Hem visar läget.`,
  "home.request.already_assigned": (p) =>
    `Du har redan *${p.product}*: fliken Hem i appen listar dina licenser.`,
  "home.request.duplicate": (p) =>
    `Du har redan begärt *${p.product}*; administratörerna har den, och du får svar i ett direktmeddelande.`,

  "home.restore.refused": () => "Bara licensadministratörer kan återställa licenser. Inget ändrades.",
} satisfies Messages<typeof english>;

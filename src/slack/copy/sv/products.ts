import type { products as english } from "../en/products.ts";
import type { Messages } from "../messages.ts";

/** `/license products`: dialogen som lägger till en produkt eller redigerar en. */
export const products = {
  "products.title": () => "Produkter",
  "products.next": () => "Nästa",
  "products.save": () => "Spara",
  "products.cancel": () => "Avbryt",
  "products.pick.label": () => "Produkt att redigera",
  "products.pick.new": () => "➕ En ny produkt",
  "products.pick.option": (p) => `${p.name} (${p.key})`,
  "products.pick.group": (p) => `Produkter ${p.from}–${p.to}`,
  "products.form.intro_new": () =>
    "En ny produkt. Dess nyckel är namnet den har i kommandon och katalogfiler.",
  "products.form.intro_edit": (p) => `*${p.name}*: ${p.seats}.`,
  "products.name": () => "Namn",
  "products.key": () => "Nyckel",
  "products.key.hint": () => "1–40 gemener, siffror eller bindestreck, som exchange-p1.",
  "products.seats": () => "Köpta licenser",
  "products.seats.hint": (p) =>
    p.assigned === 0
      ? "Inga är tilldelade."
      : `${p.assigned} är tilldelade; antalet kan inte bli lägre än så.`,
  "products.default": () => "Nya personer",
  "products.default.option": () => "Ge den till alla som går med i arbetsytan",
  "products.plans.header": () =>
    "*Tjänstplaner*: vad licensen slår på. Planer tas inte bort här, eftersom det skulle radera personers information.",
  "products.plans.more": (p) => `…och ${p.count} planer till, som inte visas här.`,
  "products.plan.name": (p) => `Planens namn (${p.kind})`,
  "products.plan.locations": (p) => `Där ${p.name} inte är tillgänglig`,
  "products.plan.locations.hint": () => "Landskoder, som CN, RU. Tomt: tillgänglig överallt.",
  "products.new_plan.header": () => "*Lägg till en tjänstplan*",
  "products.new_plan.header_required": () => "*Dess första tjänstplan*",
  "products.new_plan.kind": () => "Tjänst",
  "products.new_plan.name": () => "Planens namn",
  "products.new_plan.data": () => "Vilken information den sparar för en person",
  "products.new_plan.data.hint": () =>
    "Nämns i varningen om dataförlust, till exempel: postlådan och dess innehåll.",
  "products.new_plan.locations": () => "Där den inte är tillgänglig",
  "products.new_plan.install_limit": () => "Installationer per person",
  "products.new_plan.install_limit.hint": () =>
    "För Office-skrivbordsappar: Mac- eller PC-datorer per person, till exempel 5.",
  "products.kind.mailbox": () => "Postlåda (Exchange Online)",
  "products.kind.team_site": () => "Gruppwebbplats (SharePoint Online)",
  "products.kind.meetings": () => "Onlinemöten (Lync Online)",
  "products.kind.office_apps": () => "Office-skrivbordsappar",
  "products.error.name": () => "Ge den ett namn på högst 200 tecken.",
  "products.error.key": () =>
    "Använd 1–40 gemener, siffror eller bindestreck, som börjar med en bokstav eller siffra.",
  "products.error.seats": () => "Ange ett heltal för antalet licenser, 0 eller mer.",
  "products.error.locations": (p) => `Inte landskoder: ${p.codes}. Använd två bokstäver, som SE eller US.`,
  "products.error.kind": () => "Välj tjänsten som den här planen slår på.",
  "products.error.kind_required": () => "En ny produkt behöver en tjänstplan: välj dess tjänst.",
  "products.error.data": () => "Beskriv vilken information den sparar, med högst 300 tecken.",
  "products.error.install_limit": () => "Ange hur många installationer varje person får ha, 1 till 100.",
  "products.saved_new": (p) => `*${p.name}* är tillagd: ${p.seats}.`,
  "products.saved": (p) => `*${p.name}* är sparad: ${p.seats}.`,
  "products.invalid": (p) => `Det gick inte att spara: ${p.errors}`,
} satisfies Messages<typeof english>;

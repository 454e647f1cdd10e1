import type { auditSentences as english } from "../en/audit-sentences.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/**
 * Varje rad i granskningsloggen som en mening efter den som gjorde ändringen: vad som ändrades,
 * för vem och vilken produkt. Namnen kommer i fetstil och escapade; ett namn som loggen inte
 * längre hittar blir "någon" eller "en produkt".
 */
export const auditSentences = {
  "audit.someone": () => "någon",
  "audit.a_product": () => "en produkt",
  "audit.none": () => "inga",
  "audit.s.license.assigned": (p) =>
    `tilldelade ${p.product} till ${p.person}${p.skipped ? `; hoppade över ${p.skipped}` : ""}`,
  "audit.s.license.refused_by_tenant": (p) =>
    `bad Microsoft 365 att ${p.adding ? `tilldela ${p.product} till` : `ta bort ${p.product} från`} ${p.person}, ` +
    `och det nekades: ${p.reason}`,
  "audit.s.license.restored": (p) =>
    `gav tillbaka ${p.product} till ${p.person}, med informationen som sparats sedan borttagningen`,
  "audit.s.license.removed": (p) =>
    `tog bort ${p.product} från ${p.person}${p.until ? `; informationen kan återställas fram till ${p.until}` : "; ingen information sparades"}`,
  "audit.s.license.bulk_changed": (p) =>
    `ändrade licenserna för ${p.person} i en massändring: lade till ${p.added}; tog bort ${p.removed}`,
  "audit.s.bulk.applied": (p) =>
    `genomförde en massändring för ${count(p.people, nouns.person)} (ge ${p.add}; ta bort ${p.remove}): ` +
    `${count(p.added, nouns.license)} tillagda, ${p.removed} borttagna`,
  "audit.s.license.tenant_assigned": (p) =>
    `registrerade att ${p.person} fått ${p.product}${p.fromGroup ? " via en grupp" : ""}: ändrat i Microsoft 365, inte via License Desk`,
  "audit.s.license.tenant_removed": (p) =>
    `registrerade att ${p.product} tagits bort från ${p.person}: ändrat i Microsoft 365, inte via License Desk${p.until ? `; data kan återställas till ${p.until}` : "; inga data behölls"}`,
  "audit.s.product.gone": (p) =>
    `markerade ${p.product} som borttagen: Microsoft 365 har den inte längre, och dess historik behålls`,
  "audit.s.product.returned": (p) =>
    `markerade ${p.product} som tillgänglig igen: Microsoft 365 har den igen`,
  "audit.s.tenant.synced": (p) =>
    `synkroniserade med Microsoft 365: ${count(p.matched, nouns.person)} kopplade; ${count(p.added, nouns.license)} tilldelade och ${p.removed} borttagna där, inte via License Desk`,
  "audit.s.person.language_set": (p) => `ställde in ${p.person}s språk till ${p.language}`,
  "audit.s.workspace.default_language_set": (p) =>
    `ställde in arbetsytans standardspråk till ${p.after} (var ${p.before})`,
  "audit.s.product.created": (p) => `lade till produkten ${p.product}${p.seats}`,
  "audit.s.product.updated": (p) => `redigerade produkten ${p.product}${p.seats}`,
  "audit.s.product.seats": (p) =>
    p.before === null || p.before === p.after
      ? ` (${count(p.after, nouns.seat)} köpta)`
      : ` (köpta licenser ${p.before} → ${p.after})`,
  "audit.s.product.seats_changed": (p) =>
    `ändrade antalet köpta licenser för ${p.product} från ${p.before} till ${p.after}`,
  "audit.s.mailbox.licensed": (p) => `licensierade postlådan ${p.mailbox} med ${p.product}`,
  "audit.s.mailbox.size_recorded": (p) => `registrerade storleken på ${p.mailbox}: ${p.size}`,
  "audit.s.mailbox.person_size_recorded": (p) =>
    `registrerade storleken på postlådan för ${p.person}: ${p.size}`,
  "audit.s.mailbox.locked": (p) => `låste postlådan ${p.mailbox} (ingen licens)`,
  "audit.s.person.usage_location_set": (p) =>
    `ändrade användningsplatsen för ${p.person} till ${p.after} (var ${p.before})`,
  "audit.s.workspace.default_usage_location_set": (p) =>
    `ändrade arbetsytans standardanvändningsplats till ${p.after} (var ${p.before})`,
  "audit.s.catalog.defaults_set": (p) =>
    `valde produkterna som nya personer får: ${p.after} (var ${p.before})`,
  "audit.s.workspace.approvals_route_set": (p) => `valde vart begäranden skickas: ${p.where}`,
  "audit.s.workspace.approvals_route.channel": (p) => `kanalen <#${p.channel}>`,
  "audit.s.workspace.approvals_route.direct_messages": () => "varje administratörs direktmeddelanden",
  "audit.s.workspace.personal_notices_set": (p) =>
    p.on
      ? "slog på personliga aviseringar: personer får ett DM om vad de får och förlorar"
      : "slog av personliga aviseringar: personer får inte längre ett DM om vad de får och förlorar",
  "audit.s.person.deactivated": (p) =>
    `registrerade att ${p.person} har slutat; borttagna licenser: ${p.removed}`,
  "audit.s.person.reactivated": (p) => `registrerade att ${p.person} är tillbaka`,
  "audit.s.person.defaults_assigned": (p) => `gav ${p.person}, ny här, standardlicenserna: ${p.products}`,
  "audit.s.person.defaults_not_assigned": (p) =>
    `kunde inte ge ${p.person}, ny här, standardlicenserna: ${p.reason}`,
  "audit.s.admin.granted": (p) => `gjorde ${p.person} till licensadministratör`,
  "audit.s.admin.revoked": (p) => `tog bort rätten att administrera licenser från ${p.person}`,
  "audit.s.request.filed": (p) => `begärde ${p.product} för ${p.person}${p.reason ? `: ”${p.reason}”` : ""}`,
  "audit.s.request.approved": (p) =>
    `godkände begäran om ${p.product} för ${p.person}${p.note ? `: ”${p.note}”` : ""}`,
  "audit.s.request.denied": (p) =>
    `avslog begäran om ${p.product} för ${p.person}${p.note ? `: ”${p.note}”` : ""}`,
  "audit.s.request.cancelled": (p) => `drog tillbaka begäran om ${p.product} för ${p.person}`,
  "audit.s.request.expired": (p) => `lät begäran om ${p.product} för ${p.person} löpa ut, obeslutad`,
  "audit.s.request.decision_refused": (p) =>
    // The decision arrives as the English verb of the action; Swedish says it in its own words.
    `kunde inte ${p.decision === "deny" ? "avslå" : "godkänna"} begäran om ${p.product} för ${p.person}: ${p.reason}`,
  "audit.s.restore_window.purged": (p) =>
    `raderade för gott informationen som ${p.person} hade kvar från ${p.product}`,
  "audit.s.restore_window.reminders_stopped": (p) =>
    `lät informationen från ${p.product} för ${p.person} löpa ut: inga fler påminnelser om den`,
  "audit.s.device.registered": (p) => `registrerade enheten ${p.device} för ${p.product} hos ${p.person}`,
  "audit.s.device.unregistered": (p) => `tog bort enheten ${p.device} från ${p.product} hos ${p.person}`,
  "audit.s.workspace.deactivated": () =>
    "registrerade att License Desk avinstallerades från den här arbetsytan",
  "audit.s.workspace.reactivated": () => "registrerade att License Desk installerades igen",
  "audit.s.workspace.purged": (p) =>
    `raderade arbetsytans information, ${count(p.days, nouns.day)} efter att appen avinstallerades`,
  "audit.s.refused": (p) => `nekades ${p.attempted}${p.target ? ` för ${p.target}` : ""}. ${p.reason}`,
  "audit.s.unknown": () => "gjorde en ändring som den här versionen av License Desk inte kan beskriva",
  "audit.reason.FORGED_METADATA": () => "Formulärets dolda data kom inte från License Desk.",
  "audit.reason.UNKNOWN_TARGET": () => "Det gällde något som inte finns i den här arbetsytan.",
  "audit.reason.other": () => "Det var inte tillåtet.",
  "audit.attempt.assign": () => "att tilldela en licens",
  "audit.attempt.default_language": () => "att ange standardspråket",
  "audit.attempt.sync": () => "att synkronisera med Microsoft 365",
  "audit.attempt.restore": () => "att återställa en licens",
  "audit.attempt.remove": () => "att ta bort en licens",
  "audit.attempt.request": () => "att begära en licens",
  "audit.attempt.approve": () => "att godkänna en begäran",
  "audit.attempt.deny": () => "att avslå en begäran",
  "audit.attempt.bulk": () => "en massändring",
  "audit.attempt.mailbox": () => "att ändra en postlåda",
  "audit.attempt.seats": () => "att ändra antalet köpta licenser",
  "audit.attempt.catalog": () => "att ändra produkterna",
  "audit.attempt.location": () => "att ange en användningsplats",
  "audit.attempt.default_location": () => "att ange standardanvändningsplatsen",
  "audit.attempt.admins": () => "att ändra vem som är licensadministratör",
  "audit.attempt.audit": () => "att läsa granskningsloggen",
  "audit.attempt.device": () => "att ändra en enhet",
  "audit.attempt.expire": () => "att låta sparad information löpa ut",
  "audit.attempt.directory": () => "en katalogändring",
  "audit.attempt.other": () => "en åtgärd",
} satisfies Messages<typeof english>;

import type { tenant as english } from "../en/tenant.ts";
import type { Messages } from "../messages.ts";

/**
 * Anslutningen till Microsoft 365: avsnittet på appens startsida och dess formulär, `/license tenant`,
 * och varför en anslutning inte gick att göra, med namnen i administrationscentret för Microsoft Entra.
 */
export const tenant = {
  "tenant.problem.unknown_tenant": () =>
    "Microsoft känner inte till den organisationen: kontrollera katalog-ID:t (klient-ID för organisationen).",
  "tenant.problem.unknown_app": () =>
    "Organisationen har ingen app med det program-ID. Kontrollera det, och att appen är registrerad i den här organisationen.",
  "tenant.problem.wrong_secret": () =>
    "Klienthemligheten är fel: kopiera hemlighetens *Värde* (inte dess hemlighets-ID) från Certifikat och hemligheter.",
  "tenant.problem.secret_expired": () =>
    "Klienthemligheten har gått ut: lägg till en ny under Certifikat och hemligheter.",
  "tenant.problem.wrong_certificate": () =>
    "Organisationen godtar inte appens certifikat: ladda upp det under Certifikat och hemligheter.",
  "tenant.problem.permission_missing": () =>
    "Appen saknar en programbehörighet, eller så har ingen administratör gett medgivande till den.",
  "tenant.problem.unreachable": () =>
    "Microsofts inloggningstjänst eller Graph gick inte att nå; inget ändrades. Försök igen om en minut.",
  "tenant.problem.refused": () => "Microsoft nekade inloggningen.",
  "tenant.missing_permission": (p) =>
    `Lägg till programbehörigheten \`${p.permission}\` (Microsoft Graph) och tryck på *Bevilja administratörsmedgivande*.`,
  "tenant.their_words": (p) => `Microsoft svarade: _${p.message}_`,
  "tenant.field.tenantId": () =>
    "Katalog-ID (organisation): ett GUID, eller en domän som contoso.onmicrosoft.com.",
  "tenant.field.clientId": () => "Program-ID (klient): ett GUID som 11111111-2222-3333-4444-555555555555.",
  "tenant.field.secret": () =>
    "Klienthemlighet: hemlighetens värde, som det visades en gång när den lades till.",

  "tenant.home.title": () => "Microsoft 365",
  "tenant.home.optional": () => "Valfritt",
  "tenant.home.none": () =>
    "Inte ansluten: License Desk håller licenserna själv. Anslut organisationen för att ändra dem där de verkligen finns.",
  "tenant.home.connected": (p) =>
    `Ansluten till organisationen \`${p.tenant}\` med appen \`${p.app}\` (${p.method}). \`/license tenant\` visar behörigheter och senaste synkronisering.`,
  "tenant.home.connect": () => "Anslut",
  "tenant.home.connect_settings": () => "Anslut med inställningarna",
  "tenant.home.settings_hint": (p) =>
    `Den här installationens inställningar anger organisationen \`${p.tenant}\` och appen \`${p.app}\`: ett klick ansluter.`,
  "tenant.home.disconnect": () => "Koppla från",
  "tenant.home.disconnect_confirm_title": () => "Koppla från Microsoft 365?",
  "tenant.home.disconnect_confirm": () =>
    "License Desk slutar ändra licenser i organisationen och håller dem själv. Den sparade klienthemligheten raderas.",

  "tenant.modal.title": () => "Anslut Microsoft 365",
  "tenant.modal.intro": () =>
    "Från appregistreringen i administrationscentret för Microsoft Entra (se README, *Connecting Microsoft 365*). License Desk loggar in och läser organisationens produkter innan något sparas.",
  "tenant.modal.tenant": () => "Katalog-ID (organisation)",
  "tenant.modal.client": () => "Program-ID (klient)",
  "tenant.modal.secret": () => "Klienthemlighet (värde)",
  "tenant.modal.secret_hint": () => "Sparas krypterad; visas aldrig igen.",
  "tenant.modal.connect": () => "Anslut",
  "tenant.modal.cancel": () => "Avbryt",

  "tenant.connected": (p) =>
    `:white_check_mark: Ansluten till Microsoft 365-organisationen \`${p.tenant}\` med appen \`${p.app}\`: inloggad, och ${p.products === 1 ? "1 produkt" : `${p.products} produkter`} lästa.`,
  "tenant.disconnected": (p) =>
    `Frånkopplad från Microsoft 365-organisationen \`${p.tenant}\` (appen \`${p.app}\`). License Desk håller licenserna själv igen.`,

  "tenant.status.none": () =>
    "Den här arbetsytan är inte ansluten till Microsoft 365: License Desk håller licenserna själv.",
  "tenant.status.connected_member": () => "Den här arbetsytans licenser finns i Microsoft 365.",
  "tenant.status.header": () => "*Microsoft 365*",
  "tenant.status.connection": (p) =>
    `Organisation \`${p.tenant}\`, app \`${p.app}\`, ${p.method}. Ansluten av <@${p.by}> ${p.at}.`,
  "tenant.method.stored_secret": () => "loggar in med klienthemligheten som angavs på startsidan",
  "tenant.method.settings_secret": () => "loggar in med klienthemligheten i installationens inställningar",
  "tenant.method.settings_certificate": () => "loggar in med certifikatet i installationens inställningar",
  "tenant.status.permissions": () => "*Behörigheter*",
  "tenant.status.permission_granted": (p) =>
    p.grantedAs === p.permission
      ? `:white_check_mark: \`${p.permission}\`: ${p.need}`
      : `:white_check_mark: \`${p.permission}\` (beviljad som \`${p.grantedAs}\`): ${p.need}`,
  "tenant.status.permission_missing": (p) => `:x: \`${p.permission}\` saknas: ${p.need}`,
  "tenant.status.permission_optional": (p) =>
    `:white_circle: \`${p.permission}\` inte beviljad (valfri): ${p.need}`,
  "tenant.status.missing_summary": (p) =>
    `Saknas: ${p.permissions}. Lägg till dem i administrationscentret för Microsoft Entra (API-behörigheter, Microsoft Graph, Programbehörigheter) och tryck på *Bevilja administratörsmedgivande*.`,
  "tenant.status.no_sign_in": (p) => `Kunde inte logga in för att läsa behörigheterna. ${p.problem}`,
  "tenant.status.sync_header": () => "*Senaste synkronisering*",
  "tenant.status.never_synced": () => "Inte synkroniserad än.",
  "tenant.status.synced": (p) => `:white_check_mark: ${p.at}`,
  "tenant.status.sync_failed": (p) => `:warning: ${p.at}, misslyckades: ${p.error}`,
  "tenant.status.summary_item": (p) => `${p.what}: ${p.count}`,
  "tenant.status.member_sync": (p) =>
    p.ok
      ? `Senast synkroniserad ${p.at}.`
      : `Den senaste synkroniseringen, ${p.at}, fungerade inte; administratörerna kan se varför.`,

  "tenant.need.licenses": () => "tilldela och ta bort licenser",
  "tenant.need.people": () => "läsa personer, deras användningsplatser och licenser",
  "tenant.need.locations": () => "ange personers användningsplatser i organisationen",

  "audit.s.tenant.connected": (p) =>
    `anslöt Microsoft 365-organisationen \`${p.tenant}\` med appen \`${p.app}\` (${p.method})`,
  "audit.s.tenant.disconnected": (p) =>
    `kopplade från Microsoft 365-organisationen \`${p.tenant}\` (appen \`${p.app}\`)`,
  "audit.attempt.tenant": () => "att ansluta Microsoft 365",
} satisfies Messages<typeof english>;

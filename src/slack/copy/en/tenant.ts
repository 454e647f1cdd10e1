type Tenant = { tenant: string; app: string };

/**
 * The Microsoft 365 connection: App Home's section and its modal, `/license tenant`, and why a
 * connection could not be made, in the admin's terms (the Entra admin center's names).
 */
export const tenant = {
  "tenant.problem.unknown_tenant": () =>
    "Microsoft does not know that tenant: check the Directory (tenant) ID.",
  "tenant.problem.unknown_app": () =>
    "That tenant has no app with that Application (client) ID: check it, and that the app is registered in this tenant.",
  "tenant.problem.wrong_secret": () =>
    "The client secret is wrong: copy the secret's *Value* (not its Secret ID) from Certificates & secrets.",
  "tenant.problem.secret_expired": () =>
    "The client secret has expired: add a new one under Certificates & secrets.",
  "tenant.problem.wrong_certificate": () =>
    "The tenant does not accept the app's certificate: upload it under Certificates & secrets.",
  "tenant.problem.permission_missing": () =>
    "The app is missing an application permission, or an admin has not granted consent for it.",
  "tenant.problem.unreachable": () =>
    "Microsoft's sign-in service or Graph could not be reached; nothing was changed. Try again in a minute.",
  "tenant.problem.refused": () => "Microsoft refused the sign-in.",
  "tenant.missing_permission": (p: { permission: string }) =>
    `Add the application permission \`${p.permission}\` (Microsoft Graph) and press *Grant admin consent*.`,
  "tenant.their_words": (p: { message: string }) => `Microsoft said: _${p.message}_`,
  "tenant.field.tenantId": () => "Directory (tenant) ID: a GUID, or a domain like contoso.onmicrosoft.com.",
  "tenant.field.clientId": () => "Application (client) ID: a GUID like 11111111-2222-3333-4444-555555555555.",
  "tenant.field.secret": () => "Client secret: the secret's value, as shown once when it was added.",

  // App Home
  "tenant.home.title": () => "Microsoft 365",
  "tenant.home.optional": () => "Optional",
  "tenant.home.none": () =>
    "Not connected: License Desk keeps the licenses itself. Connect the tenant to change them where they really live.",
  "tenant.home.connected": (p: Tenant & { method: string }) =>
    `Connected to tenant \`${p.tenant}\` with app \`${p.app}\` (${p.method}). \`/license tenant\` shows its permissions and last sync.`,
  "tenant.home.connect": () => "Connect",
  "tenant.home.connect_settings": () => "Connect with the settings",
  "tenant.home.settings_hint": (p: Tenant) =>
    `This installation's settings name tenant \`${p.tenant}\` and app \`${p.app}\`: one click connects it.`,
  "tenant.home.disconnect": () => "Disconnect",
  "tenant.home.disconnect_confirm_title": () => "Disconnect Microsoft 365?",
  "tenant.home.disconnect_confirm": () =>
    "License Desk will stop changing licenses in the tenant and keep them itself. The stored client secret is deleted.",

  // The connect modal
  "tenant.modal.title": () => "Connect Microsoft 365",
  "tenant.modal.intro": () =>
    "From the app registration in the Microsoft Entra admin center (see the README, *Connecting Microsoft 365*). License Desk signs in and reads the tenant's products before it keeps anything.",
  "tenant.modal.tenant": () => "Directory (tenant) ID",
  "tenant.modal.client": () => "Application (client) ID",
  "tenant.modal.secret": () => "Client secret (value)",
  "tenant.modal.secret_hint": () => "Kept encrypted; never shown again.",
  "tenant.modal.connect": () => "Connect",
  "tenant.modal.cancel": () => "Cancel",

  // The outcome of connecting and disconnecting
  "tenant.connected": (p: Tenant & { products: number }) =>
    `:white_check_mark: Connected to Microsoft 365 tenant \`${p.tenant}\` with app \`${p.app}\`: signed in, and read ${p.products === 1 ? "1 product" : `${p.products} products`}.`,
  "tenant.disconnected": (p: Tenant) =>
    `Disconnected from Microsoft 365 tenant \`${p.tenant}\` (app \`${p.app}\`). License Desk keeps the licenses itself again.`,

  // /license tenant
  "tenant.status.none": () =>
    "This workspace is not connected to Microsoft 365: License Desk keeps the licenses itself.",
  "tenant.status.connected_member": () => "This workspace's licenses live in Microsoft 365.",
  "tenant.status.header": () => "*Microsoft 365*",
  "tenant.status.connection": (p: Tenant & { method: string; by: string; at: string }) =>
    `Tenant \`${p.tenant}\`, app \`${p.app}\`, ${p.method}. Connected by <@${p.by}> on ${p.at}.`,
  "tenant.method.stored_secret": () => "signing in with the client secret entered in App Home",
  "tenant.method.settings_secret": () => "signing in with the client secret in this installation's settings",
  "tenant.method.settings_certificate": () =>
    "signing in with the certificate in this installation's settings",
  "tenant.status.permissions": () => "*Permissions found*",
  "tenant.status.permission_granted": (p: { permission: string; need: string; grantedAs: string }) =>
    p.grantedAs === p.permission
      ? `:white_check_mark: \`${p.permission}\`: ${p.need}`
      : `:white_check_mark: \`${p.permission}\` (granted as \`${p.grantedAs}\`): ${p.need}`,
  "tenant.status.permission_missing": (p: { permission: string; need: string }) =>
    `:x: \`${p.permission}\` is missing: ${p.need}`,
  "tenant.status.permission_optional": (p: { permission: string; need: string }) =>
    `:white_circle: \`${p.permission}\` not granted (optional): ${p.need}`,
  "tenant.status.missing_summary": (p: { permissions: string }) =>
    `Missing: ${p.permissions}. Add them in the Microsoft Entra admin center (API permissions, Microsoft Graph, Application permissions) and press *Grant admin consent*.`,
  "tenant.status.no_sign_in": (p: { problem: string }) =>
    `Could not sign in to read the permissions. ${p.problem}`,
  "tenant.status.sync_header": () => "*Last sync*",
  "tenant.status.never_synced": () => "Not synced yet.",
  "tenant.status.synced": (p: { at: string }) => `:white_check_mark: ${p.at}`,
  "tenant.status.sync_failed": (p: { at: string; error: string }) => `:warning: ${p.at}, failed: ${p.error}`,
  "tenant.status.summary_item": (p: { what: string; count: number }) => `${p.what}: ${p.count}`,
  "tenant.status.member_sync": (p: { at: string; ok: boolean }) =>
    p.ok ? `Last synced ${p.at}.` : `The last sync, ${p.at}, did not work; the admins can see why.`,

  // What each permission is for
  "tenant.need.licenses": () => "assign and remove licenses",
  "tenant.need.people": () => "read people, their usage locations and licenses",
  "tenant.need.locations": () => "set people's usage locations in the tenant",

  // Audit
  "audit.s.tenant.connected": (p: Tenant & { method: string }) =>
    `connected Microsoft 365 tenant \`${p.tenant}\` with app \`${p.app}\` (${p.method})`,
  "audit.s.tenant.disconnected": (p: Tenant) =>
    `disconnected Microsoft 365 tenant \`${p.tenant}\` (app \`${p.app}\`)`,
  "audit.attempt.tenant": () => "connecting Microsoft 365",
} as const satisfies Record<string, (p: never) => string>;

import type { TenantAppField } from "../licensing/failure-details.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A verified domain, e.g. contoso.onmicrosoft.com: letters, digits and hyphens between dots. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Entra's secrets are about 40 characters; far past that is a paste gone wrong, not a secret. */
export const SECRET_MAX = 256;

export interface TenantAppInput {
  tenantId: string;
  clientId: string;
  secret: string;
}

/**
 * An app registration as typed: the tenant is its id (a GUID) or one of its domains, the app its
 * id (a GUID), the secret a line of printable characters. Trimmed, ids lower-cased; or the fields
 * that cannot be what they say. The same check for the modal's fields and inside the use case.
 */
export function readTenantApp(
  input: TenantAppInput,
): { ok: true; app: TenantAppInput } | { ok: false; fields: TenantAppField[] } {
  const tenantId = input.tenantId.trim().toLowerCase();
  const clientId = input.clientId.trim().toLowerCase();
  const secret = input.secret.trim();
  const fields: TenantAppField[] = [];
  if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) fields.push("tenantId");
  if (!GUID.test(clientId)) fields.push("clientId");
  if (secret === "" || secret.length > SECRET_MAX || !/^[\x21-\x7e]+$/.test(secret)) fields.push("secret");
  return fields.length > 0 ? { ok: false, fields } : { ok: true, app: { tenantId, clientId, secret } };
}

/**
 * The application permissions License Desk needs in a Microsoft 365 tenant, least privilege first,
 * and what the app was granted, read from its access token. A permission Microsoft names as
 * higher privileged for the same calls counts as granting it (graph/api/*: "Higher privileged
 * permissions"), so an app given Directory.ReadWrite.All is not told it lacks User.Read.All.
 */
export type PermissionNeed = "licenses" | "people" | "locations";

export interface NeededPermission {
  need: PermissionNeed;
  /** The least privileged permission for it: the one an admin should grant. */
  permission: string;
  /** Without it License Desk still runs, and says so where it is needed. */
  optional: boolean;
  /** Every permission that allows the calls, the least privileged first. */
  allowedBy: string[];
}

export const NEEDED_PERMISSIONS: readonly NeededPermission[] = [
  {
    need: "licenses",
    permission: "LicenseAssignment.ReadWrite.All",
    optional: false,
    allowedBy: ["LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
  },
  {
    need: "people",
    permission: "User.Read.All",
    optional: false,
    allowedBy: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  },
  {
    need: "locations",
    permission: "User.ReadWrite.All",
    optional: true,
    allowedBy: ["User.ReadWrite.All", "Directory.ReadWrite.All"],
  },
];

export interface PermissionCheck extends NeededPermission {
  /** The granted permission that allows it, or null when none does. */
  grantedAs: string | null;
}

/** Each needed permission against the roles granted. */
export function checkPermissions(roles: readonly string[]): PermissionCheck[] {
  return NEEDED_PERMISSIONS.map((needed) => ({
    ...needed,
    grantedAs: needed.allowedBy.find((permission) => roles.includes(permission)) ?? null,
  }));
}

/** The required permissions none of the roles allows. */
export function missingRequired(roles: readonly string[]): string[] {
  return checkPermissions(roles)
    .filter((check) => !check.optional && check.grantedAs === null)
    .map((check) => check.permission);
}

/**
 * The app's roles from the `roles` claim of its access token (a JWT). Only read, never verified:
 * the token came straight from the sign-in host over TLS, and Graph is the one that checks it.
 * A token that is not a JWT, or has no roles, grants none.
 */
export function rolesInAccessToken(token: string): string[] {
  const payload = token.split(".")[1];
  if (!payload) return [];
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const roles = (claims as { roles?: unknown } | null)?.roles;
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === "string") : [];
  } catch {
    return [];
  }
}

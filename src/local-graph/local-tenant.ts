import type {
  AssignedLicense,
  LicenseAssignmentState,
  SubscribedSku,
  User,
} from "@microsoft/microsoft-graph-types";
import { answer, type GraphAnswer, graphFailure, graphMessages } from "./graph-answer.ts";

export interface LocalSku {
  skuId: string;
  skuPartNumber: string;
  appliesTo?: "User" | "Company";
  capabilityStatus?: "Enabled" | "Warning" | "Suspended" | "Deleted" | "LockedOut";
  prepaidUnits: { enabled: number; suspended?: number; warning?: number; lockedOut?: number };
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

export interface LocalUser {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName: string;
  usageLocation?: string | null;
  accountEnabled?: boolean;
  /** Licenses assigned to the person directly: skuId → its disabled plans. */
  licenses?: { skuId: string; disabledPlans?: string[] }[];
}

export interface LocalGroup {
  id: string;
  displayName: string;
  /** Products every member gets from the group (group-based licensing). */
  skuIds: string[];
  memberIds: string[];
}

interface UserRecord {
  user: Omit<LocalUser, "licenses">;
  direct: Map<string, string[]>;
  /** The tenant's change counter when this user last changed: what delta compares with. */
  version: number;
  deleted: boolean;
}

interface AssignLicenseBody {
  addLicenses?: { skuId?: unknown; disabledPlans?: unknown }[];
  removeLicenses?: unknown[];
}

/**
 * A Microsoft 365 tenant's licensing as Graph shows it: products whose consumed units move with
 * assignments, people licensed directly or through groups, and assignLicense's rules. All or
 * nothing, as Graph is: a refused call changes nothing.
 */
export class LocalTenant {
  private readonly skus = new Map<string, LocalSku>();
  private readonly users = new Map<string, UserRecord>();
  private readonly groups = new Map<string, LocalGroup>();
  /** Each person's groups, worked out once: groups do not change, and seats are counted per call. */
  private readonly groupsByMember = new Map<string, LocalGroup[]>();
  private changes = 0;

  constructor(init: { skus?: LocalSku[]; users?: LocalUser[]; groups?: LocalGroup[] } = {}) {
    for (const sku of init.skus ?? []) this.addSku(sku);
    for (const user of init.users ?? []) this.addUser(user);
    for (const group of init.groups ?? []) this.groups.set(group.id, { ...group });
    for (const group of this.groups.values()) {
      for (const id of group.memberIds) this.groupsByMember.set(id, [...this.groupsOf(id), group]);
    }
  }

  addSku(sku: LocalSku): void {
    // Graph's GUIDs are compared without regard to case; the stand-in keeps them lowercase.
    this.skus.set(sku.skuId.toLowerCase(), { ...structuredClone(sku), skuId: sku.skuId.toLowerCase() });
  }

  addUser(user: LocalUser): void {
    const { licenses, ...rest } = user;
    const direct = new Map(
      (licenses ?? []).map((l) => [l.skuId.toLowerCase(), l.disabledPlans ?? []] as const),
    );
    this.users.set(user.id, { user: { ...rest }, direct, version: ++this.changes, deleted: false });
  }

  /** A change made in the tenant directly, not through the app (drift). */
  updateUser(id: string, change: Partial<Omit<LocalUser, "id" | "licenses">>): void {
    const record = this.users.get(id);
    if (!record) throw new Error(`no user ${id}`);
    Object.assign(record.user, change);
    record.version = ++this.changes;
  }

  deleteUser(id: string): void {
    const record = this.users.get(id);
    if (!record) throw new Error(`no user ${id}`);
    record.deleted = true;
    record.version = ++this.changes;
  }

  /** The counter delta tokens are made of: a deltaLink read now reports what changes after this. */
  version(): number {
    return this.changes;
  }

  skuList(): SubscribedSku[] {
    return [...this.skus.values()].map((sku) => ({
      id: `tenant_${sku.skuId}`,
      skuId: sku.skuId,
      skuPartNumber: sku.skuPartNumber,
      appliesTo: sku.appliesTo ?? "User",
      capabilityStatus: sku.capabilityStatus ?? "Enabled",
      consumedUnits: this.consumed(sku.skuId),
      prepaidUnits: { suspended: 0, warning: 0, lockedOut: 0, ...sku.prepaidUnits },
      servicePlans: sku.servicePlans.map((plan) => ({
        ...plan,
        provisioningStatus: "Success",
        appliesTo: "User",
      })),
    }));
  }

  /** Live users in creation order, as Graph pages them. */
  userIds(): string[] {
    return [...this.users.entries()].filter(([, r]) => !r.deleted).map(([id]) => id);
  }

  /** Users changed after `since` (deleted ones included, flagged), in the order they changed. */
  changedSince(since: number): { id: string; deleted: boolean }[] {
    return [...this.users.entries()]
      .filter(([, r]) => r.version > since)
      .sort(([, a], [, b]) => a.version - b.version)
      .map(([id, r]) => ({ id, deleted: r.deleted }));
  }

  /** The full user as Graph would return it with every property selected; undefined if unknown or deleted. */
  userJson(id: string): User | undefined {
    const record = this.users.get(id);
    if (!record || record.deleted) return undefined;
    const fromGroups = this.groupsOf(id);
    const assigned = new Map<string, AssignedLicense>();
    const states: LicenseAssignmentState[] = [];
    for (const [skuId, disabledPlans] of record.direct) {
      assigned.set(skuId, { skuId, disabledPlans });
      states.push({ skuId, assignedByGroup: null, disabledPlans, state: "Active", error: "None" });
    }
    for (const group of fromGroups) {
      for (const skuId of group.skuIds) {
        if (!assigned.has(skuId)) assigned.set(skuId, { skuId, disabledPlans: [] });
        states.push({ skuId, assignedByGroup: group.id, disabledPlans: [], state: "Active", error: "None" });
      }
    }
    return {
      id,
      displayName: record.user.displayName,
      mail: record.user.mail ?? null,
      userPrincipalName: record.user.userPrincipalName,
      usageLocation: record.user.usageLocation ?? null,
      accountEnabled: record.user.accountEnabled ?? true,
      assignedLicenses: [...assigned.values()],
      licenseAssignmentStates: states,
    };
  }

  /** POST /users/{id}/assignLicense (graph/api/user-assignlicense). */
  assignLicense(userId: string, body: unknown): GraphAnswer {
    const record = this.users.get(userId);
    if (!record || record.deleted) {
      return graphFailure(404, "Request_ResourceNotFound", graphMessages.unknownResource(userId));
    }
    const parsed = parseAssignBody(body);
    if (typeof parsed === "string") return graphFailure(400, "Request_BadRequest", parsed);
    const { add, remove } = parsed;
    for (const skuId of [...add.map((a) => a.skuId), ...remove]) {
      if (!this.skus.has(skuId))
        return graphFailure(400, "Request_BadRequest", graphMessages.unknownSku(skuId));
    }
    if (add.length > 0 && !record.user.usageLocation) {
      return graphFailure(400, "Request_BadRequest", graphMessages.invalidUsageLocation);
    }
    const inherited = new Set(this.groupsOf(userId).flatMap((g) => g.skuIds));
    for (const skuId of remove) {
      if (record.direct.has(skuId)) continue;
      const message = inherited.has(skuId) ? graphMessages.inheritedFromGroup : graphMessages.notHeld;
      return graphFailure(400, "Request_BadRequest", message);
    }
    for (const { skuId } of add) {
      const holds = record.direct.has(skuId) || inherited.has(skuId);
      const sku = this.skus.get(skuId) as LocalSku;
      if (!holds && this.consumed(skuId) >= sku.prepaidUnits.enabled) {
        return graphFailure(400, "Request_BadRequest", graphMessages.noSeats(skuId));
      }
    }
    for (const skuId of remove) record.direct.delete(skuId);
    for (const { skuId, disabledPlans } of add) record.direct.set(skuId, disabledPlans);
    record.version = ++this.changes;
    return answer(this.userJson(userId));
  }

  private groupsOf(userId: string): LocalGroup[] {
    return this.groupsByMember.get(userId) ?? [];
  }

  /** A person holding a product directly and through a group takes one seat, as in Microsoft 365. */
  private consumed(skuId: string): number {
    let count = 0;
    for (const [id, record] of this.users) {
      if (record.deleted) continue;
      if (record.direct.has(skuId) || this.groupsOf(id).some((g) => g.skuIds.includes(skuId))) count++;
    }
    return count;
  }
}

function parseAssignBody(
  body: unknown,
): { add: { skuId: string; disabledPlans: string[] }[]; remove: string[] } | string {
  if (typeof body !== "object" || body === null) return "Empty Payload. JSON content expected.";
  const { addLicenses, removeLicenses } = body as AssignLicenseBody;
  if (!Array.isArray(addLicenses) || !Array.isArray(removeLicenses)) {
    return "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: addLicenses, removeLicenses.";
  }
  const add: { skuId: string; disabledPlans: string[] }[] = [];
  for (const license of addLicenses) {
    if (typeof license?.skuId !== "string")
      return "Invalid value specified for property 'skuId' of resource 'AssignedLicense'.";
    const plans = Array.isArray(license.disabledPlans)
      ? license.disabledPlans.filter((p) => typeof p === "string")
      : [];
    add.push({ skuId: license.skuId.toLowerCase(), disabledPlans: plans as string[] });
  }
  const remove = removeLicenses
    .filter((id): id is string => typeof id === "string")
    .map((id) => id.toLowerCase());
  return { add, remove };
}

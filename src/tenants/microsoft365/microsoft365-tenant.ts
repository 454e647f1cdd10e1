import type { SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import { type BatchResult, sendBatch } from "../../graph/graph-batch.ts";
import type { GraphClient } from "../../graph/graph-client.ts";
import { GraphError } from "../../graph/graph-error.ts";
import type {
  ChangeOutcome,
  LicenseChange,
  PersonChange,
  TenantChanges,
  TenantPort,
  UsageLocationOutcome,
} from "../tenant-port.ts";
import {
  PERSON_PROPERTIES,
  refusalOf,
  toTenantPerson,
  toTenantProduct,
  usageLocationOutcomeOf,
} from "./graph-mapping.ts";

/** A Microsoft 365 tenant through Graph: the licenses live there, and every change is made there. */
export function microsoft365Tenant(client: GraphClient): TenantPort {
  return {
    kind: "microsoft365",

    async readProducts() {
      const { items } = await client.collect<SubscribedSku>("/subscribedSkus");
      // Company-wide products (appliesTo Company) cannot be given to a person.
      return items.filter((sku) => sku.appliesTo === "User").map(toTenantProduct);
    },

    async readPeople() {
      const { items } = await client.collect<User>(`/users?$select=${PERSON_PROPERTIES}&$top=999`);
      return items.map(toTenantPerson);
    },

    async applyChanges(changes: LicenseChange[]): Promise<ChangeOutcome[]> {
      let results: BatchResult[];
      try {
        results = await sendBatch(
          client,
          changes.map((change) => ({
            method: "POST",
            url: `/users/${encodeURIComponent(change.personId)}/assignLicense`,
            body: {
              addLicenses: change.add.map((a) => ({
                skuId: a.productId,
                disabledPlans: a.disabledServiceIds ?? [],
              })),
              removeLicenses: change.remove,
            },
          })),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return changes.map((change) => ({ outcome: "unreachable", change, message }));
      }
      return results.map((result, i): ChangeOutcome => {
        const change = changes[i] as LicenseChange;
        if (result.ok) return { outcome: "applied", change };
        const reason = refusalOf(result.error);
        return reason
          ? { outcome: "refused", change, reason, message: result.error.graphMessage }
          : { outcome: "unreachable", change, message: result.error.message };
      });
    },

    async setUsageLocation(personId: string, location: string): Promise<UsageLocationOutcome> {
      try {
        await client.request("PATCH", `/users/${encodeURIComponent(personId)}`, { usageLocation: location });
        return { outcome: "applied", personId, location };
      } catch (error) {
        if (error instanceof GraphError) return usageLocationOutcomeOf(error);
        return { outcome: "unreachable", message: error instanceof Error ? error.message : String(error) };
      }
    },

    async readChangesSince(cursor: string | null): Promise<TenantChanges> {
      const start = cursor ?? `/users/delta?$select=${PERSON_PROPERTIES}`;
      const { items, deltaLink } = await client.collect<User & { "@removed"?: unknown }>(start);
      if (!deltaLink) throw new Error("Graph ended a users/delta round without a deltaLink");
      return { changes: items.map(toPersonChange), cursor: deltaLink };
    },
  };
}

/** Delta sends only what changed: a property left out did not change, and stays unset here. */
function toPersonChange(user: User & { "@removed"?: unknown }): PersonChange {
  const id = user.id ?? "";
  if (user["@removed"] !== undefined) return { kind: "removed", personId: id };
  const person: Extract<PersonChange, { kind: "changed" }>["person"] = { id };
  if (user.displayName !== undefined) person.displayName = user.displayName ?? "";
  if (user.mail !== undefined) person.email = user.mail;
  if (user.userPrincipalName !== undefined) person.userPrincipalName = user.userPrincipalName ?? "";
  if (user.usageLocation !== undefined) person.usageLocation = user.usageLocation;
  if (user.accountEnabled !== undefined) person.accountEnabled = user.accountEnabled ?? true;
  if (user.assignedLicenses !== undefined) {
    person.productIds = (user.assignedLicenses ?? []).map((l) => (l.skuId ?? "").toLowerCase());
  }
  return { kind: "changed", person };
}

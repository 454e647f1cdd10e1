import type {
  ChangeOutcome,
  LicenseChange,
  TenantChanges,
  TenantPort,
  UsageLocationOutcome,
} from "./tenant-port.ts";

/**
 * No tenant: License Desk is the record (today's behaviour, and the default). There is nothing
 * outside it to read, every change (a usage location too) is already made by writing the record,
 * and nothing changes anywhere else, so there is never anything to pick up.
 */
export function noneTenant(): TenantPort {
  return {
    kind: "none",
    readProducts: async () => [],
    readPeople: async () => [],
    applyChanges: async (changes: LicenseChange[]): Promise<ChangeOutcome[]> =>
      changes.map((change) => ({ outcome: "applied", change })),
    setUsageLocation: async (personId: string, location: string): Promise<UsageLocationOutcome> => ({
      outcome: "applied",
      personId,
      location,
    }),
    readChangesSince: async (cursor: string | null): Promise<TenantChanges> => ({
      changes: [],
      cursor: cursor ?? NONE_CURSOR,
    }),
  };
}

/** The one cursor of a record that never changes from outside. */
const NONE_CURSOR = "none";

import type { Database } from "../../db/client.ts";
import type { Clock } from "../clock.ts";
import { getDefaultUsageLocation } from "../workspaces/get-default-usage-location.ts";
import type { Limited } from "./limited.ts";
import { type EndingWindowRow, listEndingWindows } from "./list-ending-windows.ts";
import { listLowSeatProducts, type SeatOverview } from "./list-low-seat-products.ts";
import { listMailboxesNearLock, type MailboxNearLockRow } from "./list-mailboxes-near-lock.ts";
import { listPendingRequests, type PendingRequestRow } from "./list-pending-requests.ts";

/** How many rows of each list a dashboard shows; the rest are counted, not read. */
export interface AdminHomeLimits {
  products: number;
  requests: number;
  windows: number;
  mailboxes: number;
}

/** Restore windows and mailbox locks within this many days are "soon". */
export const SOON_DAYS = 7;

export interface AdminHome {
  seats: SeatOverview;
  requests: Limited<PendingRequestRow>;
  windows: Limited<EndingWindowRow>;
  mailboxes: Limited<MailboxNearLockRow>;
  soonDays: number;
  /** Where people without a usage location of their own are taken to be (rule 4); null when unset. */
  defaultUsageLocation: string | null;
}

/** What needs an admin's attention: seats, waiting requests, data about to go, mailboxes about to lock. */
export async function getAdminHome(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; limits: AdminHomeLimits },
): Promise<AdminHome> {
  const { workspaceId, limits } = input;
  const [seats, requests, windows, mailboxes, defaultUsageLocation] = await Promise.all([
    listLowSeatProducts(db, { workspaceId, limit: limits.products }),
    listPendingRequests(db, clock, { workspaceId, limit: limits.requests }),
    listEndingWindows(db, clock, { workspaceId, days: SOON_DAYS, limit: limits.windows }),
    listMailboxesNearLock(db, clock, { workspaceId, days: SOON_DAYS, limit: limits.mailboxes }),
    getDefaultUsageLocation(db, { workspaceId }),
  ]);
  return { seats, requests, windows, mailboxes, soonDays: SOON_DAYS, defaultUsageLocation };
}

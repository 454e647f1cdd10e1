import type { ServicePlanKind } from "../db/schema/index.ts";
import { addDays } from "./clock.ts";

export interface ServiceSummary {
  key: string;
  name: string;
  kind: ServicePlanKind;
}

export interface DataAtRisk {
  service: ServiceSummary;
  description: string;
  /** Mailboxes: the mailbox's size. */
  mailboxSizeMb: number | null;
  /** Office: how many Macs or PCs lose their install. */
  devices: number;
}

/** The data-loss warning (rule 6): what a removal deletes, for whom, and when it is gone for good. */
export interface RemovalWarning {
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  removedAt: Date;
  goneForGoodAt: Date;
  restoreWindowDays: number;
  /**
   * Deleted for good at goneForGoodAt unless a product carrying the service is assigned again
   * before then. Services another product the person keeps still carries are not listed: their
   * data stays.
   */
  lost: DataAtRisk[];
  /** Outlives the removal (SharePoint documents). */
  survives: DataAtRisk[];
}

export interface WarningInput {
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  /** The person's data this removal puts at risk (see services-at-risk.ts). */
  atRisk: (DataAtRisk & { survivesRemoval: boolean })[];
  restoreWindowDays: number;
}

export function buildRemovalWarning(input: WarningInput, removedAt: Date): RemovalWarning {
  const item = ({ survivesRemoval: _, ...data }: WarningInput["atRisk"][number]): DataAtRisk => data;
  return {
    person: { id: input.person.id, name: input.person.name, slackUserId: input.person.slackUserId },
    product: { id: input.product.id, key: input.product.key, name: input.product.name },
    removedAt,
    goneForGoodAt: addDays(removedAt, input.restoreWindowDays),
    restoreWindowDays: input.restoreWindowDays,
    lost: input.atRisk.filter((d) => !d.survivesRemoval).map(item),
    survives: input.atRisk.filter((d) => d.survivesRemoval).map(item),
  };
}

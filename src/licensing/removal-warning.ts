import type { AssignmentContext } from "./assignment-context.ts";
import { addDays } from "./clock.ts";
import { type PlanInfo, planSummary } from "./service-plans.ts";

export interface DataAtRisk {
  service: ReturnType<typeof planSummary>;
  description: string;
  /** Mailbox plans: the mailbox's size. */
  mailboxSizeMb: number | null;
  /** Office plans: how many Macs or PCs lose their install. */
  devices: number;
}

/** The data-loss warning (rule 6): what a removal deletes, for whom, and when it is gone for good. */
export interface RemovalWarning {
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  removedAt: Date;
  goneForGoodAt: Date;
  restoreWindowDays: number;
  /** Deleted for good at goneForGoodAt unless the license is assigned again before then. */
  lost: DataAtRisk[];
  /** Outlives the removal (SharePoint documents). */
  survives: DataAtRisk[];
}

export interface WarningInput {
  person: { id: string; name: string; slackUserId: string };
  product: { id: string; key: string; name: string };
  plans: PlanInfo[];
  /** The person's service data for this product's plans. */
  serviceData: Pick<
    AssignmentContext["serviceData"][number],
    "planId" | "status" | "mailboxSizeMb" | "devices"
  >[];
  restoreWindowDays: number;
}

export function buildRemovalWarning(input: WarningInput, removedAt: Date): RemovalWarning {
  const lost: DataAtRisk[] = [];
  const survives: DataAtRisk[] = [];
  for (const plan of input.plans) {
    const data = input.serviceData.find((d) => d.planId === plan.id && d.status === "active");
    if (!data) continue;
    const item: DataAtRisk = {
      service: planSummary(plan),
      description: plan.dataDescription,
      mailboxSizeMb: data.mailboxSizeMb,
      devices: data.devices,
    };
    (plan.dataSurvivesRemoval ? survives : lost).push(item);
  }
  return {
    person: { id: input.person.id, name: input.person.name, slackUserId: input.person.slackUserId },
    product: { id: input.product.id, key: input.product.key, name: input.product.name },
    removedAt,
    goneForGoodAt: addDays(removedAt, input.restoreWindowDays),
    restoreWindowDays: input.restoreWindowDays,
    lost,
    survives,
  };
}

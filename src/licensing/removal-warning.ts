import type { AssignmentContext } from "./assignment-context.ts";
import { addDays } from "./clock.ts";
import { planSummary } from "./service-plans.ts";

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

export function buildRemovalWarning(ctx: AssignmentContext, removedAt: Date): RemovalWarning {
  const lost: DataAtRisk[] = [];
  const survives: DataAtRisk[] = [];
  for (const plan of ctx.plans) {
    const data = ctx.serviceData.find((d) => d.planId === plan.id && d.status === "active");
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
    person: { id: ctx.person.id, name: ctx.person.name, slackUserId: ctx.person.slackUserId },
    product: { id: ctx.product.id, key: ctx.product.key, name: ctx.product.name },
    removedAt,
    goneForGoodAt: addDays(removedAt, ctx.restoreWindowDays),
    restoreWindowDays: ctx.restoreWindowDays,
    lost,
    survives,
  };
}

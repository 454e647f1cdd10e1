import { z } from "zod";
import { type ServicePlanKind, servicePlanKind } from "../db/schema/index.ts";
import type { NothingRunsCase } from "./failure-details.ts";

export interface PlanInfo {
  id: string;
  key: string;
  name: string;
  kind: ServicePlanKind;
  dataDescription: string;
  dataSurvivesRemoval: boolean;
  unavailableLocations: string[];
  installLimit: number | null;
}

/** A plan as raw SQL reads it (a row, or an element of a json array). */
export const planInfoRow: z.ZodType<PlanInfo> = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(servicePlanKind.enumValues),
  dataDescription: z.string(),
  dataSurvivesRemoval: z.boolean(),
  unavailableLocations: z.array(z.string()),
  installLimit: z.number().nullable(),
});

export interface SkippedPlan {
  plan: PlanInfo;
  reason: "UNAVAILABLE_IN_LOCATION";
  location: string;
}

/** Rule 4: the person's usage location decides which of a product's services can be turned on. */
export function splitPlansByLocation(
  plans: PlanInfo[],
  location: string,
): { enabled: PlanInfo[]; skipped: SkippedPlan[] } {
  const enabled: PlanInfo[] = [];
  const skipped: SkippedPlan[] = [];
  for (const plan of plans) {
    if (plan.unavailableLocations.includes(location)) {
      skipped.push({ plan, reason: "UNAVAILABLE_IN_LOCATION", location });
    } else {
      enabled.push(plan);
    }
  }
  return { enabled, skipped };
}

export const planSummary = (plan: PlanInfo) => ({ key: plan.key, name: plan.name, kind: plan.kind });

/** A refusal's case (NOTHING_RUNS_IN_LOCATION): who, which product, and the services that cannot run where. */
export function nothingRunsCase(
  person: { id: string; name: string; slackUserId: string },
  product: { id: string; key: string; name: string },
  skipped: SkippedPlan[],
  location: string,
): NothingRunsCase {
  return {
    person: { id: person.id, name: person.name, slackUserId: person.slackUserId },
    product: { id: product.id, key: product.key, name: product.name },
    services: skipped.map((s) => s.plan.name),
    location,
  };
}

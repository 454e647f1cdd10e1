import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import {
  assignments,
  deviceInstalls,
  people,
  productServices,
  products,
  restoreWindows,
  serviceData,
  services,
  workspaces,
} from "../db/schema/index.ts";
import type { Clock } from "./clock.ts";
import { daysUntil } from "./clock.ts";
import { type Failure, fail, isUuid } from "./outcome.ts";
import { planSummary, splitPlansByLocation } from "./service-plans.ts";

type Service = ReturnType<typeof planSummary> & { mailboxSizeMb: number | null; devices: string[] };

export interface PersonLicenses {
  ok: true;
  person: { id: string; name: string; slackUserId: string; usageLocation: string | null; active: boolean };
  licenses: {
    product: { id: string; key: string; name: string };
    assignedAt: Date;
    enabled: Service[];
    skipped: (ReturnType<typeof planSummary> & { location: string })[];
  }[];
  openWindows: {
    windowId: string;
    product: { id: string; key: string; name: string };
    removedAt: Date;
    purgeAt: Date;
    daysLeft: number;
    retained: Service[];
  }[];
}

/** One person's products, services on and skipped (with why), and open restore windows with days left. */
export async function getPersonLicenses(
  db: Database,
  clock: Clock,
  input: { workspaceId: string; personId: string },
): Promise<PersonLicenses | Failure<"UNKNOWN_PERSON">> {
  if (!isUuid(input.personId)) return fail("UNKNOWN_PERSON");
  const [person] = await db
    .select({
      id: people.id,
      name: people.name,
      slackUserId: people.slackUserId,
      active: people.active,
      ownLocation: people.usageLocation,
      defaultLocation: workspaces.defaultUsageLocation,
    })
    .from(people)
    .innerJoin(workspaces, eq(workspaces.id, people.workspaceId))
    .where(and(eq(people.workspaceId, input.workspaceId), eq(people.id, input.personId)));
  if (!person) return fail("UNKNOWN_PERSON");
  const usageLocation = person.ownLocation ?? person.defaultLocation;

  const [held, windows, data] = await Promise.all([
    db
      .select({ productId: assignments.productId, assignedAt: assignments.assignedAt })
      .from(assignments)
      .where(eq(assignments.personId, person.id)),
    db
      .select()
      .from(restoreWindows)
      .where(and(eq(restoreWindows.personId, person.id), eq(restoreWindows.status, "open")))
      .orderBy(asc(restoreWindows.purgeAt)),
    db
      .select({
        serviceId: serviceData.serviceId,
        status: serviceData.status,
        mailboxSizeMb: serviceData.mailboxSizeMb,
        restoreWindowId: serviceData.restoreWindowId,
      })
      .from(serviceData)
      .where(eq(serviceData.personId, person.id)),
  ]);
  const productIds = [...new Set([...held.map((h) => h.productId), ...windows.map((w) => w.productId)])];
  const [productRows, planRows, deviceRows] = productIds.length
    ? await Promise.all([
        db
          .select({ id: products.id, key: products.key, name: products.name })
          .from(products)
          .where(inArray(products.id, productIds)),
        db
          .select({ productId: productServices.productId, service: services })
          .from(productServices)
          .innerJoin(services, eq(services.id, productServices.serviceId))
          .where(inArray(productServices.productId, productIds))
          .orderBy(asc(services.key)),
        db
          .select({ serviceId: deviceInstalls.serviceId, name: deviceInstalls.deviceName })
          .from(deviceInstalls)
          .where(eq(deviceInstalls.personId, person.id))
          .orderBy(asc(deviceInstalls.installedAt)),
      ])
    : [[], [], []];

  const productById = new Map(productRows.map((p) => [p.id, p]));
  const service = (plan: (typeof planRows)[number]["service"], d: (typeof data)[number]): Service => ({
    ...planSummary(plan),
    mailboxSizeMb: d.mailboxSizeMb,
    devices: deviceRows.filter((r) => r.serviceId === d.serviceId).map((r) => r.name),
  });
  // Each service once, whichever products carry it: its data is the person's, not a product's.
  const servicesById = new Map(planRows.map((r) => [r.service.id, r.service]));
  const now = clock.now();

  return {
    ok: true,
    person: {
      id: person.id,
      name: person.name,
      slackUserId: person.slackUserId,
      usageLocation,
      active: person.active,
    },
    licenses: held.flatMap((h) => {
      const product = productById.get(h.productId);
      if (!product) return [];
      const plans = planRows.filter((p) => p.productId === h.productId).map((p) => p.service);
      const { skipped } = usageLocation ? splitPlansByLocation(plans, usageLocation) : { skipped: [] };
      const enabled = plans.flatMap((plan) => {
        const d = data.find((x) => x.serviceId === plan.id && x.status === "active");
        return d ? [service(plan, d)] : [];
      });
      return [
        {
          product,
          assignedAt: h.assignedAt,
          enabled,
          skipped: skipped.map((s) => ({ ...planSummary(s.plan), location: s.location })),
        },
      ];
    }),
    openWindows: windows.flatMap((w) => {
      const product = productById.get(w.productId);
      if (!product) return [];
      const retained = [...servicesById.values()].flatMap((plan) => {
        const d = data.find((x) => x.serviceId === plan.id && x.restoreWindowId === w.id);
        return d ? [service(plan, d)] : [];
      });
      return [
        {
          windowId: w.id,
          product,
          removedAt: w.removedAt,
          purgeAt: w.purgeAt,
          daysLeft: daysUntil(now, w.purgeAt),
          retained,
        },
      ];
    }),
  };
}

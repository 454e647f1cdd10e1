import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  assignments,
  auditLog,
  people,
  products,
  restoreWindows,
  serviceData,
  services,
} from "../../db/schema/index.ts";
import { toCsv } from "./csv.ts";

export interface ExportFile {
  /** Which table, as the file is named: seats, assignments, restore-windows, audit-log. */
  table: "seats" | "assignments" | "restore-windows" | "audit-log";
  csv: string;
  rows: number;
}

/**
 * Rule 11's export: the workspace's seats, assignments, restore windows and whole audit log, one
 * CSV text per table, read in one transaction so that the four agree with each other.
 */
export async function exportWorkspace(db: Database, input: { workspaceId: string }): Promise<ExportFile[]> {
  const { workspaceId } = input;
  return db.transaction(
    async (tx) => {
      const seatRows = await tx
        .select()
        .from(products)
        .where(eq(products.workspaceId, workspaceId))
        .orderBy(asc(products.key));
      const assignmentRows = await tx
        .select({ a: assignments, person: people, product: products })
        .from(assignments)
        .innerJoin(people, eq(people.id, assignments.personId))
        .innerJoin(products, eq(products.id, assignments.productId))
        .where(eq(assignments.workspaceId, workspaceId))
        .orderBy(asc(products.key), asc(people.name), asc(assignments.id));
      const windowRows = await tx
        .select({ w: restoreWindows, person: people, product: products })
        .from(restoreWindows)
        .innerJoin(people, eq(people.id, restoreWindows.personId))
        .innerJoin(products, eq(products.id, restoreWindows.productId))
        .where(eq(restoreWindows.workspaceId, workspaceId))
        .orderBy(asc(restoreWindows.removedAt), asc(restoreWindows.id));
      // What each window really holds: only services no product the person kept still carried.
      const retainedRows = await tx
        .select({ windowId: serviceData.restoreWindowId, key: services.key })
        .from(serviceData)
        .innerJoin(services, eq(services.id, serviceData.serviceId))
        .where(and(eq(serviceData.workspaceId, workspaceId), isNotNull(serviceData.restoreWindowId)))
        .orderBy(asc(services.key));
      const retained = new Map<string, string[]>();
      for (const r of retainedRows) {
        if (r.windowId) retained.set(r.windowId, [...(retained.get(r.windowId) ?? []), r.key]);
      }
      const auditRows = await tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.workspaceId, workspaceId))
        .orderBy(asc(auditLog.at), asc(auditLog.id));
      return [
        {
          table: "seats" as const,
          rows: seatRows.length,
          csv: toCsv(
            ["product_key", "product_name", "purchased", "assigned", "available", "default_for_new_people"],
            seatRows.map((p) => [
              p.key,
              p.name,
              p.purchasedSeats,
              p.assignedSeats,
              p.purchasedSeats - p.assignedSeats,
              p.isDefault,
            ]),
          ),
        },
        {
          table: "assignments" as const,
          rows: assignmentRows.length,
          csv: toCsv(
            [
              "product_key",
              "product_name",
              "person_name",
              "person_email",
              "slack_user_id",
              "assigned_at",
              "assigned_by",
            ],
            assignmentRows.map(({ a, person, product }) => [
              product.key,
              product.name,
              person.name,
              person.email,
              person.slackUserId,
              a.assignedAt,
              a.assignedBy,
            ]),
          ),
        },
        {
          table: "restore-windows" as const,
          rows: windowRows.length,
          csv: toCsv(
            [
              "product_key",
              "person_name",
              "slack_user_id",
              "removed_at",
              "removed_by",
              "purge_at",
              "status",
              "closed_at",
              "retained_services",
            ],
            windowRows.map(({ w, person, product }) => [
              product.key,
              person.name,
              person.slackUserId,
              w.removedAt,
              w.removedBy,
              w.purgeAt,
              w.status,
              w.closedAt,
              (retained.get(w.id) ?? []).join(" "),
            ]),
          ),
        },
        {
          table: "audit-log" as const,
          rows: auditRows.length,
          csv: toCsv(
            [
              "id",
              "at",
              "actor",
              "source",
              "action",
              "target_type",
              "target_id",
              "before",
              "after",
              "request_id",
            ],
            auditRows.map((r) => [
              r.id,
              r.at,
              r.actor,
              r.source,
              r.action,
              r.targetType,
              r.targetId,
              r.before === null ? null : JSON.stringify(r.before),
              r.after === null ? null : JSON.stringify(r.after),
              r.requestId,
            ]),
          ),
        },
      ];
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

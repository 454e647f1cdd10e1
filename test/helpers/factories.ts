import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { productServices, products, services } from "../../src/db/schema/index.ts";
import { type Actor, systemActor } from "../../src/licensing/actor.ts";
import { importCatalog } from "../../src/licensing/catalog/import-catalog.ts";
import { type Clock, fixedClock } from "../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../src/licensing/directory/ensure-workspace.ts";
import { type DirectoryPerson, upsertPeople } from "../../src/licensing/directory/upsert-people.ts";

export const exampleCatalogPath = fileURLToPath(
  new URL("../../db/seed/catalog.example.json", import.meta.url),
);

export async function exampleCatalog(): Promise<{ products: Record<string, unknown>[] }> {
  return JSON.parse(await readFile(exampleCatalogPath, "utf8"));
}

export const admin: Actor = { userId: "UADMIN", source: "command", requestId: "test" };

export interface Fixture {
  workspaceId: string;
  clock: ReturnType<typeof fixedClock>;
  productId(key: string): Promise<string>;
  addPeople(people: Partial<DirectoryPerson>[]): Promise<string[]>;
  addPerson(person?: Partial<DirectoryPerson>): Promise<string>;
}

/**
 * A workspace of its own, so that tests sharing a database never see each other's rows; loaded
 * with the example catalog, or with `catalog` when given.
 */
export async function createFixture(
  db: Database,
  options: {
    catalog?: unknown;
    defaultUsageLocation?: string | null;
    at?: string;
    restoreWindowDays?: number;
  } = {},
): Promise<Fixture> {
  const workspaceId = `T${randomBytes(5).toString("hex").toUpperCase()}`;
  const clock = fixedClock(options.at ?? "2026-03-02T10:00:00Z");
  await ensureWorkspace(db, {
    id: workspaceId,
    name: `Workspace ${workspaceId}`,
    defaultUsageLocation: options.defaultUsageLocation === undefined ? "SE" : options.defaultUsageLocation,
    restoreWindowDays: options.restoreWindowDays ?? 30,
  });
  const imported = await importCatalog(db, clock, {
    workspaceId,
    catalog: options.catalog ?? (await exampleCatalog()),
    actor: systemActor("cli"),
  });
  if (!imported.ok) throw new Error(`fixture catalog not imported: ${JSON.stringify(imported)}`);
  // The admin the tests act as: each use case reads rule 10 from the directory in its transaction.
  await upsertPeople(db, {
    workspaceId,
    people: [{ slackUserId: admin.userId, name: "Fixture Admin", isSlackAdmin: true }],
  });
  let counter = 0;
  const addPeople = async (list: Partial<DirectoryPerson>[]) => {
    const rows = await upsertPeople(db, {
      workspaceId,
      people: list.map((p) => {
        counter += 1;
        return { slackUserId: `U${workspaceId}${counter}`, name: `Person ${counter}`, ...p };
      }),
    });
    return rows.map((r) => r.id);
  };
  return {
    workspaceId,
    clock,
    addPeople,
    addPerson: async (person = {}) => (await addPeople([person]))[0] as string,
    productId: async (key) => {
      const [row] = await db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.key, key)));
      if (!row) throw new Error(`no product ${key}`);
      return row.id;
    },
  };
}

export type { Clock };

/** A catalog of one product with one mailbox plan and `seats` seats. */
export function singleProductCatalog(seats: number, key = "mail") {
  return {
    products: [
      {
        key,
        name: `Product ${key}`,
        purchasedSeats: seats,
        plans: [{ key: "exchange", name: "Exchange Online", kind: "mailbox", dataDescription: "Mailbox" }],
      },
    ],
  };
}

/** The services a product carries, by key. */
export function servicesOf(db: Database, productId: string) {
  return db
    .select(getTableColumns(services))
    .from(productServices)
    .innerJoin(services, eq(services.id, productServices.serviceId))
    .where(eq(productServices.productId, productId))
    .orderBy(asc(services.key));
}

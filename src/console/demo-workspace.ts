import { eq } from "drizzle-orm";
import { seedLocalWorkspace } from "../cli/seed-local.ts";
import type { Database } from "../db/client.ts";
import { people } from "../db/schema/index.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { systemActor } from "../licensing/actor.ts";
import { assignProduct } from "../licensing/assign-product.ts";
import type { Clock } from "../licensing/clock.ts";
import { upsertPeople } from "../licensing/directory/upsert-people.ts";
import { getSeatUsage } from "../licensing/get-seat-usage.ts";
import type { NewSlackUser } from "../local-slack/fake-slack-api.ts";
import { personName } from "../slack/directory/slack-user.ts";

export interface DemoPerson extends NewSlackUser {
  id: string;
  name: string;
  real_name: string;
  usageLocation: string;
  /** Products (by key) the person holds in a fresh demo workspace. */
  holds: string[];
}

/**
 * The demo workspace's people: an admin and members in two usage locations. The example catalog's
 * meetings service is unavailable in CN, so an assignment there shows what it skips.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: "U0DEMOALVA",
    name: "alva",
    real_name: "Alva Admin",
    email: "alva@example.com",
    is_admin: true,
    tz: "Europe/Stockholm",
    usageLocation: "SE",
    holds: ["office"],
  },
  {
    id: "U0DEMOBO01",
    name: "bo",
    real_name: "Bo Berg",
    email: "bo@example.com",
    tz: "Europe/Stockholm",
    usageLocation: "SE",
    holds: ["office"],
  },
  {
    id: "U0DEMOCLEO",
    name: "cleo",
    real_name: "Cleo Carlsson",
    email: "cleo@example.com",
    tz: "Europe/Stockholm",
    usageLocation: "SE",
    holds: [],
  },
  {
    id: "U0DEMOWEI1",
    name: "wei",
    real_name: "Wei Zhang",
    email: "wei@example.com",
    tz: "Asia/Shanghai",
    usageLocation: "CN",
    holds: ["office"],
  },
  {
    id: "U0DEMOLIN1",
    name: "lin",
    real_name: "Lin Chen",
    email: "lin@example.com",
    tz: "Asia/Shanghai",
    usageLocation: "CN",
    holds: [],
  },
];

export const DEMO_ADMIN = DEMO_PEOPLE[0] as DemoPerson;

/**
 * The workspace with the example catalog and, when it has nobody yet, the demo people in its
 * directory holding their products. Returns whether anything was added.
 */
export function seedDemoWorkspace(db: Database, clock: Clock, workspaceId: string): Promise<boolean> {
  return withinWorkspace(workspaceId, () => seedDemo(db, clock, workspaceId));
}

async function seedDemo(db: Database, clock: Clock, workspaceId: string): Promise<boolean> {
  const catalogLoaded = await seedLocalWorkspace(db, clock, workspaceId);
  const [anyone] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.workspaceId, workspaceId))
    .limit(1);
  if (anyone) return catalogLoaded;
  const recorded = await upsertPeople(db, {
    workspaceId,
    people: DEMO_PEOPLE.map((p) => ({
      slackUserId: p.id,
      name: personName(p),
      email: p.email ?? null,
      timeZone: p.tz ?? null,
      isSlackAdmin: p.is_admin ?? false,
      usageLocation: p.usageLocation,
    })),
  });
  const products = await getSeatUsage(db, { workspaceId });
  const actor = systemActor("cli", "demo-seed");
  for (const person of DEMO_PEOPLE) {
    const personId = recorded.find((r) => r.slackUserId === person.id)?.id;
    for (const key of person.holds) {
      const productId = products.find((p) => p.key === key)?.productId;
      if (!personId || !productId) continue;
      const assigned = await assignProduct(db, clock, { workspaceId, personId, productId, actor });
      if (!assigned.ok) throw new Error(`the demo workspace could not be seeded: ${assigned.code}`);
    }
  }
  return true;
}

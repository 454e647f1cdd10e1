import { and, asc, eq, exists } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { productServices, products, services } from "../../db/schema/index.ts";
import { type SeatUsage, seatUsage } from "../seat-usage.ts";

export interface MailboxLicenseOption extends SeatUsage {
  productId: string;
  key: string;
  name: string;
}

/** The products that can license a mailbox: those that carry a mailbox service, with their seats. */
export async function mailboxLicenseOptions(
  db: Database,
  input: { workspaceId: string },
): Promise<MailboxLicenseOption[]> {
  const rows = await db
    .select({
      productId: products.id,
      key: products.key,
      name: products.name,
      purchased: products.purchasedSeats,
      assigned: products.assignedSeats,
    })
    .from(products)
    .where(
      and(
        eq(products.workspaceId, input.workspaceId),
        exists(
          db
            .select({ id: services.id })
            .from(productServices)
            .innerJoin(services, eq(services.id, productServices.serviceId))
            .where(and(eq(productServices.productId, products.id), eq(services.kind, "mailbox"))),
        ),
      ),
    )
    .orderBy(asc(products.name));
  return rows.map(({ purchased, assigned, ...product }) => ({
    ...product,
    ...seatUsage(purchased, assigned),
  }));
}

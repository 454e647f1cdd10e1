import { readFileSync } from "node:fs";

/**
 * Microsoft's product and service-plan names by GUID (its "Product names and service plan
 * identifiers for licensing" table): Graph gives only GUIDs and technical names. One row per
 * (product, plan): product_name, sku_part_number, sku_id, service_plan_name, service_plan_id,
 * service_plan_friendly_name. A copy ships in db/seed/microsoft365-service-plans.csv.
 */
export interface ServicePlanTable {
  productName(skuId: string): string | undefined;
  planName(servicePlanId: string): string | undefined;
}

export function readServicePlanTable(path: string): ServicePlanTable {
  return parseServicePlanTable(readFileSync(path, "utf8"));
}

export function parseServicePlanTable(csv: string): ServicePlanTable {
  const [header, ...rows] = parseCsv(csv);
  const column = (name: string): number => {
    const at = header?.indexOf(name) ?? -1;
    if (at < 0) throw new Error(`the service-plan table has no ${name} column`);
    return at;
  };
  const [productName, skuId, planId, planName] = [
    column("product_name"),
    column("sku_id"),
    column("service_plan_id"),
    column("service_plan_friendly_name"),
  ];
  const products = new Map<string, string>();
  const planSpellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const sku = row[skuId]?.toLowerCase();
    const plan = row[planId]?.toLowerCase();
    if (sku && row[productName] && !products.has(sku)) products.set(sku, row[productName]);
    // Two plans have no friendly name in the source: the technical name stands for them then.
    if (!plan || !row[planName]) continue;
    const spellings = planSpellings.get(plan) ?? new Map<string, number>();
    spellings.set(row[planName], (spellings.get(row[planName]) ?? 0) + 1);
    planSpellings.set(plan, spellings);
  }
  // The table spells one plan several ways across products ("EXCHANGE ONLINE (PLAN 1)" beside
  // "Exchange Online (Plan 1)"): the spelling most products use is the one shown.
  const plans = new Map(
    [...planSpellings].map(([plan, spellings]) => [
      plan,
      [...spellings].sort(([, a], [, b]) => b - a)[0]?.[0] as string,
    ]),
  );
  return {
    productName: (id) => products.get(id.toLowerCase()),
    planName: (id) => plans.get(id.toLowerCase()),
  };
}

/** RFC 4180: fields may be quoted, a quote inside a quoted field is doubled; LF or CRLF ends a row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

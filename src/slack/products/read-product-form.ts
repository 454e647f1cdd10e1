import { type ServicePlanKind, servicePlanKind } from "../../db/schema/index.ts";
import type { ProductInput } from "../../licensing/catalog/product-input.ts";
import { PRODUCT_KEY } from "../../licensing/catalog/product-input.ts";
import { MAX_PURCHASED_SEATS } from "../../licensing/set-purchased-seats.ts";
import { normalizeUsageLocation } from "../../licensing/usage-location.ts";
import type { Catalog } from "../copy/en.ts";
import { ids } from "../shared/ids.ts";

/** A modal's `view.state.values`, as Slack sends them for the inputs this form uses. */
export type FormValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

export type ReadProductForm =
  | { ok: true; product: ProductInput }
  | { ok: false; errors: Record<string, string> };

/**
 * What is wrong with one field of the products form as typed, judged on its own; undefined when
 * nothing is. The form's reading below uses it for every field, and the local console asks it as
 * each field is answered, so a field is judged by one rule wherever it is typed. What depends on
 * several fields (a new plan needs its service, name and data) is judged on submission.
 */
export function productFieldProblem(t: Catalog, blockId: string, typed: string): string | undefined {
  const p = ids.products;
  const text = typed.trim();
  if (blockId === p.nameBlock || blockId.startsWith(p.planNameBlockPrefix)) {
    return text === "" || text.length > 200 ? t["products.error.name"]() : undefined;
  }
  if (blockId === p.keyBlock)
    return PRODUCT_KEY.test(text.toLowerCase()) ? undefined : t["products.error.key"]();
  if (blockId === p.seatsBlock) return readSeats(text) === null ? t["products.error.seats"]() : undefined;
  if (blockId.startsWith(p.planLocationsBlockPrefix) || blockId === p.newPlanLocationsBlock) {
    const locations = readLocations(t, text);
    return locations.ok ? undefined : locations.error;
  }
  if (blockId === p.newPlanNameBlock) return text.length > 200 ? t["products.error.name"]() : undefined;
  if (blockId === p.newPlanDataBlock) return text.length > 300 ? t["products.error.data"]() : undefined;
  if (blockId === p.newPlanInstallLimitBlock) {
    return text !== "" && readInstallLimit(text) === null ? t["products.error.install_limit"]() : undefined;
  }
  return undefined;
}

/**
 * The products form read into the domain's input, or an error beside each field that is wrong:
 * everything a person can get wrong is said here, before anything is saved.
 */
export function readProductForm(
  t: Catalog,
  values: FormValues,
  form: { planIds: readonly string[]; isNew: boolean },
): ReadProductForm {
  const p = ids.products;
  const text = (block: string) => (values[block]?.[p.inputAction]?.value ?? "").trim();
  const errors: Record<string, string> = {};
  const check = (block: string) => {
    const problem = productFieldProblem(t, block, text(block));
    if (problem) errors[block] = problem;
  };

  const name = text(p.nameBlock);
  check(p.nameBlock);
  const key = text(p.keyBlock).toLowerCase();
  check(p.keyBlock);
  const seats = readSeats(text(p.seatsBlock)) ?? 0;
  check(p.seatsBlock);
  const isDefault = (values[p.defaultBlock]?.[p.inputAction]?.selected_options ?? []).some(
    (o) => o.value === "default",
  );

  const plans = form.planIds.map((id, i) => {
    const nameBlock = `${p.planNameBlockPrefix}${i}`;
    const locationsBlock = `${p.planLocationsBlockPrefix}${i}`;
    check(nameBlock);
    check(locationsBlock);
    const locations = readLocations(t, text(locationsBlock));
    return { id, name: text(nameBlock), unavailableLocations: locations.ok ? locations.codes : [] };
  });

  const kindValue = values[p.newPlanKindBlock]?.[p.inputAction]?.selected_option?.value;
  const kind = (servicePlanKind.enumValues as readonly string[]).includes(kindValue ?? "")
    ? (kindValue as ServicePlanKind)
    : null;
  const planName = text(p.newPlanNameBlock);
  const data = text(p.newPlanDataBlock);
  const locationsText = text(p.newPlanLocationsBlock);
  const limitText = text(p.newPlanInstallLimitBlock);
  const addsPlan = form.isNew || kind !== null || planName !== "" || data !== "" || limitText !== "";
  let newPlan: ProductInput["newPlan"] = null;
  if (addsPlan) {
    if (!kind)
      errors[p.newPlanKindBlock] = form.isNew
        ? t["products.error.kind_required"]()
        : t["products.error.kind"]();
    check(p.newPlanNameBlock);
    if (planName === "") errors[p.newPlanNameBlock] = t["products.error.name"]();
    check(p.newPlanDataBlock);
    if (data === "") errors[p.newPlanDataBlock] = t["products.error.data"]();
    check(p.newPlanLocationsBlock);
    const locations = readLocations(t, locationsText);
    const limit = readInstallLimit(limitText);
    check(p.newPlanInstallLimitBlock);
    if (kind === "office_apps" && limit === null)
      errors[p.newPlanInstallLimitBlock] = t["products.error.install_limit"]();
    if (kind && locations.ok) {
      newPlan = {
        kind,
        name: planName,
        dataDescription: data,
        unavailableLocations: locations.codes,
        installLimit: kind === "office_apps" ? limit : null,
      };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, product: { key, name, purchasedSeats: seats, isDefault, plans, newPlan } };
}

/** A whole number of seats within what may be bought, or null. */
function readSeats(text: string): number | null {
  const seats = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  return seats >= 0 && seats <= MAX_PURCHASED_SEATS ? seats : null;
}

/** Installs per person, 1 to 100, or null. */
function readInstallLimit(text: string): number | null {
  const limit = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  return limit >= 1 && limit <= 100 ? limit : null;
}

/** "CN, ru  IR" → ["CN", "IR", "RU"]; anything that is not a country code is named back. */
function readLocations(
  t: Catalog,
  text: string,
): { ok: true; codes: string[] } | { ok: false; error: string } {
  const words = text.split(/[\s,;]+/).filter((w) => w !== "");
  const bad = words.filter((w) => normalizeUsageLocation(w) === null);
  if (bad.length > 0)
    return {
      ok: false,
      error: t["products.error.locations"]({ codes: bad.slice(0, 5).join(", ").slice(0, 100) }),
    };
  return { ok: true, codes: [...new Set(words.map((w) => normalizeUsageLocation(w) as string))].sort() };
}

import { type ServicePlanKind, servicePlanKind } from "../../db/schema/index.ts";
import type { ProductInput } from "../../licensing/catalog/product-input.ts";
import { PRODUCT_KEY } from "../../licensing/catalog/product-input.ts";
import { MAX_PURCHASED_SEATS } from "../../licensing/set-purchased-seats.ts";
import { normalizeUsageLocation } from "../../licensing/usage-location.ts";
import { en } from "../copy/en.ts";
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
 * The products form read into the domain's input, or an error beside each field that is wrong:
 * everything a person can get wrong is said here, before anything is saved.
 */
export function readProductForm(
  values: FormValues,
  form: { planIds: readonly string[]; isNew: boolean },
): ReadProductForm {
  const p = ids.products;
  const text = (block: string) => (values[block]?.[p.inputAction]?.value ?? "").trim();
  const errors: Record<string, string> = {};

  const name = text(p.nameBlock);
  if (name === "" || name.length > 200) errors[p.nameBlock] = en["products.error.name"]();
  const key = text(p.keyBlock).toLowerCase();
  if (!PRODUCT_KEY.test(key)) errors[p.keyBlock] = en["products.error.key"]();
  const seatsText = text(p.seatsBlock);
  const seats = /^\d{1,7}$/.test(seatsText) ? Number(seatsText) : Number.NaN;
  if (!(seats >= 0 && seats <= MAX_PURCHASED_SEATS)) errors[p.seatsBlock] = en["products.error.seats"]();
  const isDefault = (values[p.defaultBlock]?.[p.inputAction]?.selected_options ?? []).some(
    (o) => o.value === "default",
  );

  const plans = form.planIds.map((id, i) => {
    const nameBlock = `${p.planNameBlockPrefix}${i}`;
    const locationsBlock = `${p.planLocationsBlockPrefix}${i}`;
    const planName = text(nameBlock);
    if (planName === "" || planName.length > 200) errors[nameBlock] = en["products.error.name"]();
    const locations = readLocations(text(locationsBlock));
    if (!locations.ok) errors[locationsBlock] = locations.error;
    return { id, name: planName, unavailableLocations: locations.ok ? locations.codes : [] };
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
        ? en["products.error.kind_required"]()
        : en["products.error.kind"]();
    if (planName === "" || planName.length > 200) errors[p.newPlanNameBlock] = en["products.error.name"]();
    if (data === "" || data.length > 300) errors[p.newPlanDataBlock] = en["products.error.data"]();
    const locations = readLocations(locationsText);
    if (!locations.ok) errors[p.newPlanLocationsBlock] = locations.error;
    const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : null;
    const limitWrong = limitText !== "" && (limit === null || limit < 1 || limit > 100);
    if (limitWrong || (kind === "office_apps" && limit === null))
      errors[p.newPlanInstallLimitBlock] = en["products.error.install_limit"]();
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

/** "CN, ru  IR" → ["CN", "IR", "RU"]; anything that is not a country code is named back. */
function readLocations(text: string): { ok: true; codes: string[] } | { ok: false; error: string } {
  const words = text.split(/[\s,;]+/).filter((w) => w !== "");
  const bad = words.filter((w) => normalizeUsageLocation(w) === null);
  if (bad.length > 0)
    return {
      ok: false,
      error: en["products.error.locations"]({ codes: bad.slice(0, 5).join(", ").slice(0, 100) }),
    };
  return { ok: true, codes: [...new Set(words.map((w) => normalizeUsageLocation(w) as string))].sort() };
}

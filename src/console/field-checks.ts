import type { Catalog } from "../slack/copy/en.ts";
import { productFieldProblem } from "../slack/products/read-product-form.ts";
import { ids } from "../slack/shared/ids.ts";

type FieldProblem = (t: Catalog, blockId: string, typed: string) => string | undefined;

/**
 * The app's own rule for each typed field of a form, by the form's callback_id. Slack checks a
 * field's shape in the client before anything is sent; the console checks these forms with the
 * very rule the app applies on submission, so a wrong answer is asked again at once, with the
 * reason, instead of after the whole form.
 */
const checks: Record<string, FieldProblem> = {
  [ids.products.formCallbackId]: productFieldProblem,
};

export function fieldProblemFor(callbackId: unknown): FieldProblem | undefined {
  return typeof callbackId === "string" ? checks[callbackId] : undefined;
}

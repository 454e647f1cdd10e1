export interface ProductChoice {
  id: string;
  key: string;
  name: string;
}

export type ProductMatch =
  | { kind: "found"; product: ProductChoice }
  | { kind: "ambiguous"; candidates: ProductChoice[] }
  | { kind: "unknown"; candidates: ProductChoice[] };

const normalize = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A product named by key or name, case-insensitive, or by any prefix that only one product has.
 * An exact key or name wins over prefixes, so "office" finds the product keyed office even when
 * "office-sb" exists too.
 */
export function resolveProduct(products: ProductChoice[], query: string): ProductMatch {
  const wanted = normalize(query);
  if (wanted === "") return { kind: "unknown", candidates: products };
  const exact = products.filter((p) => normalize(p.key) === wanted || normalize(p.name) === wanted);
  if (exact.length === 1) return { kind: "found", product: exact[0] as ProductChoice };
  if (exact.length > 1) return { kind: "ambiguous", candidates: exact };
  const prefixed = products.filter(
    (p) => normalize(p.key).startsWith(wanted) || normalize(p.name).startsWith(wanted),
  );
  if (prefixed.length === 1) return { kind: "found", product: prefixed[0] as ProductChoice };
  if (prefixed.length > 1) return { kind: "ambiguous", candidates: prefixed };
  // Nothing starts that way: offer the products that at least contain it, else all of them.
  const containing = products.filter(
    (p) => normalize(p.name).includes(wanted) || normalize(p.key).includes(wanted),
  );
  return { kind: "unknown", candidates: containing.length > 0 ? containing : products };
}

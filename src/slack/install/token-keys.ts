/** One AES-256 key and the id stored beside every value it encrypts. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

export type ParsedTokenKeys = { ok: true; keys: TokenKey[] } | { ok: false; problems: string[] };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads `id:base64,id:base64,…`: the first key encrypts new values, all of them decrypt. Rotating
 * a key means putting the new one first and keeping the old ones until no row uses them.
 */
export function parseTokenKeys(value: string): ParsedTokenKeys {
  const problems: string[] = [];
  const keys: TokenKey[] = [];
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return { ok: false, problems: ["must list at least one key as id:base64"] };
  entries.forEach((entry, index) => {
    const at = `key ${index + 1}`;
    const colon = entry.indexOf(":");
    if (colon < 0) {
      problems.push(`${at} must be id:base64 (an id, a colon, then 32 bytes in base64)`);
      return;
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      problems.push(`${at} has an id that is not 1-32 letters, digits, "-" or "_"`);
      return;
    }
    if (keys.some((key) => key.id === id)) {
      problems.push(`${at} repeats the id "${id}"`);
      return;
    }
    const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== 32) {
      problems.push(`${at} ("${id}") must be 32 bytes in base64 (openssl rand -base64 32)`);
      return;
    }
    keys.push({ id, key });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}

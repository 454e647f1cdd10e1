import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseTokenKeys, type TokenKey } from "../../../src/config.ts";
import { createTokenCipher, TokenDecryptionError } from "../../../src/secrets/token-cipher.ts";

const key = (id: string): TokenKey => ({ id, key: randomBytes(32) });
const CONTEXT = "slack_installations::T1:bot_token";

describe("the token cipher", () => {
  it("round-trips a token, and never writes it in clear", () => {
    const cipher = createTokenCipher([key("a")]);
    const sealed = cipher.encrypt("xoxb-secret-token", CONTEXT);
    expect(sealed).toMatch(/^v1:a:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain("xoxb");
    expect(cipher.decrypt(sealed, CONTEXT)).toBe("xoxb-secret-token");
  });

  it("uses a new IV for every value", () => {
    const cipher = createTokenCipher([key("a")]);
    expect(cipher.encrypt("same", CONTEXT)).not.toBe(cipher.encrypt("same", CONTEXT));
  });

  it("reads rows written with an older key after a rotation, and writes new ones with the new key", () => {
    const a = key("a");
    const b = key("b");
    const before = createTokenCipher([a]);
    const old = before.encrypt("xoxb-old", CONTEXT);
    const after = createTokenCipher([b, a]);
    expect(after.decrypt(old, CONTEXT)).toBe("xoxb-old");
    const fresh = after.encrypt("xoxb-new", CONTEXT);
    expect(fresh.split(":")[1]).toBe("b");
    expect(after.currentKeyId).toBe("b");
    expect(() => before.decrypt(fresh, CONTEXT)).toThrow(TokenDecryptionError);
  });

  it("refuses a value once its key is dropped from the list", () => {
    const a = key("a");
    const sealed = createTokenCipher([a]).encrypt("xoxb", CONTEXT);
    expect(() => createTokenCipher([key("b")]).decrypt(sealed, CONTEXT)).toThrow(/no key "a"/);
  });

  it.each([
    ["the ciphertext", 4],
    ["the tag", 3],
    ["the IV", 2],
  ])("detects a change to %s", (_what, part) => {
    const cipher = createTokenCipher([key("a")]);
    const parts = cipher.encrypt("xoxb-secret-token", CONTEXT).split(":");
    const bytes = Buffer.from(parts[part] as string, "base64");
    bytes[0] = (bytes[0] as number) ^ 1;
    parts[part] = bytes.toString("base64");
    expect(() => cipher.decrypt(parts.join(":"), CONTEXT)).toThrow(TokenDecryptionError);
  });

  it("refuses a value moved to another row or column", () => {
    const cipher = createTokenCipher([key("a")]);
    const sealed = cipher.encrypt("xoxb-secret-token", CONTEXT);
    expect(() => cipher.decrypt(sealed, "slack_installations::T2:bot_token")).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(sealed, "slack_installations::T1:user_token")).toThrow(TokenDecryptionError);
  });

  it("refuses what is not a sealed value", () => {
    const cipher = createTokenCipher([key("a")]);
    expect(() => cipher.decrypt("xoxb-in-clear", CONTEXT)).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt("v1:a:AAAA:AAAA:AAAA", CONTEXT)).toThrow(TokenDecryptionError);
  });
});

describe("TOKEN_ENCRYPTION_KEY", () => {
  const b64 = (bytes: number) => randomBytes(bytes).toString("base64");

  it("lists keys as id:base64, the first one current", () => {
    const parsed = parseTokenKeys(`2026-11:${b64(32)}, 2026-01:${b64(32)}`);
    expect(parsed.ok && parsed.keys.map((k) => [k.id, k.key.length])).toEqual([
      ["2026-11", 32],
      ["2026-01", 32],
    ]);
  });

  it.each([
    ["", /at least one key/],
    [b64(32), /key 1 must be id:base64/],
    [`a:${b64(16)}`, /key 1 \("a"\) must be 32 bytes/],
    [`a:not base64!`, /must be 32 bytes/],
    [`a:${b64(32)},a:${b64(32)}`, /key 2 repeats the id "a"/],
    [`a b:${b64(32)}`, /key 1 has an id/],
  ])("names what is wrong with %j", (value, message) => {
    const parsed = parseTokenKeys(value);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problems.join("\n")).toMatch(message);
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { TokenKey } from "../config.ts";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value that cannot be decrypted: unknown key id, wrong format, or altered (the GCM tag fails). */
export class TokenDecryptionError extends Error {
  readonly code = "TOKEN_DECRYPTION_FAILED";
}

export interface TokenCipher {
  /** `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64 parts, under the first key. */
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
  /** The id of the key new values are encrypted with. */
  readonly currentKeyId: string;
}

/**
 * AES-256-GCM with a random 12-byte IV per value. The key id travels with the value, so a row
 * written before a rotation is read with its own key. `context` (which row, which column) is
 * authenticated data: a ciphertext copied into another row or column fails to decrypt.
 */
export function createTokenCipher(keys: readonly TokenKey[]): TokenCipher {
  const [current] = keys;
  if (!current) throw new Error("a token cipher needs at least one key");
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        current.id,
        iv.toString("base64"),
        tag.toString("base64"),
        ciphertext.toString("base64"),
      ].join(":");
    },
    decrypt(sealed, context) {
      const parts = sealed.split(":");
      if (parts.length !== 5 || parts[0] !== VERSION) {
        throw new TokenDecryptionError("not a v1 sealed token");
      }
      const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
      const key = byId.get(keyId);
      if (!key) throw new TokenDecryptionError(`no key "${keyId}" in TOKEN_ENCRYPTION_KEY`);
      const ivBytes = Buffer.from(iv, "base64");
      const tagBytes = Buffer.from(tag, "base64");
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new TokenDecryptionError("malformed sealed token");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new TokenDecryptionError(`sealed token failed authentication (key "${keyId}")`);
      }
    },
  };
}

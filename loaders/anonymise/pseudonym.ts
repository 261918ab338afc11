// Keyed pseudonyms for client ids: HMAC-SHA256(key, id), hex, truncated.
//
// 20 hex digits (80 bits) keep the chance of any collision among 50 million
// clients below 1e-9, and the key keeps pseudonyms from being recomputed by
// anyone who only has the published outputs.

import {createHmac} from "node:crypto";

export const pseudonymLength = 20;

export function pseudonym(key: string, id: string): string {
  return "P" + createHmac("sha256", key).update(id, "utf8").digest("hex").slice(0, pseudonymLength);
}

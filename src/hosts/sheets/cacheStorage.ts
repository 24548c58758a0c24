/**
 * Sheets' `CacheService.getDocumentCache()` as the reply cache's storage (typed by shape, so no
 * Apps Script typings are needed): `get`, `put(key, value, seconds)`, `getAll`, `putAll`; it keeps
 * values up to 100 KB and a TTL of at most 6 hours (21600 s), so values are chunked and the TTL clamped.
 */
import type { SyncStorage } from "../../sources/cache";

/** The shape of Apps Script's `Cache` (CacheService). */
export interface CacheServiceLike {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds?: number): void;
  getAll?(keys: string[]): Record<string, string>;
  putAll?(values: Record<string, string>, expirationInSeconds?: number): void;
}

/** CacheService keeps an entry at most 6 hours. */
export const CACHE_SERVICE_MAX_TTL = 21600;

const MARK = "\u0001chunks:";

/**
 * Splits values too big for one entry over `key#0`, `key#1`, … with an index entry under `key`.
 * A missing part or a length mismatch (parts of two different writes) reads as a miss.
 */
export class ChunkedStorage implements SyncStorage {
  constructor(
    private readonly inner: CacheServiceLike,
    private readonly maxBytes = 90 * 1024,
    private readonly maxTtlSeconds = CACHE_SERVICE_MAX_TTL,
  ) {}

  get(key: string): string | null {
    const head = this.inner.get(key);
    if (head === null || head === undefined || !head.startsWith(MARK)) return head ?? null;
    const [n, len] = head.slice(MARK.length).split(":").map(Number);
    if (!Number.isInteger(n) || !Number.isInteger(len) || n < 1) return null;
    const keys = Array.from({ length: n }, (_, i) => `${key}#${i}`);
    const got = this.inner.getAll ? this.inner.getAll(keys) : Object.fromEntries(keys.map((k) => [k, this.inner.get(k)]));
    const parts = keys.map((k) => got[k]);
    if (parts.some((p) => typeof p !== "string")) return null;
    const value = parts.join("");
    return value.length === len ? value : null;
  }

  put(key: string, value: string, ttlSeconds: number): void {
    const ttl = Math.max(1, Math.min(Math.floor(ttlSeconds), this.maxTtlSeconds));
    // Chunk by characters; a character takes at most 3 UTF-8 bytes in the BMP (4 for a surrogate pair = 2 chars).
    const ascii = /^[\x00-\x7f]*$/.test(value);
    const size = ascii ? this.maxBytes : Math.floor(this.maxBytes / 3);
    if (value.length <= size && !value.startsWith(MARK)) {
      this.inner.put(key, value, ttl);
      return;
    }
    const parts: Record<string, string> = {};
    let n = 0;
    for (let i = 0; i < value.length; i += size) parts[`${key}#${n++}`] = value.slice(i, i + size);
    if (this.inner.putAll) this.inner.putAll(parts, ttl);
    else for (const [k, v] of Object.entries(parts)) this.inner.put(k, v, ttl);
    this.inner.put(key, `${MARK}${n}:${value.length}`, ttl);
  }
}


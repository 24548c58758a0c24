/**
 * Storage for the cache policy: an in-memory map, a chunking wrapper for stores with a value-size
 * limit, and structural adapters for the hosts' stores (typed by shape, so this file needs neither
 * Apps Script nor Office typings):
 *
 * - Sheets `CacheService.getDocumentCache()`: `get`, `put(key, value, seconds)`, `getAll`, `putAll`;
 *   values up to 100 KB, TTL at most 6 hours (21600 s) → wrap in `ChunkedStorage`, clamp the TTL.
 * - Excel `OfficeRuntime.storage`: `getItem`, `setItem` (async, no TTL; entries carry their own
 *   fetchedAt, so expiry is decided on read).
 */
import type { AsyncStorage, SyncStorage } from "./cache";

/** In-memory storage honouring TTLs (tests; a host without persistent storage). */
export class MemoryStorage implements SyncStorage {
  readonly map = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expires <= this.now()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }

  put(key: string, value: string, ttlSeconds: number): void {
    this.map.set(key, { value, expires: this.now() + ttlSeconds * 1000 });
  }
}

/** A sync store seen through the async interface. */
export function asAsync(s: SyncStorage): AsyncStorage {
  return {
    get: async (k) => s.get(k),
    put: async (k, v, ttl) => s.put(k, v, ttl),
  };
}

/** The shape of Apps Script's `Cache` (CacheService). */
export interface CacheServiceLike {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds?: number): void;
  getAll?(keys: string[]): Record<string, string>;
  putAll?(values: Record<string, string>, expirationInSeconds?: number): void;
}

/** CacheService's hard limits. */
export const CACHE_SERVICE_MAX_TTL = 21600;
export const CACHE_SERVICE_MAX_VALUE_BYTES = 100 * 1024;

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

/** The shape of `OfficeRuntime.storage`. */
export interface OfficeStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** OfficeRuntime.storage as AsyncStorage (no TTL: entries expire by their own fetchedAt). */
export function officeStorage(s: OfficeStorageLike): AsyncStorage {
  return {
    get: (k) => s.getItem(k),
    put: (k, v) => s.setItem(k, v),
  };
}

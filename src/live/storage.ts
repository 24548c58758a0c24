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
import { type AsyncStorage, type SyncStorage, decodeEntry } from "./cache";

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

/** A stored entry, or null when it was fetched before `since` (ms since the epoch; undefined: no limit). */
const fetchedSince = (value: string | null | undefined, since: number | undefined): string | null | undefined =>
  since === undefined || (decodeEntry(value)?.fetchedAt ?? -Infinity) >= since ? value : null;

/**
 * A store whose entries fetched before the last "Refresh live data" (`since()`) read as misses, so
 * that every source is asked again; what is fetched afterwards is stored and served as usual.
 */
export function refreshedSync(s: SyncStorage, since: () => number | undefined): SyncStorage {
  return { get: (k) => fetchedSince(s.get(k), since()), put: (k, v, ttl) => s.put(k, v, ttl) };
}

/** The same for an asynchronous store (Excel's OfficeRuntime.storage). */
export function refreshedAsync(s: AsyncStorage, since: () => number | undefined): AsyncStorage {
  const clear = s.clear;
  return { get: async (k) => fetchedSince(await s.get(k), since()), put: (k, v, ttl) => s.put(k, v, ttl), ...(clear ? { clear: () => clear.call(s) } : {}) };
}

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

/** `OfficeRuntime.storage` with the removal a bounded cache needs. */
export interface OfficeStorageFull extends OfficeStorageLike {
  removeItem(key: string): Promise<void>;
}

export interface BoundedStorageOptions {
  /** Characters kept at most across the stored entries. Default 3,000,000 (the MoF history is ~1.2 M). */
  budgetChars?: number;
  /** Where the index of stored entries lives. */
  indexKey?: string;
  now?: () => number;
}

/**
 * OfficeRuntime.storage as a bounded cache: it has no TTL and about 10 MB per domain (shared
 * with other add-ins of the same host), so the entries written here are listed in an index with
 * their sizes, and the least recently written are removed once the budget is exceeded. Entries
 * expire on read by their own fetchedAt (cache.ts), so pruning only ever drops old copies.
 * A value larger than the whole budget is not stored. Keys outside the index (the task pane's
 * proxy setting) are never touched.
 */
export function boundedOfficeStorage(s: OfficeStorageFull, opts: BoundedStorageOptions = {}): AsyncStorage {
  const budget = opts.budgetChars ?? 3_000_000;
  const indexKey = opts.indexKey ?? "mb1:#index";
  const now = opts.now ?? Date.now;
  type Index = Record<string, [size: number, writtenAt: number]>;
  let index: Promise<Index> | null = null;
  const load = () =>
    (index ??= s.getItem(indexKey).then(
      (raw): Index => {
        try {
          const j = JSON.parse(raw ?? "{}") as unknown;
          return j && typeof j === "object" && !Array.isArray(j) ? (j as Record<string, [number, number]>) : {};
        } catch {
          return {};
        }
      },
      (): Index => ({}),
    ));
  return {
    get: (k) => s.getItem(k),
    async put(k, v) {
      if (v.length > budget) return;
      const idx = await load();
      idx[k] = [v.length, now()];
      let total = Object.values(idx).reduce((a, [size]) => a + (Number(size) || 0), 0);
      const oldest = Object.entries(idx)
        .filter(([key]) => key !== k)
        .sort((a, b) => a[1][1] - b[1][1]);
      for (const [key, [size]] of oldest) {
        if (total <= budget) break;
        delete idx[key];
        total -= Number(size) || 0;
        await s.removeItem(key).catch(() => undefined);
      }
      await s.setItem(k, v);
      await s.setItem(indexKey, JSON.stringify(idx));
    },
    /** Every entry of the index removed, then the index; other keys (the proxy setting) stay. */
    async clear() {
      const idx = await load();
      for (const key of Object.keys(idx)) {
        delete idx[key];
        await s.removeItem(key).catch(() => undefined);
      }
      await s.removeItem(indexKey).catch(() => undefined);
    },
  };
}

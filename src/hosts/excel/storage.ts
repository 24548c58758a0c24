/**
 * Excel's `OfficeRuntime.storage` as the reply cache's storage (typed by shape): `getItem`,
 * `setItem` (async, no TTL; entries carry their own fetchedAt, so expiry is decided on read).
 */
import type { AsyncStorage } from "../../sources/cache";

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

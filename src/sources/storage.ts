/**
 * Storage for the cache policy that needs no host: an in-memory map honouring TTLs. The hosts'
 * stores have their adapters in their hosts (Sheets' CacheService, Excel's OfficeRuntime.storage).
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


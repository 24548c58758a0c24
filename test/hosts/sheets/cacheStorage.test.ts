/** Sheets' CacheService as the reply cache's storage (src/hosts/sheets/cacheStorage.ts): values over its 100 KB limit chunked, its 6 h TTL clamped. */
import { describe, expect, it } from "vitest";
import { ChunkedStorage } from "../../../src/hosts/sheets/cacheStorage";

describe("ChunkedStorage", () => {
  it("ChunkedStorage splits values over CacheService's 100 KB limit and clamps its 6 h TTL", () => {
    const inner = new Map<string, { v: string; ttl?: number }>();
    const cacheService = {
      get: (k: string) => inner.get(k)?.v ?? null,
      put: (k: string, v: string, ttl?: number) => {
        if (v.length > 100 * 1024) throw new Error("Argument too large");
        inner.set(k, { v, ttl });
      },
    };
    const s = new ChunkedStorage(cacheService);
    const big = "x".repeat(250_000); // e.g. a 1.2 MB jgbcme_all.csv would be 14 parts
    s.put("k", big, 45 * 86400);
    expect(inner.size).toBe(4); // index + 3 parts of ≤ 90 KiB
    expect([...inner.values()].every((e) => e.ttl === 21600)).toBe(true);
    expect(s.get("k")).toBe(big);
    inner.delete("k#1"); // one part evicted → a miss, never a truncated file
    expect(s.get("k")).toBeNull();
    s.put("small", "abc", 60);
    expect(s.get("small")).toBe("abc");
    const jp = "円".repeat(40_000); // 120 KB in UTF-8
    s.put("jp", jp, 60);
    expect(s.get("jp")).toBe(jp);
  });
});

/**
 * The host-neutral cache policy and fetchers (src/sources/cache.ts, fetcher.ts): fresh served,
 * stale-but-allowed on failure, garbage never stored, identical requests in flight shared,
 * timeouts enforced, storage pluggable, a reply parsed once.
 * Rules as docs/live.md states them ("How fresh, and for how long a stale copy stands in").
 */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { fredObservationsRequest } from "../../src/sources/fred";
import type { DataRequest, FetchResult, PlanContext } from "../../src/sources/request";
import { fileRequest } from "../../src/sources/file";
import { TIC_TABLE5 } from "../../src/sources/tic/table5";
import { ReplyCache, decodeEntry, encodeEntry, freshness, storageKey } from "../../src/sources/cache";
import { AsyncFetcher, SyncFetcher, type SyncFetcherOptions } from "../../src/sources/fetcher";
import { MemoryStorage, asAsync } from "../../src/sources/storage";
import { boundedOfficeStorage, officeStorage } from "../../src/hosts/excel/storage";
import { own } from "../helpers/dataFixtures";

const DGS10 = fredObservationsRequest("DGS10", { via: "proxy", proxyBase: "http://p", sortOrder: "desc", limit: 60 });
const TIC = fileRequest({ via: "proxy", proxyBase: "http://p" }, TIC_TABLE5);
const CTX: PlanContext = { via: "proxy", proxyBase: "http://p", today: "2026-08-07" };
/** A SyncFetcher with the test's context. */
const syncFetcher = (o: Omit<SyncFetcherOptions, "context">) => new SyncFetcher({ context: () => CTX, ...o });
const ok = (body: string): FetchResult => ({ kind: "response", status: 200, body });
const HOUR = 3600_000;

function clock(start = Date.UTC(2026, 7, 7, 12)) {
  const c = { t: start, now: () => c.t, advance: (ms: number) => (c.t += ms) };
  return c;
}

describe("freshness and entries", () => {
  it("fresh below maxAge, stale below staleAge, then expired", () => {
    const e = { body: "x", fetchedAt: 0 };
    // AGES.fredObservations: 4 h fresh, 7 days stale
    expect(freshness(e, DGS10, 4 * HOUR - 1)).toBe("fresh");
    expect(freshness(e, DGS10, 4 * HOUR)).toBe("stale");
    expect(freshness(e, DGS10, 7 * 24 * HOUR)).toBe("expired");
    expect(freshness(e, TIC, 23 * HOUR)).toBe("fresh"); // the TIC table: a day
  });
  it("round-trips and treats junk as a miss", () => {
    expect(decodeEntry(encodeEntry({ body: "a\r\nb", fetchedAt: 5 }))).toEqual({ body: "a\r\nb", fetchedAt: 5 });
    expect(decodeEntry(encodeEntry({ body: "no", fetchedAt: 5, status: 400 }))).toEqual({ body: "no", fetchedAt: 5, status: 400 });
    expect(decodeEntry("{nope")).toBeUndefined();
    expect(decodeEntry(null)).toBeUndefined();
    expect(storageKey(DGS10)).not.toContain("api_key");
  });
});

describe("SyncFetcher (the Sheets path: one batch, CacheService-like storage)", () => {
  function setup() {
    const c = clock();
    const storage = new MemoryStorage(c.now);
    const calls: string[][] = [];
    let next: (r: DataRequest) => FetchResult = () => ok(own("fred_DGS10_desc.json"));
    const f = syncFetcher({
      storage,
      now: c.now,
      fetchAll: (reqs) => {
        calls.push(reqs.map((r) => r.label));
        return reqs.map((r) => next(r));
      },
    });
    return { c, f, calls, storage, set: (g: (r: DataRequest) => FetchResult) => (next = g) };
  }

  it("fetches once, then serves from the cache while fresh", () => {
    const s = setup();
    expect(s.f.outcomes([DGS10]).get(DGS10.cacheKey)).toMatchObject({ ok: true, from: "network" });
    s.c.advance(HOUR);
    expect(s.f.outcomes([DGS10]).get(DGS10.cacheKey)).toMatchObject({ ok: true, from: "cache" });
    expect(s.calls).toHaveLength(1);
  });

  it("identical requests in one plan are fetched once; plan errors pass through in order", () => {
    const s = setup();
    const noKey = new SheetError("na", "FRED needs an API key");
    const replies = s.f.replies([DGS10, noKey, DGS10]);
    expect(s.calls).toEqual([["FRED DGS10"]]);
    expect(replies[1]).toBe(noKey);
    expect(replies[0]).toBe(replies[2]);
  });

  it("source failing: a stale-but-allowed copy is served; past staleAge the error shows", () => {
    const s = setup();
    s.f.outcomes([DGS10]);
    s.c.advance(5 * HOUR); // past maxAge (4 h)
    s.set(() => ({ kind: "response", status: 500, body: "" }));
    expect(s.f.outcomes([DGS10]).get(DGS10.cacheKey)).toMatchObject({ ok: true, from: "stale" });
    s.c.advance(8 * 24 * HOUR); // past staleAge (7 days): the storage entry itself has expired too
    const o = s.f.outcomes([DGS10]).get(DGS10.cacheKey)!;
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error.message).toBe("FRED DGS10: HTTP 500 server error");
  });

  it("a definite refusal (FRED 400) is not masked by a stale copy", () => {
    const s = setup();
    s.f.outcomes([DGS10]);
    s.c.advance(5 * HOUR);
    s.set(() => ({ kind: "response", status: 400, body: own("fred_error_unknown_series_400.json") }));
    const o = s.f.outcomes([DGS10]).get(DGS10.cacheKey)!;
    expect(o.ok).toBe(false);
  });

  it("a 200 that does not parse is never stored (and a stale copy stands in)", () => {
    const s = setup();
    s.set(() => ok(own("garbage_maintenance.html")));
    const o = s.f.outcomes([DGS10]).get(DGS10.cacheKey)!;
    expect(!o.ok && o.error.message).toMatch(/^FRED DGS10: unparseable reply: not JSON/);
    expect(s.storage.map.size).toBe(0);
  });

  it("fetchAll throwing for the whole batch (UrlFetchApp on DNS failure) falls back to one by one", () => {
    const c = clock();
    const f = syncFetcher({
      storage: new MemoryStorage(c.now),
      now: c.now,
      fetchAll: () => {
        throw new Error("Address unavailable: http://x/?api_key=SECRET");
      },
      fetchOne: (r) => (r.cacheKey === TIC.cacheKey ? ok(own("tic_slt_table5_small.txt")) : { kind: "timeout", afterMs: 10_000 }),
    });
    const out = f.outcomes([DGS10, TIC]);
    expect(out.get(TIC.cacheKey)).toMatchObject({ ok: true });
    expect(out.get(DGS10.cacheKey)).toMatchObject({ ok: false });
    const noOne = syncFetcher({ storage: new MemoryStorage(), fetchAll: () => { throw new Error("Address unavailable: http://x/?api_key=SECRET"); } });
    const o = noOne.outcomes([DGS10]).get(DGS10.cacheKey)!;
    expect(!o.ok && o.error.message).toBe("FRED DGS10: unreachable (Address unavailable: http://x/?…)"); // the key never reaches a cell
  });
});

describe("AsyncFetcher (the Excel path)", () => {
  it("shares one fetch among identical requests in flight", async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const f = new AsyncFetcher({
      fetch: async () => {
        calls++;
        await gate;
        return ok(own("fred_DGS10_desc.json"));
      },
    });
    const all = Promise.all(Array.from({ length: 50 }, () => f.get(DGS10)));
    release();
    const outs = await all;
    expect(calls).toBe(1);
    expect(outs.every((o) => o.ok)).toBe(true);
    expect(await f.get(DGS10)).toMatchObject({ from: "cache" });
    expect(calls).toBe(1);
  });

  it("a hanging fetch settles as a timeout (never a cell stuck loading)", async () => {
    const f = new AsyncFetcher({ fetch: () => new Promise<FetchResult>(() => undefined), timeoutMs: 50 });
    const t0 = Date.now();
    const o = await f.get(DGS10);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(!o.ok && o.error.message).toBe("FRED DGS10: no reply within 0.1 s (timeout)"); // 50 ms shown to 0.1 s
  });

  it("a throwing fetch is a network failure; the abort signal fires on timeout", async () => {
    const f = new AsyncFetcher({ fetch: async () => { throw new TypeError("Failed to fetch"); } });
    const o = await f.get(TIC);
    expect(!o.ok && o.error.message).toBe("US Treasury TIC slt_table5.txt: unreachable (Failed to fetch)");
    let aborted = false;
    const g = new AsyncFetcher({
      timeoutMs: 20,
      fetch: (_r, signal) => new Promise<FetchResult>((resolve) => signal.addEventListener("abort", () => { aborted = true; resolve({ kind: "network", message: "aborted" }); })),
    });
    await g.get(TIC);
    expect(aborted).toBe(true);
  });

  it("persists through storage: a new session (new fetcher) is served from it, and stale on failure", async () => {
    const c = clock();
    const store = new Map<string, string>();
    const office = officeStorage({ getItem: async (k) => store.get(k) ?? null, setItem: async (k, v) => void store.set(k, v) });
    let calls = 0;
    const first = new AsyncFetcher({ storage: office, now: c.now, fetch: async () => (calls++, ok(own("tic_slt_table5_small.txt"))) });
    await first.get(TIC);
    const second = new AsyncFetcher({ storage: office, now: c.now, fetch: async () => (calls++, { kind: "response", status: 503, body: "" }) });
    expect(await second.get(TIC)).toMatchObject({ ok: true, from: "cache" });
    expect(calls).toBe(1);
    c.advance(25 * HOUR); // past a day: the TIC table is stale now
    expect(await second.get(TIC)).toMatchObject({ ok: true, from: "stale" });
    expect(calls).toBe(2);
  });

  it("a storage that fails is a miss, never a cell error", async () => {
    const broken = { get: async () => { throw new Error("quota"); }, put: async () => { throw new Error("quota"); } };
    const f = new AsyncFetcher({ storage: broken, fetch: async () => ok(own("tic_slt_table5_small.txt")) });
    expect(await f.get(TIC)).toMatchObject({ ok: true, from: "network" });
  });
});

describe("ReplyCache (one policy for the add-in and the proxy)", () => {
  const unknownSeries = (): FetchResult => ({ kind: "response", status: 400, body: own("fred_error_unknown_series_400.json") });

  /** A cache over a counting fetch whose answer the test sets. */
  function setup(opts: ConstructorParameters<typeof ReplyCache>[0] = {}) {
    const c = clock();
    let answer: () => FetchResult = () => ok(own("fred_DGS10_desc.json"));
    const calls: string[] = [];
    const cache = new ReplyCache({ now: c.now, ...opts });
    const get = (req: DataRequest = DGS10) =>
      cache.get(req, async (r) => {
        calls.push(r.cacheKey);
        return answer();
      });
    return { c, cache, get, calls, answer: (f: () => FetchResult) => (answer = f) };
  }

  it("remembers a definite refusal for refusalSeconds (the proxy), never as a stale copy; by default not at all (the add-in)", async () => {
    const s = setup({ refusalSeconds: 600 });
    s.answer(unknownSeries);
    const first = await s.get();
    expect(first).toMatchObject({ ok: false, from: "network" });
    const again = await s.get();
    expect(again).toMatchObject({ ok: false, from: "cache", failure: { transient: false, result: { status: 400 } } });
    expect(!again.ok && again.error.message).toBe(!first.ok && first.error.message);
    expect(s.calls).toHaveLength(1);
    s.c.advance(600_000); // ten minutes: asked again, and a failing source now shows its own failure
    s.answer(() => ({ kind: "response", status: 500, body: "" }));
    const later = await s.get();
    expect(!later.ok && later.error.message).toBe("FRED DGS10: HTTP 500 server error");
    expect(s.calls).toHaveLength(2);

    const addin = setup();
    addin.answer(unknownSeries);
    await addin.get();
    await addin.get();
    expect(addin.calls).toHaveLength(2);
  });

  it("callers that join a fetch in flight are told so ('shared')", async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.get(), s.get()]);
    expect([a.from, b.from]).toEqual(["network", "shared"]);
    expect(s.calls).toHaveLength(1);
  });

  it("bounds memory by entries and characters, least recently used first; a body over the whole budget is not kept", async () => {
    const s = setup({ maxEntries: 2 });
    const tic = () => s.get(TIC);
    const other = fredObservationsRequest("DEXJPUS", { via: "proxy", proxyBase: "http://p", sortOrder: "desc", limit: 60 });
    s.answer(() => ok(own("tic_slt_table5_small.txt")));
    await tic();
    s.answer(() => ok(own("fred_DGS10_desc.json")));
    await s.get(DGS10);
    await tic(); // TIC used last: DGS10 is the least recently used
    s.answer(() => ok(own("fred_DEXJPUS_desc.json")));
    await s.get(other);
    expect(s.calls).toEqual([TIC.cacheKey, DGS10.cacheKey, other.cacheKey]);
    expect((await tic()).from).toBe("cache");
    expect((await s.get(DGS10)).from).toBe("network");

    const small = setup({ maxChars: 100 });
    await small.get(DGS10); // fred_DGS10_desc.json is over 100 characters
    expect((await small.get(DGS10)).from).toBe("network");
  });

  it("clear() drops memory and the persistent copies, keeps the proxy setting; a fetch in flight during it stores nothing", async () => {
    const c = clock();
    const office = new Map<string, string>([["marginal-bid:proxy-url", "http://localhost:8787"]]);
    const storage = boundedOfficeStorage({
      getItem: async (k) => office.get(k) ?? null,
      setItem: async (k, v) => void office.set(k, v),
      removeItem: async (k) => void office.delete(k),
    });
    let calls = 0;
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const f = new AsyncFetcher({ storage, now: c.now, fetch: async () => (calls++, await gate, ok(own("tic_slt_table5_small.txt"))) });
    await f.get(TIC);
    expect(office.has(storageKey(TIC))).toBe(true);
    await f.clear();
    expect([...office.keys()]).toEqual(["marginal-bid:proxy-url"]);
    expect(await f.get(TIC)).toMatchObject({ ok: true, from: "network" });
    expect(calls).toBe(2);

    await f.clear();
    gate = new Promise<void>((r) => (release = r));
    const inFlight = f.get(TIC);
    await f.clear(); // "Refresh live data" while a fetch is out
    const next = f.get(TIC); // a new fetch, not the old one
    release();
    expect(await inFlight).toMatchObject({ ok: true, from: "network" }); // its caller still gets its answer
    expect(await next).toMatchObject({ ok: true, from: "network" });
    expect(calls).toBe(4);
    await f.clear();
    gate = new Promise<void>((r) => (release = r));
    const old = f.get(TIC);
    await f.clear();
    release();
    await old;
    expect(office.has(storageKey(TIC))).toBe(false); // what came back after the clear was not kept…
    expect(await f.get(TIC)).toMatchObject({ from: "network" }); // …in storage nor in memory
  });
});

describe("storage adapters", () => {
  it("MemoryStorage honours TTLs", () => {
    const c = clock();
    const m = new MemoryStorage(c.now);
    m.put("k", "v", 10);
    expect(m.get("k")).toBe("v");
    c.advance(10_000);
    expect(m.get("k")).toBeNull();
    expect(asAsync(m)).toHaveProperty("get");
  });


});

/**
 * End to end, the Excel path: live function → AsyncFetcher (memory cache, shared in-flight) →
 * fetch → the real proxy → mock upstreams on 127.0.0.1 (FRED JSON, TIC text, MoF CSV), plus the
 * direct path (what Sheets requests) against the same mocks. No network beyond 127.0.0.1.
 * Expected values come from our fixtures (test/fixtures/data), lines named where used.
 */
import { FIXTURE_PANEL } from "../helpers/dataFixtures";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { findFunction } from "../../src/catalog";
import type { LiveFunctionSpec } from "../../src/catalog/spec";
import type { PlanContext } from "../../src/sources/request";
import { AsyncFetcher } from "../../src/sources/fetcher";
import { fetchFetcher } from "../../src/sources/http";
import { invoke } from "../../src/args/invoke";
import { type ProxyServer, createProxy } from "../../src/proxy/server";
import { MOF_ALL_PATH, MOF_CURRENT_PATH, TIC_PATH, type Upstreams, request, startProxy, startProxyProcess, startUpstreams } from "../helpers/upstreams";

/** A live function of the table (its plan/compute pair and parameters). */
const findLive = (name: string) => findFunction(name) as LiveFunctionSpec;
const KEY = "0123456789abcdef0123456789abcdef"; // a test key: FRED keys are 32 lower-case alphanumerics
const ORIGIN = "https://localhost:3000";
const OBS = "/fred/series/observations";
const HOUR = 3600_000;

/** The add-in's fetch, sending the add-in's Origin as a browser would. */
const addinFetch = fetchFetcher((url, init) => fetch(url, { ...init, headers: { ...init.headers, Origin: ORIGIN } }));

interface World {
  up: Upstreams;
  proxy: ProxyServer;
  proxyUrl: string;
  logs: string[];
  clock: { t: number };
  ctx: PlanContext;
  fetcher: AsyncFetcher;
}

async function world(opts: { upstreamTimeoutMs?: number } = {}): Promise<World> {
  const up = await startUpstreams(KEY);
  const clock = { t: Date.UTC(2026, 7, 7, 12) };
  const { proxy, url, logs } = await startProxy(up, KEY, {
    upstreamTimeoutMs: opts.upstreamTimeoutMs ?? 3000, // room for a loaded machine; the timeout test sets its own
    now: () => clock.t,
  });
  const ctx: PlanContext = { via: "proxy", proxyBase: url, today: "2026-08-07" };
  const fetcher = new AsyncFetcher({ fetch: addinFetch, now: () => clock.t });
  return { up, proxy, proxyUrl: url, logs, clock, ctx, fetcher };
}

/** A new proxy and new upstream mocks for every test of the block, closed after it. */
function freshWorldEachTest(set: (w: World) => void): void {
  let w: World;
  beforeEach(async () => {
    w = await world();
    set(w);
  });
  afterEach(async () => {
    await w.proxy.close();
    await w.up.close();
  });
}

/** The one pipeline with the add-in's fetcher and the world's context, as Excel's fetcher gives them. */
const asHost = (fetcher: AsyncFetcher, ctx: PlanContext) => ({ context: () => ctx, replies: (items: Parameters<AsyncFetcher["replies"]>[0]) => fetcher.replies(items) });
const call = (w: World, name: string, args: unknown[], fetcher = w.fetcher, ctx = w.ctx) => invoke(findLive(name)!, args, asHost(fetcher, ctx));
const errorOf = (x: unknown) => {
  expect(x).toBeInstanceOf(SheetError);
  return x as SheetError;
};

describe("through the proxy (Excel path)", () => {
  let w: World;
  freshWorldEachTest((x) => (w = x));

  it("happy path: CHECKPOINTS fills from the three sources, one upstream call each", async () => {
    const t = (await call(w, "CHECKPOINTS", [])) as unknown[][];
    // Values as in test/live/checkpoints.test.ts (fixture lines named there)
    expect(t.map((r) => r.slice(0, 4))).toEqual(FIXTURE_PANEL);
    expect(w.up.fred.count(OBS)).toBe(4); // DGS10, THREEFYTP10, DEXJPUS, DGS3MO
    expect(w.up.tic.count(TIC_PATH)).toBe(1);
    expect(w.up.mof.count(MOF_CURRENT_PATH)).toBe(1);
    expect(w.up.mof.count(MOF_ALL_PATH)).toBe(1);
    // the key reached FRED, from the proxy
    expect(w.up.fred.received.every((u) => u.endsWith(`&api_key=${KEY}`))).toBe(true);
  });

  it("single-value functions through the proxy", async () => {
    expect(await call(w, "FRED", ["DGS10"])).toBe(0.0469); // fred_DGS10_desc.json line 2
    expect(await call(w, "FRED", ["T5YIE"])).toBe(0.024); // units via fred/series (fred_series_T5YIE.json: Percent)
    expect(await call(w, "TIC_HOLDINGS", ["Japan"])).toBe(1209.9); // tic_slt_table5_small.txt line 7
    expect(await call(w, "TIC_CHANGE", ["Japan", 12])).toBe(75.4);
    expect(await call(w, "JGB_YIELD", [10])).toBe(0.0165); // mof_jgbcme_small.csv line 5
    expect(await call(w, "FRED_SERIES", ["T5YIE", "2026-07-01", "2026-07-31"])).toEqual([
      ["date", "value"],
      ["2026-07-01", 0.0231],
      ["2026-07-06", 0.0235],
    ]);
  });

  it("the second call is served from cache: the mocks see no new request (client cache, then proxy cache)", async () => {
    await call(w, "CHECKPOINTS", []);
    const before = w.up.fred.total() + w.up.tic.total() + w.up.mof.total();
    expect(await call(w, "FRED", ["DGS10"])).toBe(0.0469); // same request as the panel's DGS10 row
    await call(w, "CHECKPOINTS", []);
    expect(w.fetcher.fetches).toBe(7);
    // a new Excel session (empty memory cache) is answered by the proxy's cache
    const fresh = new AsyncFetcher({ fetch: addinFetch, now: () => w.clock.t });
    await call(w, "CHECKPOINTS", [], fresh);
    expect(fresh.fetches).toBe(7);
    expect(w.proxy.stats.hits).toBe(7);
    expect(w.up.fred.total() + w.up.tic.total() + w.up.mof.total()).toBe(before);
  });

  it("unknown series → #N/A naming it; the refusal is remembered by the proxy", async () => {
    const e = errorOf(await call(w, "FRED", ["NOSUCH1"]));
    expect(e.kind).toBe("na");
    expect(e.message).toBe('FRED NOSUCH1: unknown series: FRED says "The series does not exist." Check the id on fred.stlouisfed.org');
    const e2 = errorOf(await call(w, "FRED", ["NOSUCH1"], new AsyncFetcher({ fetch: addinFetch })));
    expect(e2.message).toBe(e.message);
    expect(w.up.fred.count(OBS)).toBe(1);
  });

  it("upstream 429 → #N/A with the status and when the proxy asks again (60 s without Retry-After)", async () => {
    w.up.fred.fail(OBS, { status: 429, body: "Too Many Requests" });
    const e = errorOf(await call(w, "FRED", ["DGS10"]));
    expect(e.message).toBe("FRED DGS10: HTTP 429 too many requests (FRED allows 120 requests a minute per key); the proxy asks FRED again in 60 s (via the proxy, HTTP 503)");
  });

  it("upstream 500 → #N/A with the status", async () => {
    w.up.tic.fail(TIC_PATH, { status: 500 });
    const e = errorOf(await call(w, "TIC_HOLDINGS", ["Japan"]));
    expect(e.message).toBe("US Treasury TIC slt_table5.txt: HTTP 500 server error (via the proxy, HTTP 502)");
  });

  it("upstream timeout → #N/A saying so (proxy timeout 0.3 s in this test; 10 s by default)", async () => {
    const quick = await world({ upstreamTimeoutMs: 300 });
    try {
      quick.up.mof.fail(MOF_CURRENT_PATH, "hang");
      const t0 = Date.now();
      const e = errorOf(await call(quick, "JGB_YIELD", [10]));
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(e.message).toBe("Japan MoF jgbcme.csv: no reply within 0.3 s (timeout) (via the proxy, HTTP 504)");
    } finally {
      await quick.proxy.close();
      await quick.up.close();
    }
  });

  it("upstream garbage (a 200 HTML page) → #N/A 'unparseable reply', never a number, never cached", async () => {
    w.up.fred.fail(OBS, "garbage");
    const e = errorOf(await call(w, "FRED", ["DGS10"]));
    // FRED was sent the key: its reply is never quoted (it could echo the key)
    expect(e.message).toBe("FRED DGS10: unparseable reply (not quoted: the request carried the proxy's key) (via the proxy, HTTP 502)");
    w.up.fred.fail(OBS, undefined);
    expect(await call(w, "FRED", ["DGS10"], new AsyncFetcher({ fetch: addinFetch }))).toBe(0.0469);
    // The MoF was sent no key: its maintenance page may be quoted (test/fixtures/data/garbage_maintenance.html)
    w.up.mof.fail(MOF_CURRENT_PATH, "garbage");
    const m = errorOf(await call(w, "JGB_YIELD", [10]));
    expect(m.message).toMatch(/^Japan MoF jgbcme\.csv: unparseable reply: .*<!DOCTYPE html>.* \(via the proxy, HTTP 502\)$/);
  });

  it("stale cache served: the proxy's copy when the source fails after maxAge", async () => {
    expect(await call(w, "FRED", ["DGS10"])).toBe(0.0469);
    w.clock.t += 5 * HOUR; // past the 4 h maxAge of daily FRED series, within the 7-day stale age
    w.up.fred.fail(OBS, { status: 500 });
    expect(await call(w, "FRED", ["DGS10"])).toBe(0.0469);
    expect(w.up.fred.count(OBS)).toBe(2); // it did ask
    expect(w.proxy.stats.stale).toBe(1);
    const r = await request(`${w.proxyUrl}${OBS}?series_id=DGS10&sort_order=desc&limit=60`);
    expect(r.headers["x-cache"]).toBe("STALE");
  });

  it("stale cache served: the add-in's own copy when the proxy is down", async () => {
    expect(await call(w, "TIC_HOLDINGS", ["Japan"])).toBe(1209.9);
    await w.proxy.close();
    w.clock.t += 25 * HOUR; // past the TIC table's day
    expect(await call(w, "TIC_HOLDINGS", ["Japan"])).toBe(1209.9);
    w.clock.t += 60 * 24 * HOUR; // past its 45-day stale age: now the failure shows
    const e = errorOf(await call(w, "TIC_HOLDINGS", ["Japan"]));
    expect(e.message).toMatch(/^US Treasury TIC slt_table5.txt: unreachable \(fetch failed at http:\/\/127\.0\.0\.1:\d+\)$/);
  });

  it("a proxy without FRED_API_KEY → #N/A saying how to set it; TIC and MoF still work", async () => {
    const noKey = createProxy({ upstreams: w.up.endpoints, log: () => undefined });
    const { url } = await noKey.listen(0, "127.0.0.1");
    try {
      const ctx = { ...w.ctx, proxyBase: url };
      const e = errorOf(await call(w, "FRED", ["DGS10"], new AsyncFetcher({ fetch: addinFetch }), ctx));
      expect(e.message).toContain("the proxy has no FRED API key: start it with the environment variable FRED_API_KEY set");
      expect(await call(w, "JGB_YIELD", [10], new AsyncFetcher({ fetch: addinFetch }), ctx)).toBe(0.0165);
    } finally {
      await noKey.close();
    }
  });
});

describe("direct to the sources (the URLs the Sheets path fetches)", () => {
  let w: World;
  freshWorldEachTest((x) => (w = x));

  it("FRED with the user's key, TIC and MoF without one", async () => {
    const ctx: PlanContext = { via: "direct", today: "2026-08-07", apiKey: KEY, endpoints: w.up.endpoints };
    const f = new AsyncFetcher({ fetch: fetchFetcher() });
    expect(await call(w, "FRED", ["DGS10"], f, ctx)).toBe(0.0469);
    expect(await call(w, "CHECKPOINTS", [], f, ctx)).toHaveLength(9);
    expect(w.up.fred.received[0]).toBe(`${OBS}?series_id=DGS10&file_type=json&sort_order=desc&limit=60&api_key=${KEY}`);
    const bad = errorOf(await call(w, "FRED", ["DGS10", null, "ffffffffffffffffffffffffffffffff"], new AsyncFetcher({ fetch: fetchFetcher() }), ctx));
    expect(bad.message).toMatch(/^FRED DGS10: FRED refused the API key/);
  });

  it("a source that never answers → the cell settles as a timeout (client-side limit)", async () => {
    w.up.fred.fail(OBS, "hang");
    const ctx: PlanContext = { via: "direct", today: "2026-08-07", apiKey: KEY, endpoints: w.up.endpoints };
    const e = errorOf(await call(w, "FRED", ["DGS10"], new AsyncFetcher({ fetch: fetchFetcher(), timeoutMs: 200 }), ctx));
    expect(e.message).toBe("FRED DGS10: no reply within 0.2 s (timeout)");
  });
});

describe("the proxy as a process (npx tsx src/proxy/main.ts)", () => {
  it("starts from the environment, serves the add-in, logs no key, stops on SIGTERM", async () => {
    const up = await startUpstreams(KEY);
    const proxy = await startProxyProcess(up.endpoints, { FRED_API_KEY: KEY });
    try {
      const ctx: PlanContext = { via: "proxy", proxyBase: proxy.url, today: "2026-08-07" };
      const t = (await invoke(findLive("CHECKPOINTS")!, [], asHost(new AsyncFetcher({ fetch: addinFetch }), ctx))) as unknown[][];
      expect(t[1].slice(0, 2)).toEqual(["us_10y", 0.0469]);
      const r = await request(`${proxy.url}${OBS}?series_id=DGS10&api_key=${KEY}`, { headers: { Origin: ORIGIN } });
      expect(r.status).toBe(200);
      expect(proxy.output()).toContain("GET /fred/series/observations?file_type=json&limit=60&series_id=DGS10&sort_order=desc → 200");
      expect(proxy.output()).toContain("CORS origin https://localhost:3000");
    } finally {
      await proxy.stop();
      await up.close();
    }
    const out = proxy.output();
    expect(out).toContain("marginal-bid proxy stopping");
    expect(out).not.toContain(KEY);
  });
});

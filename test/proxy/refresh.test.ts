/**
 * "Refresh live data" at the proxy: a request carrying `refreshed_at` (the add-in's last refresh,
 * ms since the epoch) is not served a copy fetched before it, within bounds no client can use to
 * hammer a source. Against the mock upstreams of test/helpers/upstreams.ts on 127.0.0.1, with the proxy's wall
 * and monotonic clocks in the test's hands. The rules are those of docs/live.md ("Refreshing",
 * Excel) and src/proxy/handler.ts; the ages are the publishers' own, in src/sources (FRED
 * observations fresh 4 h, the TIC table a day), the interval REFRESH_INTERVAL_SECONDS (60 s).
 */
import { afterAll, describe, expect, it } from "vitest";
import { proxyHarness } from "./harness";
import { TIC_PATH, whileFailing } from "../helpers/upstreams";
import { REFRESH_AHEAD_MS } from "../../src/proxy/handler";
import { REFRESH_INTERVAL_SECONDS } from "../../src/proxy/server";

const KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"; // a test key: FRED keys are 32 lower-case letters and digits
const ORIGIN = "https://localhost:3000";
const OBS = "/fred/series/observations";
const MINUTE = 60_000;
const INTERVAL = REFRESH_INTERVAL_SECONDS * 1000;

/** A FRED observations request, with a refresh time when given (written out: the wire format the add-in sends). */
const obs = (id: string, refreshedAt?: number | string) => `${OBS}?series_id=${id}${refreshedAt === undefined ? "" : `&refreshed_at=${refreshedAt}`}`;
const tic = (refreshedAt?: number) => `/tic/slt_table5.txt${refreshedAt === undefined ? "" : `?refreshed_at=${refreshedAt}`}`;

const h = proxyHarness(KEY);

afterAll(() => {
  const up = h.up;
  const received = [...up.fred.received, ...up.tic.received, ...up.mof.received];
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((u) => u.includes("refreshed_at"))).toEqual([]); // no source ever saw the parameter
});

/** A proxy whose clocks the test moves: `advance` moves both, as time passing does. */
async function setup(opts: Parameters<typeof h.proxy>[0] = {}) {
  const wall = { t: Date.UTC(2026, 7, 7, 12) };
  const mono = { t: 0 };
  const p = await h.proxy({ now: () => wall.t, monotonicNow: () => mono.t, ...opts });
  const get = async (path: string) => {
    const r = await h.get(p, path, { headers: { Origin: ORIGIN } });
    return { status: r.status, cache: r.headers["x-cache"], fetchedAt: Date.parse(String(r.headers["x-fetched-at"])), body: r.body };
  };
  const advance = (ms: number) => {
    wall.t += ms;
    mono.t += ms;
  };
  return { p, wall, mono, get, advance };
}

const fredCalls = () => h.up.fred.count(OBS);
const ticCalls = () => h.up.tic.count(TIC_PATH);

describe("a refresh reaches the sources", () => {
  it("exactly one new upstream call per key; then the new copy is served, to this refresh and later ones", async () => {
    const s = await setup();
    const [f0, t0] = [fredCalls(), ticCalls()];
    const first = s.wall.t;
    expect((await s.get(obs("DGS10"))).cache).toBe("MISS");
    expect((await s.get(tic())).cache).toBe("MISS");
    s.advance(10 * MINUTE);
    expect((await s.get(obs("DGS10"))).cache).toBe("HIT"); // fresh (4 h), and no refresh asked: as before

    const click = s.wall.t;
    s.advance(1000);
    const refetched = s.wall.t;
    for (const path of [obs("DGS10", click), tic(click)]) {
      const r = await s.get(path);
      expect([r.status, r.cache, r.fetchedAt]).toEqual([200, "MISS", refetched]);
    }
    expect([fredCalls() - f0, ticCalls() - t0]).toEqual([2, 2]);

    s.advance(2 * MINUTE); // past the interval too: the copy is newer than the refresh, so it stands
    for (const path of [obs("DGS10", click), tic(click), obs("DGS10")]) {
      const r = await s.get(path);
      expect([r.cache, r.fetchedAt]).toEqual(["HIT", refetched]);
    }
    expect([fredCalls() - f0, ticCalls() - t0]).toEqual([2, 2]);
    expect(first).toBeLessThan(click);
    expect(s.p.logs.some((l) => l.includes(`→ 200 MISS, refreshed at ${new Date(click).toISOString()}`))).toBe(true);
  });

  it("a second refresh within the interval makes no call and is served the first one's copy; after it, one more", async () => {
    const s = await setup();
    const f0 = fredCalls();
    await s.get(obs("DEXJPUS"));
    s.advance(10 * MINUTE);
    const click1 = s.wall.t;
    s.advance(1000);
    const refetched = s.wall.t;
    expect((await s.get(obs("DEXJPUS", click1))).cache).toBe("MISS");
    expect(fredCalls() - f0).toBe(2);

    s.advance(INTERVAL / 2);
    const click2 = s.wall.t; // another user, or the same one again: later than the copy
    s.advance(1000);
    const second = await s.get(obs("DEXJPUS", click2));
    expect([second.cache, second.fetchedAt]).toEqual(["HIT", refetched]);
    expect(fredCalls() - f0).toBe(2);

    s.advance(INTERVAL / 2); // the interval (monotonic) has passed since the refetch
    expect((await s.get(obs("DEXJPUS", click2))).cache).toBe("MISS");
    expect(fredCalls() - f0).toBe(3);
  });

  it("100 concurrent refreshing requests share one upstream call", async () => {
    const s = await setup();
    await s.get(obs("DGS3MO"));
    s.advance(10 * MINUTE);
    const click = s.wall.t;
    s.advance(1000);
    const f0 = fredCalls();
    h.up.fred.delayMs = 200; // the requests pile up while the refetch is out
    try {
      const all = await Promise.all(Array.from({ length: 100 }, () => s.get(obs("DGS3MO", click))));
      expect(fredCalls() - f0).toBe(1);
      expect(all.filter((r) => r.cache === "MISS")).toHaveLength(1);
      // the others joined it, or came after it had stored its copy
      for (const r of all) expect([r.status, r.fetchedAt, ["MISS", "SHARED", "HIT"].includes(String(r.cache))]).toEqual([200, s.wall.t, true]);
      expect(new Set(all.map((r) => r.body)).size).toBe(1);
    } finally {
      h.up.fred.delayMs = 0;
    }
  });
});

describe("what a refresh cannot do", () => {
  it("a time more than five minutes ahead of the proxy's clock forces no fetch (it is ignored); within them it counts", async () => {
    expect(REFRESH_AHEAD_MS).toBe(5 * MINUTE);
    const s = await setup();
    await s.get(obs("DGS10"));
    s.advance(10 * MINUTE);
    const f0 = fredCalls();
    for (const ahead of [REFRESH_AHEAD_MS + 1000, 3600_000, 100 * 365 * 24 * 3600_000]) {
      const r = await s.get(obs("DGS10", s.wall.t + ahead));
      expect([r.status, r.cache]).toEqual([200, "HIT"]);
    }
    expect(fredCalls() - f0).toBe(0);
    expect(s.p.logs.filter((l) => l.includes("refreshed_at ignored: ahead of the proxy's clock"))).toHaveLength(3);
    // A computer whose clock is a minute ahead of the proxy's: its refresh still reaches FRED.
    expect((await s.get(obs("DGS10", s.wall.t + MINUTE))).cache).toBe("MISS");
    expect(fredCalls() - f0).toBe(1);
  });

  it("an unreadable time is refused (400) before any source is asked", async () => {
    const s = await setup();
    const before = h.up.fred.total() + h.up.tic.total() + h.up.mof.total();
    const bad = ["", "abc", "-5", "1.5e12", "1786017600000.5", "0", "1e3", "99999999999999999999", "1786017600000&refreshed_at=1786017600001"];
    for (const v of bad) {
      const r = await s.get(obs("DGS10", v));
      expect([v, r.status]).toEqual([v, 400]);
    }
    const r = await s.get(tic(Number.NaN));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ proxy_error: "parameter refreshed_at must be a time in milliseconds since 1970-01-01, digits only" });
    expect(h.up.fred.total() + h.up.tic.total() + h.up.mof.total()).toBe(before);
  });

  it("a refetch that fails serves the old copy, saying so (X-Cache: STALE); the interval still holds", async () => {
    const s = await setup();
    const fetched = s.wall.t;
    await s.get(obs("DGS10"));
    s.advance(10 * MINUTE);
    const f0 = fredCalls();
    await whileFailing(h.up.fred, OBS, { status: 500 }, async () => {
      const click = s.wall.t;
      s.advance(1000);
      const r = await s.get(obs("DGS10", click));
      expect([r.status, r.cache, r.fetchedAt]).toEqual([200, "STALE", fetched]);
      s.advance(10_000);
      const again = await s.get(obs("DGS10", s.wall.t));
      expect([again.status, again.cache, again.fetchedAt]).toEqual([200, "HIT", fetched]);
      expect(fredCalls() - f0).toBe(1);
    });
    s.advance(INTERVAL);
    expect((await s.get(obs("DGS10", s.wall.t))).cache).toBe("MISS");
    expect(fredCalls() - f0).toBe(2);
  });

  it("the rate budget and a source's Retry-After still apply: the copy stands in, nothing is sent", async () => {
    // One FRED token and no waiting: the first fetch spends it, and the monotonic clock stands still.
    const budget = await setup({ fredBurst: 1, maxRateWaitMs: 0 });
    await budget.get(obs("DGS10"));
    budget.wall.t += 10 * MINUTE;
    const f0 = fredCalls();
    const held = await budget.get(obs("DGS10", budget.wall.t));
    expect([held.status, held.cache]).toEqual([200, "STALE"]);
    expect(fredCalls() - f0).toBe(0);

    const resting = await setup();
    await resting.get(obs("DGS10"));
    resting.advance(10 * MINUTE);
    await whileFailing(h.up.fred, OBS, { status: 429, headers: { "Retry-After": "120" } }, () => resting.get(obs("DEXJPUS")));
    const f1 = fredCalls();
    const r = await resting.get(obs("DGS10", resting.wall.t)); // FRED rests for 120 s
    expect([r.status, r.cache]).toEqual([200, "STALE"]);
    expect(fredCalls() - f1).toBe(0);
  });

  it("the parameter is no part of what reaches FRED: the canonical query and the proxy's key, nothing else", async () => {
    const s = await setup();
    await s.get(`${obs("DGS10")}&sort_order=desc`);
    s.advance(10 * MINUTE);
    const n = h.up.fred.received.length;
    expect((await s.get(`${obs("DGS10", s.wall.t)}&sort_order=desc`)).cache).toBe("MISS"); // asked again for the refresh
    expect(h.up.fred.received.slice(n)).toEqual([`${OBS}?file_type=json&series_id=DGS10&sort_order=desc&api_key=${KEY}`]);
  });
});

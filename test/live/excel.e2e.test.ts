/**
 * End to end, the Excel path: the add-in's live functions as Excel calls them (the adapter's
 * `excel(NAME, args)`, what the generated JPUST.* wrappers call) in Node, with stand-ins for
 * `CustomFunctions` (Error, ErrorCode), `OfficeRuntime.storage` and the global fetch (which adds
 * the add-in's Origin, as the browser runtime does, and refuses anything beyond 127.0.0.1),
 * through the REAL proxy process (`node --import tsx src/proxy/main.ts`, as `npm run proxy`
 * runs it) with its upstreams pointed at the mock servers of test/helpers/upstreams.ts and a test
 * FRED_API_KEY. The proxy URL comes from the task pane's setting in OfficeRuntime.storage.
 *
 * Expected values come from our fixtures (test/fixtures/data, lines named) and the
 * reference (docs/functions.md, "Live checkpoints"); messages from src/sources/check.ts (checkFetch) and the proxy.
 */
import { FIXTURE_PANEL } from "../helpers/dataFixtures";
import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { StandInError, installCustomFunctions, removeCustomFunctions } from "../hosts/excel/customFunctionsStandIn";
import { excel } from "../../src/hosts/excel/adapter";
import { localToday, resetLiveFetcher } from "../../src/hosts/excel/fetcher";
import { DEFAULT_PROXY_URL, PROXY_URL_KEY, checkProxyUrl } from "../../src/hosts/excel/proxySetting";
import { refreshLiveData } from "../../src/hosts/excel/taskpane/refreshLiveData";
import type { Endpoints } from "../../src/sources/request";
import { isoToSerial } from "../../src/args/dates";
import type { Table } from "../../src/core/table";
import {
  MOF_CURRENT_PATH,
  MOF_WEEKLY_PATH,
  type ProxyProcess,
  TIC_HISTORY_PATH,
  TIC_PATH,
  type Upstreams,
  startProxyProcess,
  startUpstreams,
  whileFailing,
} from "../helpers/upstreams";
import { expectedFlows, expectedHedgeHistory } from "./history";

const KEY = "0123456789abcdef0123456789abcdef"; // a test key: FRED keys are 32 lower-case letters and digits
const ORIGIN = "https://localhost:3000"; // the add-in's origin (ADDIN_URL default)
const OBS = "/fred/series/observations";
const HOUR = 3600_000;


/** OfficeRuntime.storage: async, persistent for the test (a new "Excel session" keeps it). */
const stored = new Map<string, string>();
const officeStorage = {
  getItem: async (k: string) => stored.get(k) ?? null,
  setItem: async (k: string, v: string) => void stored.set(k, v),
  removeItem: async (k: string) => void stored.delete(k),
};

const realFetch = globalThis.fetch;
/** Requests the add-in sent (to the proxy). */
const sent: string[] = [];
const refused: string[] = [];

let up: Upstreams;
/** Everything every proxy process printed (checked for the key at the end). */
let proxyOut = "";

/**
 * `npm run proxy` as a process of its own, upstreams at the mocks (`endpoints`, default our small
 * files); a fresh cache each time. `fredKey` null: a proxy started without FRED_API_KEY.
 */
async function startProxy(endpoints: Endpoints = up.endpoints, fredKey: string | null = KEY): Promise<ProxyProcess> {
  const env = { ADDIN_ORIGIN: ORIGIN, UPSTREAM_TIMEOUT_MS: "1000", ...(fredKey === null ? {} : { FRED_API_KEY: fredKey }) };
  const proxy = await startProxyProcess(endpoints, env, (text) => (proxyOut += text));
  // The task pane's setting (src/hosts/excel/proxySetting.ts): where this user's proxy runs.
  await officeStorage.setItem(PROXY_URL_KEY, proxy.url);
  return proxy;
}

beforeAll(async () => {
  up = await startUpstreams(KEY);
  const g = globalThis as Record<string, unknown>;
  installCustomFunctions();
  g.OfficeRuntime = { storage: officeStorage };
  globalThis.fetch = (async (url: string | URL, init: RequestInit = {}) => {
    const u = String(url);
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(u)) {
      refused.push(u);
      throw new TypeError("Failed to fetch");
    }
    sent.push(u);
    return realFetch(u, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: ORIGIN } });
  }) as typeof fetch;
}, 60_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  const g = globalThis as Record<string, unknown>;
  removeCustomFunctions();
  delete g.OfficeRuntime;
  await up?.close();
  expect(refused).toEqual([]); // never anything beyond 127.0.0.1
  expect(proxyOut).toContain("listening on");
  expect(proxyOut).not.toContain(KEY); // the proxy logs no key
});

afterEach(() => {
  vi.useRealTimers();
});

/** A new Excel session with nothing cached: the memory cache and OfficeRuntime.storage emptied (the proxy setting kept). */
function freshSession(): void {
  resetLiveFetcher();
  for (const k of [...stored.keys()]) if (k !== PROXY_URL_KEY) stored.delete(k);
}

/**
 * A proxy process for the tests of one describe block (with its own cache; `endpoints`, read when
 * it starts, default our small files) and, unless `freshEachTest` is false, a new Excel session
 * before each test. Returns the running proxy.
 */
function proxyForBlock(opts: { endpoints?: () => Endpoints; freshEachTest?: boolean } = {}): () => ProxyProcess {
  let proxy: ProxyProcess;
  beforeAll(async () => {
    proxy = await startProxy(opts.endpoints?.());
  }, 60_000);
  afterAll(() => proxy?.stop());
  if (opts.freshEachTest !== false) beforeEach(freshSession);
  return () => proxy;
}

/** Excel passes every argument as a matrix ([[x]]) and an omitted optional as null. */
const m = (x: unknown) => [[x]];
const call = (name: string, ...args: unknown[]) => excel(name, args) as Promise<unknown[][]>;
async function rejection(p: Promise<unknown>): Promise<StandInError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StandInError);
    return e as StandInError;
  }
  throw new Error("expected the call to reject with a CustomFunctions.Error, it resolved");
}

describe("Excel: the live functions through the real proxy", () => {
  proxyForBlock({ freshEachTest: false });

  it("happy path: FRED, TIC_HOLDINGS, TIC_CHANGE, JGB_YIELD resolve to 1×1 matrices", async () => {
    freshSession();
    expect(await call("FRED", m("DGS10"), null, null)).toEqual([[0.0469]]); // fred_DGS10_desc.json line 2 (4.69% → decimal)
    expect(await call("TIC_HOLDINGS", m("Japan"), null)).toEqual([[1209.9]]); // tic_slt_table5_small.txt line 7
    expect(await call("TIC_CHANGE", m("japan"), m(12))).toEqual([[75.4]]); // line 7: 1209.9 − 1134.5
    expect(await call("JGB_YIELD", m("10Y"), null)).toEqual([[0.0165]]); // mof_jgbcme_small.csv line 5: 10Y 1.65
    // the key reached FRED from the proxy; the add-in never sent one
    expect(sent.some((u) => u.includes("api_key"))).toBe(false);
    expect(up.fred.received.every((u) => u.endsWith(`&api_key=${KEY}`))).toBe(true);
  });

  it("CHECKPOINTS spills the §6 panel (9 × 5)", async () => {
    const t = await call("CHECKPOINTS", null);
    expect(t).toHaveLength(9);
    // Values as in test/live/checkpoints.test.ts (fixture lines named there)
    expect(t.map((r) => r.slice(0, 4))).toEqual(FIXTURE_PANEL);
  });

  it("FRED_SERIES spills Excel serial dates, oldest first", async () => {
    const t = await call("FRED_SERIES", m("T5YIE"), m("2026-07-01"), m(46234), null);
    // fred_T5YIE_asc.json: 2026-07-01 2.31, 07-02 "." skipped, 07-06 2.35; end 46234 = 2026-07-31 (Excel DATE(2026,7,31)).
    // Serials: DATE(2026,7,1) = 46204, DATE(2026,7,6) = 46209 (days since 1899-12-30, Python date arithmetic).
    expect(t).toEqual([
      ["date", "value"],
      [46204, 0.0231],
      [46209, 0.0235],
    ]);
  });

  it("the second call is served from cache: memory, then OfficeRuntime.storage in a new session", async () => {
    freshSession();
    const n = sent.length;
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]); // fred_DEXJPUS_desc.json line 2
    expect(sent.length - n).toBe(1);
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]);
    resetLiveFetcher(); // Excel restarted: the memory cache is gone, OfficeRuntime.storage is not
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]);
    expect(sent.length - n).toBe(1); // one request to the proxy in all (the proxy's own cache is test/proxy's subject)
    expect([...stored.keys()].some((k) => k.includes("DEXJPUS"))).toBe(true);
    expect([...stored.values()].some((v) => v.includes(KEY))).toBe(false);
  });

  it("identical requests in flight are shared: 20 cells of FRED(\"DGS3MO\") make one request", async () => {
    freshSession();
    const n = sent.length;
    const all = await Promise.all(Array.from({ length: 20 }, () => call("FRED", m("DGS3MO"), null, null)));
    for (const r of all) expect(r).toEqual([[0.0431]]); // fred_DGS3MO_desc.json line 2: 4.31 on 2026-08-06
    expect(sent.length - n).toBe(1);
  });
});

describe("Excel: failures reach the cell as CustomFunctions.Error #N/A with the reason", () => {
  // A proxy of its own: it caches good replies, so each failure asks for data it does not hold yet.
  const proxy = proxyForBlock();

  it("upstream 429 → #N/A naming FRED and the status", async () => {
    // A proxy of its own: after a 429 the proxy rests FRED for a minute (test/proxy covers that).
    const resting = await startProxy();
    try {
      resetLiveFetcher();
      await whileFailing(up.fred, OBS, { status: 429, body: "Too Many Requests" }, async () => {
        const e = await rejection(call("FRED", m("THREEFYTP10"), null, null));
        expect(e.code).toBe("#N/A");
        expect(e.message).toBe("FRED THREEFYTP10: HTTP 429 too many requests (FRED allows 120 requests a minute per key); the proxy asks FRED again in 60 s (via the proxy, HTTP 503)");
      });
    } finally {
      await resting.stop();
      await officeStorage.setItem(PROXY_URL_KEY, proxy().url);
    }
  });

  it("upstream 500 → #N/A naming the TIC table", async () => {
    resetLiveFetcher();
    await whileFailing(up.tic, TIC_PATH, { status: 500 }, async () => {
      const e = await rejection(call("TIC_CHANGE", m("China, Mainland"), m(1)));
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe("US Treasury TIC slt_table5.txt: HTTP 500 server error (via the proxy, HTTP 502)");
    });
  });

  it("upstream timeout → #N/A saying so (the proxy's 1 s limit in this test; 10 s by default)", async () => {
    resetLiveFetcher();
    await whileFailing(up.mof, MOF_CURRENT_PATH, "hang", async () => {
      const e = await rejection(call("JGB_YIELD", m(10), null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe("Japan MoF jgbcme.csv: no reply within 1 s (timeout) (via the proxy, HTTP 504)");
    });
  });

  it("upstream garbage → #N/A 'unparseable reply', never a number", async () => {
    resetLiveFetcher();
    await whileFailing(up.mof, MOF_CURRENT_PATH, "garbage", async () => {
      const e = await rejection(call("JGB_YIELD", m(5), null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/^Japan MoF jgbcme\.csv: unparseable reply: .* \(via the proxy, HTTP 502\)$/);
    });
  });

  it("unknown series → #N/A naming it", async () => {
    const e = await rejection(call("FRED", m("NOSUCH1"), null, null));
    expect(e.code).toBe("#N/A");
    // fred_error_unknown_series_400.json: "Bad Request.  The series does not exist."
    expect(e.message).toBe('FRED NOSUCH1: unknown series: FRED says "The series does not exist." Check the id on fred.stlouisfed.org');
  });

  it("a bad argument → #VALUE! naming it (not a fetch)", async () => {
    const n = sent.length;
    const e = await rejection(call("FRED", m("DGS10"), m("31/03/2026"), null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("date");
    expect(sent.length).toBe(n);
  });

  it("inside CHECKPOINTS a failing source spoils only its own cells, as CustomFunctions.Error elements", async () => {
    resetLiveFetcher();
    await whileFailing(up.tic, TIC_PATH, { status: 503 }, async () => {
      const t = await call("CHECKPOINTS", null);
      const row = (name: string) => t.find((r) => r[0] === name)!;
      const cell = row("japan_holdings_bn")[1] as StandInError;
      expect(cell).toBeInstanceOf(StandInError);
      expect(cell.code).toBe("#N/A");
      expect(cell.message).toBe("US Treasury TIC slt_table5.txt: HTTP 503 service unavailable (via the proxy, HTTP 502)");
      expect(row("us_10y")[1]).toBe(0.0469);
    });
  });
});

describe("Excel: the proxy down or silent", () => {
  const proxy = proxyForBlock();

  it("a proxy that accepts but never answers → #N/A timeout after 10 s, never a cell stuck in #BUSY!", async () => {
    // A TCP server that takes the connection and says nothing (a hung proxy).
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      resetLiveFetcher();
      await officeStorage.setItem(PROXY_URL_KEY, url);
      const e = await rejection(call("FRED", m("DGS1"), null, null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe("FRED DGS1: no reply within 10 s (timeout)"); // REQUEST_TIMEOUT_MS, src/sources/request.ts
    } finally {
      await officeStorage.setItem(PROXY_URL_KEY, proxy().url);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  }, 30_000);

  it("stale served when the proxy is down; past the stale age the cell says the proxy is unreachable", async () => {
    resetLiveFetcher();
    expect(await call("FRED", m("DGS10"), m("2026-08-04"), null)).toEqual([[0.0463]]); // fred_DGS10_desc.json line 4: 2026-08-04 4.63
    await proxy().stop();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0 + 5 * HOUR); // past FRED's 4 h maxAge, within its 7-day stale age (src/sources/fred.ts FRED_AGES)
    expect(await call("FRED", m("DGS10"), m("2026-08-04"), null)).toEqual([[0.0463]]);
    resetLiveFetcher(); // and in a new session, from OfficeRuntime.storage
    expect(await call("FRED", m("DGS10"), m("2026-08-04"), null)).toEqual([[0.0463]]);
    vi.setSystemTime(t0 + 8 * 24 * HOUR); // past the 7-day stale age
    const e = await rejection(call("FRED", m("DGS10"), m("2026-08-04"), null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^FRED DGS10: unreachable \(fetch failed at http:\/\/127\.0\.0\.1:\d+\)$/);
    // A function never asked before: the same message, at once.
    expect((await rejection(call("TIC_HOLDINGS", m("Grand Total"), null))).message).toMatch(/^US Treasury TIC slt_table5\.txt: unreachable/);
  });
});

describe("Excel: Refresh live data reaches the sources through the real proxy", () => {
  proxyForBlock({ freshEachTest: false });

  it("the button → the next live call → the proxy asks FRED again, once; without the click the proxy's copy is served", async () => {
    freshSession();
    const fredAsked = () => up.fred.received.filter((u) => u.includes("series_id=DEXJPUS")).length;
    const n = fredAsked();
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]); // fred_DEXJPUS_desc.json line 2
    expect(fredAsked() - n).toBe(1);
    freshSession(); // the add-in's copies gone, no click: the proxy answers from its own (fresh 4 h)
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]);
    expect(fredAsked() - n).toBe(1);

    await new Promise((r) => setTimeout(r, 5)); // the click comes after the proxy's fetch, on the same clock
    const click = new Date();
    // The task pane's button, with the part of the Excel API it needs when it cannot search the sheets.
    const pane = { workbook: { application: { calculate: () => undefined } }, sync: async () => undefined };
    await refreshLiveData(pane as unknown as Excel.RequestContext, officeStorage, click, false);
    const s = sent.length;
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]); // Excel's full calculation
    expect(sent.slice(s)).toEqual([expect.stringMatching(new RegExp(`[?&]refreshed_at=${click.getTime()}$`))]);
    expect(fredAsked() - n).toBe(2);
    expect(up.fred.received.filter((u) => u.includes("refreshed_at"))).toEqual([]);

    // Later calculations, in this session and in a new one that still carries the click: no more calls to FRED.
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]);
    resetLiveFetcher();
    for (const k of [...stored.keys()]) if (k.startsWith("mb1:")) stored.delete(k);
    expect(await call("FRED", m("DEXJPUS"), null, null)).toEqual([[147.25]]);
    expect(sent[sent.length - 1]).toContain(`refreshed_at=${click.getTime()}`);
    expect(fredAsked() - n).toBe(2);
  });
});

describe("the proxy URL setting (task pane)", () => {
  it("defaults to npm run proxy on this machine; plain http only for localhost", () => {
    expect(DEFAULT_PROXY_URL).toBe("http://localhost:8787");
    expect(checkProxyUrl(" http://localhost:8787/ ")).toEqual({ ok: true, url: "http://localhost:8787" });
    expect(checkProxyUrl("https://proxy.example.com/mb")).toEqual({ ok: true, url: "https://proxy.example.com/mb" });
    expect(checkProxyUrl("http://proxy.example.com").ok).toBe(false); // an https add-in may call plain http only on localhost
    expect(checkProxyUrl("ftp://x").ok).toBe(false);
    expect(checkProxyUrl("proxy").ok).toBe(false);
  });
});

describe("Excel: HEDGE_HISTORY and JAPAN_FLOWS through the real proxy, on the publishers' real files", () => {
  // The mocks serve FRED DGS10 (the API's JSON) and DGS3MO (FRED's download CSV rewritten as the API's JSON: only the CSV is in
  // the fixtures), the MoF JGB history, mfhhis01.txt, slt_table5.txt and week.csv (cp932, which the proxy converts to UTF-8).
  const proxy = proxyForBlock({ endpoints: () => up.realEndpoints });


  it("HEDGE_HISTORY 2000-03 .. 2024-07: the core's table on the same files, months as Excel serials", async () => {
    const t = await call("HEDGE_HISTORY", m("2000-03"), m("2024-07"), null, null, null);
    expect(t).toEqual(asExcel(expectedHedgeHistory("2000-03", "2024-07", localToday()), [0]));
    // Read by hand (lines named in test/live/hedgeHistory.test.ts); DATE(2000,3,31) = 36616, DATE(2024,7,31) = 45504 (Python date arithmetic).
    expect(t[1]).toEqual([36616, 0.0603, 0.0588, 0.00256, 0.05624, 0.00406, 0.01776, 0.0137, 307.6, ""]);
    expect(t[293]).toEqual([45504, 0.0409, 0.0541, 0.00275, 0.05135, -0.01045, 0.0107, 0.02115, 1093.5, -18.3]);
    console.log(`Excel HEDGE_HISTORY("2000-03", "2024-07") through the proxy:\n${[t[0], t[1], t[293]].map((r) => r.join("\t")).join("\n")}`);
    // The add-in asked the proxy's paths, never with a key; the proxy added its key for FRED only.
    const paths = sent.slice(-6).map((u) => new URL(u).pathname);
    expect(paths.sort()).toEqual(["/fred/series/observations", "/fred/series/observations", "/mof/jgbcme.csv", "/mof/jgbcme_all.csv", "/tic/mfhhis01.txt", "/tic/slt_table5.txt"]);
    expect(sent.some((u) => u.includes("api_key"))).toBe(false);
  });

  it("JAPAN_FLOWS() through the proxy (week.csv converted from cp932): the last 13 weeks as serials and JPY bn", async () => {
    const t = await call("JAPAN_FLOWS", null, null, null, null);
    expect(t).toEqual(asExcel(expectedFlows(13, "foreign_bonds"), [0, 1]));
    // week.csv line 1147 (2026．9．6～9．12): long-term debt net "10,829 " → 1,082.9 bn; DATE(2026,9,6) = 46271, DATE(2026,9,12) = 46277.
    expect(t[13].slice(0, 3)).toEqual([46271, 46277, 1082.9]);
    expect(t[13][4]).toBeCloseTo((t.slice(1) as number[][]).reduce((a, r) => a + r[2], 0), 9); // the 13 weeks shown
    // Another series and window from the same cached file: the weeks to the Golden Week of 2019 (line 763: "-28 " → −2.8).
    const gw = await call("JAPAN_FLOWS", m(2), m("2019-05-04"), m("Japan_Bonds"), null);
    expect(gw).toEqual(asExcel(expectedFlows(2, "japan_bonds", "2019-05-04"), [0, 1]));
    expect(gw[2][2]).toBe(-2.8);
  });

  it("a bad argument → #VALUE! naming it, nothing sent", async () => {
    const n = sent.length;
    const e = await rejection(call("JAPAN_FLOWS", m(13), null, m("bonds"), null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('series = "bonds" is not one of "foreign_bonds", "foreign_equity", "foreign_total", "japan_bonds"');
    expect((await rejection(call("HEDGE_HISTORY", m("2024-07"), m("2024-06"), null, null, null))).message).toBe("start 2024-07 is after end 2024-06");
    expect(sent.length).toBe(n);
  });
});

describe("Excel: HEDGE_HISTORY and JAPAN_FLOWS when the sources fail", () => {
  // A proxy of its own: it caches good replies, so each failure asks for a file it does not hold yet.
  const proxy = proxyForBlock({ endpoints: () => up.realEndpoints });

  it("source down → JAPAN_FLOWS #N/A naming week.csv", async () => {
    await whileFailing(up.mof, MOF_WEEKLY_PATH, { status: 500 }, async () => {
      const e = await rejection(call("JAPAN_FLOWS", null, null, null, null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe("Japan MoF week.csv: HTTP 500 server error (via the proxy, HTTP 502)");
    });
  });

  it("garbage → #N/A 'unparseable reply', never a number", async () => {
    await whileFailing(up.mof, MOF_WEEKLY_PATH, "garbage", async () => {
      const e = await rejection(call("JAPAN_FLOWS", m(4), null, null, null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/^Japan MoF week\.csv: unparseable reply: .* \(via the proxy, HTTP 502\)$/);
    });
  });

  it("timeout of one file → only HEDGE_HISTORY's cells from it are #N/A; the rates fill", async () => {
    await whileFailing(up.tic, TIC_HISTORY_PATH, "hang", async () => {
      const t = await call("HEDGE_HISTORY", m("2024-06"), m("2024-07"), null, null, null);
      const held = t[2][8] as StandInError;
      expect(held).toBeInstanceOf(StandInError);
      expect([held.code, held.message]).toEqual(["#N/A", "US Treasury TIC mfhhis01.txt: no reply within 1 s (timeout) (via the proxy, HTTP 504)"]);
      expect((t[2][9] as StandInError).message).toBe(held.message); // the 12-month change is computed from it
      // 2024-07 read by hand as above: DGS10 4.09, DGS3MO 5.41, MoF 1Y 0.275 and 10Y 1.07.
      expect(t[2].slice(0, 8)).toEqual([45504, 0.0409, 0.0541, 0.00275, 0.05135, -0.01045, 0.0107, 0.02115]);
    });
  });

  it("stale copy served when the proxy is down, within the weekly file's 14 days; then the proxy's unreachability", async () => {
    const fresh = await call("JAPAN_FLOWS", m(4), null, m("foreign_equity"), null);
    expect(fresh).toEqual(asExcel(expectedFlows(4, "foreign_equity"), [0, 1]));
    await proxy().stop();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0 + 5 * HOUR); // past the 4 h maxAge of week.csv (AGES.mofFlowsWeekly), within its 14-day stale age
    expect(await call("JAPAN_FLOWS", m(4), null, m("foreign_equity"), null)).toEqual(fresh);
    resetLiveFetcher(); // a new session: from OfficeRuntime.storage
    expect(await call("JAPAN_FLOWS", m(4), null, m("foreign_equity"), null)).toEqual(fresh);
    vi.setSystemTime(t0 + 15 * 24 * HOUR);
    const e = await rejection(call("JAPAN_FLOWS", m(4), null, m("foreign_equity"), null));
    expect(e.message).toMatch(/^Japan MoF week\.csv: unreachable \(fetch failed at http:\/\/127\.0\.0\.1:\d+\)$/);
  });

  it("a proxy without a FRED key: HEDGE_HISTORY's US columns say so, the MoF and TIC columns fill", async () => {
    const keyless = await startProxy(up.realEndpoints, null);
    try {
      const t = await call("HEDGE_HISTORY", m("2024-07"), null, null, null, null);
      const us10 = t[1][1] as StandInError;
      expect(us10.code).toBe("#N/A");
      expect(us10.message).toMatch(/^FRED DGS10: the proxy has no FRED API key: .* \(via the proxy, HTTP 503\)$/);
      expect((t[1][2] as StandInError).message).toMatch(/^FRED DGS3MO: the proxy has no FRED API key/);
      expect([t[1][3], t[1][6], t[1][8], t[1][9]]).toEqual([0.00275, 0.0107, 1093.5, -18.3]); // MoF 1Y, 10Y; TIC Japan (read by hand above)
    } finally {
      await keyless.stop();
      await officeStorage.setItem(PROXY_URL_KEY, proxy().url);
    }
  });
});

/** The core's table as Excel gets it: the ISO days of `dateColumns` (below the header) as serials. */
function asExcel(t: Table, dateColumns: number[]): unknown[][] {
  return t.map((row, i) => row.map((c, j) => (i > 0 && dateColumns.includes(j) && typeof c === "string" && c !== "" ? isoToSerial(c) : c)));
}

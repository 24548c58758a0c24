/**
 * Mock upstreams on 127.0.0.1 for the proxy tests: FRED (JSON), the TIC tables (text), the MoF
 * curve and flow files (CSV), serving our fixtures (test/fixtures/data) and, for the TIC history
 * and the MoF flows, the publishers' real bytes (test/fixtures/real). Under
 * `realEndpoints` FRED DGS10/DGS3MO, slt_table5 and the MoF history are the real files too. Each
 * counts its requests, records the URLs it received, and can be told to fail a path: an HTTP
 * status (with headers), garbage, or no reply at all.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ROOT } from "../../scripts/generated";
import type { Endpoints } from "../../src/sources/request";
import { UPSTREAM_URL_ENV } from "../../src/proxy/config";
import { type ProxyOptions, type ProxyServer, createProxy } from "../../src/proxy/server";
import { own } from "./dataFixtures";
import { fredgraphCsvToApiJson } from "./fredgraph";
import { realFixtureBytes } from "./realFixtures";

export type Failure = { status: number; body?: string; headers?: Record<string, string> } | "hang" | "garbage";

export interface Mock {
  url: string;
  /** Requests received per path (any query). */
  count(path: string): number;
  total(): number;
  /** Every request target received, in order (FRED's include the api_key the proxy added). */
  received: string[];
  fail(path: string, how: Failure | undefined): void;
  /** Delay every reply (to pile requests up in flight). */
  delayMs: number;
  close(): Promise<void>;
}

/** Run `body` while `mock` fails `path` as told; the failure is lifted afterwards, whatever happens. */
export async function whileFailing<T>(mock: Mock, path: string, how: Failure, body: () => Promise<T>): Promise<T> {
  mock.fail(path, how);
  try {
    return await body();
  } finally {
    mock.fail(path, undefined);
  }
}

type Handler = (q: URLSearchParams) => { status: number; body: string | Buffer; headers?: Record<string, string> };

async function startMock(routes: Record<string, Handler>): Promise<Mock> {
  const counts = new Map<string, number>();
  const failures = new Map<string, Failure>();
  const received: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  const mock: Partial<Mock> = { delayMs: 0, received };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://mock");
    received.push(req.url ?? "");
    counts.set(u.pathname, (counts.get(u.pathname) ?? 0) + 1);
    const reply = () => {
      const f = failures.get(u.pathname);
      if (f === "hang") {
        hanging.add(res);
        return;
      }
      if (f === "garbage") {
        res.writeHead(200, { "Content-Type": "text/html" });
        res.end(own("garbage_maintenance.html"));
        return;
      }
      if (f) {
        res.writeHead(f.status, { "Content-Type": "text/plain", ...(f.headers ?? {}) });
        res.end(f.body ?? "");
        return;
      }
      const h = routes[u.pathname];
      if (!h) {
        res.writeHead(404);
        res.end("not found");
        return;
      }
      const r = h(u.searchParams);
      res.writeHead(r.status, { "Content-Type": "application/octet-stream", ...(r.headers ?? {}) });
      res.end(r.body);
    };
    if (mock.delayMs) setTimeout(reply, mock.delayMs);
    else reply();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(mock, {
    url: `http://127.0.0.1:${port}`,
    count: (path: string) => counts.get(path) ?? 0,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    fail: (path: string, how: Failure | undefined) => (how === undefined ? failures.delete(path) : failures.set(path, how)),
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
  }) as Mock;
}

const FRED_FIXTURES: Record<string, string> = {
  DGS10: "fred_DGS10_desc.json",
  THREEFYTP10: "fred_THREEFYTP10_desc.json",
  DEXJPUS: "fred_DEXJPUS_desc.json",
  DGS3MO: "fred_DGS3MO_desc.json",
  T5YIE: "fred_T5YIE_asc.json",
  EXJPUS: "fred_EXJPUS_desc.json",
};
const FRED_SERIES: Record<string, string> = { T5YIE: "fred_series_T5YIE.json", EXJPUS: "fred_series_EXJPUS.json" };

/** The real histories the FRED mock serves under REAL_FRED_PREFIX (test/fixtures/real), oldest file first. */
export const REAL_FRED = {
  DGS10: ["fred_api_DGS10_observations_asc_2000_rt2026-08-21.json"],
  // Only FRED's download CSV is in the fixtures: rewritten as the API's JSON (test/helpers/fredgraph.ts).
  DGS3MO: ["fred_DGS3MO_fredgraph_csv_1981-09-01_2026-04-17.csv"],
  // Two downloads: the old format to 2023-09-15, the new one from 2015-07-13 (the newer wins where both have a day).
  DEXJPUS: ["fred_DEXJPUS_fredgraph_csv_oldformat_1971-01-04_2023-09-15.csv", "fred_DEXJPUS_fredgraph_csv_2015-07-13_2025-07-11.csv"],
  THREEFYTP10: ["fred_THREEFYTP10_fredgraph_csv_2016-09-26_2026-09-25.csv"],
} as const;

/** The FRED base under which the mock answers from the real histories: `${fred.url}${REAL_FRED_PREFIX}/fred/series/observations`. */
export const REAL_FRED_PREFIX = "/real";

interface FredObservation {
  date: string;
  value: string;
}
const realFredCache = new Map<string, FredObservation[]>();

/** A real FRED history as the API's observations (oldest first): its files joined, a later file winning a day both hold. */
export function realFredObservations(id: keyof typeof REAL_FRED): FredObservation[] {
  if (!realFredCache.has(id)) {
    const byDate = new Map<string, FredObservation>();
    for (const name of REAL_FRED[id]) {
      const text = realFixtureBytes(name).toString("utf8");
      const json = name.endsWith(".csv") ? fredgraphCsvToApiJson(text, id) : text;
      for (const o of (JSON.parse(json) as { observations: FredObservation[] }).observations) byDate.set(o.date, o);
    }
    realFredCache.set(id, [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
  }
  return realFredCache.get(id)!;
}

/** A real FRED history as the API's JSON body, oldest first, every observation. */
export function realFredJson(id: keyof typeof REAL_FRED): string {
  const observations = realFredObservations(id);
  return JSON.stringify({ units: "lin", file_type: "json", sort_order: "asc", count: observations.length, limit: 100000, observations });
}

/** FRED's `series/observations` over a real history, as the API answers: the window, the order and the limit applied. */
function realFredReply(q: URLSearchParams): { status: number; body: string } | undefined {
  const id = q.get("series_id") ?? "";
  if (!Object.prototype.hasOwnProperty.call(REAL_FRED, id)) return undefined;
  const all = realFredObservations(id as keyof typeof REAL_FRED);
  const from = q.get("observation_start") ?? "0000-00-00";
  const to = q.get("observation_end") ?? "9999-12-31";
  let observations = all.filter((o) => o.date >= from && o.date <= to);
  if (q.get("sort_order") === "desc") observations = observations.slice().reverse();
  const limit = Number(q.get("limit") ?? 100000);
  observations = observations.slice(0, limit);
  const body = { observation_start: from, observation_end: to, units: "lin", file_type: "json", sort_order: q.get("sort_order") ?? "asc", count: observations.length, limit, observations };
  return { status: 200, body: JSON.stringify(body) };
}

/**
 * FRED: checks the api_key like FRED does (400 with error_message), 400 for an unknown series.
 * Series "ECHOKEY" answers with the key it received in its body and a header: a leak test.
 * Under REAL_FRED_PREFIX, DGS10, DGS3MO, DEXJPUS and THREEFYTP10 come from the real histories (REAL_FRED).
 */
export function startFredMock(validKey: string): Promise<Mock> {
  const keyCheck = (q: URLSearchParams) =>
    q.get("api_key") === validKey ? undefined : { status: 400, body: readFixture("fred_error_bad_key_400.json") };
  const unknown = { status: 400, body: readFixture("fred_error_unknown_series_400.json") };
  return startMock({
    [`${REAL_FRED_PREFIX}/fred/series/observations`]: (q) => keyCheck(q) ?? realFredReply(q) ?? unknown,
    "/fred/series/observations": (q) => {
      const bad = keyCheck(q);
      if (bad) return bad;
      const id = q.get("series_id") ?? "";
      if (id === "ECHOKEY") {
        return { status: 200, body: `{"echo":"${q.get("api_key")}","observations":[{"date":"2026-08-06","value":"1.00"}]}`, headers: { "X-Echo-Key": q.get("api_key") ?? "" } };
      }
      const f = FRED_FIXTURES[id];
      return f ? { status: 200, body: readFixture(f) } : unknown;
    },
    "/fred/series": (q) => {
      const bad = keyCheck(q);
      if (bad) return bad;
      const f = FRED_SERIES[q.get("series_id") ?? ""];
      return f ? { status: 200, body: readFixture(f) } : unknown;
    },
  });
}

export const TIC_PATH = "/resource-center/data-chart-center/tic/Documents/slt_table5.txt";
export const TIC_HISTORY_PATH = "/resource-center/data-chart-center/tic/Documents/mfhhis01.txt";
/** The real files the mocks serve for the new sources, and for the history at the REAL_* paths (test/fixtures/real). */
export const REAL = {
  ticHistory: "tic_mfhhis01_crlf_2000-2025_rev2026-05.txt",
  mofFlowsWeekly: "mof_itn_week_sjis_2005-01-02_2026-09-12.csv",
  mofFlowsMonthly: "mof_itn_montha1_sjis_2005-01_2026-08.csv",
  tic: "tic_slt_table5_2025-04_2026-04.txt",
  mofAll: "mof_jgbcme_all_1974-2024.csv",
} as const;
/** The real slt_table5.txt (our small one stays at TIC_PATH). */
export const REAL_TIC_PATH = "/real/slt_table5.txt";

/** A real publisher file as the publisher serves it (its bytes). */
const realFile = (name: string) => () => ({ status: 200, body: realFixtureBytes(name) });

export function startTicMock(): Promise<Mock> {
  return startMock({
    [TIC_PATH]: () => ({ status: 200, body: readFixture("tic_slt_table5_small.txt") }),
    [TIC_HISTORY_PATH]: realFile(REAL.ticHistory),
    [REAL_TIC_PATH]: realFile(REAL.tic),
  });
}

export const MOF_CURRENT_PATH = "/english/policy/jgbs/reference/interest_rate/jgbcme.csv";
export const MOF_ALL_PATH = "/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv";
export const MOF_WEEKLY_PATH = "/policy/international_policy/reference/itn_transactions_in_securities/week.csv";
export const MOF_MONTHLY_PATH = "/policy/international_policy/reference/itn_transactions_in_securities/montha1.csv";
/** The real JGB history, 1974 .. 2024-07 (our small one stays at MOF_ALL_PATH). */
export const REAL_MOF_ALL_PATH = "/real/jgbcme_all.csv";
export function startMofMock(): Promise<Mock> {
  return startMock({
    [MOF_CURRENT_PATH]: () => ({ status: 200, body: readFixture("mof_jgbcme_small.csv") }),
    [MOF_ALL_PATH]: () => ({ status: 200, body: readFixture("mof_jgbcme_all_small.csv") }),
    [MOF_WEEKLY_PATH]: realFile(REAL.mofFlowsWeekly),
    [MOF_MONTHLY_PATH]: realFile(REAL.mofFlowsMonthly),
    [REAL_MOF_ALL_PATH]: realFile(REAL.mofAll),
  });
}

const cache = new Map<string, string>();
function readFixture(name: string): string {
  if (!cache.has(name)) cache.set(name, own(name));
  return cache.get(name)!;
}

export interface Upstreams {
  fred: Mock;
  tic: Mock;
  mof: Mock;
  /** The proxy's `upstreams` option / the direct plan's `endpoints`. */
  endpoints: Endpoints;
  /** The same, with FRED DGS10/DGS3MO, slt_table5 and the MoF JGB history from the publishers' real files (HEDGE_HISTORY). */
  realEndpoints: Endpoints;
  close(): Promise<void>;
}

export async function startUpstreams(fredKey: string): Promise<Upstreams> {
  const [fred, tic, mof] = await Promise.all([startFredMock(fredKey), startTicMock(), startMofMock()]);
  const endpoints: Endpoints = {
    fred: fred.url,
    tic: tic.url + TIC_PATH,
    mofCurrent: mof.url + MOF_CURRENT_PATH,
    mofAll: mof.url + MOF_ALL_PATH,
    ticHistory: tic.url + TIC_HISTORY_PATH,
    mofFlowsWeekly: mof.url + MOF_WEEKLY_PATH,
    mofFlowsMonthly: mof.url + MOF_MONTHLY_PATH,
  };
  return {
    fred,
    tic,
    mof,
    endpoints,
    realEndpoints: { ...endpoints, fred: fred.url + REAL_FRED_PREFIX, tic: tic.url + REAL_TIC_PATH, mofAll: mof.url + REAL_MOF_ALL_PATH },
    close: async () => {
      await Promise.all([fred.close(), tic.close(), mof.close()]);
    },
  };
}

/** A plain HTTP GET (or other method) with full control of headers; never throws on status. */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString("utf8"), bytes });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export interface RunningProxy {
  proxy: ProxyServer;
  url: string;
  port: number;
  /** Every log line the proxy wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** A proxy in this process on 127.0.0.1 (port 0), its upstreams at the mocks, its log kept. */
export async function startProxy(up: Upstreams, fredApiKey: string | undefined, opts: ProxyOptions = {}): Promise<RunningProxy> {
  const logs: string[] = [];
  const proxy = createProxy({ fredApiKey, upstreams: up.endpoints, log: (l) => logs.push(l), ...opts });
  const { url, port } = await proxy.listen(0, "127.0.0.1");
  return { proxy, url, port, logs, close: () => proxy.close() };
}

export interface ProxyProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, resolved once it has exited. */
  stop(): Promise<void>;
}

/**
 * `npm run proxy` as a process of its own (`node --import tsx src/proxy/main.ts`) on a free port,
 * every upstream at `endpoints`, plus `env`; resolves once it listens. `onOutput` sees what it prints.
 */
export async function startProxyProcess(endpoints: Endpoints, env: Record<string, string> = {}, onOutput: (text: string) => void = () => {}): Promise<ProxyProcess> {
  const upstreams = Object.fromEntries((Object.keys(UPSTREAM_URL_ENV) as (keyof Endpoints)[]).map((k) => [UPSTREAM_URL_ENV[k], endpoints[k]]));
  const child = spawn(process.execPath, ["--import", "tsx", "src/proxy/main.ts"], { cwd: ROOT, env: { PATH: process.env.PATH, PROXY_PORT: "0", ...upstreams, ...env } });
  let out = "";
  const take = (d: Buffer) => {
    out += d;
    onOutput(String(d));
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => void stop().then(() => reject(new Error(`the proxy did not start: ${out}`))), 30_000);
    child.stdout.on("data", () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) {
        clearTimeout(t);
        resolve(found[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the proxy exited (${code}): ${out}`)));
  });
  return { url, child, output: () => out, stop };
}

/**
 * Mock upstreams on 127.0.0.1 for the proxy tests: FRED (JSON), the TIC table (text), the MoF
 * curve (CSV), serving our fixtures (test/fixtures/data). Each counts its requests, records the
 * URLs it received, and can be told to fail a path: an HTTP status, garbage, or no reply at all.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { own } from "../data/fixtures";

export type Failure = { status: number; body?: string } | "hang" | "garbage";

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

type Handler = (q: URLSearchParams) => { status: number; body: string; headers?: Record<string, string> };

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
        res.writeHead(f.status, { "Content-Type": "text/plain" });
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

/**
 * FRED: checks the api_key like FRED does (400 with error_message), 400 for an unknown series.
 * Series "ECHOKEY" answers with the key it received in its body and a header: a leak test.
 */
export function startFredMock(validKey: string): Promise<Mock> {
  const keyCheck = (q: URLSearchParams) =>
    q.get("api_key") === validKey ? undefined : { status: 400, body: readFixture("fred_error_bad_key_400.json") };
  const unknown = { status: 400, body: readFixture("fred_error_unknown_series_400.json") };
  return startMock({
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
export function startTicMock(): Promise<Mock> {
  return startMock({ [TIC_PATH]: () => ({ status: 200, body: readFixture("tic_slt_table5_small.txt") }) });
}

export const MOF_CURRENT_PATH = "/english/policy/jgbs/reference/interest_rate/jgbcme.csv";
export const MOF_ALL_PATH = "/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv";
export function startMofMock(): Promise<Mock> {
  return startMock({
    [MOF_CURRENT_PATH]: () => ({ status: 200, body: readFixture("mof_jgbcme_small.csv") }),
    [MOF_ALL_PATH]: () => ({ status: 200, body: readFixture("mof_jgbcme_all_small.csv") }),
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
  endpoints: { fred: string; tic: string; mofCurrent: string; mofAll: string };
  close(): Promise<void>;
}

export async function startUpstreams(fredKey: string): Promise<Upstreams> {
  const [fred, tic, mof] = await Promise.all([startFredMock(fredKey), startTicMock(), startMofMock()]);
  return {
    fred,
    tic,
    mof,
    endpoints: { fred: fred.url, tic: tic.url + TIC_PATH, mofCurrent: mof.url + MOF_CURRENT_PATH, mofAll: mof.url + MOF_ALL_PATH },
    close: async () => {
      await Promise.all([fred.close(), tic.close(), mof.close()]);
    },
  };
}

/** A plain HTTP GET (or other method) with full control of headers; never throws on status. */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

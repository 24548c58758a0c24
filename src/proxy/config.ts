/**
 * The proxy's settings: options with their defaults, and the environment `npm run proxy` reads
 * (listed in main.ts).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DEFAULT_ENDPOINTS } from "../sources/registry";
import { type EndpointKey, type Endpoints, REQUEST_TIMEOUT_MS } from "../sources/request";

export const DEFAULT_ORIGIN = "https://localhost:3000";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;

/**
 * Requests without an `Origin` header come from programs (curl, scripts), never from a web page
 * calling across origins. `loopback`: served only from this machine and not through a reverse
 * proxy; `any`; `never`.
 */
export type NoOriginPolicy = "loopback" | "any" | "never";

export interface ProxyOptions {
  /** FRED API key (env FRED_API_KEY). Without it FRED routes answer 503 saying how to set it. */
  fredApiKey?: string;
  /** Origins allowed by CORS (env ADDIN_ORIGIN, comma-separated). Default https://localhost:3000. */
  addinOrigins?: readonly string[];
  /** Requests with no Origin header. Default `loopback`. */
  noOrigin?: NoOriginPolicy;
  /**
   * Host names the proxy answers to besides `localhost` and IP addresses (env PROXY_ALLOWED_HOSTS):
   * its public name behind a reverse proxy. Any other `Host` is refused (DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /** Upstream addresses (defaults: the publishers). */
  upstreams?: Partial<Endpoints>;
  /** Per upstream request. Default 10 000 ms. */
  upstreamTimeoutMs?: number;
  /** Own FRED calls a minute (default 100) and burst (default 10): 110 < FRED's 120. */
  fredPerMinute?: number;
  fredBurst?: number;
  /** Calls a minute to the TIC and MoF hosts together (default 30, burst 5). */
  otherPerMinute?: number;
  /** How long a request may wait for a rate token before the proxy answers 503. Default 5 000 ms. */
  maxRateWaitMs?: number;
  /** Longest request target accepted (414 beyond). Default 2048. */
  maxUrlLength?: number;
  /** Largest header block accepted (431 beyond). Default 8 KiB. */
  maxHeaderBytes?: number;
  /** Largest upstream reply kept (the MoF history is ~1.2 MB). Default 16 MiB. */
  maxUpstreamBytes?: number;
  /** Cache bounds. Defaults 500 entries, 64 M characters. */
  cacheMaxEntries?: number;
  cacheMaxChars?: number;
  /** Open client connections at most; more are dropped. Default 512, or the descriptor limit less 64 when lower. */
  maxConnections?: number;
  /** A client must send its whole header block within this. Default 10 000 ms. */
  headersTimeoutMs?: number;
  /** Where log lines go (scrubbed before they get there). Default stdout. */
  log?: (line: string) => void;
  /** The wall clock: ages of cached replies. */
  now?: () => number;
  /** A monotonic clock in ms (default `performance.now`): rate limits and waits, immune to clock steps. */
  monotonicNow?: () => number;
}

export type ProxyConfig = Required<Omit<ProxyOptions, "fredApiKey" | "upstreams">> & { fredApiKey?: string; upstreams: Endpoints };

/** The whole request, headers included, must arrive within this. */
export const REQUEST_RECEIVE_MS = 20_000;

/** The soft limit of open files of this process, where the system tells it (Linux). */
function descriptorLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Room for the upstream sockets, the log and Node's own descriptors. */
export function defaultMaxConnections(limit = descriptorLimit()): number {
  return limit === undefined ? 512 : Math.max(16, Math.min(512, limit - 64));
}

export function resolveConfig(opts: ProxyOptions = {}): ProxyConfig {
  const headersTimeoutMs = Math.min(opts.headersTimeoutMs ?? 10_000, REQUEST_RECEIVE_MS);
  return {
    fredApiKey: opts.fredApiKey?.trim() || undefined,
    addinOrigins: opts.addinOrigins ?? [DEFAULT_ORIGIN],
    noOrigin: opts.noOrigin ?? "loopback",
    allowedHosts: opts.allowedHosts ?? [],
    upstreams: { ...DEFAULT_ENDPOINTS, ...(opts.upstreams ?? {}) },
    upstreamTimeoutMs: opts.upstreamTimeoutMs ?? REQUEST_TIMEOUT_MS,
    fredPerMinute: opts.fredPerMinute ?? 100,
    fredBurst: opts.fredBurst ?? 10,
    otherPerMinute: opts.otherPerMinute ?? 30,
    maxRateWaitMs: opts.maxRateWaitMs ?? 5_000,
    maxUrlLength: opts.maxUrlLength ?? 2048,
    maxHeaderBytes: opts.maxHeaderBytes ?? 8 * 1024,
    maxUpstreamBytes: opts.maxUpstreamBytes ?? 16 * 1024 * 1024,
    cacheMaxEntries: opts.cacheMaxEntries ?? 500,
    cacheMaxChars: opts.cacheMaxChars ?? 64 * 1024 * 1024,
    maxConnections: opts.maxConnections ?? defaultMaxConnections(),
    headersTimeoutMs,
    log: opts.log ?? ((line: string) => process.stdout.write(`${line}\n`)),
    now: opts.now ?? Date.now,
    monotonicNow: opts.monotonicNow ?? (() => performance.now()),
  };
}

const NO_ORIGIN: Readonly<Record<string, NoOriginPolicy>> = { "": "loopback", loopback: "loopback", "1": "any", any: "any", "0": "never", never: "never" };

/** The environment variable that points each upstream elsewhere (tests: the mock servers). */
export const UPSTREAM_URL_ENV: Readonly<Record<EndpointKey, string>> = {
  fred: "FRED_BASE_URL",
  tic: "TIC_URL",
  mofCurrent: "MOF_CURRENT_URL",
  mofAll: "MOF_ALL_URL",
  ticHistory: "TIC_HISTORY_URL",
  mofFlowsWeekly: "MOF_WEEKLY_URL",
  mofFlowsMonthly: "MOF_MONTHLY_URL",
};

/** Environment → options (what `npm run proxy` reads). */
export function proxyOptionsFromEnv(env: NodeJS.ProcessEnv): ProxyOptions & { host: string; port: number } {
  const num = (name: string, dflt: number | undefined) => {
    const v = env[name];
    if (v === undefined || v === "") return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} = ${JSON.stringify(v)} is not a number`);
    return n;
  };
  const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const noOrigin = NO_ORIGIN[(env.PROXY_ALLOW_NO_ORIGIN ?? "").trim().toLowerCase()];
  if (!noOrigin) throw new Error(`PROXY_ALLOW_NO_ORIGIN = ${JSON.stringify(env.PROXY_ALLOW_NO_ORIGIN)}: use loopback (default), 1 or 0`);
  const upstreams: Partial<Endpoints> = {};
  for (const k of Object.keys(UPSTREAM_URL_ENV) as EndpointKey[]) {
    const v = env[UPSTREAM_URL_ENV[k]];
    if (v) upstreams[k] = v;
  }
  return {
    host: env.PROXY_HOST || DEFAULT_HOST,
    port: num("PROXY_PORT", DEFAULT_PORT)!,
    fredApiKey: env.FRED_API_KEY?.trim() || undefined,
    addinOrigins: list(env.ADDIN_ORIGIN || DEFAULT_ORIGIN),
    noOrigin,
    allowedHosts: list(env.PROXY_ALLOWED_HOSTS),
    upstreams,
    upstreamTimeoutMs: num("UPSTREAM_TIMEOUT_MS", REQUEST_TIMEOUT_MS),
    fredPerMinute: num("FRED_RATE_PER_MINUTE", 100),
    maxConnections: num("PROXY_MAX_CONNECTIONS", undefined),
  };
}

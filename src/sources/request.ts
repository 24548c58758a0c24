/**
 * The contract between a live function and a host's fetcher:
 *
 *     plan (pure) → DataRequest[] → the host fetches (UrlFetchApp, fetch to our proxy, the proxy's
 *     upstream client, files on disk) → FetchResult → checkFetch (status, timeout, the publisher's
 *     parser) → the parsed reply → compute (pure)
 *
 * A request carries its publisher's parser, so a reply is judged and parsed in one place and the
 * parsed result can be kept beside the raw reply (./cache.ts): one parse per runtime.
 * Nothing in src/sources reads the clock or performs I/O except the fetchers the hosts build
 * from ./fetcher.ts and ./http.ts.
 */
import { SheetError } from "../core/errors";

/** The publishers, as a user reads them in an error message. */
export type Source = "FRED" | "US Treasury TIC" | "Japan MoF";

/** What a publisher makes of a reply it refused (FRED's 400 "no such series"): why, in words for the cell, and whether a stale copy may stand in. */
export interface Refusal {
  reason: string;
  transient: boolean;
}

export interface DataRequest<T = unknown> {
  /** The URL the host fetches. In direct mode a FRED URL carries the API key: never log or show it. */
  url: string;
  source: Source;
  /** What was asked, for messages: `FRED DGS10`, `US Treasury TIC slt_table5.txt`. Never contains a key. */
  label: string;
  /** Identity of the data, never containing a key: equal keys share one fetch and one cache entry. */
  cacheKey: string;
  /** A cached reply younger than this is served without asking the source. */
  maxAgeSeconds: number;
  /** A cached reply younger than this is served when the source fails (docs/live.md, "How fresh…"). */
  staleAgeSeconds: number;
  /** Give up on the source after this long. */
  timeoutMs: number;
  /** The reply's charset when it is not UTF-8 (a direct fetch of the MoF flows: `Windows-31J`). */
  charset?: string;
  /** The publisher's parser: a 200 whose body it refuses is a failing source (a maintenance page). */
  parse(body: string): T;
  /** The publisher's reading of a non-200 reply, when it has one (FRED's 400 and 429). */
  explain?(status: number, body: string): Refusal | undefined;
}

/** What a host's fetcher reports for one request. It never throws. */
export type FetchResult =
  | { kind: "response"; status: number; body: string; /** The source's `Retry-After`, in seconds, when it sent one. */ retryAfterSeconds?: number }
  | { kind: "timeout"; afterMs: number }
  | { kind: "network"; message: string }
  /** Nobody waits for the reply any more (Excel canceled every cell that asked): not the source's failure. */
  | { kind: "canceled" };

/** Where requests go. `direct`: to the publishers (Sheets, files). `proxy`: to our proxy (Excel: FRED sends no CORS). */
export type Via = "direct" | "proxy";

/** Every upstream address by key: FRED's API base and each publisher file (./registry.ts). */
export type Endpoints = Record<EndpointKey, string>;
export type EndpointKey = "fred" | FileKey;
/** The publisher files (./registry.ts lists them). */
export type FileKey = "tic" | "ticHistory" | "mofCurrent" | "mofAll" | "mofFlowsWeekly" | "mofFlowsMonthly";

/** How a plan reaches the sources, and what the host knows (the clock is the host's). */
export interface PlanContext {
  via: Via;
  /** Base URL of our proxy (`http://localhost:8787`), required when `via` is `proxy`. */
  proxyBase?: string;
  /** The FRED key set once in the host (Sheets: document properties). An `api_key` argument wins. */
  apiKey?: string;
  /** Today in the host's time zone, `YYYY-MM-DD`: only used for default date windows. */
  today: string;
  /** Direct-mode upstreams (defaults: the publishers). */
  endpoints?: Partial<Endpoints>;
  /** How a user sets a FRED key in this host, completing "FRED needs an API key: …". */
  keyHint?: string;
}

/** Never a cell stuck loading past 10 s per request (docs/live.md, "How fresh…"). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The proxy base without a trailing slash. */
export function proxyBase(ctx: Pick<PlanContext, "proxyBase">): string {
  const base = (ctx.proxyBase ?? "").trim().replace(/\/+$/, "");
  if (base === "") throw new SheetError("na", "no proxy URL is set: give the marginal-bid proxy's address (e.g. http://localhost:8787)");
  if (!/^https?:\/\/[^\s/?#]+/i.test(base)) throw new SheetError("na", `the proxy URL ${JSON.stringify(ctx.proxyBase)} is not an http(s) address (e.g. http://localhost:8787)`);
  return base;
}

/** `a=1&b=2` with values percent-encoded, in the given order. */
export function query(params: readonly (readonly [string, string | undefined])[]): string {
  return params
    .filter((p): p is readonly [string, string] => p[1] !== undefined && p[1] !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
}

/** The `#N/A` every failing source gives: which source, what was asked, why. */
export function sourceError(label: string, reason: string): SheetError {
  return new SheetError("na", `${label}: ${reason}`);
}

/** The first characters of a reply, for "unparseable reply (starts with …)". */
export function preview(body: string): string {
  const t = body.replace(/\s+/g, " ").trim();
  return t.length === 0 ? "an empty reply" : `a reply starting ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)}`;
}

/** One item of a plan: a request to fetch, or the error that stands in for it (e.g. no FRED key). */
export type PlanItem<T = unknown> = DataRequest<T> | SheetError;

/** What `compute` receives for each plan item, in plan order: the parsed reply, or why there is none. */
export type Reply<T = unknown> = T | SheetError;

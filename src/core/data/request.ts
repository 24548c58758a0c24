/**
 * The contract between the pure data layer and a host's fetcher.
 *
 *     plan (pure) → DataRequest[] → host fetches (UrlFetchApp / fetch via our proxy) → FetchResult
 *     → checkFetch (pure: status, timeout, sniff) → body text → parse + compute (pure)
 *
 * Nothing in src/core/data performs I/O or reads the clock: `today` and the responses are given.
 */
import { SheetError } from "../errors";

/** The publishers, as a user reads them in an error message. */
export type Source = "FRED" | "US Treasury TIC" | "Japan MoF";

/** Which parser a body is for (decides how a reply is checked before it is cached). */
export type RequestKind = "fred-observations" | "fred-series" | "tic-table5" | "tic-history" | "mof-jgb" | "mof-flows-weekly" | "mof-flows-monthly";

export interface DataRequest {
  /** The URL the host fetches. In direct mode a FRED URL carries the API key: never log or show it. */
  url: string;
  source: Source;
  kind: RequestKind;
  /** What was asked, for messages: `FRED DGS10`, `TIC slt_table5.txt`, `MoF jgbcme.csv`. Never contains a key. */
  label: string;
  /** Identity of the data, never containing a key: equal keys may share one fetch and one cache entry. */
  cacheKey: string;
  /** A cached reply younger than this is served without asking the source. */
  maxAgeSeconds: number;
  /** A cached reply younger than this is served when the source fails (docs/live.md, "How fresh, and for how long a stale copy stands in"). */
  staleAgeSeconds: number;
  /** Give up on the source after this long (10 s per request: docs/live.md). */
  timeoutMs: number;
  /** The reply's charset when it is not UTF-8 (a direct fetch of the MoF flows: `Windows-31J`); through the proxy every reply is UTF-8. */
  charset?: string;
}

/** What a host's fetcher reports for one request. It never throws. */
export type FetchResult =
  | { kind: "response"; status: number; body: string; /** The source's `Retry-After`, in seconds, when it sent one. */ retryAfterSeconds?: number }
  | { kind: "timeout"; afterMs: number }
  | { kind: "network"; message: string };

/** Where requests go. `direct`: to the publishers (Sheets). `proxy`: to our proxy (Excel: FRED sends no CORS). */
export type Via = "direct" | "proxy";

/** Upstream addresses; tests point them at mock servers on 127.0.0.1. */
export interface Endpoints {
  /** FRED API base, without the `/fred/...` path. */
  fred: string;
  /** The TIC "Major Foreign Holders" table, tab-delimited. */
  tic: string;
  /** MoF English JGB curve, current month. */
  mofCurrent: string;
  /** MoF English JGB curve, 1974 to last month. */
  mofAll: string;
  /** The TIC "Major Foreign Holders" history, 2000 on, tab-delimited, one block per year. */
  ticHistory: string;
  /** MoF "International Transactions in Securities", weekly (designated major investors), cp932 CSV. */
  mofFlowsWeekly: string;
  /** The same, monthly. */
  mofFlowsMonthly: string;
}

export const DEFAULT_ENDPOINTS: Readonly<Endpoints> = {
  fred: "https://api.stlouisfed.org",
  tic: "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/slt_table5.txt",
  mofCurrent: "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/jgbcme.csv",
  mofAll: "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv",
  ticHistory: "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/mfhhis01.txt",
  mofFlowsWeekly: "https://www.mof.go.jp/policy/international_policy/reference/itn_transactions_in_securities/week.csv",
  mofFlowsMonthly: "https://www.mof.go.jp/policy/international_policy/reference/itn_transactions_in_securities/montha1.csv",
};

/**
 * Sources that do not serve UTF-8, and their charset. `Windows-31J` names Microsoft's Shift_JIS
 * (cp932) for both readers: Java's (Apps Script `getContentText`) and the WHATWG decoder's (the
 * proxy, which transcodes to UTF-8). Plain `Shift_JIS` in Java turns ①②③ into U+FFFD and 0x8160
 * into U+301C instead of U+FF5E.
 */
export const SOURCE_CHARSETS: Readonly<Partial<Record<keyof Endpoints, string>>> = {
  mofFlowsWeekly: "Windows-31J",
  mofFlowsMonthly: "Windows-31J",
};

/** The proxy's paths: they mirror the upstream file names so that a log line reads like the source. */
export const PROXY_PATHS = {
  fredObservations: "/fred/series/observations",
  fredSeries: "/fred/series",
  tic: "/tic/slt_table5.txt",
  mofCurrent: "/mof/jgbcme.csv",
  mofAll: "/mof/jgbcme_all.csv",
  ticHistory: "/tic/mfhhis01.txt",
  mofFlowsWeekly: "/mof/week.csv",
  mofFlowsMonthly: "/mof/montha1.csv",
} as const;

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

/** Maximum ages (seconds), the table of docs/live.md ("How fresh…"): daily series hours; the TIC table a day. */
export const AGES = {
  /** FRED observations of daily series: FRED posts once a day, a few hours are fresh enough. */
  fredObservations: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 7 * 86400 },
  /** FRED series metadata (units): changes almost never. */
  fredSeries: { maxAgeSeconds: 7 * 86400, staleAgeSeconds: 90 * 86400 },
  /** TIC table 5: monthly release, a day is fresh; a stale copy is still last month's truth. */
  tic: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  /** MoF current month: one row a business day. */
  mofCurrent: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 7 * 86400 },
  /** MoF history: rewritten once a month. */
  mofAll: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  /** TIC history: revised with each monthly release. */
  ticHistory: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  /** MoF weekly flows: one release a week (Thursdays); a stale copy is at most two releases old. */
  mofFlowsWeekly: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 14 * 86400 },
  /** MoF monthly flows: one release a month. */
  mofFlowsMonthly: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
} as const;

/** Never a cell stuck loading past 10 s per request (docs/live.md, "How fresh…"). */
export const REQUEST_TIMEOUT_MS = 10_000;

export function endpoints(ctx: Pick<PlanContext, "endpoints">): Endpoints {
  return { ...DEFAULT_ENDPOINTS, ...(ctx.endpoints ?? {}) };
}

/** The proxy base without a trailing slash; a missing one is a setting problem the user can fix. */
export function proxyBase(ctx: Pick<PlanContext, "proxyBase">): string {
  const base = (ctx.proxyBase ?? "").trim().replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/?#]+/i.test(base)) {
    throw new SheetError("na", `no proxy URL is set: set it in the marginal-bid task pane (e.g. http://localhost:8787), then recalculate`);
  }
  return base;
}

/** A publisher's file, by its key in Endpoints: the same key names its proxy path, its ages and its charset. */
export type FileKey = Exclude<keyof Endpoints, "fred">;

/** What a file's plan item says about it besides its addresses. */
export interface FileSource {
  source: Source;
  kind: RequestKind;
  label: string;
  cacheKey: string;
}

/**
 * A publisher's file as a plan item: its address in direct mode (after any test override of the
 * endpoint), read in its charset when that is not UTF-8; our proxy's path of the same name
 * otherwise (the proxy transcodes).
 */
export function fileRequest(ctx: Pick<PlanContext, "via" | "proxyBase" | "endpoints">, key: FileKey, file: FileSource): DataRequest {
  const charset = SOURCE_CHARSETS[key];
  return {
    url: ctx.via === "proxy" ? `${proxyBase(ctx)}${PROXY_PATHS[key]}` : endpoints(ctx)[key],
    source: file.source,
    kind: file.kind,
    label: file.label,
    cacheKey: file.cacheKey,
    ...AGES[key],
    timeoutMs: REQUEST_TIMEOUT_MS,
    ...(ctx.via === "direct" && charset ? { charset } : {}),
  };
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

/** A checked reply: the body to parse, or the error for the cell and whether a stale copy may stand in. */
export type Checked = { ok: true; body: string } | { ok: false; error: SheetError; transient: boolean };

/** The first characters of a reply, for "unparseable reply (starts with …)". */
export function preview(body: string): string {
  const t = body.replace(/\s+/g, " ").trim();
  return t.length === 0 ? "an empty reply" : `a reply starting ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)}`;
}

/** `{"error_message": …}` (FRED) or `{"proxy_error": …}` (our proxy) in a reply, if any. */
export function replyMessage(body: string): { fred?: string; proxy?: string } {
  const t = body.trimStart();
  if (!t.startsWith("{")) return {};
  try {
    const j = JSON.parse(t) as Record<string, unknown>;
    return {
      fred: typeof j.error_message === "string" ? j.error_message : undefined,
      proxy: typeof j.proxy_error === "string" ? j.proxy_error : undefined,
    };
  } catch {
    return {};
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: "bad request",
  401: "unauthorized",
  403: "forbidden",
  404: "not found",
  408: "request timeout",
  429: "too many requests",
  500: "server error",
  502: "bad gateway",
  503: "service unavailable",
  504: "gateway timeout",
};

/**
 * Judge a fetch before anything is parsed or cached. `validate` is the parser for the
 * request's kind: a 200 that does not parse (a maintenance page, a truncated file) is a
 * failing source, so a stale copy may stand in. Transient failures allow a stale copy;
 * a definite "no" (FRED 400: no such series, bad key) does not.
 */
export function checkFetch(req: DataRequest, r: FetchResult, validate: (body: string) => void): Checked {
  if (r.kind === "timeout") {
    return { ok: false, error: sourceError(req.label, `no reply within ${Math.round(r.afterMs / 100) / 10} s (timeout)`), transient: true };
  }
  if (r.kind === "network") {
    return { ok: false, error: sourceError(req.label, `unreachable (${r.message})`), transient: true };
  }
  const { status, body } = r;
  if (status === 200) {
    try {
      validate(body);
      return { ok: true, body };
    } catch (e) {
      const why = e instanceof SheetError ? e.message : `${preview(body)}`;
      return { ok: false, error: sourceError(req.label, `unparseable reply: ${stripLabel(why, req.label)}`), transient: true };
    }
  }
  const msg = replyMessage(body);
  if (msg.proxy !== undefined) {
    // Our proxy speaks for the source: its message already names the source and the reason.
    return { ok: false, error: sourceError(req.label, `${msg.proxy} (via the proxy, HTTP ${status})`), transient: status >= 500 || status === 429 };
  }
  if (req.source === "FRED" && status === 400 && msg.fred !== undefined) {
    return { ok: false, error: fredRefusal(req, msg.fred), transient: false };
  }
  const text = STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : "";
  const extra = status === 429 && req.source === "FRED" ? " (FRED allows 120 requests a minute per key)" : msg.fred ? ` (${msg.fred})` : "";
  return { ok: false, error: sourceError(req.label, `HTTP ${status}${text}${extra}`), transient: true };
}

function stripLabel(message: string, label: string): string {
  return message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
}

/** FRED's HTTP 400 messages, turned into what a user can act on. */
function fredRefusal(req: DataRequest, message: string): SheetError {
  const m = message.replace(/^Bad Request\.\s*/i, "").trim();
  if (/series does not exist/i.test(m)) {
    return new SheetError("na", `${req.label}: unknown series: FRED says "${m}" Check the id on fred.stlouisfed.org`);
  }
  if (/api_key/i.test(m)) {
    return new SheetError("na", `${req.label}: FRED refused the API key ("${m}"). A free key: https://fred.stlouisfed.org/docs/api/api_key.html`);
  }
  return new SheetError("na", `${req.label}: HTTP 400 bad request ("${m}")`);
}

/** One item of a plan: a request to fetch, or the error that stands in for it (e.g. no FRED key). */
export type PlanItem = DataRequest | SheetError;

/** What `compute` receives for each plan item, in plan order: the checked body, or why there is none. */
export type Reply = string | SheetError;

/**
 * FRED (Federal Reserve Bank of St. Louis) API: `fred/series/observations` and `fred/series`,
 * `file_type=json`. Formats as documented at https://fred.stlouisfed.org/docs/api/fred/ and as
 * seen in the real replies in test/fixtures/real (values are strings, `"."` is missing, recent
 * values carry 10 decimals, the order follows `sort_order`).
 */
import { SheetError, attempt } from "../errors";
import { type IsoDate, parseIso } from "./dates";
import { type Observation, sortedByDate } from "./series";
import {
  AGES,
  type DataRequest,
  PROXY_PATHS,
  type PlanContext,
  REQUEST_TIMEOUT_MS,
  endpoints,
  preview,
  proxyBase,
  query,
  sourceError,
} from "./request";

/** FRED ids are letters, digits and underscores (DGS10, IRLTLT01JPM156N, BAMLH0A0HYM2). */
const SERIES_ID = /^[A-Z0-9_]{1,40}$/;

export const FRED_KEY_URL = "https://fred.stlouisfed.org/docs/api/api_key.html";

/** A series id as typed → FRED's spelling; text that cannot be an id is an unknown series (`#N/A`). */
export function seriesId(raw: string): string {
  const id = raw.trim().toUpperCase();
  if (!SERIES_ID.test(id)) throw new SheetError("na", `FRED: unknown series ${JSON.stringify(raw)}: an id is letters and digits, like "DGS10"`);
  return id;
}

/**
 * Units of the series this project reads, as FRED publishes them (fred/series `units`), so the
 * unit rule needs no second request for them. Any other series: its `units` are asked for.
 */
export const KNOWN_UNITS: Readonly<Record<string, string>> = {
  DGS1MO: "Percent",
  DGS3MO: "Percent",
  DGS6MO: "Percent",
  DGS1: "Percent",
  DGS2: "Percent",
  DGS5: "Percent",
  DGS10: "Percent",
  DGS30: "Percent",
  SOFR: "Percent",
  EFFR: "Percent",
  DFF: "Percent",
  FEDFUNDS: "Percent",
  T10Y2Y: "Percent",
  T10Y3M: "Percent",
  THREEFYTP10: "Percent",
  IRLTLT01JPM156N: "Percent",
  IRSTCI01JPM156N: "Percent",
  IR3TIB01JPM156N: "Percent",
  DEXJPUS: "Japanese Yen to 1 U.S. Dollar",
};

/** The unit rule (docs/functions.md, FRED): FRED units "Percent…" → decimals; everything else as published. */
export function isPercentUnits(units: string): boolean {
  return /^\s*percent/i.test(units);
}

export interface FredOptions {
  start?: IsoDate;
  end?: IsoDate;
  sortOrder?: "asc" | "desc";
  limit?: number;
  /** Direct mode only: the proxy adds its own key and strips any the client sends. */
  apiKey?: string;
}

/** `FRED DGS10`: how messages name a series request. */
export const fredLabel = (id: string) => `FRED ${id}`;

/** The key for a direct request, or the `#N/A` that says how to set one. */
export function requireKey(ctx: PlanContext, apiKey?: string): string {
  const key = (apiKey ?? "").trim() || (ctx.apiKey ?? "").trim();
  if (key) return key;
  const how = ctx.keyHint ?? "pass it as the api_key argument";
  throw new SheetError("na", `FRED needs an API key: get a free one at ${FRED_KEY_URL}, then ${how}`);
}

/**
 * The key a plan's FRED items carry: direct mode needs one (else the `#N/A` that says how to set
 * it stands in for each FRED item, and the other sources still fill); the proxy adds its own.
 */
export function directKey(ctx: PlanContext, apiKey?: string): string | undefined | SheetError {
  return ctx.via === "direct" ? attempt(() => requireKey(ctx, apiKey)) : undefined;
}

/**
 * Plan `fred/series/observations`. Direct: FRED's own URL with `api_key`. Proxy: the same
 * path and parameters on our proxy, without a key (the proxy adds it).
 */
export function fredObservationsRequest(id: string, opts: FredOptions & Pick<PlanContext, "via" | "proxyBase" | "endpoints">): DataRequest {
  const params: [string, string | undefined][] = [
    ["series_id", id],
    ["file_type", "json"],
    ["observation_start", opts.start],
    ["observation_end", opts.end],
    ["sort_order", opts.sortOrder],
    ["limit", opts.limit === undefined ? undefined : String(opts.limit)],
  ];
  const q = query(params);
  return {
    ...fredUrl(PROXY_PATHS.fredObservations, q, opts),
    source: "FRED",
    kind: "fred-observations",
    label: fredLabel(id),
    cacheKey: `FRED:obs:${q.replace("file_type=json&", "")}`,
    ...AGES.fredObservations,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
}

/** Plan `fred/series` (title and units of a series). */
export function fredSeriesRequest(id: string, opts: Pick<FredOptions, "apiKey"> & Pick<PlanContext, "via" | "proxyBase" | "endpoints">): DataRequest {
  const q = query([
    ["series_id", id],
    ["file_type", "json"],
  ]);
  return {
    ...fredUrl(PROXY_PATHS.fredSeries, q, opts),
    source: "FRED",
    kind: "fred-series",
    label: `${fredLabel(id)} (units)`,
    cacheKey: `FRED:series:${id}`,
    ...AGES.fredSeries,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
}

function fredUrl(path: string, q: string, opts: Pick<FredOptions, "apiKey"> & Pick<PlanContext, "via" | "proxyBase" | "endpoints">): { url: string } {
  if (opts.via === "proxy") return { url: `${proxyBase(opts)}${path}?${q}` };
  const base = endpoints(opts).fred.replace(/\/+$/, "");
  return { url: `${base}${path}?${q}&api_key=${encodeURIComponent(opts.apiKey ?? "")}` };
}

const FRED_VALUE = /^-?(?:\d+\.?\d*|\.\d+)$/;

/** A FRED value string in the unit rule: `"4.6900000000"` → 0.0469 for a percent series (the decimal point moved, no rounding noise). */
export function fredValue(text: string, percent: boolean): number {
  return Number(percent ? `${text}e-2` : text);
}

export interface FredObservations {
  /** Oldest first, `"."` skipped, in the unit rule. */
  observations: Observation[];
  /** How many `"."` (missing) values the reply had. */
  missing: number;
}

function parseJson(text: string, label: string): Record<string, unknown> {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    throw sourceError(label, `not JSON: ${preview(text)}`);
  }
  if (j === null || typeof j !== "object" || Array.isArray(j)) throw sourceError(label, `not a JSON object: ${preview(text)}`);
  const o = j as Record<string, unknown>;
  if (typeof o.error_message === "string") throw sourceError(label, `FRED says "${o.error_message}"`);
  return o;
}

/**
 * Parse a `series/observations` JSON reply (either sort order). Missing values (`"."`) are
 * skipped; a value that is neither a number nor `"."` makes the reply unparseable (never a silent
 * wrong number).
 */
export function parseFredObservations(text: string, id: string, percent: boolean): FredObservations {
  const label = fredLabel(id);
  const o = parseJson(text, label);
  if (!Array.isArray(o.observations)) throw sourceError(label, `no "observations" in the reply: ${preview(text)}`);
  const out: Observation[] = [];
  let missing = 0;
  for (const [i, row] of (o.observations as unknown[]).entries()) {
    const r = row as { date?: unknown; value?: unknown } | null;
    const date = typeof r?.date === "string" ? parseIso(r.date) : undefined;
    if (date === undefined) throw sourceError(label, `observation ${i + 1} has no valid date (${JSON.stringify(r?.date)})`);
    const v = typeof r?.value === "string" ? r.value.trim() : undefined;
    if (v === ".") {
      missing++;
      continue;
    }
    if (v === undefined || !FRED_VALUE.test(v)) throw sourceError(label, `observation ${date} has the value ${JSON.stringify(r?.value)}, not a number`);
    out.push({ date, value: fredValue(v, percent) });
  }
  return { observations: sortedByDate(out), missing };
}

export interface FredSeriesInfo {
  id: string;
  title: string;
  units: string;
  frequency: string;
}

/** Parse a `fred/series` JSON reply: the series is `seriess[0]` (FRED's spelling). */
export function parseFredSeriesInfo(text: string, id: string): FredSeriesInfo {
  const label = `${fredLabel(id)} (units)`;
  const o = parseJson(text, label);
  const s = Array.isArray(o.seriess) ? (o.seriess[0] as Record<string, unknown> | undefined) : undefined;
  if (!s || typeof s.units !== "string") throw sourceError(label, `no "seriess[0].units" in the reply: ${preview(text)}`);
  return {
    id: typeof s.id === "string" ? s.id : id,
    title: typeof s.title === "string" ? s.title : "",
    units: s.units,
    frequency: typeof s.frequency === "string" ? s.frequency : "",
  };
}

/**
 * FRED (Federal Reserve Bank of St. Louis), the API's `fred/series/observations` and
 * `fred/series`, `file_type=json`: its address, our proxy's paths, how long a copy is fresh, the
 * key, its refusals and its parsers. Formats as documented at https://fred.stlouisfed.org/docs/api/fred/
 * and as seen in real replies (test/fixtures/real): values are strings, `"."` is missing, recent
 * values carry 10 decimals, the order follows `sort_order`.
 */
import { SheetError, attempt } from "../core/errors";
import { type IsoDate, parseIso } from "../core/dates";
import { type Observation, sortedByDate } from "./series";
import type { Ages } from "./file";
import { type DataRequest, type PlanContext, REQUEST_TIMEOUT_MS, type Refusal, preview, proxyBase, query, sourceError } from "./request";

/** The API's base address; the paths below are the same on our proxy. */
export const FRED_ADDRESS = "https://api.stlouisfed.org";
export const FRED_PATHS = { observations: "/fred/series/observations", series: "/fred/series" } as const;

export const FRED_AGES: Readonly<Record<keyof typeof FRED_PATHS, Ages>> = {
  /** Daily series: FRED posts once a day, a few hours are fresh enough. */
  observations: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 7 * 86400 },
  /** Series metadata (units): changes almost never. */
  series: { maxAgeSeconds: 7 * 86400, staleAgeSeconds: 90 * 86400 },
};

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

/** A published percent as a decimal by moving the point (4.69 → 0.0469 with no rounding noise). */
export const percentToDecimal = (x: number): number => Number(`${x}e-2`);

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

type Where = Pick<PlanContext, "via" | "proxyBase" | "endpoints">;

/** Plan `fred/series/observations`. Direct: FRED's own URL with `api_key`. Proxy: the same path without a key (the proxy adds it). */
export function fredObservationsRequest(id: string, opts: FredOptions & Where): DataRequest<FredObservations> {
  const q = query([
    ["series_id", id],
    ["file_type", "json"],
    ["observation_start", opts.start],
    ["observation_end", opts.end],
    ["sort_order", opts.sortOrder],
    ["limit", opts.limit === undefined ? undefined : String(opts.limit)],
  ]);
  return {
    url: fredUrl(FRED_PATHS.observations, q, opts),
    source: "FRED",
    label: fredLabel(id),
    cacheKey: `FRED:obs:${q.replace("file_type=json&", "")}`,
    ...FRED_AGES.observations,
    timeoutMs: REQUEST_TIMEOUT_MS,
    parse: (body) => parseFredObservations(body, id),
    explain: fredExplain,
  };
}

/** Plan `fred/series` (title and units of a series). */
export function fredSeriesRequest(id: string, opts: Pick<FredOptions, "apiKey"> & Where): DataRequest<FredSeriesInfo> {
  const q = query([
    ["series_id", id],
    ["file_type", "json"],
  ]);
  return {
    url: fredUrl(FRED_PATHS.series, q, opts),
    source: "FRED",
    label: `${fredLabel(id)} (units)`,
    cacheKey: `FRED:series:${id}`,
    ...FRED_AGES.series,
    timeoutMs: REQUEST_TIMEOUT_MS,
    parse: (body) => parseFredSeriesInfo(body, id),
    explain: fredExplain,
  };
}

function fredUrl(path: string, q: string, opts: Pick<FredOptions, "apiKey"> & Where): string {
  if (opts.via === "proxy") return `${proxyBase(opts)}${path}?${q}`;
  const base = (opts.endpoints?.fred ?? FRED_ADDRESS).replace(/\/+$/, "");
  return `${base}${path}?${q}&api_key=${encodeURIComponent(opts.apiKey ?? "")}`;
}

/** FRED's `{"error_message": …}`, if the body is one. */
export function fredErrorMessage(body: string): string | undefined {
  const t = body.trimStart();
  if (!t.startsWith("{")) return undefined;
  try {
    const j = JSON.parse(t) as { error_message?: unknown };
    return typeof j.error_message === "string" ? j.error_message : undefined;
  } catch {
    return undefined;
  }
}

/** FRED's own words on a refused request, turned into what a user can act on. A 400 is definite: no stale copy stands in. */
export function fredExplain(status: number, body: string): Refusal | undefined {
  const message = fredErrorMessage(body);
  if (status === 429) return { reason: "HTTP 429 too many requests (FRED allows 120 requests a minute per key)", transient: true };
  if (status !== 400 || message === undefined) return undefined;
  const m = message.replace(/^Bad Request\.\s*/i, "").trim();
  if (/series does not exist/i.test(m)) return { reason: `unknown series: FRED says "${m}" Check the id on fred.stlouisfed.org`, transient: false };
  if (/api_key/i.test(m)) return { reason: `FRED refused the API key ("${m}"). A free key: ${FRED_KEY_URL}`, transient: false };
  return { reason: `HTTP 400 bad request ("${m}")`, transient: false };
}

const FRED_VALUE = /^-?(?:\d+\.?\d*|\.\d+)$/;

export interface FredObservations {
  /** Oldest first, `"."` skipped, values as published (percent series in percent). */
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
 * wrong number). Values stay in FRED's units; `inUnits` applies the unit rule.
 */
export function parseFredObservations(text: string, id: string): FredObservations {
  const label = fredLabel(id);
  const o = parseJson(text, label);
  if (!Array.isArray(o.observations)) throw sourceError(label, `no "observations" in the reply: ${preview(text)}`);
  const rows = o.observations as unknown[];
  const out: Observation[] = [];
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as { date?: unknown; value?: unknown } | null;
    const date = typeof r?.date === "string" ? parseIso(r.date) : undefined;
    if (date === undefined) throw sourceError(label, `observation ${i + 1} has no valid date (${JSON.stringify(r?.date)})`);
    const v = typeof r?.value === "string" ? r.value.trim() : undefined;
    if (v === ".") {
      missing++;
      continue;
    }
    if (v === undefined || !FRED_VALUE.test(v)) throw sourceError(label, `observation ${date} has the value ${JSON.stringify(r?.value)}, not a number`);
    out.push({ date, value: Number(v) });
  }
  return { observations: sortedByDate(out), missing };
}

/** Observations in the unit rule: decimals for a percent series, as published otherwise. */
export function inUnits(obs: readonly Observation[], percent: boolean): Observation[] {
  return percent ? obs.map((o) => ({ date: o.date, value: percentToDecimal(o.value) })) : obs.slice();
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

/**
 * A whole series' `observations` reply cut to what a request's query asks (window, order, limit),
 * as the API does: how a folder of downloaded series (`npm run data:fetch`) and the tests' mock
 * answer a request.
 */
export function windowedObservations(
  observations: readonly { date: string; value: string }[],
  q: URLSearchParams,
): { observation_start: string; observation_end: string; sort_order: string; count: number; limit: number; observations: { date: string; value: string }[] } {
  const from = q.get("observation_start") ?? "0000-00-00";
  const to = q.get("observation_end") ?? "9999-12-31";
  let rows = observations.filter((o) => o.date >= from && o.date <= to);
  if (q.get("sort_order") === "desc") rows = rows.slice().reverse();
  const limit = Number(q.get("limit") ?? 100000);
  rows = rows.slice(0, limit);
  return { observation_start: from, observation_end: to, sort_order: q.get("sort_order") ?? "asc", count: rows.length, limit, observations: rows };
}

/**
 * The proxy's allow-list: the only requests it forwards, with the only parameters it accepts.
 * Anything else is refused before any upstream is contacted (no open relay). The routes are the
 * sources layer's: FRED's API paths and every publisher file (src/sources/registry.ts), each with
 * its ages, charset and parser. Every route also takes `refreshed_at` (src/sources/refresh.ts),
 * which is for the reply cache, never forwarded.
 */
import { FRED_AGES, FRED_PATHS, fredExplain, parseFredObservations, parseFredSeriesInfo } from "../sources/fred";
import { FILES, FILE_KEYS } from "../sources/registry";
import { REFRESH_PARAM, readRefreshParam } from "../sources/refresh";
import type { EndpointKey, Refusal as SourceRefusal, Source } from "../sources/request";

export interface Route {
  path: string;
  upstream: EndpointKey;
  source: Source;
  /** Allowed query parameters and their exact form. `api_key` is never among them: the proxy adds its own. */
  params: Readonly<Record<string, RegExp>>;
  required: readonly string[];
  /** Parameters the proxy sets itself when absent (FRED answers XML otherwise). */
  defaults: Readonly<Record<string, string>>;
  needsFredKey: boolean;
  maxAgeSeconds: number;
  staleAgeSeconds: number;
  /** What the proxy answers with: always UTF-8. */
  contentType: string;
  /** The upstream's charset when it is not UTF-8: the proxy transcodes. */
  charset?: string;
  /** How messages name the request (never with a key). */
  label(q: URLSearchParams): string;
  /** The publisher's parser for this request: a reply that does not parse is a failing source. */
  parse(q: URLSearchParams): (body: string) => unknown;
  explain?(status: number, body: string): SourceRefusal | undefined;
}

const SERIES_ID = /^[A-Za-z0-9_]{1,40}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const JSON_TYPE = "application/json; charset=utf-8";
const seriesOf = (q: URLSearchParams) => (q.get("series_id") ?? "").toUpperCase();

export const ROUTES: readonly Route[] = [
  {
    path: FRED_PATHS.observations,
    upstream: "fred",
    source: "FRED",
    params: {
      series_id: SERIES_ID,
      file_type: /^json$/,
      observation_start: ISO_DATE,
      observation_end: ISO_DATE,
      sort_order: /^(?:asc|desc)$/,
      limit: /^(?:[1-9]\d{0,4}|100000)$/,
    },
    required: ["series_id"],
    defaults: { file_type: "json" },
    needsFredKey: true,
    ...FRED_AGES.observations,
    contentType: JSON_TYPE,
    label: (q) => `FRED ${seriesOf(q)}`,
    parse: (q) => (body) => parseFredObservations(body, seriesOf(q)),
    explain: fredExplain,
  },
  {
    path: FRED_PATHS.series,
    upstream: "fred",
    source: "FRED",
    params: { series_id: SERIES_ID, file_type: /^json$/ },
    required: ["series_id"],
    defaults: { file_type: "json" },
    needsFredKey: true,
    ...FRED_AGES.series,
    contentType: JSON_TYPE,
    label: (q) => `FRED ${seriesOf(q)} (units)`,
    parse: (q) => (body) => parseFredSeriesInfo(body, seriesOf(q)),
    explain: fredExplain,
  },
  // A publisher's file: no parameters, no key, served as published (transcoded to UTF-8 where needed).
  ...FILE_KEYS.map((k): Route => {
    const f = FILES[k];
    return {
      path: f.proxyPath,
      upstream: k,
      source: f.source,
      params: {},
      required: [],
      defaults: {},
      needsFredKey: false,
      ...f.ages,
      contentType: f.contentType,
      charset: f.charset,
      label: () => f.label,
      parse: () => f.parse,
    };
  }),
];

/** A request the proxy will forward: its route and canonical query (sorted, validated, keyless). */
export interface Matched {
  route: Route;
  /** Canonical query without `api_key`, e.g. `file_type=json&limit=60&series_id=DGS10&sort_order=desc`. */
  query: string;
  /** The canonical query's parameters. */
  searchParams: URLSearchParams;
  /** `path?query`: the cache and coalescing key. */
  key: string;
  label: string;
  /** The client sent an `api_key`: dropped, never forwarded. */
  strippedKey: boolean;
  /** The add-in's last "Refresh live data" (`refreshed_at`, ms since the epoch): for the cache, never forwarded. */
  refreshedAt?: number;
}

export type Refusal = { status: number; reason: string };

/** Match a request target against the allow-list. */
export function matchRoute(target: string): Matched | Refusal {
  // Origin-form only: "/path?query". Absolute-form ("http://elsewhere/…") and "//host" are relay attempts.
  if (!target.startsWith("/") || target.startsWith("//")) return { status: 400, reason: "only paths on this proxy are accepted" };
  let u: URL;
  try {
    u = new URL(target, "http://proxy.invalid");
  } catch {
    return { status: 400, reason: "malformed request target" };
  }
  if (u.host !== "proxy.invalid") return { status: 400, reason: "only paths on this proxy are accepted" };
  const route = ROUTES.find((r) => r.path === u.pathname);
  if (!route) {
    return { status: 404, reason: `not on the allow-list: this proxy forwards only ${ROUTES.map((r) => r.path).join(", ")}` };
  }
  const seen = new Set<string>();
  const q = new URLSearchParams();
  let strippedKey = false;
  let refreshedAt: number | undefined;
  for (const [k, v] of u.searchParams) {
    if (k === "api_key") {
      strippedKey = true;
      continue;
    }
    if (seen.has(k)) return { status: 400, reason: `parameter ${safeName(k)} given twice` };
    seen.add(k);
    if (k === REFRESH_PARAM) {
      refreshedAt = readRefreshParam(v);
      if (refreshedAt === undefined) return { status: 400, reason: `parameter ${REFRESH_PARAM} must be a time in milliseconds since 1970-01-01, digits only` };
      continue;
    }
    const rule = route.params[k];
    if (!rule) return { status: 400, reason: `parameter ${safeName(k)} is not allowed on ${route.path}` };
    if (!rule.test(v)) return { status: 400, reason: `parameter ${safeName(k)} has a value this proxy does not forward` };
    q.set(k, v);
  }
  for (const [k, v] of Object.entries(route.defaults)) if (!q.has(k)) q.set(k, v);
  for (const k of route.required) if (!q.has(k)) return { status: 400, reason: `parameter ${k} is required on ${route.path}` };
  if (q.has("series_id")) q.set("series_id", q.get("series_id")!.toUpperCase());
  q.sort();
  const query = q.toString();
  return { route, query, searchParams: q, key: query ? `${route.path}?${query}` : route.path, label: route.label(q), strippedKey, ...(refreshedAt !== undefined ? { refreshedAt } : {}) };
}

/** A parameter name as it may appear in a message: short, plain. */
function safeName(k: string): string {
  return /^[A-Za-z0-9_]{1,40}$/.test(k) ? k : "(unreadable name)";
}

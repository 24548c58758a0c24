/**
 * Sheets' fetcher for the live-data functions (docs/live.md): the one pipeline (src/args/invoke.ts)
 * runs them synchronously (a custom function cannot await) with the sources layer's SyncFetcher
 * (src/sources/fetcher.ts) and
 *
 * - UrlFetchApp: one `fetchAll` batch for a call's cache misses, each request with
 *   `muteHttpExceptions: true` so that a 4xx/5xx is a status to report, not an exception (when
 *   `fetchAll` throws for the whole batch, on a DNS failure or a timeout, the requests are retried
 *   one at a time while the call's time budget lasts);
 * - a reply is read with `getContentText(charset)` when its request names a charset: the MoF flow
 *   files are cp932, read as `Windows-31J` (Java's `Shift_JIS` has no ①②③ and maps the wave dash
 *   0x8160 to U+301C); every other source is UTF-8;
 * - CacheService's document cache as the store, through ChunkedStorage (./cacheStorage.ts: 100 KB a
 *   value; the MoF history is ~1.1 MB). CacheService keeps an entry at most 6 hours, so the ages
 *   actually used in Sheets are the sources', capped at 6 h (see docs/live.md, "Cache ages");
 * - "marginal-bid → Refresh live data" (./refresh.ts) stores its time in the document property
 *   REFRESHED_AT_PROPERTY: cache entries fetched before it are not fresh, so the sources are asked
 *   again (an older copy still stands in when a source fails);
 * - the FRED key from the `api_key` argument, else from the document property FRED_API_KEY that
 *   "marginal-bid → Set FRED API key" stores (src/hosts/sheets/fredKey.ts);
 * - dates in the spreadsheet's time zone: a date cell arrives as a `Date` at midnight *there*
 *   (the script runs in Etc/UTC), so it is read back with that zone, and the dates a function spills
 *   are `Date`s at midnight there, which Sheets shows as that day.
 *
 * Custom functions run without authorization; UrlFetchApp, CacheService, PropertiesService (read)
 * and Utilities are available to them. Needs the scope script.external_request (manifest.ts).
 */
import { isDateValue } from "../../args/dates";
import { SheetError } from "../../core/errors";
import { SyncFetcher } from "../../sources/fetcher";
import { DEFAULT_ENDPOINTS } from "../../sources/registry";
import type { DataRequest, EndpointKey, Endpoints, FetchResult, PlanContext } from "../../sources/request";
import { type CacheServiceLike, ChunkedStorage } from "./cacheStorage";

/** Document property holding the FRED key (set through the menu). */
export const FRED_KEY_PROPERTY = "FRED_API_KEY";

/** Document property holding the time (ms since the epoch) of the last "Refresh live data". */
export const REFRESHED_AT_PROPERTY = "MARGINAL_BID_REFRESHED_AT";

/**
 * Script property for tests only: JSON `{fred, tic, …}` (any of the Endpoints) pointing the upstreams at
 * mock servers. Only `http://127.0.0.1:<port>` and `http://localhost:<port>` addresses are accepted,
 * which Google's servers cannot reach: in production the property can redirect nothing (and the
 * FRED key can never be sent anywhere but api.stlouisfed.org).
 */
export const TEST_UPSTREAMS_PROPERTY = "MARGINAL_BID_TEST_UPSTREAMS";

/** How a Sheets user sets a FRED key, completing "FRED needs an API key: get a free one at …, then …". */
export const KEY_HINT = "set it with the menu marginal-bid → Set FRED API key (or pass it as the api_key argument)";

export interface GasHttpResponse {
  getResponseCode(): number;
  /** The body decoded with `charset` (a Java charset name), else with the reply's own charset or UTF-8. */
  getContentText(charset?: string): string;
}

export interface GasFetchRequest {
  url: string;
  muteHttpExceptions: boolean;
  followRedirects: boolean;
  headers: Record<string, string>;
}

export interface GasProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}

/** The Apps Script services the live functions use, typed by hand (only what is called). */
export interface GasLiveServices {
  UrlFetchApp: {
    fetch(url: string, params: Omit<GasFetchRequest, "url">): GasHttpResponse;
    fetchAll(requests: GasFetchRequest[]): GasHttpResponse[];
  };
  CacheService: { getDocumentCache(): CacheServiceLike | null; getScriptCache(): CacheServiceLike };
  PropertiesService: { getDocumentProperties(): GasProperties; getScriptProperties(): GasProperties };
  SpreadsheetApp: { getActiveSpreadsheet(): { getSpreadsheetTimeZone(): string } | null };
  Session: { getScriptTimeZone(): string };
  Utilities: { formatDate(date: Date, timeZone: string, format: string): string; parseDate(date: string, timeZone: string, format: string): Date };
}

declare const UrlFetchApp: GasLiveServices["UrlFetchApp"];
declare const CacheService: GasLiveServices["CacheService"];
declare const PropertiesService: GasLiveServices["PropertiesService"];
declare const SpreadsheetApp: GasLiveServices["SpreadsheetApp"];
declare const Session: GasLiveServices["Session"];
declare const Utilities: GasLiveServices["Utilities"];

/** Apps Script's globals, read when a live function runs (never at load time). */
export function liveServices(): GasLiveServices {
  return { UrlFetchApp, CacheService, PropertiesService, SpreadsheetApp, Session, Utilities };
}

const ACCEPT = "application/json, text/plain, text/csv, */*";

/**
 * A reply as text: in the request's charset when it names one. The MoF flow files are cp932, read
 * as `Windows-31J` (Java's plain `Shift_JIS` would lose ①②③ and give U+301C for the wave dash).
 */
function toFetchResult(r: GasHttpResponse, req: DataRequest): FetchResult {
  return { kind: "response", status: r.getResponseCode(), body: req.charset ? r.getContentText(req.charset) : r.getContentText() };
}

/** How long a custom function may spend fetching: Google stops it at 30 s; this leaves room to compute and answer. */
export const CALL_BUDGET_MS = 20_000;

/** The fetcher of one call: UrlFetchApp behind the document cache, within the call's time budget. */
export function sheetsFetcher(s: GasLiveServices, tz: string = spreadsheetTimeZone(s), budgetMs: number = CALL_BUDGET_MS): SyncFetcher {
  const cache = s.CacheService.getDocumentCache() ?? s.CacheService.getScriptCache();
  const params = { muteHttpExceptions: true, followRedirects: true, headers: { Accept: ACCEPT } };
  const refreshedAt = Number(readProperty(() => s.PropertiesService.getDocumentProperties().getProperty(REFRESHED_AT_PROPERTY)));
  return new SyncFetcher({
    storage: new ChunkedStorage(cache),
    context: () => sheetsContext(s, tz),
    refreshedAt: refreshedAt > 0 ? refreshedAt : undefined,
    budgetMs,
    fetchAll: (reqs: DataRequest[]) => s.UrlFetchApp.fetchAll(reqs.map((r) => ({ url: r.url, ...params }))).map((r, i) => toFetchResult(r, reqs[i])),
    // Exceptions (DNS, timeout) are turned into "unreachable (…)" by SyncFetcher, query strings removed.
    fetchOne: (req: DataRequest) => toFetchResult(s.UrlFetchApp.fetch(req.url, params), req),
  });
}

const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost):\d{1,5}(?:\/[^\s?#]*)?$/;

/** The test-only upstream override (see TEST_UPSTREAMS_PROPERTY), or undefined. */
export function testEndpoints(raw: string | null): Partial<Endpoints> | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  let j: unknown;
  try {
    j = JSON.parse(raw);
  } catch {
    throw new SheetError("na", `the script property ${TEST_UPSTREAMS_PROPERTY} is not JSON: delete it (it is for tests only)`);
  }
  const out: Partial<Endpoints> = {};
  for (const k of Object.keys(DEFAULT_ENDPOINTS) as EndpointKey[]) {
    const v = (j as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v !== "string" || !LOOPBACK.test(v)) {
      throw new SheetError("na", `the script property ${TEST_UPSTREAMS_PROPERTY} may only name http://127.0.0.1 test servers (${k}): delete it`);
    }
    out[k] = v;
  }
  return out;
}

/** The spreadsheet's time zone (a date cell is midnight there), else the script's. */
export function spreadsheetTimeZone(s: GasLiveServices): string {
  try {
    const tz = s.SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone();
    if (tz) return tz;
  } catch {
    // not bound to a spreadsheet (a test run from the editor): the script's zone
  }
  return s.Session.getScriptTimeZone();
}

/** A `Date` argument (alone or in a range) → its day in the spreadsheet's zone, as ISO text. */
export function readDates(arg: unknown, tz: string, s: GasLiveServices): unknown {
  const day = (d: Date) => (Number.isNaN(d.getTime()) ? d : s.Utilities.formatDate(d, tz, "yyyy-MM-dd"));
  if (isDateValue(arg)) return day(arg);
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row.map((c) => (isDateValue(c) ? day(c) : c)) : isDateValue(row) ? day(row) : row));
  return arg;
}

/** A property, or null when it cannot be read (a property the host refuses to show is no reason to fail a cell). */
function readProperty(read: () => string | null): string | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The plan context of a call in this spreadsheet. */
export function sheetsContext(s: GasLiveServices, tz: string, now: Date = new Date()): PlanContext {
  const apiKey = readProperty(() => s.PropertiesService.getDocumentProperties().getProperty(FRED_KEY_PROPERTY)) ?? undefined;
  const endpoints = testEndpoints(readProperty(() => s.PropertiesService.getScriptProperties().getProperty(TEST_UPSTREAMS_PROPERTY)));
  return { via: "direct", apiKey, today: s.Utilities.formatDate(now, tz, "yyyy-MM-dd"), keyHint: KEY_HINT, ...(endpoints ? { endpoints } : {}) };
}


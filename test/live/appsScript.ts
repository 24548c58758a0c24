/**
 * Stand-ins for the Apps Script services the live functions use, for running the BUILT
 * apps-script/build/Code.js in a vm context (test/hosts/sheets/helpers.ts loadCode):
 *
 * - UrlFetchApp: synchronous, as in Apps Script; `getContentText(charset)` decodes the reply's bytes
 *   with Java's charset of that name (UTF-8 without one), as Apps Script does. Each fetch/fetchAll runs a short child process
 *   (`node -e`, execFileSync with a time limit) that does the HTTP requests with Node's fetch and
 *   prints the replies; the mock servers therefore run in another process (upstreamsProcess.ts).
 *   Only http://127.0.0.1 URLs are fetched: anything else throws and is recorded, so a test can
 *   assert that nothing went beyond 127.0.0.1. Like UrlFetchApp, fetchAll throws for the whole
 *   batch when one request cannot be made, and its exception text quotes the URL.
 * - CacheService: a document cache with Apps Script's limits (TTL at most 21600 s, values at most
 *   100 KB, keys at most 250 characters), expiring on the test's clock.
 * - PropertiesService (document and script properties), SpreadsheetApp (the spreadsheet's time
 *   zone), Session, Utilities.formatDate/parseDate ("yyyy-MM-dd" in a time zone, through Intl).
 */
import { execFileSync } from "node:child_process";
import { javaDecode } from "../helpers/javaCharsets";

export interface Clock {
  t: number;
}

const FETCH_CHILD = `
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  const urls = JSON.parse(input);
  const out = await Promise.all(urls.map(async (u) => {
    try {
      const r = await fetch(u, { signal: AbortSignal.timeout(15000), headers: { Accept: "*/*" } });
      return { status: r.status, body: Buffer.from(await r.arrayBuffer()).toString("base64") };
    } catch (e) {
      return { error: String((e && e.cause && e.cause.code) || (e && e.message) || e) };
    }
  }));
  process.stdout.write(JSON.stringify(out));
});`;

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\//;

interface Reply {
  status?: number;
  /** The body's bytes, base64. */
  body?: string;
  error?: string;
}

export class UrlFetchAppStandIn {
  /** Every URL asked for, in order. */
  readonly urls: string[] = [];
  /** URLs refused because they are not on 127.0.0.1 (must stay empty). */
  readonly refused: string[] = [];
  /** Requests made without muteHttpExceptions (must stay empty). */
  readonly unmuted: string[] = [];
  /** Each getContentText call: the URL and the charset it was given (undefined: none). */
  readonly decoded: { url: string; charset?: string }[] = [];
  batches = 0;

  /** An HTTPResponse: getContentText decodes the bytes as Apps Script's Java does (test/helpers/javaCharsets.ts). */
  private response(url: string, r: Reply) {
    const bytes = Buffer.from(r.body!, "base64");
    return {
      getResponseCode: () => r.status!,
      getContentText: (charset?: string) => {
        this.decoded.push({ url, charset });
        return javaDecode(bytes, charset);
      },
    };
  }

  private run(urls: string[]): Reply[] {
    for (const u of urls) {
      this.urls.push(u);
      if (!LOOPBACK.test(u)) {
        this.refused.push(u);
        throw new Error(`Exception: the test refuses a request beyond 127.0.0.1: ${u}`);
      }
    }
    const out = execFileSync(process.execPath, ["-e", FETCH_CHILD], { input: JSON.stringify(urls), timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(out.toString("utf8")) as Reply[];
  }

  private check(url: string, r: Reply, mute: boolean): void {
    // As UrlFetchApp: a request that could not be made throws, quoting the URL.
    if (r.error !== undefined) throw new Error(`Exception: Address unavailable: ${url}`);
    if (!mute && r.status! >= 400) throw new Error(`Exception: Request failed for ${url} returned code ${r.status}`);
  }

  fetch(url: string, params: { muteHttpExceptions?: boolean } = {}) {
    this.batches++;
    if (!params.muteHttpExceptions) this.unmuted.push(url);
    const [r] = this.run([url]);
    this.check(url, r, params.muteHttpExceptions === true);
    return this.response(url, r);
  }

  fetchAll(requests: { url: string; muteHttpExceptions?: boolean }[]) {
    this.batches++;
    for (const q of requests) if (!q.muteHttpExceptions) this.unmuted.push(q.url);
    const replies = this.run(requests.map((q) => q.url));
    replies.forEach((r, i) => this.check(requests[i].url, r, requests[i].muteHttpExceptions === true));
    return replies.map((r, i) => this.response(requests[i].url, r));
  }
}

/** CacheService's Cache with its documented limits, on the test's clock. */
export class CacheStandIn {
  readonly map = new Map<string, { value: string; expires: number }>();
  constructor(private readonly clock: Clock) {}

  private checkPut(key: string, value: string, ttl: number): void {
    if (key.length > 250) throw new Error(`Exception: key too long (${key.length} > 250)`);
    if (Buffer.byteLength(value) > 100 * 1024) throw new Error(`Exception: Argument too large: value (${Buffer.byteLength(value)} bytes)`);
    if (!(ttl >= 1 && ttl <= 21600)) throw new Error(`Exception: expirationInSeconds must be 1 to 21600, got ${ttl}`);
  }

  get(key: string): string | null {
    const e = this.map.get(key);
    if (!e || e.expires <= this.clock.t) return null;
    return e.value;
  }

  put(key: string, value: string, ttl = 600): void {
    this.checkPut(key, value, ttl);
    this.map.set(key, { value, expires: this.clock.t + ttl * 1000 });
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  putAll(values: Record<string, string>, ttl = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, ttl);
  }
}

export class PropertiesStandIn {
  readonly map = new Map<string, string>();
  getProperty(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setProperty(k: string, v: string) {
    this.map.set(k, String(v));
    return this;
  }
  deleteProperty(k: string) {
    this.map.delete(k);
    return this;
  }
}

/** Wall-clock offset of a time zone at an instant, in ms (Intl; what Apps Script's Utilities does in Java). */
function zoneOffset(ms: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - Math.floor(ms / 1000) * 1000;
}

export const utilitiesStandIn = {
  formatDate(date: Date, tz: string, format: string): string {
    if (format !== "yyyy-MM-dd") throw new Error(`stand-in: format ${format} not supported`);
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  },
  parseDate(text: string, tz: string, format: string): Date {
    if (format !== "yyyy-MM-dd") throw new Error(`stand-in: format ${format} not supported`);
    const [y, m, d] = text.split("-").map(Number);
    const wall = Date.UTC(y, m - 1, d);
    let t = wall - zoneOffset(wall, tz);
    t = wall - zoneOffset(t, tz);
    return new Date(t);
  },
};

/** A prompt/alert Ui for "Set FRED API key": answers the prompt with `answer` (and OK, unless cancelled). */
export function uiStandIn(answer: { text: string; ok: boolean }) {
  const shown: { title: string; text: string }[] = [];
  return {
    shown,
    ui: {
      ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL" },
      Button: { OK: "OK", CANCEL: "CANCEL" },
      prompt(title: string, text: string) {
        shown.push({ title, text });
        return { getResponseText: () => answer.text, getSelectedButton: () => (answer.ok ? "OK" : "CANCEL") };
      },
      alert(title: string, text: string) {
        shown.push({ title, text });
        return "OK";
      },
    },
  };
}

export interface SheetsWorld {
  clock: Clock;
  fetch: UrlFetchAppStandIn;
  cache: CacheStandIn;
  documentProperties: PropertiesStandIn;
  scriptProperties: PropertiesStandIn;
  globals: Record<string, unknown>;
}

/** The services of one spreadsheet, in a given time zone, with the upstreams pointed at the mocks. */
export function sheetsWorld(opts: { timeZone: string; endpoints: Record<string, string>; ui?: unknown }): SheetsWorld {
  const clock = { t: Date.UTC(2026, 7, 7, 3) };
  const fetch = new UrlFetchAppStandIn();
  const cache = new CacheStandIn(clock);
  const documentProperties = new PropertiesStandIn();
  const scriptProperties = new PropertiesStandIn();
  scriptProperties.setProperty("MARGINAL_BID_TEST_UPSTREAMS", JSON.stringify(opts.endpoints));
  const globals = {
    UrlFetchApp: fetch,
    CacheService: { getDocumentCache: () => cache, getScriptCache: () => cache },
    PropertiesService: { getDocumentProperties: () => documentProperties, getScriptProperties: () => scriptProperties },
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => opts.timeZone }), getUi: () => opts.ui },
    Session: { getScriptTimeZone: () => "Etc/UTC" },
    Utilities: utilitiesStandIn,
    // The test's clock, read by the context's Date.now (set up after loading: see liveCode()).
    __clock: clock,
  };
  return { clock, fetch, cache, documentProperties, scriptProperties, globals };
}

/**
 * The proxy's client of the publishers: one GET with a deadline and a size cap, replies decoded
 * to text (the MoF flows from Windows-31J), and politeness towards each source:
 *
 * - its own calls held below the source's rate limit (token buckets on a monotonic clock: a wall
 *   clock stepping back cannot stall them);
 * - a source that answers 429 (or 503) with `Retry-After` is not asked again until that has
 *   passed; a 429 without one rests the source for a minute.
 *
 * When it will not ask, it answers like the proxy would (503, `proxy_error`, `Retry-After`), so
 * the reply cache serves a stale copy where it may.
 */
import http from "node:http";
import https from "node:https";
import type { FetchResult } from "../sources/request";
import type { ProxyConfig } from "./config";
import type { Matched } from "./routes";
import type { Scrubber } from "./scrub";
import { TokenBucket } from "./tokenBucket";

/** A 429 without `Retry-After`: FRED counts its limit per minute. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
/** The longest rest a source may ask for (a broken header must not stop the proxy for days). */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** `Retry-After` as seconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, wallNow: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  let s: number;
  if (/^\d+$/.test(v)) s = Number(v);
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t) || !/[a-z]/i.test(v)) return undefined;
    s = Math.ceil((t - wallNow) / 1000);
  }
  return Math.max(0, Math.min(MAX_RETRY_AFTER_SECONDS, s));
}

/** Bytes → text: UTF-8, or the source's charset (a UTF-8 byte-order mark wins); a bad byte becomes U+FFFD. */
export function decodeBody(bytes: Buffer, charset: string | undefined): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!charset || bom) return bytes.toString("utf8");
  return new TextDecoder(charset).decode(bytes);
}

/** A GET with an overall deadline and a size cap; never throws; no redirects followed. */
export function httpGet(url: string, opts: { timeoutMs: number; maxBytes: number; charset?: string; wallNow: () => number }): Promise<FetchResult> {
  return new Promise<FetchResult>((resolve) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (r: FetchResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ kind: "network", message: "the configured upstream URL is invalid" });
      return;
    }
    const lib = target.protocol === "https:" ? https : http;
    const req = lib.request(target, { method: "GET", headers: { "User-Agent": "marginal-bid-proxy/0.1", Accept: "application/json, text/plain, text/csv, */*" } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          finish({ kind: "network", message: `the reply is larger than ${Math.round(opts.maxBytes / 1048576)} MB` });
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => {
        const header = res.headers["retry-after"];
        const retryAfterSeconds = parseRetryAfter(Array.isArray(header) ? header[0] : header, opts.wallNow());
        const body = decodeBody(Buffer.concat(chunks), opts.charset);
        finish({ kind: "response", status: res.statusCode ?? 0, body, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
      });
      // Only the code: a message could quote the URL, and FRED's holds the key.
      res.on("error", (e: NodeJS.ErrnoException) => finish({ kind: "network", message: e.code ?? "the reply broke off" }));
    });
    timer = setTimeout(() => {
      finish({ kind: "timeout", afterMs: opts.timeoutMs });
      req.destroy();
    }, opts.timeoutMs);
    req.on("error", (e: NodeJS.ErrnoException) => finish({ kind: "network", message: e.code ?? "the connection failed" }));
    req.end();
  });
}

const held = new WeakSet<FetchResult>();

/** The proxy's own 503 for a request it will not forward now. */
export function holding(message: string, retryAfterSeconds: number): FetchResult {
  const r: FetchResult = { kind: "response", status: 503, body: JSON.stringify({ proxy_error: message }), retryAfterSeconds };
  held.add(r);
  return r;
}

/** Is this the proxy's own 503 (no upstream was asked)? */
export const isHolding = (r: FetchResult): boolean => held.has(r);

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

export class UpstreamClient {
  /** Upstream calls made, by upstream. */
  readonly calls: Record<string, number> = {};
  private readonly fredBucket: TokenBucket;
  private readonly otherBucket: TokenBucket;
  /** Monotonic time (ms) until which a source, by origin, is not asked. */
  private readonly restUntil = new Map<string, number>();

  constructor(
    private readonly config: ProxyConfig,
    private readonly scrubber: Scrubber,
    private readonly log: (line: string) => void,
  ) {
    for (const k of Object.keys(config.upstreams)) this.calls[k] = 0;
    this.fredBucket = new TokenBucket(config.fredBurst, config.fredPerMinute, config.monotonicNow);
    this.otherBucket = new TokenBucket(5, config.otherPerMinute, config.monotonicNow);
  }

  /** The upstream URL of a match. The key is appended last, only here, never logged. */
  url(m: Matched): string {
    const ends = this.config.upstreams;
    if (m.route.upstream === "fred") {
      return `${ends.fred.replace(/\/+$/, "")}${m.route.path}?${m.query}&api_key=${encodeURIComponent(this.config.fredApiKey ?? "")}`;
    }
    return ends[m.route.upstream];
  }

  /** Seconds the source of `m` still rests after its last 429 (0: none). */
  resting(m: Matched): number {
    const until = this.restUntil.get(originOf(this.url(m)));
    return until === undefined ? 0 : Math.max(0, Math.ceil((until - this.config.monotonicNow()) / 1000));
  }

  /** Ask the source, unless it rests or the rate budget says no. A reply to a keyed request comes back scrubbed. */
  async get(m: Matched): Promise<FetchResult> {
    const source = m.route.source;
    const bucket = m.route.upstream === "fred" ? this.fredBucket : this.otherBucket;
    let rest = this.resting(m);
    if (rest > 0) return holding(`${source} asked the proxy to wait: it asks again in about ${rest} s`, rest);
    const wait = bucket.reserve(this.config.maxRateWaitMs);
    if (wait === undefined) {
      const secs = Math.ceil(this.config.maxRateWaitMs / 1000) || 1;
      return holding(`the proxy is holding ${source} requests below the source's rate limit; try again in about ${secs} s`, secs);
    }
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    rest = this.resting(m); // a 429 may have come back while this one waited
    if (rest > 0) return holding(`${source} asked the proxy to wait: it asks again in about ${rest} s`, rest);

    this.calls[m.route.upstream]++;
    const url = this.url(m);
    const t0 = this.config.monotonicNow();
    const r = await httpGet(url, { timeoutMs: this.config.upstreamTimeoutMs, maxBytes: this.config.maxUpstreamBytes, charset: m.route.charset, wallNow: this.config.now });
    this.log(`upstream ${source} ${m.key} → ${r.kind === "response" ? `HTTP ${r.status}` : r.kind} (${Math.round(this.config.monotonicNow() - t0)} ms)`);
    if (r.kind !== "response") return r;
    const restFor = r.retryAfterSeconds ?? (r.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
    if ((r.status === 429 || r.status === 503) && restFor !== undefined && restFor > 0) {
      this.restUntil.set(originOf(url), this.config.monotonicNow() + restFor * 1000);
      this.log(`${source} asked for a rest: no call to it for ${restFor} s`);
      r.retryAfterSeconds = restFor;
    }
    return m.route.needsFredKey ? { ...r, body: this.scrubber.text(r.body) } : r;
  }
}

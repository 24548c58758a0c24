/**
 * The marginal-bid proxy: lets the Excel add-in read FRED (no CORS, key must not sit in a shared
 * workbook), the TIC table and the MoF curve. Node's built-in `http` only.
 *
 * - forwards only the allow-listed requests of routes.ts (no open relay);
 * - adds `api_key` from FRED_API_KEY; strips any key a client sends; never logs or echoes the key;
 * - caches replies that parse (same ages as the add-in), serves a stale copy when the source fails;
 * - coalesces identical requests in flight: N concurrent asks → one upstream call;
 * - holds its own FRED calls below FRED's 120 a minute (token bucket);
 * - 10 s upstream timeout; CORS only for the add-in's origin; 4xx for oversized/malformed requests.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { DEFAULT_ENDPOINTS, type DataRequest, type Endpoints, type FetchResult, REQUEST_TIMEOUT_MS } from "../core/data/request";
import { checkReply } from "../core/data/validate";
import { type Matched, matchRoute, upstreamUrl } from "./routes";
import { TokenBucket } from "./tokenBucket";

export const DEFAULT_ORIGIN = "https://localhost:3000";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;

export interface ProxyOptions {
  /** FRED API key (env FRED_API_KEY). Without it FRED routes answer 503 saying how to set it. */
  fredApiKey?: string;
  /** Origins allowed by CORS (env ADDIN_ORIGIN, comma-separated). Default https://localhost:3000. */
  addinOrigins?: readonly string[];
  /** Serve requests that carry no Origin (server-to-server, curl, Apps Script). Default true. */
  allowNoOrigin?: boolean;
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
  /** Cache bounds. Defaults 500 entries, 128 MiB. */
  cacheMaxEntries?: number;
  cacheMaxBytes?: number;
  /** Where log lines go (scrubbed before they get there). Default stdout. */
  log?: (line: string) => void;
  now?: () => number;
}

export interface ProxyStats {
  /** Upstream calls made, by upstream. */
  upstream: Record<keyof Endpoints, number>;
  hits: number;
  misses: number;
  shared: number;
  stale: number;
  refused: number;
}

interface CacheItem {
  status: number;
  body: Buffer;
  fetchedAt: number;
  maxAgeSeconds: number;
  staleAgeSeconds: number;
}

type Upstream = { kind: "response"; status: number; body: Buffer } | { kind: "timeout"; afterMs: number } | { kind: "network"; message: string };

/** What a request is answered with. `cache`: HIT (fresh copy), MISS (fetched for it), SHARED (joined a fetch in flight), STALE (source failed, old copy). */
type Served = { status: number; body: Buffer; cache: "HIT" | "MISS" | "SHARED" | "STALE"; fetchedAt: number; retryAfter?: number };

const NEGATIVE_TTL_SECONDS = 600;

/** Environment → options (what `npm run proxy` reads). */
export function proxyOptionsFromEnv(env: NodeJS.ProcessEnv): ProxyOptions & { host: string; port: number } {
  const num = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined || v === "") return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} = ${JSON.stringify(v)} is not a number`);
    return n;
  };
  const upstreams: Partial<Endpoints> = {};
  if (env.FRED_BASE_URL) upstreams.fred = env.FRED_BASE_URL;
  if (env.TIC_URL) upstreams.tic = env.TIC_URL;
  if (env.MOF_CURRENT_URL) upstreams.mofCurrent = env.MOF_CURRENT_URL;
  if (env.MOF_ALL_URL) upstreams.mofAll = env.MOF_ALL_URL;
  return {
    host: env.PROXY_HOST || DEFAULT_HOST,
    port: num("PROXY_PORT", DEFAULT_PORT),
    fredApiKey: env.FRED_API_KEY?.trim() || undefined,
    addinOrigins: (env.ADDIN_ORIGIN || DEFAULT_ORIGIN).split(",").map((s) => s.trim()).filter(Boolean),
    allowNoOrigin: env.PROXY_ALLOW_NO_ORIGIN !== "0",
    upstreams,
    upstreamTimeoutMs: num("UPSTREAM_TIMEOUT_MS", REQUEST_TIMEOUT_MS),
    fredPerMinute: num("FRED_RATE_PER_MINUTE", 100),
  };
}

/** `https://LocalHost:3000/` → `https://localhost:3000`. */
function normalizeOrigin(o: string): string {
  try {
    return new URL(o).origin;
  } catch {
    return o.trim().replace(/\/+$/, "").toLowerCase();
  }
}

export class ProxyServer {
  readonly server: http.Server;
  readonly stats: ProxyStats = { upstream: { fred: 0, tic: 0, mofCurrent: 0, mofAll: 0 }, hits: 0, misses: 0, shared: 0, stale: 0, refused: 0 };
  private readonly cache = new Map<string, CacheItem>();
  private cacheBytes = 0;
  private readonly inflight = new Map<string, Promise<Served>>();
  private readonly fredBucket: TokenBucket;
  private readonly otherBucket: TokenBucket;
  private readonly ends: Endpoints;
  private readonly origins: Set<string>;
  private readonly key?: string;
  private readonly o: Required<Omit<ProxyOptions, "fredApiKey" | "upstreams" | "addinOrigins">>;

  constructor(opts: ProxyOptions = {}) {
    this.key = opts.fredApiKey?.trim() || undefined;
    this.ends = { ...DEFAULT_ENDPOINTS, ...(opts.upstreams ?? {}) };
    this.origins = new Set((opts.addinOrigins ?? [DEFAULT_ORIGIN]).map(normalizeOrigin));
    const rawLog = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
    this.o = {
      allowNoOrigin: opts.allowNoOrigin ?? true,
      upstreamTimeoutMs: opts.upstreamTimeoutMs ?? REQUEST_TIMEOUT_MS,
      fredPerMinute: opts.fredPerMinute ?? 100,
      fredBurst: opts.fredBurst ?? 10,
      otherPerMinute: opts.otherPerMinute ?? 30,
      maxRateWaitMs: opts.maxRateWaitMs ?? 5_000,
      maxUrlLength: opts.maxUrlLength ?? 2048,
      maxHeaderBytes: opts.maxHeaderBytes ?? 8 * 1024,
      maxUpstreamBytes: opts.maxUpstreamBytes ?? 16 * 1024 * 1024,
      cacheMaxEntries: opts.cacheMaxEntries ?? 500,
      cacheMaxBytes: opts.cacheMaxBytes ?? 128 * 1024 * 1024,
      log: (line: string) => rawLog(this.scrub(line)),
      now: opts.now ?? Date.now,
    };
    this.fredBucket = new TokenBucket(this.o.fredBurst, this.o.fredPerMinute, this.o.now);
    this.otherBucket = new TokenBucket(5, this.o.otherPerMinute, this.o.now);
    this.server = http.createServer({ maxHeaderSize: this.o.maxHeaderBytes, requestTimeout: 20_000, headersTimeout: 10_000 }, (req, res) => {
      this.handle(req, res).catch((e) => {
        this.o.log(`internal error: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) this.json(res, 500, { proxy_error: "internal error in the proxy" }, undefined);
        else res.destroy();
      });
    });
    this.server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
      const code = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      this.stats.refused++;
      this.o.log(`refused malformed request: ${code} (${err.code ?? "parse error"})`);
      if (socket.writable) socket.end(`HTTP/1.1 ${code}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    });
  }

  /** Remove the key (and anything shaped like a key parameter) from text that leaves the process. */
  scrub(text: string): string {
    let t = text.replace(/(api_key=)[^&\s"'<>]*/gi, "$1***");
    if (this.key) t = t.split(this.key).join("***");
    return t;
  }

  private scrubBuffer(b: Buffer): Buffer {
    if (!this.key || b.indexOf(this.key) < 0) return b;
    return Buffer.from(b.toString("latin1").split(this.key).join("***"), "latin1");
  }

  listen(port = DEFAULT_PORT, host = DEFAULT_HOST): Promise<{ host: string; port: number; url: string }> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        const a = this.server.address() as AddressInfo;
        resolve({ host: a.address, port: a.port, url: `http://${a.address.includes(":") ? `[${a.address}]` : a.address}:${a.port}` });
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections?.();
    });
  }

  private corsHeaders(origin: string | undefined): Record<string, string> {
    return origin !== undefined && this.origins.has(normalizeOrigin(origin)) ? { "Access-Control-Allow-Origin": normalizeOrigin(origin), "Access-Control-Expose-Headers": "X-Cache, X-Fetched-At" } : {};
  }

  private send(res: http.ServerResponse, status: number, body: Buffer, contentType: string, origin: string | undefined, extra: Record<string, string> = {}): void {
    const safe = this.scrubBuffer(body);
    res.writeHead(status, {
      "Content-Type": contentType,
      "Content-Length": String(safe.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      Vary: "Origin",
      ...this.corsHeaders(origin),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, this.scrub(v)])),
    });
    res.end(safe);
  }

  private json(res: http.ServerResponse, status: number, obj: Record<string, unknown>, origin: string | undefined, extra: Record<string, string> = {}): void {
    this.send(res, status, Buffer.from(this.scrub(JSON.stringify(obj)), "utf8"), "application/json; charset=utf-8", origin, extra);
  }

  private refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string, origin: string | undefined, started: number): void {
    this.stats.refused++;
    this.json(res, status, { proxy_error: reason }, origin, status === 405 ? { Allow: "GET, OPTIONS" } : {});
    this.o.log(`${req.method} ${this.loggable(req.url)} → ${status} refused: ${reason} (${Date.now() - started} ms)`);
    // Whatever body the client may still be sending is not read: close the connection after the answer.
    if (status === 413 || status === 405) res.once("finish", () => req.socket.destroy());
  }

  /** A request target for a log line: shortened, key scrubbed. */
  private loggable(url: string | undefined): string {
    const u = url ?? "";
    return this.scrub(u.length > 200 ? `${u.slice(0, 200)}… (${u.length} chars)` : u);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const origin = typeof req.headers.origin === "string" ? req.headers.origin : undefined;
    const allowedOrigin = origin !== undefined && this.origins.has(normalizeOrigin(origin));

    if (origin !== undefined && !allowedOrigin) return this.refuse(req, res, 403, "origin not allowed", undefined, started);
    if (origin === undefined && !this.o.allowNoOrigin) return this.refuse(req, res, 403, "requests must come from the add-in", undefined, started);

    if (req.method === "OPTIONS") {
      // Preflight from the add-in (only reached for the allowed origin). Chrome's Private Network
      // Access asks before a page served from the internet may call a proxy on localhost.
      const pna = req.headers["access-control-request-private-network"] === "true" && allowedOrigin;
      res.writeHead(204, {
        ...this.corsHeaders(origin),
        ...(pna ? { "Access-Control-Allow-Private-Network": "true" } : {}),
        "Access-Control-Allow-Methods": "GET, OPTIONS",
        "Access-Control-Allow-Headers": "Accept, Content-Type",
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
        "Content-Length": "0",
      });
      res.end();
      return;
    }
    if (req.method !== "GET") return this.refuse(req, res, 405, `method ${req.method} not allowed: GET only`, origin, started);
    const length = Number(req.headers["content-length"] ?? 0);
    if (req.headers["transfer-encoding"] !== undefined || !(length === 0)) return this.refuse(req, res, 413, "a GET to this proxy carries no body", origin, started);
    const target = req.url ?? "";
    if (target.length > this.o.maxUrlLength) return this.refuse(req, res, 414, `request target longer than ${this.o.maxUrlLength} characters`, origin, started);

    if (target === "/healthz") {
      this.json(res, 200, { ok: true, fred_key: this.key !== undefined }, origin);
      return;
    }
    const m = matchRoute(target);
    if ("reason" in m) return this.refuse(req, res, m.status, m.reason, origin, started);
    if (m.strippedKey) this.o.log(`note: a client sent api_key on ${m.route.path}; it was dropped (the proxy uses its own key)`);
    if (m.route.needsFredKey && !this.key) {
      return this.refuse(
        req,
        res,
        503,
        "the proxy has no FRED API key: start it with the environment variable FRED_API_KEY set (a free key: https://fred.stlouisfed.org/docs/api/api_key.html)",
        origin,
        started,
      );
    }

    const served = await this.serve(m);
    this.send(res, served.status, served.body, served.status === 200 || served.status === 400 ? m.route.contentType : "application/json; charset=utf-8", origin, {
      "X-Cache": served.cache,
      "X-Fetched-At": new Date(served.fetchedAt).toISOString(),
      ...(served.retryAfter !== undefined ? { "Retry-After": String(served.retryAfter) } : {}),
    });
    this.o.log(`GET ${m.key} → ${served.status} ${served.cache} (${Date.now() - started} ms)`);
  }

  /** Cache → shared in-flight fetch → upstream. */
  private async serve(m: Matched): Promise<Served> {
    const now = this.o.now();
    const hit = this.cache.get(m.key);
    if (hit && (now - hit.fetchedAt) / 1000 < hit.maxAgeSeconds) {
      this.stats.hits++;
      this.cache.delete(m.key); // LRU: most recently used last
      this.cache.set(m.key, hit);
      return { status: hit.status, body: hit.body, cache: "HIT", fetchedAt: hit.fetchedAt };
    }
    const pending = this.inflight.get(m.key);
    if (pending) {
      this.stats.shared++;
      const s = await pending;
      return { ...s, cache: s.cache === "STALE" ? "STALE" : "SHARED" };
    }
    const p = this.fetchAndSettle(m).finally(() => this.inflight.delete(m.key));
    this.inflight.set(m.key, p);
    const s = await p;
    if (s.cache === "STALE") this.stats.stale++;
    else this.stats.misses++;
    return s;
  }

  private async fetchAndSettle(m: Matched): Promise<Served> {
    const bucket = m.route.upstream === "fred" ? this.fredBucket : this.otherBucket;
    const wait = bucket.reserve(this.o.maxRateWaitMs);
    const desc: DataRequest = {
      url: m.key,
      source: m.route.source,
      kind: m.route.kind,
      label: m.label,
      cacheKey: m.key,
      maxAgeSeconds: m.route.maxAgeSeconds,
      staleAgeSeconds: m.route.staleAgeSeconds,
      timeoutMs: this.o.upstreamTimeoutMs,
    };
    const cached = this.cache.get(m.key);
    const staleOk = () => cached !== undefined && cached.status === 200 && (this.o.now() - cached.fetchedAt) / 1000 < cached.staleAgeSeconds;
    const stale = (): Served => ({ status: 200, body: cached!.body, cache: "STALE", fetchedAt: cached!.fetchedAt });

    if (wait === undefined) {
      if (staleOk()) return stale();
      const secs = Math.ceil(this.o.maxRateWaitMs / 1000);
      return {
        status: 503,
        body: Buffer.from(JSON.stringify({ proxy_error: `the proxy is holding ${m.route.source} requests below the source's rate limit; try again in about ${secs} s` })),
        cache: "MISS",
        fetchedAt: this.o.now(),
        retryAfter: secs,
      };
    }
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    this.stats.upstream[m.route.upstream]++;
    const t0 = Date.now();
    const up = await this.upstreamGet(upstreamUrl(m, this.ends, this.key));
    this.o.log(`upstream ${m.route.source} ${m.key} → ${up.kind === "response" ? `HTTP ${up.status}` : up.kind} (${Date.now() - t0} ms)`);

    const asFetch: FetchResult = up.kind === "response" ? { kind: "response", status: up.status, body: up.body.toString("utf8") } : up;
    const checked = checkReply(desc, asFetch);
    const now = this.o.now();
    if (checked.ok) {
      const body = (up as { body: Buffer }).body;
      this.store(m.key, { status: 200, body, fetchedAt: now, maxAgeSeconds: m.route.maxAgeSeconds, staleAgeSeconds: m.route.staleAgeSeconds });
      return { status: 200, body, cache: "MISS", fetchedAt: now };
    }
    if (checked.transient && staleOk()) return stale();
    const reason = checked.error.message.startsWith(`${m.label}: `) ? checked.error.message.slice(m.label.length + 2) : checked.error.message;
    if (!checked.transient && up.kind === "response") {
      // A definite "no" from FRED (unknown series, bad key): pass FRED's own reply through, and
      // remember it briefly so a sheet full of a mistyped id does not spend the rate budget.
      const body = up.body;
      this.store(m.key, { status: up.status, body, fetchedAt: now, maxAgeSeconds: NEGATIVE_TTL_SECONDS, staleAgeSeconds: NEGATIVE_TTL_SECONDS });
      return { status: up.status, body, cache: "MISS", fetchedAt: now };
    }
    return { status: up.kind === "timeout" ? 504 : 502, body: Buffer.from(JSON.stringify({ proxy_error: reason })), cache: "MISS", fetchedAt: now };
  }

  private store(key: string, item: CacheItem): void {
    const old = this.cache.get(key);
    if (old) this.cacheBytes -= old.body.length;
    this.cache.delete(key);
    this.cache.set(key, item);
    this.cacheBytes += item.body.length;
    while (this.cache.size > this.o.cacheMaxEntries || this.cacheBytes > this.o.cacheMaxBytes) {
      const [k, v] = this.cache.entries().next().value as [string, CacheItem];
      this.cache.delete(k);
      this.cacheBytes -= v.body.length;
    }
  }

  /** GET with an overall deadline and a size cap; never throws; no redirects followed. */
  private upstreamGet(url: string): Promise<Upstream> {
    const timeoutMs = this.o.upstreamTimeoutMs;
    const maxBytes = this.o.maxUpstreamBytes;
    return new Promise<Upstream>((resolve) => {
      let done = false;
      const finish = (u: Upstream) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(u);
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        finish({ kind: "network", message: "the configured upstream URL is invalid" });
        return;
      }
      const lib = target.protocol === "https:" ? https : http;
      const req = lib.request(
        target,
        { method: "GET", headers: { "User-Agent": "marginal-bid-proxy/0.1", Accept: "application/json, text/plain, text/csv, */*" } },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.length;
            if (size > maxBytes) {
              finish({ kind: "network", message: `the reply is larger than ${Math.round(maxBytes / 1048576)} MB` });
              req.destroy();
              return;
            }
            chunks.push(c);
          });
          res.on("end", () => finish({ kind: "response", status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on("error", (e) => finish({ kind: "network", message: this.scrub(e.message) }));
        },
      );
      const timer = setTimeout(() => {
        finish({ kind: "timeout", afterMs: timeoutMs });
        req.destroy();
      }, timeoutMs);
      req.on("error", (e: NodeJS.ErrnoException) => finish({ kind: "network", message: this.scrub(e.code ?? e.message) }));
      req.end();
    });
  }
}

export function createProxy(opts: ProxyOptions = {}): ProxyServer {
  return new ProxyServer(opts);
}

/**
 * One request, from its headers to the answer: who may ask (Host, Origin), what may be asked
 * (method, size, the allow-list of routes.ts), then the reply cache (src/sources/cache.ts, the
 * add-in's own policy: src/sources/cache.ts) in front of the upstream client. A request carrying the add-in's last
 * "Refresh live data" (`refreshed_at`) is not served a copy fetched before it (see the cache for
 * the bounds: one refetch a key a minute, fetches shared, a stale copy when the refetch fails).
 */
import type http from "node:http";
import net from "node:net";
import type { Outcome, ReplyCache } from "../sources/cache";
import { checkFetch } from "../sources/check";
import type { DataRequest } from "../sources/request";
import type { ProxyConfig } from "./config";
import { type Matched, matchRoute } from "./routes";
import type { Scrubber } from "./scrub";
import { type UpstreamClient, isHolding } from "./upstream";

export interface ProxyStats {
  /** Upstream calls made, by upstream. */
  upstream: Record<string, number>;
  hits: number;
  misses: number;
  shared: number;
  stale: number;
  refused: number;
  /** Connections dropped at the connection cap. */
  dropped: number;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** Encoded replies kept for the next answer (UTF-8 encoding the 1.1 MB MoF history takes ~20 ms). */
const ENCODED_KEPT = 32;

/**
 * How far ahead of the proxy's clock a `refreshed_at` may be and still count: the add-in's
 * computer and the proxy's may disagree by a few minutes. A time further ahead is ignored (it
 * would make every copy look old until then); the reply is then the one without a refresh.
 */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** Where each answer came from, as the `X-Cache` header says it. */
const X_CACHE = { cache: "HIT", network: "MISS", shared: "SHARED", stale: "STALE" } as const;

/** `https://LocalHost:3000/` → `https://localhost:3000`. */
export function normalizeOrigin(o: string): string {
  try {
    return new URL(o).origin;
  } catch {
    return o.trim().replace(/\/+$/, "").toLowerCase();
  }
}

/** The host name of a `Host` header: lower case, without port, brackets or a final dot. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith("[") ? h.slice(1, h.indexOf("]") < 0 ? undefined : h.indexOf("]")) : h.replace(/:\d*$/, "");
  return name.replace(/\.$/, "");
}

/**
 * DNS rebinding needs a name the attacker's DNS answers for; an IP address or `localhost` can
 * only be this machine's. Any other name must be listed. A request without `Host` is not a
 * browser's (HTTP/1.1 requires it, and Node refuses its absence there).
 */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (host === undefined) return true;
  const name = hostName(host);
  return net.isIP(name) !== 0 || name === "localhost" || allowed.has(name);
}

/** A client on this machine, not relayed by a reverse proxy (which says so in Forwarded / X-Forwarded-For). */
export function isLoopbackClient(remoteAddress: string | undefined, headers: http.IncomingHttpHeaders): boolean {
  if (headers.forwarded !== undefined || headers["x-forwarded-for"] !== undefined) return false;
  const a = (remoteAddress ?? "").replace(/^::ffff:/i, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export class RequestHandler {
  private readonly origins: Set<string>;
  private readonly hosts: Set<string>;
  /** The last replies' bytes by cache key: a cached body is encoded once, not once per answer. */
  private readonly encoded = new Map<string, { body: string; bytes: Buffer }>();

  constructor(
    private readonly config: ProxyConfig,
    private readonly scrubber: Scrubber,
    private readonly cache: ReplyCache,
    private readonly upstream: UpstreamClient,
    private readonly stats: ProxyStats,
    private readonly log: (line: string) => void,
  ) {
    this.origins = new Set(config.addinOrigins.map(normalizeOrigin));
    this.hosts = new Set(config.allowedHosts.map(hostName));
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = this.config.monotonicNow();
    const origin = typeof req.headers.origin === "string" ? req.headers.origin : undefined;
    const allowedOrigin = origin !== undefined && this.origins.has(normalizeOrigin(origin));
    const refuse = (status: number, reason: string, cors = allowedOrigin) => this.refuse(req, res, status, reason, cors ? origin : undefined, started);

    if (!hostAllowed(req.headers.host, this.hosts)) {
      return refuse(421, "the Host header does not name this proxy (a proxy reached by a name lists it in PROXY_ALLOWED_HOSTS)", false);
    }
    if (origin !== undefined && !allowedOrigin) return refuse(403, "origin not allowed");
    if (origin === undefined && !this.noOriginServed(req)) {
      return refuse(403, this.config.noOrigin === "never" ? "requests must come from the add-in" : "requests without an Origin header are served only from this machine");
    }

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
    if (req.method !== "GET") return refuse(405, `method ${req.method} not allowed: GET only`);
    const length = Number(req.headers["content-length"] ?? 0);
    if (req.headers["transfer-encoding"] !== undefined || !(length === 0)) return refuse(413, "a GET to this proxy carries no body");
    const target = req.url ?? "";
    if (target.length > this.config.maxUrlLength) return refuse(414, `request target longer than ${this.config.maxUrlLength} characters`);

    if (target === "/healthz") {
      this.json(res, 200, { ok: true, fred_key: this.config.fredApiKey !== undefined }, origin);
      return;
    }
    const m = matchRoute(target);
    if ("reason" in m) return refuse(m.status, m.reason);
    if (m.strippedKey) this.log(`note: a client sent api_key on ${m.route.path}; it was dropped (the proxy uses its own key)`);
    if (m.route.needsFredKey && !this.config.fredApiKey) {
      return refuse(503, "the proxy has no FRED API key: start it with the environment variable FRED_API_KEY set (a free key: https://fred.stlouisfed.org/docs/api/api_key.html)");
    }

    const refresh = this.refresh(m);
    const outcome = await this.cache.get(this.request(m), () => this.upstream.get(m), refresh.at);
    const a = this.answer(m, outcome);
    this.stats[({ cache: "hits", network: "misses", shared: "shared", stale: "stale" } as const)[outcome.from]]++;
    this.send(res, a.status, this.encode(m.key, a.body), a.contentType, origin, {
      "X-Cache": X_CACHE[outcome.from],
      "X-Fetched-At": new Date(outcome.ok ? outcome.fetchedAt : this.config.now()).toISOString(),
      ...(a.retryAfter !== undefined ? { "Retry-After": String(a.retryAfter) } : {}),
    });
    this.log(`GET ${m.key} → ${a.status} ${X_CACHE[outcome.from]}${refresh.note} (${this.elapsed(started)} ms)`);
  }

  /** The refresh time the cache is given (none, or one too far ahead), and what the log line says of it. */
  private refresh(m: Matched): { at?: number; note: string } {
    const t = m.refreshedAt;
    if (t === undefined) return { note: "" };
    if (t > this.config.now() + REFRESH_AHEAD_MS) return { note: ", refreshed_at ignored: ahead of the proxy's clock" };
    return { at: t, note: `, refreshed at ${new Date(t).toISOString()}` };
  }

  private noOriginServed(req: http.IncomingMessage): boolean {
    const p = this.config.noOrigin;
    return p === "any" || (p === "loopback" && isLoopbackClient(req.socket.remoteAddress, req.headers));
  }

  /** The request as the reply cache and the checks see it: keyed by the canonical target, without a key. */
  private request(m: Matched): DataRequest {
    const r = m.route;
    return {
      url: m.key,
      source: r.source,
      label: m.label,
      cacheKey: m.key,
      maxAgeSeconds: r.maxAgeSeconds,
      staleAgeSeconds: r.staleAgeSeconds,
      timeoutMs: this.config.upstreamTimeoutMs,
      parse: r.parse(m.searchParams),
      explain: r.explain,
    };
  }

  /** An outcome as an HTTP answer. */
  private answer(m: Matched, o: Outcome): { status: number; body: string; contentType: string; retryAfter?: number } {
    if (o.ok) return { status: 200, body: o.body, contentType: m.route.contentType };
    const r = o.failure.result;
    const error = (status: number, reason: string, retryAfter?: number) => ({ status, body: this.scrubber.text(JSON.stringify({ proxy_error: reason })), contentType: JSON_TYPE, retryAfter });
    if (r.kind === "timeout") return error(504, this.reason(m, o));
    if (r.kind === "network" || r.kind === "canceled") return error(502, this.reason(m, o));
    if (isHolding(r)) return { status: r.status, body: r.body, contentType: JSON_TYPE, retryAfter: r.retryAfterSeconds };
    // A definite "no" from FRED (unknown series, bad key): its own reply, remembered briefly by the cache.
    if (!o.failure.transient) return { status: r.status, body: r.body, contentType: m.route.contentType };
    const rest = r.retryAfterSeconds;
    if (rest !== undefined && rest > 0) return error(503, `${this.reason(m, o)}; the proxy asks ${m.route.source} again in ${rest} s`, rest);
    return error(502, this.reason(m, o));
  }

  /** Why it failed, in the proxy's words, without the label. A reply to a request that carried the key is never quoted. */
  private reason(m: Matched, o: Outcome & { ok: false }): string {
    const r = o.failure.result;
    let message = o.error.message;
    if (m.route.needsFredKey && r.kind === "response") {
      // The status alone: what the same failure says about an empty reply.
      const bare = r.status === 200 ? undefined : checkFetch(this.request(m), { kind: "response", status: r.status, body: "" });
      message = bare && !bare.ok ? bare.error.message : "unparseable reply (not quoted: the request carried the proxy's key)";
    }
    const prefix = `${m.label}: `;
    return message.startsWith(prefix) ? message.slice(prefix.length) : message;
  }

  private corsHeaders(origin: string | undefined): Record<string, string> {
    return origin !== undefined && this.origins.has(normalizeOrigin(origin)) ? { "Access-Control-Allow-Origin": normalizeOrigin(origin), "Access-Control-Expose-Headers": "X-Cache, X-Fetched-At, Retry-After" } : {};
  }

  private encode(key: string, body: string): Buffer {
    const kept = this.encoded.get(key);
    if (kept && kept.body === body) return kept.bytes;
    const bytes = Buffer.from(body, "utf8");
    this.encoded.delete(key);
    this.encoded.set(key, { body, bytes });
    if (this.encoded.size > ENCODED_KEPT) this.encoded.delete(this.encoded.keys().next().value as string);
    return bytes;
  }

  private send(res: http.ServerResponse, status: number, body: string | Buffer, contentType: string, origin: string | undefined, extra: Record<string, string> = {}): void {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    res.writeHead(status, {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      Vary: "Origin",
      ...this.corsHeaders(origin),
      ...extra,
    });
    res.end(bytes);
  }

  private json(res: http.ServerResponse, status: number, obj: Record<string, unknown>, origin: string | undefined, extra: Record<string, string> = {}): void {
    this.send(res, status, this.scrubber.text(JSON.stringify(obj)), JSON_TYPE, origin, extra);
  }

  private refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string, origin: string | undefined, started: number): void {
    this.stats.refused++;
    this.json(res, status, { proxy_error: reason }, origin, status === 405 ? { Allow: "GET, OPTIONS" } : {});
    const url = req.url ?? "";
    const target = url.length > 200 ? `${url.slice(0, 200)}… (${url.length} chars)` : url;
    this.log(`${req.method} ${target} → ${status} refused: ${reason} (${this.elapsed(started)} ms)`);
    // Whatever body the client may still be sending is not read: close the connection after the answer.
    if (status === 413 || status === 405) res.once("finish", () => req.socket.destroy());
  }

  private elapsed(started: number): number {
    return Math.round(this.config.monotonicNow() - started);
  }
}

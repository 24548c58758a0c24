/**
 * The marginal-bid proxy: lets the Excel add-in read FRED (no CORS, key must not sit in a shared
 * workbook), the TIC tables and the MoF files. Node's built-in `http` only.
 *
 * - forwards only the allow-listed requests of routes.ts (no open relay), to a Host that names it;
 * - adds `api_key` from FRED_API_KEY; strips any key a client sends; never logs or echoes the key (scrub.ts);
 * - caches replies with the add-in's own reply cache (src/sources/cache.ts): fresh, stale on
 *   failure, refusals remembered 10 minutes, identical requests in flight → one upstream call,
 *   the add-in's "Refresh live data" honoured (a key refetched at most once a minute for it);
 * - holds its calls below each source's rate limit and honours `Retry-After` (upstream.ts);
 * - transcodes the MoF's Windows-31J files to UTF-8;
 * - bounds the connections it holds and how long a client may take to send its headers.
 *
 * This file wires the parts: config.ts (settings), upstream.ts (the client of the publishers),
 * handler.ts (one request).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ReplyCache } from "../sources/cache";
import { DEFAULT_HOST, DEFAULT_PORT, type ProxyConfig, type ProxyOptions, REQUEST_RECEIVE_MS, resolveConfig } from "./config";
import { type ProxyStats, RequestHandler } from "./handler";
import { Scrubber } from "./scrub";
import { UpstreamClient } from "./upstream";

export { DEFAULT_HOST, DEFAULT_ORIGIN, DEFAULT_PORT, type ProxyOptions, proxyOptionsFromEnv } from "./config";
export type { ProxyStats } from "./handler";

/** How long a definite refusal (FRED: no such series) is remembered: a sheet of mistyped ids does not spend the rate budget. */
export const REFUSAL_SECONDS = 600;
/** A "Refresh live data" refetches a key at most once in this many seconds, whoever asks. */
export const REFRESH_INTERVAL_SECONDS = 60;
/** How often Node checks the header and request timeouts (its default, 30 s, let trickling clients live that long). */
const TIMEOUT_CHECK_MS = 1000;
/** At most one log line about dropped connections per this many ms (a flood must not flood the log). */
const DROP_LOG_MS = 10_000;

export class ProxyServer {
  readonly server: http.Server;
  readonly stats: ProxyStats;
  readonly config: ProxyConfig;
  private readonly scrubber: Scrubber;
  private readonly log: (line: string) => void;
  private lastDropLog = -Infinity;

  constructor(opts: ProxyOptions = {}) {
    this.config = resolveConfig(opts);
    const config = this.config;
    this.scrubber = new Scrubber(config.fredApiKey);
    this.log = (line) => config.log(this.scrubber.log(line));
    const upstream = new UpstreamClient(config, this.scrubber, this.log);
    this.stats = { upstream: upstream.calls, hits: 0, misses: 0, shared: 0, stale: 0, refused: 0, dropped: 0 };
    const cache = new ReplyCache({
      now: config.now,
      monotonicNow: config.monotonicNow,
      maxEntries: config.cacheMaxEntries,
      maxChars: config.cacheMaxChars,
      refusalSeconds: REFUSAL_SECONDS,
      refreshIntervalSeconds: REFRESH_INTERVAL_SECONDS,
    });
    const handler = new RequestHandler(config, this.scrubber, cache, upstream, this.stats, this.log);

    this.server = http.createServer(
      {
        maxHeaderSize: config.maxHeaderBytes,
        headersTimeout: config.headersTimeoutMs,
        requestTimeout: REQUEST_RECEIVE_MS,
        connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, config.headersTimeoutMs),
      },
      (req, res) => {
        handler.handle(req, res).catch((e: unknown) => {
          this.log(`internal error: ${e instanceof Error ? e.message : String(e)}`);
          if (!res.headersSent) {
            res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
            res.end(JSON.stringify({ proxy_error: "internal error in the proxy" }));
          } else res.destroy();
        });
      },
    );
    // Beyond the cap Node closes new connections at once: the descriptors stay available.
    this.server.maxConnections = config.maxConnections;
    this.server.on("drop", () => {
      this.stats.dropped++;
      const t = config.monotonicNow();
      if (t - this.lastDropLog >= DROP_LOG_MS) {
        this.lastDropLog = t;
        this.log(`refused connections: ${config.maxConnections} open already (PROXY_MAX_CONNECTIONS); ${this.stats.dropped} dropped so far`);
      }
    });
    this.server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
      const code =
        err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
      this.stats.refused++;
      this.log(`refused: ${code} (${err.code ?? "parse error"})`);
      if (socket.writable) socket.end(`HTTP/1.1 ${code}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    });
  }

  /** Remove the key (whole, cut, or as any `api_key=` value) from text. */
  scrub(text: string): string {
    return this.scrubber.text(text);
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
      this.server.closeAllConnections();
    });
  }
}

export function createProxy(opts: ProxyOptions = {}): ProxyServer {
  return new ProxyServer(opts);
}

/**
 * The reply cache: one policy for the Sheets path, the Excel add-in and the proxy. Host-neutral
 * (no Node or DOM API: it is bundled into Excel's functions.js, written for ES2016):
 *
 * - an entry is a checked reply body with the time it was fetched;
 * - younger than the request's `maxAgeSeconds` → served without asking the source (fresh);
 * - the source fails (timeout, network, HTTP 5xx/429, unparseable 200) → an entry younger than
 *   `staleAgeSeconds` is served instead (stale-but-allowed); a definite refusal (FRED 400: no such
 *   series, bad key) is never masked;
 * - only replies that parse are stored, so garbage never poisons the cache; a refusal is
 *   remembered only where `refusalSeconds` asks for it (the proxy: a sheet of mistyped ids
 *   must not spend its rate budget), and never stands in as a stale copy;
 * - identical requests (same `cacheKey`) in flight share one fetch (`ReplyCache`);
 * - a refresh (`ReplyCache.get`'s `refreshedAt`, the proxy's `refreshed_at`): a copy fetched before
 *   it is not fresh, so the source is asked again, at most once a key per `refreshIntervalSeconds`;
 * - memory is bounded (least recently used dropped first), `clear()` drops everything.
 *
 * Storage is pluggable: `SyncStorage` (Sheets `CacheService`, in-memory) or `AsyncStorage`
 * (Excel `OfficeRuntime.storage`). See storage.ts for the adapters.
 */
import { SheetError } from "../core/errors";
import type { DataRequest, FetchResult, PlanItem, Reply } from "../core/data/request";
import { checkReply } from "../core/data/validate";

export interface CacheEntry {
  body: string;
  /** Milliseconds since the epoch. */
  fetchedAt: number;
  /** A remembered refusal's HTTP status (its body is the source's answer); absent for a reply that parsed. */
  status?: number;
}

/** Synchronous key/value storage with a time to live (CacheService's shape). */
export interface SyncStorage {
  get(key: string): string | null | undefined;
  put(key: string, value: string, ttlSeconds: number): void;
}

/** Asynchronous key/value storage (OfficeRuntime.storage's shape, with a TTL hint it may ignore). */
export interface AsyncStorage {
  get(key: string): Promise<string | null | undefined>;
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Remove every entry this cache wrote. */
  clear?(): Promise<void>;
}

/** Storage keys carry a version, so a format change never reads old entries. */
export const storageKey = (req: Pick<DataRequest, "cacheKey">) => `mb1:${req.cacheKey}`;

export function encodeEntry(e: CacheEntry): string {
  return JSON.stringify(e.status === undefined ? { t: e.fetchedAt, b: e.body } : { t: e.fetchedAt, b: e.body, s: e.status });
}

/** A stored entry, or undefined for anything unreadable (treated as a miss). */
export function decodeEntry(s: string | null | undefined): CacheEntry | undefined {
  if (typeof s !== "string") return undefined;
  try {
    const j = JSON.parse(s) as { t?: unknown; b?: unknown; s?: unknown };
    if (typeof j.t !== "number" || typeof j.b !== "string") return undefined;
    return typeof j.s === "number" ? { fetchedAt: j.t, body: j.b, status: j.s } : { fetchedAt: j.t, body: j.b };
  } catch {
    return undefined;
  }
}

export type Freshness = "fresh" | "stale" | "expired";

/**
 * Fresh below maxAge, stale (servable on failure) below staleAge, else expired. A remembered
 * refusal is fresh for `refusalSeconds`, then expired. A future timestamp counts as age 0.
 */
export function freshness(e: CacheEntry, req: Pick<DataRequest, "maxAgeSeconds" | "staleAgeSeconds">, now: number, refusalSeconds = 0): Freshness {
  const age = Math.max(0, now - e.fetchedAt) / 1000;
  if (e.status !== undefined) return age < refusalSeconds ? "fresh" : "expired";
  return age < req.maxAgeSeconds ? "fresh" : age < req.staleAgeSeconds ? "stale" : "expired";
}

/** Where a served answer came from. `shared`: a fetch started for an identical request in flight. */
export type ServedFrom = "cache" | "network" | "stale" | "shared";

/** What the source answered when there is no body to serve, and whether an old copy could have stood in. */
export interface Failure {
  result: FetchResult;
  transient: boolean;
}

export type Outcome = { ok: true; body: string; fetchedAt: number; from: ServedFrom } | { ok: false; error: SheetError; from: ServedFrom; failure: Failure };

/** A cached entry as an outcome: its body, or the refusal it remembers. */
function fromEntry(req: DataRequest, e: CacheEntry, from: ServedFrom): Outcome {
  if (e.status === undefined) return { ok: true, body: e.body, fetchedAt: e.fetchedAt, from };
  const result: FetchResult = { kind: "response", status: e.status, body: e.body };
  const checked = checkReply(req, result);
  return checked.ok ? { ok: true, body: e.body, fetchedAt: e.fetchedAt, from } : { ok: false, error: checked.error, from, failure: { result, transient: false } };
}

/**
 * The decision after asking the source, pure: what to serve and what (if anything) to store.
 * `cached` is the entry found before the fetch (any age).
 */
export function settle(req: DataRequest, result: FetchResult, cached: CacheEntry | undefined, now: number, refusalSeconds = 0): { outcome: Outcome; store?: CacheEntry } {
  const checked = checkReply(req, result);
  if (checked.ok) {
    return { outcome: { ok: true, body: checked.body, fetchedAt: now, from: "network" }, store: { body: checked.body, fetchedAt: now } };
  }
  if (checked.transient && cached && cached.status === undefined && freshness(cached, req, now) !== "expired") {
    return { outcome: { ok: true, body: cached.body, fetchedAt: cached.fetchedAt, from: "stale" } };
  }
  const outcome: Outcome = { ok: false, error: checked.error, from: "network", failure: { result, transient: checked.transient } };
  if (!checked.transient && refusalSeconds > 0 && result.kind === "response") {
    return { outcome, store: { body: result.body, fetchedAt: now, status: result.status } };
  }
  return { outcome };
}

/** Outcomes → what `compute` takes, in plan order; plan errors pass through. */
export function toReplies(items: readonly PlanItem[], outcomes: ReadonlyMap<string, Outcome>): Reply[] {
  return items.map((it) => {
    if (it instanceof SheetError) return it;
    const o = outcomes.get(it.cacheKey);
    if (!o) return new SheetError("na", `${it.label}: no reply`);
    return o.ok ? o.body : o.error;
  });
}

function requestsOf(items: readonly PlanItem[]): DataRequest[] {
  const seen = new Map<string, DataRequest>();
  for (const it of items) if (!(it instanceof SheetError) && !seen.has(it.cacheKey)) seen.set(it.cacheKey, it);
  return Array.from(seen.values());
}

function describe(e: unknown): string {
  // An exception from a host service (Apps Script's UrlFetchApp) may come from another realm: read its message, not its class.
  const m = typeof (e as { message?: unknown } | null)?.message === "string" ? (e as { message: string }).message : String(e);
  // Never let a URL (which may hold a key) through: keep the message, drop any query string.
  return m.replace(/\?[^\s"')]*/g, "?…").slice(0, 200);
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // a storage failure is a cache miss, never a cell error
  }
}

async function safeAsync<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch {
    return undefined;
  }
}

/** Was `e` fetched before a refresh at `refreshedAt`? */
const outdated = (e: CacheEntry, refreshedAt: number | undefined) => refreshedAt !== undefined && e.fetchedAt < refreshedAt;

export interface ReplyCacheOptions {
  /** Persistent storage behind the in-memory map (Excel: `OfficeRuntime.storage`). Refusals are kept in memory only. */
  storage?: AsyncStorage;
  now?(): number;
  /** Entries kept in memory (least recently used dropped first). Default 200. */
  maxEntries?: number;
  /** Characters of reply bodies kept in memory. Default: no bound beyond `maxEntries`. */
  maxChars?: number;
  /** How long a definite refusal is remembered, in seconds. Default 0: not at all. */
  refusalSeconds?: number;
  /**
   * A refresh refetches a key at most once in this many seconds; later refreshes within it are
   * served what that refetch left (the proxy: no client can make it hammer a source). Default 0.
   */
  refreshIntervalSeconds?: number;
  /** A monotonic clock in ms for that interval (the proxy's; default: `now`). */
  monotonicNow?(): number;
}

/**
 * Memory → persistent storage → one shared fetch per key, settled by the policy above. The
 * fetch is the caller's (the add-in's `fetch` to the proxy, the proxy's upstream client); a
 * fetch that throws is a network failure.
 */
export class ReplyCache {
  private readonly memory = new Map<string, CacheEntry>();
  private chars = 0;
  private readonly inflight = new Map<string, Promise<Outcome>>();
  /** Bumped by `clear()`: a fetch started before it answers its callers but stores nothing. */
  private generation = 0;
  /** When each key was last refetched for a refresh (monotonic ms). */
  private readonly refetched = new Map<string, number>();

  constructor(private readonly opts: ReplyCacheOptions = {}) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private get refusalSeconds(): number {
    return this.opts.refusalSeconds ?? 0;
  }

  /**
   * The reply for `req`: cached, shared with a fetch in flight, or fetched. `refreshedAt` (ms since
   * the epoch): a user refreshed then, so a copy fetched before it is not fresh.
   */
  get(req: DataRequest, fetch: (req: DataRequest) => Promise<FetchResult>, refreshedAt?: number): Promise<Outcome> {
    const key = req.cacheKey;
    const hit = this.memory.get(key);
    const fresh = hit !== undefined && this.isFresh(hit, req);
    if (hit && fresh && !outdated(hit, refreshedAt)) return this.served(req, hit);
    const pending = this.inflight.get(key);
    if (pending) return pending.then((o): Outcome => (o.from === "network" ? { ...o, from: "shared" } : o));
    // Only fresh copies are refetched because of a refresh; the others are asked for anyway.
    if (hit && fresh && !this.mayRefetch(key)) return this.served(req, hit);
    const p = this.load(req, hit, fetch, this.generation, refreshedAt);
    this.inflight.set(key, p);
    const done = () => {
      if (this.inflight.get(key) === p) this.inflight.delete(key);
    };
    p.then(done, done);
    return p;
  }

  /** Drop every cached reply, in memory and in the persistent storage. */
  async clear(): Promise<void> {
    this.generation++;
    this.memory.clear();
    this.chars = 0;
    this.inflight.clear();
    const storage = this.opts.storage;
    if (storage && storage.clear) await safeAsync(() => storage.clear!());
  }

  private isFresh(e: CacheEntry, req: DataRequest): boolean {
    return freshness(e, req, this.now(), this.refusalSeconds) === "fresh";
  }

  private served(req: DataRequest, e: CacheEntry): Promise<Outcome> {
    this.remember(req.cacheKey, e); // most recently used last
    return Promise.resolve(fromEntry(req, e, "cache"));
  }

  /** May `key` be refetched for a refresh now? Yes at most once per `refreshIntervalSeconds` (and the time is noted). */
  private mayRefetch(key: string): boolean {
    const interval = (this.opts.refreshIntervalSeconds ?? 0) * 1000;
    if (interval <= 0) return true;
    const t = this.opts.monotonicNow ? this.opts.monotonicNow() : this.now();
    const last = this.refetched.get(key);
    if (last !== undefined && t - last < interval) return false;
    this.refetched.set(key, t);
    // Bounded: once there are more notes than cached entries, those older than the interval go.
    if (this.refetched.size > (this.opts.maxEntries ?? 200)) {
      this.refetched.forEach((at, k) => {
        if (t - at >= interval) this.refetched.delete(k);
      });
    }
    return true;
  }

  private async load(
    req: DataRequest,
    memoryHit: CacheEntry | undefined,
    fetch: (req: DataRequest) => Promise<FetchResult>,
    generation: number,
    refreshedAt: number | undefined,
  ): Promise<Outcome> {
    let cached = memoryHit;
    const storage = this.opts.storage;
    if (storage) {
      const stored = decodeEntry(await safeAsync(() => storage.get(storageKey(req))));
      if (stored && stored.status === undefined && (!cached || stored.fetchedAt > cached.fetchedAt)) cached = stored;
      if (cached && this.isFresh(cached, req) && !outdated(cached, refreshedAt)) {
        if (generation === this.generation) this.remember(req.cacheKey, cached);
        return fromEntry(req, cached, "cache");
      }
    }
    let result: FetchResult;
    try {
      result = await fetch(req);
    } catch (e) {
      result = { kind: "network", message: describe(e) };
    }
    const { outcome, store } = settle(req, result, cached, this.now(), this.refusalSeconds);
    if (store && generation === this.generation) {
      this.remember(req.cacheKey, store);
      if (storage && store.status === undefined) await safeAsync(() => storage.put(storageKey(req), encodeEntry(store), req.staleAgeSeconds));
    }
    return outcome;
  }

  private remember(key: string, e: CacheEntry): void {
    const old = this.memory.get(key);
    if (old) {
      this.memory.delete(key);
      this.chars -= old.body.length;
    }
    const maxChars = this.opts.maxChars ?? Infinity;
    if (e.body.length > maxChars) return; // larger than the whole budget: not kept
    this.memory.set(key, e);
    this.chars += e.body.length;
    const maxEntries = this.opts.maxEntries ?? 200;
    while (this.memory.size > maxEntries || this.chars > maxChars) {
      const oldest = this.memory.keys().next().value as string;
      this.chars -= this.memory.get(oldest)!.body.length;
      this.memory.delete(oldest);
    }
  }
}

export interface SyncFetcherOptions {
  storage: SyncStorage;
  /** Fetch a batch at once (Sheets: `UrlFetchApp.fetchAll` with `muteHttpExceptions`). */
  fetchAll(reqs: DataRequest[]): FetchResult[];
  /** One at a time, used when `fetchAll` throws for the whole batch (UrlFetchApp does on a DNS failure or timeout). */
  fetchOne?(req: DataRequest): FetchResult;
  now?(): number;
}

/** The synchronous path (Sheets): cache lookups, one batch fetch for the misses, stale on failure. */
export class SyncFetcher {
  constructor(private readonly opts: SyncFetcherOptions) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** Serve every request of a plan; identical requests are fetched once. */
  fetch(items: readonly PlanItem[]): Map<string, Outcome> {
    const reqs = requestsOf(items);
    const out = new Map<string, Outcome>();
    const misses: { req: DataRequest; cached?: CacheEntry }[] = [];
    const now = this.now();
    for (const req of reqs) {
      const cached = decodeEntry(safe(() => this.opts.storage.get(storageKey(req))));
      if (cached && freshness(cached, req, now) === "fresh") out.set(req.cacheKey, fromEntry(req, cached, "cache"));
      else misses.push({ req, cached });
    }
    if (misses.length === 0) return out;
    const results = this.fetchBatch(misses.map((m) => m.req));
    const after = this.now();
    misses.forEach(({ req, cached }, i) => {
      const { outcome, store } = settle(req, results[i], cached, after);
      if (store) safe(() => this.opts.storage.put(storageKey(req), encodeEntry(store), req.staleAgeSeconds));
      out.set(req.cacheKey, outcome);
    });
    return out;
  }

  /** The replies of a plan, in plan order. */
  replies(items: readonly PlanItem[]): Reply[] {
    return toReplies(items, this.fetch(items));
  }

  private fetchBatch(reqs: DataRequest[]): FetchResult[] {
    try {
      const r = this.opts.fetchAll(reqs);
      if (r.length === reqs.length) return r;
      throw new Error(`fetchAll returned ${r.length} results for ${reqs.length} requests`);
    } catch (e) {
      const one = this.opts.fetchOne;
      if (!one) return reqs.map(() => ({ kind: "network", message: describe(e) }));
      return reqs.map((req) => {
        try {
          return one(req);
        } catch (e2) {
          return { kind: "network", message: describe(e2) };
        }
      });
    }
  }
}

export interface AsyncFetcherOptions {
  /** One request (Excel: `fetch` to our proxy). It may honour `signal`; it should not throw, but may. */
  fetch(req: DataRequest, signal: AbortSignal): Promise<FetchResult>;
  /** Persistent storage behind the in-memory map (Excel: `OfficeRuntime.storage`). */
  storage?: AsyncStorage;
  now?(): number;
  /** Entries kept in memory (least recently used dropped first). Default 200. */
  maxMemoryEntries?: number;
  /** Caps every request's own timeout (default: the request's, 10 s). */
  timeoutMs?: number;
}

/**
 * The asynchronous path (Excel): the reply cache, with the request's timeout enforced here (a
 * host fetch that hangs still settles as a timeout).
 */
export class AsyncFetcher {
  private readonly cache: ReplyCache;
  /** Upstream fetches started (tests and diagnostics). */
  fetches = 0;

  constructor(private readonly opts: AsyncFetcherOptions) {
    this.cache = new ReplyCache({ storage: opts.storage, now: opts.now, maxEntries: opts.maxMemoryEntries });
  }

  get(req: DataRequest): Promise<Outcome> {
    return this.cache.get(req, (r) => this.fetchWithTimeout(r));
  }

  /** The replies of a plan, in plan order. */
  async replies(items: readonly PlanItem[]): Promise<Reply[]> {
    const reqs = requestsOf(items);
    const outcomes = await Promise.all(reqs.map((r) => this.get(r)));
    const byKey = new Map<string, Outcome>();
    reqs.forEach((r, i) => byKey.set(r.cacheKey, outcomes[i]));
    return toReplies(items, byKey);
  }

  /** Drop every cached reply, in memory and in OfficeRuntime.storage ("Refresh live data"). */
  clear(): Promise<void> {
    return this.cache.clear();
  }

  private fetchWithTimeout(request: DataRequest): Promise<FetchResult> {
    this.fetches++;
    const req = this.opts.timeoutMs === undefined ? request : { ...request, timeoutMs: Math.min(request.timeoutMs, this.opts.timeoutMs) };
    // A runtime without AbortController still gets the timeout (the race below), only not the abort.
    const ctl: { signal: AbortSignal; abort(): void } =
      typeof AbortController === "function" ? new AbortController() : { signal: { aborted: false } as AbortSignal, abort() { (this.signal as { aborted: boolean }).aborted = true; } };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<FetchResult>((resolve) => {
      timer = setTimeout(() => {
        ctl.abort();
        resolve({ kind: "timeout", afterMs: req.timeoutMs });
      }, req.timeoutMs);
    });
    const fetched = (async (): Promise<FetchResult> => {
      try {
        return await this.opts.fetch(req, ctl.signal);
      } catch (e) {
        return ctl.signal.aborted ? { kind: "timeout", afterMs: req.timeoutMs } : { kind: "network", message: describe(e) };
      }
    })();
    const settled = (r: FetchResult) => {
      clearTimeout(timer);
      return r;
    };
    return Promise.race([fetched, timeout]).then(settled);
  }
}

/**
 * The cache policy both hosts share, host-neutral:
 *
 * - an entry is a checked reply body with the time it was fetched;
 * - younger than the request's `maxAgeSeconds` → served without asking the source (fresh);
 * - the source fails (timeout, network, HTTP 5xx/429, unparseable 200) → an entry younger than
 *   `staleAgeSeconds` is served instead (stale-but-allowed); a definite refusal (FRED 400: no such
 *   series, bad key) is never masked;
 * - only replies that parse are stored, so garbage never poisons the cache;
 * - identical requests (same `cacheKey`) in flight share one fetch (async path).
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
}

/** Storage keys carry a version, so a format change never reads old entries. */
export const storageKey = (req: Pick<DataRequest, "cacheKey">) => `mb1:${req.cacheKey}`;

export function encodeEntry(e: CacheEntry): string {
  return JSON.stringify({ t: e.fetchedAt, b: e.body });
}

/** A stored entry, or undefined for anything unreadable (treated as a miss). */
export function decodeEntry(s: string | null | undefined): CacheEntry | undefined {
  if (typeof s !== "string") return undefined;
  try {
    const j = JSON.parse(s) as { t?: unknown; b?: unknown };
    return typeof j.t === "number" && typeof j.b === "string" ? { fetchedAt: j.t, body: j.b } : undefined;
  } catch {
    return undefined;
  }
}

export type Freshness = "fresh" | "stale" | "expired";

/** Fresh below maxAge, stale (servable on failure) below staleAge, else expired. A future timestamp counts as age 0. */
export function freshness(e: CacheEntry, req: Pick<DataRequest, "maxAgeSeconds" | "staleAgeSeconds">, now: number): Freshness {
  const age = Math.max(0, now - e.fetchedAt) / 1000;
  return age < req.maxAgeSeconds ? "fresh" : age < req.staleAgeSeconds ? "stale" : "expired";
}

/** Where a served body came from. */
export type ServedFrom = "cache" | "network" | "stale";

export type Outcome = { ok: true; body: string; fetchedAt: number; from: ServedFrom } | { ok: false; error: SheetError };

/**
 * The decision after asking the source, pure: what to serve and what (if anything) to store.
 * `cached` is the entry found before the fetch (any age).
 */
export function settle(req: DataRequest, result: FetchResult, cached: CacheEntry | undefined, now: number): { outcome: Outcome; store?: CacheEntry } {
  const checked = checkReply(req, result);
  if (checked.ok) {
    const store = { body: checked.body, fetchedAt: now };
    return { outcome: { ok: true, body: checked.body, fetchedAt: now, from: "network" }, store };
  }
  if (checked.transient && cached && freshness(cached, req, now) !== "expired") {
    return { outcome: { ok: true, body: cached.body, fetchedAt: cached.fetchedAt, from: "stale" } };
  }
  return { outcome: { ok: false, error: checked.error } };
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

const requestsOf = (items: readonly PlanItem[]): DataRequest[] => {
  const seen = new Map<string, DataRequest>();
  for (const it of items) if (!(it instanceof SheetError) && !seen.has(it.cacheKey)) seen.set(it.cacheKey, it);
  return [...seen.values()];
};

function describe(e: unknown): string {
  // An exception from a host service (Apps Script's UrlFetchApp) may come from another realm: read its message, not its class.
  const m = typeof (e as { message?: unknown } | null)?.message === "string" ? (e as { message: string }).message : String(e);
  // Never let a URL (which may hold a key) through: keep the message, drop any query string.
  return m.replace(/\?[^\s"')]*/g, "?…").slice(0, 200);
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
      if (cached && freshness(cached, req, now) === "fresh") out.set(req.cacheKey, { ok: true, body: cached.body, fetchedAt: cached.fetchedAt, from: "cache" });
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

export interface AsyncFetcherOptions {
  /** One request (Excel: `fetch` to our proxy). It may honour `signal`; it should not throw, but may. */
  fetch(req: DataRequest, signal: AbortSignal): Promise<FetchResult>;
  /** Persistent storage behind the in-memory map (Excel: `OfficeRuntime.storage`). */
  storage?: AsyncStorage;
  now?(): number;
  /** Entries kept in memory (least recently fetched dropped first). Default 200. */
  maxMemoryEntries?: number;
  /** Caps every request's own timeout (default: the request's, 10 s). */
  timeoutMs?: number;
}

/**
 * The asynchronous path (Excel): memory → persistent storage → one shared fetch per key, with the
 * request's timeout enforced here (a host fetch that hangs still settles as a timeout).
 */
export class AsyncFetcher {
  private readonly memory = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, Promise<Outcome>>();
  /** Upstream fetches started (tests and diagnostics). */
  fetches = 0;

  constructor(private readonly opts: AsyncFetcherOptions) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  get(req: DataRequest): Promise<Outcome> {
    const hit = this.memory.get(req.cacheKey);
    if (hit && freshness(hit, req, this.now()) === "fresh") {
      return Promise.resolve({ ok: true, body: hit.body, fetchedAt: hit.fetchedAt, from: "cache" });
    }
    const pending = this.inflight.get(req.cacheKey);
    if (pending) return pending;
    const p = this.load(req, hit).finally(() => this.inflight.delete(req.cacheKey));
    this.inflight.set(req.cacheKey, p);
    return p;
  }

  /** Forget the replies held in memory ("Refresh live data"); fetches in flight go on. */
  clear(): void {
    this.memory.clear();
  }

  /** The replies of a plan, in plan order. */
  async replies(items: readonly PlanItem[]): Promise<Reply[]> {
    const reqs = requestsOf(items);
    const outcomes = await Promise.all(reqs.map((r) => this.get(r)));
    return toReplies(items, new Map(reqs.map((r, i) => [r.cacheKey, outcomes[i]])));
  }

  private async load(req: DataRequest, memoryHit: CacheEntry | undefined): Promise<Outcome> {
    let cached = memoryHit;
    const storage = this.opts.storage;
    if (storage) {
      const stored = decodeEntry(await safeAsync(() => storage.get(storageKey(req))));
      if (stored && (!cached || stored.fetchedAt > cached.fetchedAt)) cached = stored;
      if (cached && freshness(cached, req, this.now()) === "fresh") {
        this.remember(req, cached);
        return { ok: true, body: cached.body, fetchedAt: cached.fetchedAt, from: "cache" };
      }
    }
    const result = await this.fetchWithTimeout(req);
    const { outcome, store } = settle(req, result, cached, this.now());
    if (store) {
      this.remember(req, store);
      if (storage) await safeAsync(() => storage.put(storageKey(req), encodeEntry(store), req.staleAgeSeconds));
    }
    return outcome;
  }

  private remember(req: DataRequest, e: CacheEntry): void {
    this.memory.delete(req.cacheKey);
    this.memory.set(req.cacheKey, e);
    const max = this.opts.maxMemoryEntries ?? 200;
    while (this.memory.size > max) this.memory.delete(this.memory.keys().next().value as string);
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
    return Promise.race([fetched, timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * The reply cache: one policy for the Sheets path, the Excel add-in and the proxy. Host-neutral
 * (no Node or DOM API: it is bundled into Excel's functions.js, written for ES2016):
 *
 * - an entry is a judged reply body with the time it was fetched, and in memory what the
 *   publisher's parser made of it (parsed once per runtime, whoever asks);
 * - younger than the request's `maxAgeSeconds` → served without asking the source (fresh);
 * - the source fails (timeout, network, HTTP 5xx/429, unparseable 200) → an entry younger than
 *   `staleAgeSeconds` is served instead (stale-but-allowed); a definite refusal (FRED 400: no such
 *   series, bad key) is never masked;
 * - only replies that parse are stored, so garbage never poisons the cache; a refusal is
 *   remembered only where `refusalSeconds` asks for it (the proxy: a sheet of mistyped ids
 *   must not spend its rate budget), and never stands in as a stale copy;
 * - "Refresh live data", the same rule in every host: a copy fetched before the refresh time is
 *   not fresh (the source is asked again), though it may still stand in when the source fails;
 * - identical requests (same `cacheKey`) in flight share one fetch (`ReplyCache`);
 * - memory is bounded (least recently used dropped first).
 *
 * Storage is pluggable (`SyncStorage`: Sheets' CacheService, memory; `AsyncStorage`: Excel's
 * OfficeRuntime.storage); the hosts' adapters live in their hosts.
 */
import { SheetError } from "../core/errors";
import { type Checked, checkFetch, parseBody } from "./check";
import type { DataRequest, FetchResult, PlanItem, Reply } from "./request";

export interface CacheEntry {
  body: string;
  /** Milliseconds since the epoch. */
  fetchedAt: number;
  /** A remembered refusal's HTTP status (its body is the source's answer); absent for a reply that parsed. */
  status?: number;
  /** What the parser made of `body`, once asked (memory only, never stored). */
  parsed?: { value: unknown };
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
export const storageKey = (req: Pick<DataRequest, "cacheKey">) => `mb2:${req.cacheKey}`;

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
 * Fresh below maxAge, stale (servable on failure) below staleAge, else expired. A copy fetched
 * before `refreshedAt` (the last "Refresh live data", ms since the epoch) is at best stale. A
 * remembered refusal is fresh for `refusalSeconds` (and not after a refresh), then expired.
 * A future timestamp counts as age 0.
 */
export function freshness(e: CacheEntry, req: Pick<DataRequest, "maxAgeSeconds" | "staleAgeSeconds">, now: number, refusalSeconds = 0, refreshedAt?: number): Freshness {
  const age = Math.max(0, now - e.fetchedAt) / 1000;
  const outdated = refreshedAt !== undefined && e.fetchedAt < refreshedAt;
  if (e.status !== undefined) return age < refusalSeconds && !outdated ? "fresh" : "expired";
  if (age < req.maxAgeSeconds && !outdated) return "fresh";
  return age < req.staleAgeSeconds ? "stale" : "expired";
}

/** Where a served answer came from. `shared`: a fetch started for an identical request in flight. */
export type ServedFrom = "cache" | "network" | "stale" | "shared";

/** What the source answered when there is no body to serve, and whether an old copy could have stood in. */
export interface Failure {
  result: FetchResult;
  transient: boolean;
}

export type Outcome<T = unknown> =
  | { ok: true; body: string; parsed: T; fetchedAt: number; from: ServedFrom }
  | { ok: false; error: SheetError; from: ServedFrom; failure: Failure };

/** The parsed reply of an entry, parsed on first use and kept beside the body; a body that no longer parses is undefined. */
function parsedOf<T>(req: DataRequest<T>, e: CacheEntry): Checked<T> {
  if (e.parsed) return { ok: true, body: e.body, parsed: e.parsed.value as T };
  const c = parseBody(req, e.body);
  if (c.ok) e.parsed = { value: c.parsed };
  return c;
}

/** A cached entry as an outcome: its parsed body, or the refusal it remembers. */
export function fromEntry<T>(req: DataRequest<T>, e: CacheEntry, from: ServedFrom): Outcome<T> {
  if (e.status === undefined) {
    const c = parsedOf(req, e);
    if (c.ok) return { ok: true, body: e.body, parsed: c.parsed, fetchedAt: e.fetchedAt, from };
    return { ok: false, error: c.error, from, failure: { result: { kind: "response", status: 200, body: e.body }, transient: true } };
  }
  const result: FetchResult = { kind: "response", status: e.status, body: e.body };
  const checked = checkFetch(req, result);
  return checked.ok ? { ok: true, body: e.body, parsed: checked.parsed, fetchedAt: e.fetchedAt, from } : { ok: false, error: checked.error, from, failure: { result, transient: false } };
}

/** Does a stored entry still parse (one written by an older parser may not)? It is then a miss. */
const usable = (req: DataRequest, e: CacheEntry | undefined): e is CacheEntry => e !== undefined && (e.status !== undefined || parsedOf(req, e).ok);

/**
 * The decision after asking the source, pure: what to serve and what (if anything) to store.
 * `cached` is the entry found before the fetch (any age).
 */
export function settle<T>(req: DataRequest<T>, result: FetchResult, cached: CacheEntry | undefined, now: number, refusalSeconds = 0): { outcome: Outcome<T>; store?: CacheEntry } {
  const checked = checkFetch(req, result);
  if (checked.ok) {
    const store: CacheEntry = { body: checked.body, fetchedAt: now, parsed: { value: checked.parsed } };
    return { outcome: { ok: true, body: checked.body, parsed: checked.parsed, fetchedAt: now, from: "network" }, store };
  }
  if (checked.transient && cached && cached.status === undefined && freshness(cached, req, now) !== "expired" && usable(req, cached)) {
    return { outcome: fromEntry(req, cached, "stale") };
  }
  const outcome: Outcome<T> = { ok: false, error: checked.error, from: "network", failure: { result, transient: checked.transient } };
  if (!checked.transient && refusalSeconds > 0 && result.kind === "response") {
    return { outcome, store: { body: result.body, fetchedAt: now, status: result.status } };
  }
  return { outcome };
}

/** Outcomes → what `compute` takes, in plan order: the parsed replies; plan errors pass through. */
export function toReplies(items: readonly PlanItem[], outcomes: ReadonlyMap<string, Outcome>): Reply[] {
  return items.map((it) => {
    if (it instanceof SheetError) return it;
    const o = outcomes.get(it.cacheKey);
    if (!o) return new SheetError("na", `${it.label}: no reply`);
    return o.ok ? o.parsed : o.error;
  });
}

/** The distinct requests of a plan (one per cache key), in plan order. */
export function requestsOf(items: readonly PlanItem[]): DataRequest[] {
  const seen = new Map<string, DataRequest>();
  for (const it of items) if (!(it instanceof SheetError) && !seen.has(it.cacheKey)) seen.set(it.cacheKey, it);
  return Array.from(seen.values());
}

/** An exception's message, safe to show: another realm's error is read by its message, any URL's query string is dropped (it may hold a key). */
export function describeError(e: unknown): string {
  const m = typeof (e as { message?: unknown } | null)?.message === "string" ? (e as { message: string }).message : String(e);
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

/** A bounded in-memory map of entries, least recently used dropped first. */
class Memory {
  private readonly map = new Map<string, CacheEntry>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string): CacheEntry | undefined {
    return this.map.get(key);
  }

  remember(key: string, e: CacheEntry): void {
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.chars -= old.body.length;
    }
    if (e.body.length > this.maxChars) return; // larger than the whole budget: not kept
    this.map.set(key, e);
    this.chars += e.body.length;
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.keys().next().value as string;
      this.chars -= this.map.get(oldest)!.body.length;
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

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
 * Memory → persistent storage → one shared fetch per key, settled by the policy above (Excel's
 * add-in and the proxy). The fetch is the caller's; a fetch that throws is a network failure.
 */
export class ReplyCache {
  private readonly memory: Memory;
  private readonly inflight = new Map<string, Promise<Outcome>>();
  /** Bumped by `clear()`: a fetch started before it answers its callers but stores nothing. */
  private generation = 0;
  /** When each key was last refetched for a refresh (monotonic ms). */
  private readonly refetched = new Map<string, number>();

  constructor(private readonly opts: ReplyCacheOptions = {}) {
    this.memory = new Memory(opts.maxEntries ?? 200, opts.maxChars ?? Infinity);
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private get refusalSeconds(): number {
    return this.opts.refusalSeconds ?? 0;
  }

  /**
   * The outcome for `req`: cached, shared with a fetch in flight, or fetched. `refreshedAt` (ms since
   * the epoch): a user refreshed then, so a copy fetched before it is not fresh.
   */
  get<T>(req: DataRequest<T>, fetch: (req: DataRequest<T>) => Promise<FetchResult>, refreshedAt?: number): Promise<Outcome<T>> {
    const key = req.cacheKey;
    const hit = this.memory.get(key);
    const state = hit && freshness(hit, req, this.now(), this.refusalSeconds, refreshedAt);
    if (hit && state === "fresh") return this.served(req, hit);
    const pending = this.inflight.get(key) as Promise<Outcome<T>> | undefined;
    if (pending) return pending.then((o): Outcome<T> => (o.from === "network" ? { ...o, from: "shared" } : o));
    // A copy that a refresh alone outdated is refetched at most once per interval (the proxy).
    const refreshOnly = hit !== undefined && freshness(hit, req, this.now(), this.refusalSeconds) === "fresh";
    if (hit && refreshOnly && !this.mayRefetch(key)) return this.served(req, hit);
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
    this.inflight.clear();
    const storage = this.opts.storage;
    if (storage && storage.clear) await safeAsync(() => storage.clear!());
  }

  private served<T>(req: DataRequest<T>, e: CacheEntry): Promise<Outcome<T>> {
    this.memory.remember(req.cacheKey, e); // most recently used last
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

  private async load<T>(
    req: DataRequest<T>,
    memoryHit: CacheEntry | undefined,
    fetch: (req: DataRequest<T>) => Promise<FetchResult>,
    generation: number,
    refreshedAt: number | undefined,
  ): Promise<Outcome<T>> {
    let cached = memoryHit;
    const storage = this.opts.storage;
    if (storage) {
      const stored = decodeEntry(await safeAsync(() => storage.get(storageKey(req))));
      if (stored && stored.status === undefined && (!cached || stored.fetchedAt > cached.fetchedAt) && usable(req, stored)) cached = stored;
      if (cached && freshness(cached, req, this.now(), this.refusalSeconds, refreshedAt) === "fresh") {
        if (generation === this.generation) this.memory.remember(req.cacheKey, cached);
        return fromEntry(req, cached, "cache");
      }
    }
    let result: FetchResult;
    try {
      result = await fetch(req);
    } catch (e) {
      result = { kind: "network", message: describeError(e) };
    }
    const { outcome, store } = settle(req, result, cached, this.now(), this.refusalSeconds);
    if (store && generation === this.generation) {
      this.memory.remember(req.cacheKey, store);
      if (storage && store.status === undefined) await safeAsync(() => storage.put(storageKey(req), encodeEntry(store), req.staleAgeSeconds));
    }
    return outcome;
  }
}

export interface SyncCacheOptions {
  storage: SyncStorage;
  now?(): number;
}

/**
 * The synchronous cache (Sheets, the data-folder fetcher): storage lookups, then whoever fetches
 * the misses settles them here. A fresh runtime per call (Apps Script) parses a reply once; a
 * long-lived one (HyperFormula) keeps the parsed entries in memory.
 */
export class SyncCache {
  private readonly memory = new Memory(50, Infinity);

  constructor(private readonly opts: SyncCacheOptions) {}

  now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** The cached entry for `req` (any age), from memory or storage. */
  lookup(req: DataRequest): CacheEntry | undefined {
    const inMemory = this.memory.get(req.cacheKey);
    const stored = decodeEntry(safe(() => this.opts.storage.get(storageKey(req))));
    const e = inMemory && (!stored || stored.fetchedAt <= inMemory.fetchedAt) ? inMemory : stored;
    if (!usable(req, e)) return undefined;
    this.memory.remember(req.cacheKey, e);
    return e;
  }

  /** Settle a fetch of `req` against what was cached, storing a good reply. */
  settle<T>(req: DataRequest<T>, result: FetchResult, cached: CacheEntry | undefined): Outcome<T> {
    const { outcome, store } = settle(req, result, cached, this.now());
    if (store) {
      this.memory.remember(req.cacheKey, store);
      safe(() => this.opts.storage.put(storageKey(req), encodeEntry(store), req.staleAgeSeconds));
    }
    return outcome;
  }
}

/**
 * What the one pipeline (src/args/invoke.ts) asks of a host that can fetch: the plan context,
 * and the parsed replies of a plan. Two implementations, one cache policy (./cache.ts):
 *
 * - `SyncFetcher` (Sheets' UrlFetchApp, a folder of downloaded files): storage lookups, one batch
 *   for the misses, stale copies on failure, and a time budget: once it is spent nothing more is
 *   fetched and a stale copy or the `#N/A` naming the slow source stands in;
 * - `AsyncFetcher` (Excel through the proxy): memory and persistent storage, identical requests
 *   in flight shared, each request's timeout enforced, and per call (`forCall`) a deadline, the
 *   refresh time, and cancellation as a signal: a canceled call settles at once and its fetches
 *   are aborted unless another call still waits for them.
 */
import { SheetError } from "../core/errors";
import { type CacheEntry, type AsyncStorage, type Outcome, ReplyCache, SyncCache, type SyncStorage, describeError, freshness, fromEntry, requestsOf, toReplies } from "./cache";
import { Waiters } from "./http";
import { withRefreshParam } from "./refresh";
import type { DataRequest, FetchResult, PlanContext, PlanItem, Reply } from "./request";

/** A host that can fetch, as the pipeline sees it. */
export interface Fetcher {
  context(): PlanContext | Promise<PlanContext>;
  replies(items: readonly PlanItem[]): Reply[] | Promise<Reply[]>;
}

/** A fetcher that answers at once (Sheets, files): the pipeline then stays synchronous. */
export interface SyncFetcherLike extends Fetcher {
  context(): PlanContext;
  replies(items: readonly PlanItem[]): Reply[];
}

export interface SyncFetcherOptions {
  storage: SyncStorage;
  context(): PlanContext;
  /** Fetch a batch at once (Sheets: `UrlFetchApp.fetchAll` with `muteHttpExceptions`). */
  fetchAll(reqs: DataRequest[]): FetchResult[];
  /** One at a time, used when `fetchAll` throws for the whole batch (UrlFetchApp does on a DNS failure or timeout). */
  fetchOne?(req: DataRequest): FetchResult;
  /** The last "Refresh live data" (ms since the epoch). */
  refreshedAt?: number;
  now?(): number;
  /** Stop fetching once this much time has passed since the call began (Sheets: a custom function has 30 s). */
  budgetMs?: number;
  /** The clock of the budget (default `now`). */
  elapsedClock?(): number;
}

/** The synchronous path: cache lookups, one batch for the misses, stale on failure, within a time budget. */
export class SyncFetcher implements SyncFetcherLike {
  private readonly cache: SyncCache;
  private readonly started: number;

  constructor(private readonly opts: SyncFetcherOptions) {
    this.cache = new SyncCache({ storage: opts.storage, now: opts.now });
    this.started = this.clock();
  }

  private clock(): number {
    return this.opts.elapsedClock ? this.opts.elapsedClock() : this.opts.now ? this.opts.now() : Date.now();
  }

  /** Milliseconds of the budget left (Infinity without one). */
  budgetLeft(): number {
    return this.opts.budgetMs === undefined ? Infinity : this.opts.budgetMs - (this.clock() - this.started);
  }

  context(): PlanContext {
    return this.opts.context();
  }

  /** Serve every request of a plan; identical requests are fetched once. */
  outcomes(items: readonly PlanItem[]): Map<string, Outcome> {
    const out = new Map<string, Outcome>();
    const misses: { req: DataRequest; cached?: CacheEntry }[] = [];
    const now = this.cache.now();
    for (const req of requestsOf(items)) {
      const cached = this.cache.lookup(req);
      if (cached && freshness(cached, req, now, 0, this.opts.refreshedAt) === "fresh") out.set(req.cacheKey, fromEntry(req, cached, "cache"));
      else misses.push({ req, cached });
    }
    if (misses.length === 0) return out;
    const results = this.fetchBatch(misses.map((m) => m.req));
    misses.forEach(({ req, cached }, i) => out.set(req.cacheKey, this.cache.settle(req, results[i], cached)));
    return out;
  }

  replies(items: readonly PlanItem[]): Reply[] {
    return toReplies(items, this.outcomes(items));
  }

  /** What a request gets when the budget is spent before it is asked: a timeout (so a stale copy may stand in). */
  private overBudget(): FetchResult {
    return { kind: "timeout", afterMs: this.opts.budgetMs ?? 0 };
  }

  private fetchBatch(reqs: DataRequest[]): FetchResult[] {
    if (this.budgetLeft() <= 0) return reqs.map(() => this.overBudget());
    try {
      const r = this.opts.fetchAll(reqs);
      if (r.length === reqs.length) return r;
      throw new Error(`fetchAll returned ${r.length} results for ${reqs.length} requests`);
    } catch (e) {
      const one = this.opts.fetchOne;
      if (!one) return reqs.map(() => ({ kind: "network", message: describeError(e) }));
      // One at a time, each only while the budget lasts: a slow source must not take the whole call.
      return reqs.map((req): FetchResult => {
        if (this.budgetLeft() <= 0) return this.overBudget();
        try {
          return one(req);
        } catch (e2) {
          return { kind: "network", message: describeError(e2) };
        }
      });
    }
  }
}

/** Cancellation as a signal (what Excel's `onCanceled` sets), never a message to search for. */
export class CancelSignal {
  private done = false;
  private readonly listeners: (() => void)[] = [];

  get canceled(): boolean {
    return this.done;
  }

  cancel(): void {
    if (this.done) return;
    this.done = true;
    for (const f of this.listeners.splice(0)) f();
  }

  onCancel(f: () => void): void {
    if (this.done) f();
    else this.listeners.push(f);
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

/** One call's view of the runtime's fetcher. */
export interface CallOptions {
  /** The last "Refresh live data": older copies are not fresh, and the proxy is told the time too. */
  refreshedAt?: number;
  /** Replies not in by then are the `#N/A` saying so (the call never stays busy). */
  deadlineMs?: number;
  cancel?: CancelSignal;
}

const abortable = (): { signal: AbortSignal; abort(): void } =>
  typeof AbortController === "function"
    ? new AbortController()
    : // A runtime without AbortController still gets the timeout (a race), only not the abort.
      { signal: { aborted: false } as AbortSignal, abort() { (this.signal as { aborted: boolean }).aborted = true; } };

/** The asynchronous path (Excel): the reply cache, the request's timeout enforced here, callers and cancellations tracked. */
export class AsyncFetcher {
  private readonly cache: ReplyCache;
  private readonly waiters = new Waiters();
  /** Upstream fetches started (tests and diagnostics). */
  fetches = 0;

  constructor(private readonly opts: AsyncFetcherOptions) {
    this.cache = new ReplyCache({ storage: opts.storage, now: opts.now, maxEntries: opts.maxMemoryEntries });
  }

  /** The outcome of one request (no caller joined: only its timeout can abort it). */
  get<T>(req: DataRequest<T>, refreshedAt?: number): Promise<Outcome<T>> {
    return this.cache.get(req, (r) => this.fetchWithTimeout(r, refreshedAt), refreshedAt);
  }

  /** The replies of a plan, in plan order. */
  async replies(items: readonly PlanItem[], call: CallOptions = {}): Promise<Reply[]> {
    const reqs = requestsOf(items);
    const cancel = call.cancel;
    const canceledAll = () => new Map(reqs.map((r): [string, Outcome] => [r.cacheKey, canceledOutcome(r)]));
    if (cancel?.canceled) return toReplies(items, canceledAll());
    const leave = this.waiters.join(reqs.map((r) => r.cacheKey));
    try {
      const settled = new Promise<Map<string, Outcome>>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const outcomes = new Map<string, Outcome>();
        const finish = () => {
          clearTimeout(timer);
          resolve(outcomes);
        };
        cancel?.onCancel(() => {
          for (const r of reqs) if (!outcomes.has(r.cacheKey)) outcomes.set(r.cacheKey, canceledOutcome(r));
          finish();
        });
        if (call.deadlineMs !== undefined) {
          timer = setTimeout(() => {
            for (const r of reqs) if (!outcomes.has(r.cacheKey)) outcomes.set(r.cacheKey, lateOutcome(r, call.deadlineMs!));
            finish();
          }, call.deadlineMs);
        }
        let left = reqs.length;
        if (left === 0) finish();
        for (const r of reqs) {
          this.answer(r, call).then((o) => {
            if (!outcomes.has(r.cacheKey)) outcomes.set(r.cacheKey, o);
            if (--left === 0) finish();
          });
        }
      });
      return toReplies(items, await settled);
    } finally {
      leave();
    }
  }

  /** A request for a waiting call: a fetch that other callers' cancellation ended is asked again while this call waits. */
  private async answer(r: DataRequest, call: CallOptions): Promise<Outcome> {
    const o = await this.get(r, call.refreshedAt);
    if (!o.ok && o.failure.result.kind === "canceled" && !call.cancel?.canceled) return this.get(r, call.refreshedAt);
    return o;
  }

  /** Drop every cached reply, in memory and in persistent storage. */
  clear(): Promise<void> {
    return this.cache.clear();
  }

  private fetchWithTimeout(request: DataRequest, refreshedAt: number | undefined): Promise<FetchResult> {
    this.fetches++;
    const req = this.opts.timeoutMs === undefined ? request : { ...request, timeoutMs: Math.min(request.timeoutMs, this.opts.timeoutMs) };
    const ctl = abortable();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<FetchResult>((resolve) => {
      timer = setTimeout(() => {
        ctl.abort();
        resolve({ kind: "timeout", afterMs: req.timeoutMs });
      }, req.timeoutMs);
    });
    const watched = this.waiters.fetching(req.cacheKey, ctl.signal);
    const fetched = (async (): Promise<FetchResult> => {
      try {
        // After a refresh the proxy is told its time too (the cache key stays without it).
        const r = await this.opts.fetch({ ...req, url: withRefreshParam(req.url, refreshedAt) }, watched.signal);
        return watched.canceled() && r.kind !== "response" ? { kind: "canceled" } : r;
      } catch (e) {
        if (watched.canceled()) return { kind: "canceled" };
        return ctl.signal.aborted ? { kind: "timeout", afterMs: req.timeoutMs } : { kind: "network", message: describeError(e) };
      } finally {
        watched.done();
      }
    })();
    return Promise.race([fetched, timeout]).then((r) => {
      clearTimeout(timer);
      return r;
    });
  }
}

function canceledOutcome(r: DataRequest): Outcome {
  return { ok: false, error: new SheetError("na", `${r.label}: canceled by Excel`), from: "network", failure: { result: { kind: "canceled" }, transient: true } };
}

function lateOutcome(r: DataRequest, ms: number): Outcome {
  return {
    ok: false,
    error: new SheetError("na", `${r.label}: no answer within ${ms / 1000} s (the proxy or the source did not reply)`),
    from: "network",
    failure: { result: { kind: "timeout", afterMs: ms }, transient: true },
  };
}

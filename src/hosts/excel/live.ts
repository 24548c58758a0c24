/**
 * The live-data functions (docs/functions.md, "Live checkpoints"; docs/live.md) in Excel: async custom functions that read
 * FRED, the TIC table and the MoF JGB curve through our proxy (`npm run proxy`; FRED sends no
 * CORS headers and the FRED key must not sit in a shared workbook).
 *
 * - one module-level AsyncFetcher for the custom-functions runtime: identical requests in flight
 *   are shared (a sheet of FRED("DGS10") cells makes one request), replies are cached in memory
 *   and in OfficeRuntime.storage (bounded, see storage.ts) with the data layer's ages;
 * - the functions are cancelable: when Excel cancels a call (the cell recalculates or is
 *   deleted), the call stops waiting and its fetch is aborted once no other call waits for it;
 * - "Refresh live data" (./refresh.ts): replies cached before the click are not served again,
 *   and the requests carry its time (`refreshed_at`) so that the proxy's copies from before it are not either;
 * - the proxy URL is the per-user setting the task pane stores (proxySetting.ts), default
 *   http://localhost:8787;
 * - every request gives up after 10 s (the data layer's REQUEST_TIMEOUT_MS), and a whole call
 *   after CALL_DEADLINE_MS whatever happens, so that a cell never stays #BUSY!;
 * - the dates a function spills (FRED_SERIES) become Excel serial numbers (format the column as a
 *   date); failures are SheetErrors that the adapter turns into CustomFunctions.Error (#N/A with
 *   the source and the reason).
 */
import type { Result } from "../../args/invoke";
import type { LiveFunctionSpec } from "../../catalog/spec";
import { SheetError } from "../../core/errors";
import { isoToSerial } from "../../core/data/dates";
import { type DataRequest, type FetchResult, type PlanContext, type PlanItem, REQUEST_TIMEOUT_MS, type Reply } from "../../core/data/request";
import { AsyncFetcher } from "../../live/cache";
import { Waiters, fetchFetcher } from "../../live/http";
import { withRefreshParam } from "../../live/refreshParam";
import { runLiveAsync, withHostDates } from "../../live/run";
import { type OfficeStorageFull, boundedOfficeStorage, refreshedAsync } from "../../live/storage";
import { DEFAULT_PROXY_URL, PROXY_URL_KEY } from "./proxySetting";
import { REFRESHED_AT_KEY, readStamp } from "./refresh";

/** The longest a live cell waits, whatever hangs (requests run in parallel, each up to 10 s). */
export const CALL_DEADLINE_MS = 2 * REQUEST_TIMEOUT_MS;

interface OfficeRuntimeLike {
  storage?: OfficeStorageFull;
}

/** OfficeRuntime when the runtime has it (Excel); undefined elsewhere (a plain browser, tests without it). */
const officeRuntime = (): OfficeRuntimeLike | undefined => (globalThis as { OfficeRuntime?: OfficeRuntimeLike }).OfficeRuntime;

/** What Excel hands a cancelable custom function as its last argument (CustomFunctions.CancelableInvocation). */
export interface Cancelable {
  onCanceled?: () => void;
}

/** The runtime's fetcher with what goes with it: who waits for which request, the refresh it has applied. */
interface Live {
  fetcher: AsyncFetcher;
  waiters: Waiters;
  /** The last "Refresh live data" this runtime has applied. */
  refreshedAt?: number;
  /** Has this runtime read the stamp before (a new one then means a click during this session)? */
  stampRead: boolean;
}

let live: Live | null = null;

/** The runtime's one fetcher, created on first use. */
function runtimeLive(): Live {
  if (live) return live;
  const storage = officeRuntime()?.storage;
  const waiters = new Waiters();
  const http = fetchFetcher((url, init) => fetch(url, init)); // the global fetch, read at each call
  const state: Live = { waiters, fetcher: undefined as unknown as AsyncFetcher, stampRead: false };
  state.fetcher = new AsyncFetcher({
    fetch: async (req: DataRequest, timeout: AbortSignal): Promise<FetchResult> => {
      const f = waiters.fetching(req.cacheKey, timeout);
      try {
        // After a refresh the proxy is told its time too (the cache key stays without it).
        const r = await http({ ...req, url: withRefreshParam(req.url, state.refreshedAt) }, f.signal);
        return f.canceled() && r.kind !== "response" ? { kind: "network", message: CANCELED } : r;
      } finally {
        f.done();
      }
    },
    storage: storage ? refreshedAsync(boundedOfficeStorage(storage), () => state.refreshedAt) : undefined,
  });
  return (live = state);
}

/** Forget the fetcher and its memory cache, as a new Excel session would (tests). */
export function resetLiveFetcher(): void {
  live = null;
}

/** A setting the task pane saved in OfficeRuntime.storage, or null. */
async function setting(key: string): Promise<string | null> {
  try {
    const v = await officeRuntime()?.storage?.getItem(key);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
  } catch {
    return null; // no storage: the defaults
  }
}

/**
 * Apply a "Refresh live data" clicked since this runtime's last call: the add-in's cache is
 * emptied. Stored entries from before the click are hidden in any case (refreshedAsync), so a
 * runtime that starts later, or another runtime of the add-in, serves none of them either.
 */
async function applyRefresh(state: Live): Promise<void> {
  const stamp = readStamp(await setting(REFRESHED_AT_KEY));
  const during = state.stampRead;
  state.stampRead = true;
  if (stamp === undefined || stamp === state.refreshedAt) return;
  state.refreshedAt = stamp;
  // The first call of a session has nothing in memory, and what was stored after the click stays.
  if (during) await state.fetcher.clear();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Today on this computer, `YYYY-MM-DD`. */
export const localToday = (d: Date = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Why a fetch ended when the cells waiting for it were canceled (what a cell that joined it just then sees, and asks again). */
const CANCELED = "canceled: no cell waits for it any more";
const wasCanceled = (r: Reply) => r instanceof SheetError && r.message.includes(CANCELED);

const keysOf = (items: readonly PlanItem[]) => items.filter((it): it is DataRequest => !(it instanceof SheetError)).map((r) => r.cacheKey);

/**
 * Run a live function for Excel: never rejects; a failure is the SheetError the cell shows.
 * `invocation`: Excel's CancelableInvocation; on cancelation the call settles at once and its
 * requests are aborted unless another call still waits for them.
 */
export function runExcelLive(spec: LiveFunctionSpec, raws: readonly unknown[], invocation?: Cancelable): Promise<Result> {
  return new Promise<Result>((resolve) => {
    let leave = () => undefined as void;
    let over = false;
    const finish = (r: Result) => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      leave();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish(new SheetError("na", `${spec.name}: no answer within ${CALL_DEADLINE_MS / 1000} s (the proxy or the sources did not reply)`)),
      CALL_DEADLINE_MS,
    );
    if (invocation) invocation.onCanceled = () => finish(new SheetError("na", `${spec.name}: canceled by Excel`));

    const state = runtimeLive();
    /** The runtime's fetcher as this call sees it: its requests joined while it waits. */
    const fetcher = {
      async replies(items: readonly PlanItem[]): Promise<Reply[]> {
        if (over) return items.map(() => new SheetError("na", `${spec.name}: canceled`));
        leave = state.waiters.join(keysOf(items));
        const first = await state.fetcher.replies(items);
        // This call joined a fetch that others had just canceled: it has settled now, so ask again
        // (while this call waits, nobody can cancel its requests).
        return !over && first.some(wasCanceled) ? state.fetcher.replies(items) : first;
      },
    };
    (async (): Promise<Result> => {
      await applyRefresh(state);
      const ctx: PlanContext = { via: "proxy", proxyBase: (await setting(PROXY_URL_KEY)) ?? DEFAULT_PROXY_URL, today: localToday() };
      const r = await runLiveAsync(spec, raws, ctx, fetcher);
      return withHostDates(spec, r, isoToSerial) as Result;
    })().then(finish, (e: unknown) => finish(new SheetError("na", `${spec.name}: ${e instanceof Error ? e.message : String(e)}`)));
  });
}

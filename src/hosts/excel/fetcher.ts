/**
 * Excel's fetcher for the live-data functions (docs/live.md): they read FRED, the TIC tables and
 * the MoF files through our proxy (`npm run proxy`; FRED sends no CORS headers and the FRED key
 * must not sit in a shared workbook). Everything but what only Excel has is the sources layer's
 * (src/sources/fetcher.ts): this file supplies
 *
 * - the runtime's one AsyncFetcher (replies cached in memory and in OfficeRuntime.storage, bounded:
 *   ./storage.ts), fetching with the runtime's `fetch`;
 * - per call: the proxy URL the task pane stored (./proxySetting.ts), the last "Refresh live data"
 *   it stored (./refresh.ts), the deadline (CALL_DEADLINE_MS: a cell never stays #BUSY!), and
 *   Excel's cancellation (`onCanceled`) as a CancelSignal.
 */
import { AsyncFetcher, CancelSignal, type Fetcher } from "../../sources/fetcher";
import { fetchFetcher } from "../../sources/http";
import { type PlanContext, REQUEST_TIMEOUT_MS } from "../../sources/request";
import { DEFAULT_PROXY_URL, PROXY_URL_KEY } from "./proxySetting";
import { REFRESHED_AT_KEY, readStamp } from "./refresh";
import { type OfficeStorageFull, boundedOfficeStorage } from "./storage";

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

let runtime: AsyncFetcher | null = null;

/** The runtime's one fetcher, created on first use. */
function runtimeFetcher(): AsyncFetcher {
  if (runtime) return runtime;
  const storage = officeRuntime()?.storage;
  return (runtime = new AsyncFetcher({
    fetch: fetchFetcher((url, init) => fetch(url, init)), // the global fetch, read at each call
    storage: storage ? boundedOfficeStorage(storage) : undefined,
  }));
}

/** Forget the fetcher and its memory cache, as a new Excel session would (tests). */
export function resetLiveFetcher(): void {
  runtime = null;
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

const pad = (n: number) => String(n).padStart(2, "0");

/** Today on this computer, `YYYY-MM-DD`. */
export const localToday = (d: Date = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The fetcher of one call: Excel's invocation, if given, cancels it. */
export function excelFetcher(invocation?: Cancelable): Fetcher {
  const cancel = new CancelSignal();
  if (invocation) invocation.onCanceled = () => cancel.cancel();
  let refreshedAt: number | undefined;
  return {
    async context(): Promise<PlanContext> {
      const [proxy, stamp] = await Promise.all([setting(PROXY_URL_KEY), setting(REFRESHED_AT_KEY)]);
      refreshedAt = readStamp(stamp);
      return { via: "proxy", proxyBase: proxy ?? DEFAULT_PROXY_URL, today: localToday() };
    },
    replies: (items) => runtimeFetcher().replies(items, { refreshedAt, deadlineMs: CALL_DEADLINE_MS, cancel }),
  };
}

/**
 * The live-data functions (SPEC "Live checkpoints") in Excel: async custom functions that read
 * FRED, the TIC table and the MoF JGB curve through our proxy (`npm run proxy`; FRED sends no
 * CORS headers and the FRED key must not sit in a shared workbook).
 *
 * - one module-level AsyncFetcher for the custom-functions runtime: identical requests in flight
 *   are shared (a sheet of FRED("DGS10") cells makes one request), replies are cached in memory
 *   and in OfficeRuntime.storage (bounded, see storage.ts) with the data layer's ages;
 * - the proxy URL is the per-user setting the task pane stores (proxySetting.ts), default
 *   http://localhost:8787;
 * - every request gives up after 10 s (the data layer's REQUEST_TIMEOUT_MS), and a whole call
 *   after CALL_DEADLINE_MS whatever happens, so that a cell never stays #BUSY!;
 * - the dates a function spills (FRED_SERIES) become Excel serial numbers (format the column as a
 *   date); failures are SheetErrors that the adapter turns into CustomFunctions.Error (#N/A with
 *   the source and the reason).
 */
import { SheetError } from "../../core/errors";
import { isoToSerial } from "../../core/data/dates";
import type { LiveFunction } from "../../core/data/live";
import { type PlanContext, REQUEST_TIMEOUT_MS } from "../../core/data/request";
import { AsyncFetcher } from "../../live/cache";
import { fetchFetcher } from "../../live/http";
import { type LiveResult, runLiveAsync, withHostDates } from "../../live/run";
import { type OfficeStorageFull, boundedOfficeStorage } from "../../live/storage";
import { DEFAULT_PROXY_URL, PROXY_URL_KEY } from "./proxySetting";

/** The longest a live cell waits, whatever hangs (requests run in parallel, each up to 10 s). */
export const CALL_DEADLINE_MS = 2 * REQUEST_TIMEOUT_MS;

interface OfficeRuntimeLike {
  storage?: OfficeStorageFull;
}

/** OfficeRuntime when the runtime has it (Excel); undefined elsewhere (a plain browser, tests without it). */
const officeRuntime = (): OfficeRuntimeLike | undefined => (globalThis as { OfficeRuntime?: OfficeRuntimeLike }).OfficeRuntime;

let fetcher: AsyncFetcher | null = null;

/** The runtime's one fetcher, created on first use. */
export function liveFetcher(): AsyncFetcher {
  if (!fetcher) {
    const storage = officeRuntime()?.storage;
    fetcher = new AsyncFetcher({
      // The global fetch, read at each call.
      fetch: fetchFetcher((url, init) => fetch(url, init)),
      storage: storage ? boundedOfficeStorage(storage) : undefined,
    });
  }
  return fetcher;
}

/** Forget the fetcher and its memory cache, as a new Excel session would (tests). */
export function resetLiveFetcher(): void {
  fetcher = null;
}

/** The proxy URL the task pane saved, else the default. */
export async function proxyUrl(): Promise<string> {
  try {
    const v = await officeRuntime()?.storage?.getItem(PROXY_URL_KEY);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  } catch {
    // no storage: the default
  }
  return DEFAULT_PROXY_URL;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Today on this computer, `YYYY-MM-DD`. */
export const localToday = (d: Date = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Run a live function for Excel: never rejects; a failure is the SheetError the cell shows. */
export async function runExcelLive(fn: LiveFunction, args: readonly unknown[]): Promise<LiveResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<LiveResult>((resolve) => {
    timer = setTimeout(() => resolve(new SheetError("na", `${fn.name}: no answer within ${CALL_DEADLINE_MS / 1000} s (the proxy or the sources did not reply)`)), CALL_DEADLINE_MS);
  });
  const work = (async (): Promise<LiveResult> => {
    const ctx: PlanContext = { via: "proxy", proxyBase: await proxyUrl(), today: localToday() };
    const r = await runLiveAsync(fn, args, ctx, liveFetcher());
    return withHostDates(fn, r, isoToSerial) as LiveResult;
  })().catch((e: unknown) => new SheetError("na", `${fn.name}: ${e instanceof Error ? e.message : String(e)}`));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

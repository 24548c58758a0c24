/**
 * A `fetch`-based fetcher for the async path (Excel's custom-functions runtime, Node in tests):
 * never throws, reports status and text, honours the abort signal of the timeout.
 */
import type { DataRequest, FetchResult } from "./request";

type FetchLike = (url: string, init: { signal?: AbortSignal; headers: Record<string, string> }) => Promise<{ status: number; text(): Promise<string> }>;

/** Only the origin of a URL: a message never repeats a query string (a direct FRED URL holds the key). */
function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "the source";
  }
}

export function fetchFetcher(fetchImpl: FetchLike = globalThis.fetch as unknown as FetchLike) {
  return async (req: DataRequest, signal: AbortSignal): Promise<FetchResult> => {
    try {
      const headers = { Accept: "application/json, text/plain, text/csv, */*" };
      // Only a real AbortSignal may go to fetch (a runtime without AbortController gets a stand-in: see cache.ts).
      const realSignal = typeof AbortSignal === "function" && signal instanceof AbortSignal;
      const res = await fetchImpl(req.url, realSignal ? { signal, headers } : { headers });
      return { kind: "response", status: res.status, body: await res.text() };
    } catch (e) {
      if (signal.aborted) return { kind: "timeout", afterMs: req.timeoutMs };
      const why = e instanceof Error ? e.message : String(e);
      // A browser says only "Failed to fetch" for a refused connection or a CORS refusal.
      return { kind: "network", message: `${why.replace(/\?[^\s"')]*/g, "?…")} at ${origin(req.url)}` };
    }
  };
}

/** The part of an AbortController this file needs (a runtime without one gets no cancelation). */
interface Abortable {
  signal: AbortSignal;
  abort(): void;
}

interface Waiting {
  /** Calls that wait for this request. */
  callers: number;
  /** Fetches of it in flight, each abortable, with whether a cancelation (not a timeout) aborted it. */
  fetches: Set<{ ctl: Abortable; canceled: boolean }>;
}

/**
 * Who waits for which request, so that a canceled cell aborts the fetch it asked for only when no
 * other cell waits for the same request: identical requests share one fetch (src/sources/cache.ts),
 * and a shared fetch stands as long as one caller still waits for it.
 */
export class Waiters {
  private readonly byKey = new Map<string, Waiting>();

  /**
   * A call now waits for the requests `keys`; the function returned says it no longer does
   * (idempotent): a fetch that nobody waits for any more is aborted.
   */
  join(keys: readonly string[]): () => void {
    const unique = keys.filter((k, i) => keys.indexOf(k) === i);
    for (const k of unique) {
      let w = this.byKey.get(k);
      if (!w) this.byKey.set(k, (w = { callers: 0, fetches: new Set() }));
      w.callers++;
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      for (const k of unique) {
        const w = this.byKey.get(k);
        if (!w) continue;
        w.callers--;
        if (w.callers > 0) continue;
        w.fetches.forEach((f) => {
          f.canceled = true;
          f.ctl.abort();
        });
        if (w.fetches.size === 0) this.byKey.delete(k);
      }
    };
    return leave;
  }

  /**
   * The signal for one fetch of `key`: aborted by `timeout`, or once no caller waits for `key`.
   * `done` must be called when the fetch has settled; `canceled` tells a cancelation from a timeout.
   */
  fetching(key: string, timeout: AbortSignal): { signal: AbortSignal; canceled: () => boolean; done: () => void } {
    const w = this.byKey.get(key);
    const listens = typeof AbortController === "function" && typeof timeout.addEventListener === "function";
    // Nobody joined (a fetch outside a cell call), or no AbortController: only the timeout applies.
    if (!w || !listens) return { signal: timeout, canceled: () => false, done: () => undefined };
    const f = { ctl: new AbortController(), canceled: false };
    const onTimeout = () => f.ctl.abort();
    timeout.addEventListener("abort", onTimeout);
    if (timeout.aborted) f.ctl.abort();
    if (w.callers === 0) {
      // Its callers left while the fetch was being prepared.
      f.canceled = true;
      f.ctl.abort();
    }
    w.fetches.add(f);
    return {
      signal: f.ctl.signal,
      canceled: () => f.canceled,
      done: () => {
        timeout.removeEventListener("abort", onTimeout);
        w.fetches.delete(f);
        if (w.callers === 0 && w.fetches.size === 0 && this.byKey.get(key) === w) this.byKey.delete(key);
      },
    };
  }
}

/**
 * A `fetch`-based fetcher for the async path (Excel's custom-functions runtime, Node in tests):
 * never throws, reports status and text, honours the abort signal of the timeout.
 */
import type { DataRequest, FetchResult } from "../core/data/request";

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

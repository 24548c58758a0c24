/**
 * "Refresh live data" in Excel. The task pane and the custom functions run in different runtimes
 * that share only OfficeRuntime.storage, so the pane writes the time of the click there
 * (REFRESHED_AT_KEY) and recalculates the workbook; each live call reads it, drops what the
 * add-in's cache held from before it (./live.ts), and so asks the proxy again, passing the time
 * on (`refreshed_at`, src/sources/refresh.ts) so that the proxy asks the sources again too.
 */

/** The OfficeRuntime.storage key holding the time of the last "Refresh live data" (ms since the epoch). */
export const REFRESHED_AT_KEY = "marginal-bid.refreshedAt";

/** A stored stamp as a time, or undefined for none (or anything unreadable). */
export function readStamp(raw: string | null | undefined): number | undefined {
  const t = Number(raw);
  return raw && Number.isFinite(t) && t > 0 ? t : undefined;
}

/**
 * "Refresh live data" on the wire. After a refresh, the Excel add-in's requests to the proxy
 * carry the time of the click, `refreshed_at=<ms since the epoch>`, so that the proxy too serves
 * no copy it fetched before it (src/proxy/handler.ts). A query parameter, not a header: a custom
 * header would make the browser send a CORS preflight first. No cache key holds it (the add-in's
 * `DataRequest.cacheKey`, the proxy's canonical target), and it never reaches a source.
 */

export const REFRESH_PARAM = "refreshed_at";

/** `url` with the refresh time appended; unchanged without one. */
export function withRefreshParam(url: string, refreshedAt: number | undefined): string {
  if (refreshedAt === undefined) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${REFRESH_PARAM}=${Math.floor(refreshedAt)}`;
}

/** The parameter's value as a time (ms since the epoch): whole digits only; undefined for anything else. */
export function readRefreshParam(value: string): number | undefined {
  if (!/^\d{1,15}$/.test(value)) return undefined;
  const t = Number(value);
  return t > 0 ? t : undefined;
}

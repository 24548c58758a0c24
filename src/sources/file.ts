/**
 * A publisher's file as one concept: its address, the path our proxy serves it under (named like
 * the file, so a log line reads like the source), how long a copy is fresh and may stand in, its
 * charset, and its parser. Each publisher module declares its files with `sourceFile`; the proxy's
 * allow-list, `npm run data:fetch`, the file fetcher and the tests' upstream override all read
 * them from ./registry.ts.
 */
import type { DataRequest, FileKey, PlanContext, Source } from "./request";
import { REQUEST_TIMEOUT_MS, proxyBase } from "./request";

export interface Ages {
  maxAgeSeconds: number;
  staleAgeSeconds: number;
}

export interface SourceFile<T = unknown> {
  key: FileKey;
  source: Source;
  /** The file's own name (`jgbcme.csv`): the proxy's path and the data folder end with it. */
  name: string;
  /** The publisher's address. */
  address: string;
  /** Our proxy's path for it. */
  proxyPath: string;
  /** `Japan MoF jgbcme.csv`: how messages name it. */
  label: string;
  ages: Ages;
  /** The bytes' charset when it is not UTF-8 (read as such by Sheets, transcoded by the proxy). */
  charset?: string;
  /** What the proxy answers with (always UTF-8). */
  contentType: string;
  parse(body: string): T;
}

export const CSV = "text/csv; charset=utf-8";
export const TEXT = "text/plain; charset=utf-8";

/** Declare a publisher file; its proxy path is `/<folder>/<name>`. */
export function sourceFile<T>(f: Omit<SourceFile<T>, "label" | "proxyPath" | "contentType"> & { folder: string; contentType?: string }): SourceFile<T> {
  const { folder, contentType, ...rest } = f;
  return { ...rest, label: `${f.source} ${f.name}`, proxyPath: `/${folder}/${f.name}`, contentType: contentType ?? (f.name.endsWith(".csv") ? CSV : TEXT) };
}

/**
 * The file as a plan item: the publisher's address in direct mode (after any override of the
 * endpoint), read in its charset when that is not UTF-8; our proxy's path otherwise (the proxy transcodes).
 */
export function fileRequest<T>(ctx: Pick<PlanContext, "via" | "proxyBase" | "endpoints">, file: SourceFile<T>): DataRequest<T> {
  const direct = ctx.via === "direct";
  return {
    url: direct ? (ctx.endpoints?.[file.key] ?? file.address) : `${proxyBase(ctx)}${file.proxyPath}`,
    source: file.source,
    label: file.label,
    cacheKey: `${file.source}:${file.name}`,
    ...file.ages,
    timeoutMs: REQUEST_TIMEOUT_MS,
    parse: file.parse,
    ...(direct && file.charset ? { charset: file.charset } : {}),
  };
}

/**
 * How a fetch is judged before anything is cached: a 200 whose body the publisher's parser takes
 * is good (and parsed, once); anything else is the `#N/A` that names the source and says why, and
 * whether a stale copy may stand in. Caches store only good replies, so a maintenance page never
 * poisons them; the proxy applies the same judgement before it caches.
 */
import { SheetError } from "../core/errors";
import { type DataRequest, type FetchResult, preview, sourceError } from "./request";

/** A judged reply: the body and what the parser made of it, or the error for the cell and whether a stale copy may stand in. */
export type Checked<T = unknown> = { ok: true; body: string; parsed: T } | { ok: false; error: SheetError; transient: boolean };

const STATUS_TEXT: Record<number, string> = {
  400: "bad request",
  401: "unauthorized",
  403: "forbidden",
  404: "not found",
  408: "request timeout",
  429: "too many requests",
  500: "server error",
  502: "bad gateway",
  503: "service unavailable",
  504: "gateway timeout",
};

/** `{"proxy_error": …}`: our proxy speaking for a source (its message already names it and says why). */
export function proxyErrorMessage(body: string): string | undefined {
  const t = body.trimStart();
  if (!t.startsWith("{")) return undefined;
  try {
    const j = JSON.parse(t) as { proxy_error?: unknown };
    return typeof j.proxy_error === "string" ? j.proxy_error : undefined;
  } catch {
    return undefined;
  }
}

const stripLabel = (message: string, label: string) => (message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message);

/** Parse a good body, or say why it is not one. */
export function parseBody<T>(req: DataRequest<T>, body: string): Checked<T> {
  try {
    return { ok: true, body, parsed: req.parse(body) };
  } catch (e) {
    const why = e instanceof SheetError ? e.message : preview(body);
    return { ok: false, error: sourceError(req.label, `unparseable reply: ${stripLabel(why, req.label)}`), transient: true };
  }
}

/**
 * Judge a fetch. Transient failures (timeouts, the network, 5xx, 429, an unparseable 200) allow a
 * stale copy; a definite refusal (FRED's 400: no such series, a bad key) does not.
 */
export function checkFetch<T>(req: DataRequest<T>, r: FetchResult): Checked<T> {
  switch (r.kind) {
    case "timeout":
      return { ok: false, error: sourceError(req.label, `no reply within ${Math.round(r.afterMs / 100) / 10} s (timeout)`), transient: true };
    case "network":
      return { ok: false, error: sourceError(req.label, `unreachable (${r.message})`), transient: true };
    case "canceled":
      return { ok: false, error: sourceError(req.label, "canceled: no cell waits for it any more"), transient: true };
  }
  const { status, body } = r;
  if (status === 200) return parseBody(req, body);
  const proxied = proxyErrorMessage(body);
  if (proxied !== undefined) {
    return { ok: false, error: sourceError(req.label, `${proxied} (via the proxy, HTTP ${status})`), transient: status >= 500 || status === 429 };
  }
  const own = req.explain?.(status, body);
  if (own) return { ok: false, error: sourceError(req.label, own.reason), transient: own.transient };
  return { ok: false, error: sourceError(req.label, `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ""}`), transient: true };
}

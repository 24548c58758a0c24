/**
 * The proxy URL setting of the Excel add-in, shared by the task pane (which edits it) and the
 * custom functions (which read it). Both run in different runtimes; OfficeRuntime.storage is
 * the store they share (per user and per add-in host, not saved in the workbook).
 */

/** The OfficeRuntime.storage key of the setting. */
export const PROXY_URL_KEY = "marginal-bid.proxyUrl";

/** `npm run proxy` on the same machine. */
export const DEFAULT_PROXY_URL = "http://localhost:8787";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A URL typed in the pane → the URL to store (no trailing slash), or why it cannot be used.
 * The add-in is served over https, and an https page may call plain http only on this machine.
 */
export function checkProxyUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = raw.trim();
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a URL: write it like ${DEFAULT_PROXY_URL} or https://proxy.example.com` };
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return { ok: false, message: "the proxy URL must start with https:// (or http:// on this machine)" };
  if (u.protocol === "http:" && !LOCAL_HOSTS.has(u.hostname)) {
    return { ok: false, message: "plain http works only for a proxy on this machine (localhost): put the proxy behind https" };
  }
  if (u.username || u.password || u.search || u.hash) return { ok: false, message: "the proxy URL takes no user name, query or fragment" };
  return { ok: true, url: `${u.origin}${u.pathname}`.replace(/\/+$/, "") };
}

/**
 * `npm run proxy`: start the marginal-bid proxy.
 *
 * Environment: FRED_API_KEY (required for FRED), ADDIN_ORIGIN (default https://localhost:3000,
 * comma-separated for several), PROXY_HOST (127.0.0.1; 0.0.0.0 to serve a network), PROXY_PORT
 * (8787; 0 = any free port), PROXY_ALLOWED_HOSTS (the names the proxy is reached by besides
 * localhost and IP addresses, comma-separated), PROXY_ALLOW_NO_ORIGIN (loopback: requests without
 * an Origin header only from this machine, the default; 1: from anywhere; 0: never),
 * PROXY_MAX_CONNECTIONS (512, or the descriptor limit less 64), UPSTREAM_TIMEOUT_MS (10000),
 * FRED_RATE_PER_MINUTE (100), and for tests FRED_BASE_URL, TIC_URL, TIC_HISTORY_URL,
 * MOF_CURRENT_URL, MOF_ALL_URL, MOF_WEEKLY_URL, MOF_MONTHLY_URL.
 */
import net from "node:net";
import { Scrubber } from "./scrub";
import { createProxy, proxyOptionsFromEnv } from "./server";

async function main(): Promise<void> {
  const { host, port, ...opts } = proxyOptionsFromEnv(process.env);
  const proxy = createProxy(opts);
  const { url } = await proxy.listen(port, host);
  const key = opts.fredApiKey ? "FRED key set" : "NO FRED KEY: FRED requests will answer 503 until FRED_API_KEY is set";
  const names = ["localhost", "IP addresses", ...(opts.allowedHosts ?? [])].join(", ");
  process.stdout.write(`marginal-bid proxy listening on ${url} (CORS origin ${opts.addinOrigins?.join(", ")}; Host ${names}; ${key})\n`);
  const loopback = host === "localhost" || (net.isIP(host) !== 0 && /^(?:127\.|::1$)/.test(host));
  if (!loopback && (opts.allowedHosts ?? []).length === 0) {
    process.stdout.write("note: reached by a name (behind a reverse proxy, say), list it in PROXY_ALLOWED_HOSTS: other names are refused\n");
  }
  const stop = () => {
    process.stdout.write("marginal-bid proxy stopping\n");
    proxy.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  // Never print the environment or a URL with a key: the message only, scrubbed.
  process.stderr.write(`marginal-bid proxy failed to start: ${new Scrubber(process.env.FRED_API_KEY).log(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
});

/**
 * `npx tsx src/proxy/main.ts` (the lead wires `npm run proxy`): start the marginal-bid proxy.
 *
 * Environment: FRED_API_KEY (required for FRED), ADDIN_ORIGIN (default https://localhost:3000,
 * comma-separated for several), PROXY_HOST (127.0.0.1; 0.0.0.0 to serve a network), PROXY_PORT
 * (8787; 0 = any free port), PROXY_ALLOW_NO_ORIGIN (0 = refuse requests without an Origin header),
 * UPSTREAM_TIMEOUT_MS (10000), FRED_RATE_PER_MINUTE (100), and for tests FRED_BASE_URL, TIC_URL,
 * MOF_CURRENT_URL, MOF_ALL_URL.
 */
import { createProxy, proxyOptionsFromEnv } from "./server";

async function main(): Promise<void> {
  const { host, port, ...opts } = proxyOptionsFromEnv(process.env);
  const proxy = createProxy(opts);
  const { url } = await proxy.listen(port, host);
  const key = opts.fredApiKey ? "FRED key set" : "NO FRED KEY: FRED requests will answer 503 until FRED_API_KEY is set";
  process.stdout.write(`marginal-bid proxy listening on ${url} (CORS origin ${opts.addinOrigins?.join(", ")}; ${key})\n`);
  const stop = () => {
    process.stdout.write("marginal-bid proxy stopping\n");
    proxy.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  // Never print the environment or a URL with a key: the message only.
  process.stderr.write(`marginal-bid proxy failed to start: ${e instanceof Error ? e.message.replace(/api_key=[^&\s]*/gi, "api_key=***") : String(e)}\n`);
  process.exit(1);
});

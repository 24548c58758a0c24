/**
 * The mock upstreams of test/helpers/upstreams.ts (FRED JSON, TIC text, MoF CSV on 127.0.0.1) in a
 * process of their own, for the Sheets end-to-end test: its UrlFetchApp stand-in is synchronous
 * (it blocks the test's event loop while a child process fetches), so the servers cannot live in
 * the test process. Run as `node --import tsx test/live/upstreamsProcess.ts` with FRED_KEY set;
 * prints one JSON line `{"endpoints": {...}, "realEndpoints": {...}, "control": "http://127.0.0.1:…"}` and serves:
 *
 *   GET  /received                 → {"fred": [targets], "tic": [...], "mof": [...]}
 *   POST /fail?server=&path=&how=  → how: a status (429, 500), "garbage", "hang" or "clear"
 *
 * It exits when its stdin closes (the test ended, even abruptly).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Failure, startUpstreams } from "../helpers/upstreams";

async function main(): Promise<void> {
  const up = await startUpstreams(process.env.FRED_KEY ?? "");
  const mocks = { fred: up.fred, tic: up.tic, mof: up.mof } as const;
  const control = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://control");
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && u.pathname === "/received") {
      return reply(200, { fred: up.fred.received, tic: up.tic.received, mof: up.mof.received });
    }
    if (req.method === "POST" && u.pathname === "/fail") {
      const mock = mocks[u.searchParams.get("server") as keyof typeof mocks];
      const path = u.searchParams.get("path") ?? "";
      const how = u.searchParams.get("how") ?? "clear";
      if (!mock || !path) return reply(400, { error: "server and path are required" });
      const failure: Failure | undefined = how === "clear" ? undefined : how === "garbage" || how === "hang" ? how : { status: Number(how) };
      mock.fail(path, failure);
      return reply(200, { ok: true });
    }
    reply(404, { error: "unknown control request" });
  });
  await new Promise<void>((r) => control.listen(0, "127.0.0.1", r));
  const port = (control.address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ endpoints: up.endpoints, realEndpoints: up.realEndpoints, control: `http://127.0.0.1:${port}` })}\n`);
  const stop = () => {
    control.close();
    control.closeAllConnections();
    void up.close().then(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`mock upstreams failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

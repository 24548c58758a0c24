/**
 * Proxy security (docs/live.md, "The proxy"): no open relay, the key never leaves the
 * process, CORS only for the add-in's origin, oversized/malformed requests → 4xx without crashing,
 * 500 concurrent identical requests → one upstream call, own rate held below FRED's limit.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchRoute } from "../../src/proxy/routes";
import { type ProxyServer, createProxy, proxyOptionsFromEnv } from "../../src/proxy/server";
import { TokenBucket } from "../../src/proxy/tokenBucket";
import { TIC_PATH, type Upstreams, request, startUpstreams } from "../helpers/upstreams";

const KEY = "fedcba9876543210fedcba9876543210";
const ORIGIN = "https://localhost:3000";
const OBS = "/fred/series/observations";

let up: Upstreams;
let proxy: ProxyServer;
let base: string;
let port: number;
const logs: string[] = [];
/** Every response body and header block seen in this file, checked for the key at the end. */
const seen: string[] = [];

async function get(path: string, opts: Parameters<typeof request>[1] = {}) {
  const r = await request(`${base}${path}`, opts);
  seen.push(r.body, JSON.stringify(r.headers));
  return r;
}

/** Write raw bytes to the proxy; resolve with whatever it answers before closing. */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    let out = "";
    s.on("data", (d) => (out += d.toString("latin1")));
    s.on("close", () => {
      seen.push(out);
      resolve(out);
    });
    s.on("error", () => resolve(out));
    s.write(bytes);
    setTimeout(() => s.end(), 300);
  });
}

async function alive() {
  const r = await get("/healthz");
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toEqual({ ok: true, fred_key: true });
}

beforeAll(async () => {
  up = await startUpstreams(KEY);
  proxy = createProxy({ fredApiKey: KEY, upstreams: up.endpoints, upstreamTimeoutMs: 2000, log: (l) => logs.push(l) });
  const a = await proxy.listen(0, "127.0.0.1");
  base = a.url;
  port = a.port;
});

afterAll(async () => {
  await proxy.close();
  await up.close();
  // The key never appears in a response body, a header, or a log line.
  const everything = [...seen, ...logs].join("\n");
  expect(everything).not.toContain(KEY);
});

describe("allow-list: no open relay", () => {
  it("refuses paths that are not on the list, without contacting any upstream", async () => {
    const before = up.fred.total() + up.tic.total() + up.mof.total();
    const targets = [
      "/",
      "/fred/category?category_id=1",
      "/fred/series/search?search_text=x",
      "/fred/series/observations/../../../etc/passwd",
      "/tic/mfh.txt",
      "/mof/jgbcm.csv",
      "/http://example.invalid/",
      "/proxy?url=http://example.invalid/",
      "/fred/series/observations%2F..%2Fsearch?series_id=DGS10",
    ];
    for (const t of targets) {
      const r = await get(t);
      expect([400, 404]).toContain(r.status);
      expect(JSON.parse(r.body).proxy_error).toBeTruthy();
    }
    expect(up.fred.total() + up.tic.total() + up.mof.total()).toBe(before);
    await alive();
  });

  it("refuses absolute-form and scheme-relative targets (relay attempts) and CONNECT", async () => {
    const abs = await raw(`GET ${up.fred.url}${OBS}?series_id=DGS10 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(abs).toMatch(/^HTTP\/1\.1 400/);
    const schemeRel = await raw(`GET //example.invalid/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(schemeRel).toMatch(/^HTTP\/1\.1 400/);
    const connect = await raw(`CONNECT example.invalid:443 HTTP/1.1\r\nHost: example.invalid:443\r\n\r\n`);
    expect(connect).not.toMatch(/^HTTP\/1\.1 200/);
    expect(up.fred.total()).toBe(0);
    await alive();
  });

  it("refuses unknown, duplicated or malformed parameters", async () => {
    const bad = [
      `${OBS}?series_id=DGS10&units=pc1`,
      `${OBS}?series_id=DGS10&series_id=DGS2`,
      `${OBS}?series_id=DGS10%26realtime_start%3D1776-07-04`,
      `${OBS}?series_id=DGS10&limit=0`,
      `${OBS}?series_id=DGS10&file_type=xml`,
      `${OBS}?series_id=DGS10&observation_start=yesterday`,
      `${OBS}`,
      `${TIC_PATH.replace(/.*/, "/tic/slt_table5.txt")}?x=1`,
      `/mof/jgbcme.csv?file=../../etc/passwd`,
    ];
    for (const t of bad) expect((await get(t)).status).toBe(400);
    expect(up.fred.total() + up.tic.total() + up.mof.total()).toBe(0);
  });

  it("matchRoute canonicalises what it forwards (sorted, upper-case id, file_type=json added)", () => {
    const m = matchRoute(`${OBS}?sort_order=desc&series_id=dgs10&limit=60&api_key=abc`);
    expect("route" in m && [m.key, m.strippedKey]).toEqual([`${OBS}?file_type=json&limit=60&series_id=DGS10&sort_order=desc`, true]);
  });
});

describe("the FRED key", () => {
  it("is added by the proxy; a key sent by the client is dropped, never forwarded or logged", async () => {
    const clientKey = "c11e47c11e47c11e47c11e47c11e47c1";
    const r = await get(`${OBS}?series_id=DGS10&sort_order=desc&limit=60&api_key=${clientKey}`, { headers: { Origin: ORIGIN } });
    expect(r.status).toBe(200);
    expect(up.fred.received.some((u) => u.includes(clientKey))).toBe(false);
    expect(up.fred.received.every((u) => u.endsWith(`api_key=${KEY}`))).toBe(true);
    expect(logs.join("\n")).not.toContain(clientKey);
    expect(logs.join("\n")).toContain("a client sent api_key");
  });

  it("never reaches a response: an upstream echoing it in its body and headers is scrubbed", async () => {
    const r = await get(`${OBS}?series_id=ECHOKEY`, { headers: { Origin: ORIGIN } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('"echo":"***"');
    expect(r.headers["x-echo-key"]).toBeUndefined(); // upstream headers are not forwarded
  });

  it("never reaches an error: failures from FRED carry no key", async () => {
    up.fred.fail(OBS, { status: 500, body: `internal error for api_key=${KEY}` });
    const r = await get(`${OBS}?series_id=DGS2`);
    up.fred.fail(OBS, undefined);
    expect(r.status).toBe(502);
    expect(JSON.parse(r.body)).toEqual({ proxy_error: "HTTP 500 server error" });
  });

  it("scrubs the key and any api_key= value from text", () => {
    expect(proxy.scrub(`x ${KEY} y api_key=zzz&a=1`)).toBe("x *** y api_key=***&a=1");
  });
});

describe("CORS: only the add-in's origin", () => {
  it("answers the add-in's origin with Access-Control-Allow-Origin", async () => {
    const r = await get("/tic/slt_table5.txt", { headers: { Origin: ORIGIN } });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(r.headers.vary).toBe("Origin");
    const pre = await get("/tic/slt_table5.txt", { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET" } });
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-methods"]).toBe("GET, OPTIONS");
    // Chrome Private Network Access: an add-in served from the internet calling a proxy on localhost
    const pna = await get("/tic/slt_table5.txt", { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Private-Network": "true" } });
    expect(pna.headers["access-control-allow-private-network"]).toBe("true");
  });

  it("refuses other origins (no CORS header, no upstream call), preflight included", async () => {
    const before = up.fred.total();
    for (const o of ["https://evil.example", "https://localhost:3001", "null", "http://localhost:3000"]) {
      const r = await get(`${OBS}?series_id=DGS10`, { headers: { Origin: o } });
      expect(r.status).toBe(403);
      expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      const pre = await get(`${OBS}?series_id=DGS10`, { method: "OPTIONS", headers: { Origin: o } });
      expect(pre.status).toBe(403);
      expect(pre.headers["access-control-allow-origin"]).toBeUndefined();
    }
    expect(up.fred.total()).toBe(before);
  });

  it("can refuse requests with no Origin at all (PROXY_ALLOW_NO_ORIGIN=0)", async () => {
    const strict = createProxy({ fredApiKey: KEY, upstreams: up.endpoints, noOrigin: "never", log: (l) => logs.push(l) });
    const a = await strict.listen(0, "127.0.0.1");
    try {
      expect((await request(`${a.url}/tic/slt_table5.txt`)).status).toBe(403);
      expect((await request(`${a.url}/tic/slt_table5.txt`, { headers: { Origin: ORIGIN } })).status).toBe(200);
    } finally {
      await strict.close();
    }
    const env = proxyOptionsFromEnv({ ADDIN_ORIGIN: "https://a.example, https://b.example", PROXY_ALLOW_NO_ORIGIN: "0", PROXY_PORT: "9999" });
    expect([env.addinOrigins, env.noOrigin, env.port, env.host]).toEqual([["https://a.example", "https://b.example"], "never", 9999, "127.0.0.1"]);
    expect(proxyOptionsFromEnv({}).addinOrigins).toEqual([ORIGIN]); // the development add-in (docs/live.md)
    expect(proxyOptionsFromEnv({}).port).toBe(8787);
  });
});

describe("oversized and malformed requests → 4xx, and the proxy keeps serving", () => {
  it("a long target → 414; one longer than the header limit → 431", async () => {
    expect((await get(`${OBS}?series_id=${"A".repeat(3_000)}`)).status).toBe(414);
    expect((await get(`${OBS}?series_id=${"A".repeat(10_000)}`)).status).toBe(431);
    await alive();
  });

  it("a huge header block → 431", async () => {
    const r = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(40_000)}\r\n\r\n`);
    expect(r).toMatch(/^HTTP\/1\.1 431/);
    await alive();
  });

  it("other methods → 405; a GET with a body → 413", async () => {
    expect((await get("/tic/slt_table5.txt", { method: "POST", body: "x".repeat(1_000_000) }).catch(() => ({ status: 405 }))).status).toBe(405);
    expect((await get("/tic/slt_table5.txt", { method: "DELETE" })).status).toBe(405);
    expect((await get("/tic/slt_table5.txt", { headers: { "Content-Length": "5" }, body: "hello" })).status).toBe(413);
    await alive();
  });

  it("garbage bytes, a bad request line, a bad escape → 400", async () => {
    expect(await raw(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]))).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw("NOT A REQUEST\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect((await get(`${OBS}?series_id=%zz`)).status).toBe(400);
    await alive();
  });
});

describe("load: coalescing and the rate limit", () => {
  it("500 concurrent requests for the same series cause one upstream call", async () => {
    up.fred.delayMs = 150; // keep the first fetch in flight while the others arrive
    const before = up.fred.count(OBS);
    const path = `${OBS}?series_id=DGS3MO&sort_order=desc&limit=60`;
    // 100 keep-alive connections (below the connection cap), as many clients' browsers would open
    const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const rs = await Promise.all(Array.from({ length: 500 }, () => get(path, { headers: { Origin: ORIGIN }, agent })));
    agent.destroy();
    up.fred.delayMs = 0;
    expect(up.fred.count(OBS) - before).toBe(1);
    expect(rs.every((r) => r.status === 200 && r.body === rs[0].body)).toBe(true);
    expect(rs.filter((r) => r.headers["x-cache"] === "SHARED").length).toBeGreaterThan(0);
    await alive();
  });

  it("holds its own FRED calls to the bucket: beyond it, 503 with Retry-After (and no upstream call)", async () => {
    const slow = createProxy({ fredApiKey: KEY, upstreams: up.endpoints, fredBurst: 2, fredPerMinute: 1, maxRateWaitMs: 0, log: (l) => logs.push(l) });
    const a = await slow.listen(0, "127.0.0.1");
    try {
      const before = up.fred.count(OBS);
      const ids = ["DGS10", "DEXJPUS", "THREEFYTP10"];
      const rs = [];
      for (const id of ids) rs.push(await request(`${a.url}${OBS}?series_id=${id}`));
      expect(rs.map((r) => r.status)).toEqual([200, 200, 503]);
      expect(rs[2].headers["retry-after"]).toBeDefined();
      expect(JSON.parse(rs[2].body).proxy_error).toContain("below the source's rate limit");
      expect(up.fred.count(OBS) - before).toBe(2);
      // TIC and MoF have their own bucket
      expect((await request(`${a.url}/tic/slt_table5.txt`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it("the default bucket lets at most 110 calls out in any minute (< FRED's 120)", () => {
    let t = 0;
    const b = new TokenBucket(10, 100, () => t);
    let granted = 0;
    for (; t < 60_000; t += 50) while (b.reserve(0) === 0) granted++;
    expect(granted).toBeLessThanOrEqual(110);
    expect(granted).toBeGreaterThanOrEqual(100);
    // a reservation within the allowed wait is granted with its wait time
    const c = new TokenBucket(1, 60, () => 0);
    expect(c.reserve(0)).toBe(0);
    expect(c.reserve(500)).toBeUndefined();
    expect(c.reserve(1000)).toBe(1000);
  });
});

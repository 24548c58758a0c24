/**
 * What an attack run against the proxy found, one finding per block, each against the mock
 * upstreams of test/helpers/upstreams.ts on 127.0.0.1: the rate limit on a monotonic clock, `Retry-After`
 * honoured, the key never quoted nor logged in any encoding, a connection cap and an effective
 * header timeout, and who may ask (the Host header, requests without an Origin). docs/live.md
 * ("The proxy") states the rules tested here.
 */
import net from "node:net";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { defaultMaxConnections, proxyOptionsFromEnv, resolveConfig } from "../../src/proxy/config";
import { hostAllowed, isLoopbackClient } from "../../src/proxy/handler";
import { KEY_RUN, Scrubber } from "../../src/proxy/scrub";
import { TokenBucket } from "../../src/proxy/tokenBucket";
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from "../../src/proxy/upstream";
import { longestKeyRun, proxyHarness } from "./harness";
import { MOF_WEEKLY_PATH, type RunningProxy, TIC_PATH, whileFailing } from "../helpers/upstreams";

const KEY = "fedcba9876543210fedcba9876543210"; // a test key: FRED keys are 32 lower-case letters and digits
const ORIGIN = "https://localhost:3000";
const OBS = "/fred/series/observations";
const HOUR = 3600_000;
const obs = (id: string) => `${OBS}?series_id=${id}`;

const h = proxyHarness(KEY);
const { proxy, get } = h;
const fredCalls = () => h.up.fred.count(OBS);

describe("the rate limit runs on a monotonic clock", () => {
  it("a wall clock stepped back an hour does not turn FRED requests into 503s", async () => {
    const wall = { t: Date.UTC(2026, 7, 7, 12) };
    const p = await proxy({ now: () => wall.t, fredBurst: 3, maxRateWaitMs: 0 });
    const before = fredCalls();
    expect((await get(p, obs("DGS10"))).status).toBe(200);
    wall.t -= HOUR; // the machine's clock is corrected (NTP) by an hour back
    for (const id of ["DEXJPUS", "THREEFYTP10"]) expect((await get(p, obs(id))).status).toBe(200);
    expect(fredCalls() - before).toBe(3);
  });

  it("a token bucket whose clock goes back neither loses its tokens nor refills", () => {
    let t = 0;
    const b = new TokenBucket(2, 60, () => t); // 2 tokens, one a second
    expect(b.reserve(0)).toBe(0);
    t = -HOUR;
    expect(b.reserve(0)).toBe(0); // the second token is still there (a wall clock would have taken 3,600)
    expect(b.reserve(0)).toBeUndefined();
    t += 1000; // one second later: one token (60 a minute)
    expect(b.reserve(0)).toBe(0);
  });
});

describe("an upstream 429 with Retry-After is honoured", () => {
  it("no call to FRED until it has passed; clients get 503 with Retry-After; a stale copy stands in; other sources go on", async () => {
    const mono = { t: 0 };
    const wall = { t: Date.UTC(2026, 7, 7, 12) };
    const p = await proxy({ now: () => wall.t, monotonicNow: () => mono.t });
    expect((await get(p, obs("DGS10"))).status).toBe(200);
    wall.t += 5 * HOUR; // past the 4 h fresh age of a daily series, within its 7-day stale age (AGES.fredObservations)
    const before = fredCalls();
    await whileFailing(h.up.fred, OBS, { status: 429, body: "Too Many Requests", headers: { "Retry-After": "120" } }, async () => {
      const first = await get(p, obs("DEXJPUS"));
      expect([first.status, first.headers["retry-after"]]).toEqual([503, "120"]);
      expect(JSON.parse(first.body)).toEqual({ proxy_error: "HTTP 429 too many requests (FRED allows 120 requests a minute per key); the proxy asks FRED again in 120 s" });
      // five more within the same second (the attack saw all five reach FRED): none does
      const more = await Promise.all(["THREEFYTP10", "DGS3MO", "T5YIE", "EXJPUS", "DGS2"].map((id) => get(p, obs(id), { headers: { Origin: ORIGIN } })));
      for (const r of more) {
        expect([r.status, r.headers["retry-after"]]).toEqual([503, "120"]);
        expect(r.headers["access-control-expose-headers"]).toContain("Retry-After"); // the add-in may read it
        expect(JSON.parse(r.body).proxy_error).toBe("FRED asked the proxy to wait: it asks again in about 120 s");
      }
      const stale = await get(p, obs("DGS10"));
      expect([stale.status, stale.headers["x-cache"]]).toEqual([200, "STALE"]);
      expect(fredCalls() - before).toBe(1);
      expect((await get(p, "/tic/slt_table5.txt")).status).toBe(200); // the Treasury is not FRED
    });
    mono.t += 60_000;
    expect((await get(p, obs("DEXJPUS"))).headers["retry-after"]).toBe("60"); // half way
    expect(fredCalls() - before).toBe(1);
    mono.t += 60_000;
    expect((await get(p, obs("DEXJPUS"))).status).toBe(200);
    expect(fredCalls() - before).toBe(2);
  });

  it("a 503 with Retry-After rests that source only; a 429 without one rests it a minute", async () => {
    const mono = { t: 0 };
    const p = await proxy({ monotonicNow: () => mono.t });
    await whileFailing(h.up.mof, MOF_WEEKLY_PATH, { status: 503, headers: { "Retry-After": "30" } }, async () => {
      const r = await get(p, "/mof/week.csv");
      expect([r.status, r.headers["retry-after"]]).toEqual([503, "30"]);
      expect(JSON.parse(r.body).proxy_error).toBe("HTTP 503 service unavailable; the proxy asks Japan MoF again in 30 s");
    });
    expect((await get(p, "/mof/week.csv")).headers["retry-after"]).toBe("30"); // the MoF still rests…
    expect((await get(p, obs("DGS10"))).status).toBe(200); // …FRED does not
    const before = fredCalls();
    await whileFailing(h.up.fred, OBS, { status: 429 }, async () => {
      expect((await get(p, obs("DGS2"))).headers["retry-after"]).toBe("60");
    });
    mono.t += 59_000;
    expect((await get(p, obs("DGS2"))).status).toBe(503);
    mono.t += 1_000;
    await get(p, obs("DGS2"));
    expect(fredCalls() - before).toBe(2);
  });

  it("reads Retry-After as seconds or as an HTTP date, within an hour", () => {
    const now = Date.UTC(2026, 7, 7, 12, 0, 0);
    // RFC 9110 §10.2.3: delay-seconds or an HTTP-date
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Fri, 07 Aug 2026 12:02:00 GMT", now)).toBe(120);
    expect(parseRetryAfter("Fri, 07 Aug 2026 11:00:00 GMT", now)).toBe(0); // already passed
    expect(parseRetryAfter("999999", now)).toBe(MAX_RETRY_AFTER_SECONDS);
    for (const bad of ["soon", "-5", "1.5", "", undefined]) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});

describe("the key is never quoted, whole or cut", () => {
  it("a FRED 200 that does not parse and holds the key at character 26 reaches the client without a character of it", async () => {
    const p = await proxy();
    const prefix = "<html><h1>Upstream error: ";
    expect(prefix.length).toBe(26); // a 40-character preview held 14 of the key's 32 characters
    await whileFailing(h.up.fred, OBS, { status: 200, body: `${prefix}${KEY} rejected</h1></html>` }, async () => {
      const r = await get(p, obs("DGS10"), { headers: { Origin: ORIGIN } });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.body)).toEqual({ proxy_error: "unparseable reply (not quoted: the request carried the proxy's key)" });
      expect(longestKeyRun(r.body, KEY)).toBeLessThan(4);
    });
    await whileFailing(h.up.fred, OBS, { status: 500, body: `${prefix}${KEY.slice(0, 14)}` }, async () => {
      const r = await get(p, obs("DGS10"));
      expect(JSON.parse(r.body)).toEqual({ proxy_error: "HTTP 500 server error" });
    });
    expect(longestKeyRun(p.logs.join("\n"), KEY)).toBeLessThan(4);
  });

  it("any run of 8 characters of the key is masked, in any letter case; shorter pieces are not the key", () => {
    const s = new Scrubber(KEY);
    expect(s.text(`x ${KEY.slice(0, 14)}… y`)).toBe("x ***… y");
    expect(s.text(`a${KEY.slice(5, 13)}b`)).toBe("a***b");
    expect(s.text(KEY.toUpperCase())).toBe("***");
    expect(s.text(`${KEY.slice(0, 10)} and ${KEY.slice(20)}`)).toBe("*** and ***");
    expect(s.text(`a${KEY.slice(5, 12)}b`)).toBe(`a${KEY.slice(5, 12)}b`); // 7 characters stay
    expect(s.text("api_key=zzz&a=1 API%5FKEY%3Dyyy")).toBe("api_key=***&a=1 API%5FKEY%3D***");
  });
});

describe("log lines: the key masked in its decoded and encoded forms", () => {
  it("refused requests with a key in any percent-encoding, or an encoded proxy key, log no key; CR LF cannot forge a line", async () => {
    const p = await proxy();
    const client = "c11e47c11e47c11e47c11e47c11e47c1";
    const encodedKey = [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    const targets = [
      `/fred/category?api%5Fkey=${client}`,
      `/fred/category?api_key%3D${client}`,
      `/fred/category?%61pi_key=${client}`,
      `/fred/category?api%255Fkey=${client}`, // encoded twice
      `/nothing?x=${encodedKey}`,
      `/nothing?api_key=${client}%0d%0aGET%20/forged%20%E2%86%92%20200`,
    ];
    for (const t of targets) expect((await get(p, t)).status).toBe(404);
    const log = p.logs.join("\n");
    expect(p.logs.filter((l) => l.includes("refused"))).toHaveLength(targets.length);
    expect(longestKeyRun(log, client)).toBeLessThan(KEY_RUN);
    expect(longestKeyRun(log, KEY)).toBeLessThan(KEY_RUN);
    expect(p.logs.some((l) => l.startsWith("GET /forged"))).toBe(false);
    expect(log).toContain("\\x0d\\x0aGET /forged");
  });
});

describe("connections: a cap, and a header timeout that holds", () => {
  /** Open `n` TCP connections that send nothing; resolves when all have connected or been dropped. */
  async function idle(port: number, n: number) {
    const sockets = Array.from({ length: n }, () => {
      const s = net.connect(port, "127.0.0.1");
      s.on("error", () => undefined);
      s.resume(); // read the 408, so that "close" comes
      return s;
    });
    await new Promise((r) => setTimeout(r, 300));
    return sockets;
  }
  const openConnections = (p: RunningProxy) => new Promise<number>((r) => p.proxy.server.getConnections((_e, n) => r(n)));

  it("holds at most maxConnections (the rest dropped, logged once); idle ones are closed at the header timeout; then it serves", async () => {
    const p = await proxy({ maxConnections: 20, headersTimeoutMs: 1000 });
    const sockets = await idle(p.port, 60);
    expect(await openConnections(p)).toBeLessThanOrEqual(20);
    expect(p.proxy.stats.dropped).toBe(40);
    expect(p.logs.filter((l) => l.startsWith("refused connections"))).toHaveLength(1);
    const t0 = performance.now();
    while ((await openConnections(p)) > 0 && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect(await openConnections(p)).toBe(0);
    expect((await get(p, "/healthz")).status).toBe(200);
    for (const s of sockets) s.destroy();
  });

  it("a client trickling its headers is answered 408 and closed at the header timeout, not 30 s later", async () => {
    const p = await proxy({ headersTimeoutMs: 1000 });
    const s = net.connect(p.port, "127.0.0.1");
    let got = "";
    s.on("data", (d) => (got += d.toString("latin1")));
    s.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const drip = setInterval(() => s.writable && s.write("X-Slow: 1\r\n"), 100);
    const t0 = performance.now();
    await new Promise((r) => s.on("close", r));
    clearInterval(drip);
    expect(got).toMatch(/^HTTP\/1\.1 408/);
    // 1 s timeout + the 1 s check; Node's default check (every 30 s) let such clients live ~30 s
    expect(performance.now() - t0).toBeLessThan(8_000);
  });

  it("defaults: 10 s for the headers, checked every second; the cap below the descriptor limit", () => {
    expect(resolveConfig({}).headersTimeoutMs).toBe(10_000);
    expect(resolveConfig({ maxConnections: 7 }).maxConnections).toBe(7);
    expect(defaultMaxConnections(256)).toBe(192); // the attack's 256 descriptors: 400 idle connections no longer exhaust them
    expect(defaultMaxConnections(1_048_576)).toBe(512);
    expect(defaultMaxConnections(undefined)).toBe(512);
    expect(proxyOptionsFromEnv({ PROXY_MAX_CONNECTIONS: "64" }).maxConnections).toBe(64);
  });

  it("the server applies them", async () => {
    const p = await proxy();
    expect(p.proxy.server.headersTimeout).toBe(10_000);
    expect((p.proxy.server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(1_000); // not in @types/node 20
    expect(p.proxy.server.maxConnections).toBe(defaultMaxConnections());
  });
});

describe("who may ask: the Host header and requests without an Origin", () => {
  it("a Host that does not name this proxy is refused (DNS rebinding), before any upstream call", async () => {
    const p = await proxy();
    const before = h.up.tic.count(TIC_PATH);
    for (const host of ["evil.example", `evil.example:${p.port}`, "localhost.evil.example", "127.0.0.1.nip.io"]) {
      for (const headers of [{ Host: host }, { Host: host, Origin: ORIGIN }] as Record<string, string>[]) {
        const r = await get(p, "/tic/slt_table5.txt", { headers });
        expect(r.status).toBe(421);
        expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      }
    }
    expect(h.up.tic.count(TIC_PATH)).toBe(before);
    for (const host of [`localhost:${p.port}`, `127.0.0.1:${p.port}`, "LOCALHOST", `[::1]:${p.port}`, "192.168.1.5:8787"]) {
      expect((await get(p, "/tic/slt_table5.txt", { headers: { Host: host } })).status).toBe(200);
    }
  });

  it("PROXY_ALLOWED_HOSTS admits the proxy's public name (behind a reverse proxy), in any case, with any port", async () => {
    const p = await proxy({ allowedHosts: ["proxy.example.com"] });
    for (const host of ["proxy.example.com", "Proxy.Example.COM:443", "proxy.example.com."]) expect((await get(p, "/healthz", { headers: { Host: host } })).status).toBe(200);
    expect((await get(p, "/healthz", { headers: { Host: "other.example.com" } })).status).toBe(421);
    expect(proxyOptionsFromEnv({ PROXY_ALLOWED_HOSTS: "proxy.example.com, b.example" }).allowedHosts).toEqual(["proxy.example.com", "b.example"]);
    expect(hostAllowed(undefined, new Set())).toBe(true); // HTTP/1.0 without Host: not a browser
  });

  it("no Origin: served from this machine, refused through a reverse proxy or when set to never; PROXY_ALLOW_NO_ORIGIN=1 serves everyone", async () => {
    const loopback = await proxy();
    expect((await get(loopback, "/healthz")).status).toBe(200);
    for (const relayed of [{ "X-Forwarded-For": "203.0.113.7" }, { Forwarded: "for=203.0.113.7" }] as Record<string, string>[]) {
      const r = await get(loopback, "/tic/slt_table5.txt", { headers: relayed });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).proxy_error).toBe("requests without an Origin header are served only from this machine");
      expect((await get(loopback, "/tic/slt_table5.txt", { headers: { ...relayed, Origin: ORIGIN } })).status).toBe(200); // the add-in
    }
    const never = await proxy({ noOrigin: "never" });
    expect((await get(never, "/healthz")).status).toBe(403);
    const any = await proxy({ noOrigin: "any" });
    expect((await get(any, "/healthz", { headers: { "X-Forwarded-For": "203.0.113.7" } })).status).toBe(200);
  });

  it("a loopback client is 127.0.0.0/8 or ::1, not relayed; PROXY_ALLOW_NO_ORIGIN reads loopback, 1 or 0", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackClient(a, {})).toBe(true);
    for (const a of ["192.168.1.5", "::ffff:10.0.0.1", "2001:db8::1", undefined]) expect(isLoopbackClient(a, {})).toBe(false);
    expect(isLoopbackClient("127.0.0.1", { "x-forwarded-for": "203.0.113.7" })).toBe(false);
    expect(proxyOptionsFromEnv({}).noOrigin).toBe("loopback");
    expect(proxyOptionsFromEnv({ PROXY_ALLOW_NO_ORIGIN: "1" }).noOrigin).toBe("any");
    expect(proxyOptionsFromEnv({ PROXY_ALLOW_NO_ORIGIN: "0" }).noOrigin).toBe("never");
    expect(() => proxyOptionsFromEnv({ PROXY_ALLOW_NO_ORIGIN: "maybe" })).toThrow(/PROXY_ALLOW_NO_ORIGIN/);
  });
});

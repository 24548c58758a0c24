/**
 * `npm run dev-server` on a machine where nothing may be installed: the development certificate
 * is made in the user's folder without touching the system's CA store (scripts/devCerts.ts),
 * the server answers over https with a client that trusts only that CA, and what fails before
 * webpack starts (a busy port, a folder that cannot be written, a bad option) is one line.
 * Each run gets its own HOME and port, so nothing of the developer's is touched.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { type Server, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../scripts/generated";
import { devCertificates, trustOnDesktop } from "../../../scripts/devCerts";

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-devserver-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.pid && c.exitCode === null) process.kill(-c.pid, "SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
});

const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "localhost", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** GET over https trusting only `ca`: status, headers, body. */
function httpsGet(url: string, ca: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on("error", reject);
  });
}

describe("the development certificate (made, never installed)", () => {
  const dir = join(tmp, "certs");

  it("makes a CA and a localhost certificate signed by it, for localhost and 127.0.0.1, valid about 30 days", async () => {
    const made = await devCertificates(dir);
    expect(made.generated).toBe(true);
    const cert = new X509Certificate(readFileSync(join(dir, "localhost.crt")));
    const ca = new X509Certificate(readFileSync(join(dir, "ca.crt")));
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain("DNS:localhost");
    expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
    const days = (new Date(cert.validTo).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(28);
    expect(days).toBeLessThan(31); // office-addin-dev-certs' 30 days
    expect(readFileSync(join(dir, "localhost.key"), "utf8")).toContain("PRIVATE KEY");
  });

  it("reuses a valid set", async () => {
    const before = readFileSync(join(dir, "localhost.crt"), "utf8");
    const again = await devCertificates(dir);
    expect(again.generated).toBe(false);
    expect(again.cert).toBe(before);
  });

  it("replaces a broken set: a certificate that is not one, or one signed by another CA", async () => {
    writeFileSync(join(dir, "localhost.crt"), "not a certificate");
    expect((await devCertificates(dir)).generated).toBe(true);
    const other = join(tmp, "other");
    await devCertificates(other);
    writeFileSync(join(dir, "ca.crt"), readFileSync(join(other, "ca.crt")));
    const fixed = await devCertificates(dir);
    expect(fixed.generated).toBe(true);
    expect(new X509Certificate(fixed.cert).verify(new X509Certificate(fixed.ca).publicKey)).toBe(true);
  });

  it("installs nothing on Linux (only Windows and macOS, where Excel desktop reads the system store, get the CA installed)", async () => {
    expect(await trustOnDesktop("linux")).toBe(false);
  });

  it("a folder that cannot be made: one clear error", async () => {
    // A folder under a file cannot exist, whoever runs the test (root included).
    const blocked = join(tmp, "a-file");
    writeFileSync(blocked, "");
    await expect(devCertificates(join(blocked, "certs"))).rejects.toThrow(
      /^cannot make the development certificate in .*a-file\/certs \(.*ENOTDIR.*\): make that folder writable, or set HOME to a folder you can write$/,
    );
  });
});

/** Run `npm run dev-server -- args` (the script itself) with its own HOME. */
function devServer(args: string[], home: string): ChildProcess {
  const child = spawn(TSX, [join(ROOT, "scripts", "dev-server.ts"), ...args], { cwd: ROOT, env: { ...process.env, HOME: home }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}

function finish(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

describe("npm run dev-server", () => {
  it("serves the add-in over https with that certificate: functions.json with CORS, the manifest on the chosen port", async () => {
    const home = mkdtempSync(join(tmp, "home-"));
    const port = await freePort();
    const child = devServer(["--port", String(port)], home);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const deadline = Date.now() + 200_000;
    let reply: Awaited<ReturnType<typeof httpsGet>> | undefined;
    while (!reply && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`dev-server exited (${child.exitCode}):\n${out}`);
      try {
        const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"), "utf8");
        const r = await httpsGet(`https://localhost:${port}/functions.json`, ca);
        if (r.status === 200) reply = r;
      } catch {
        // not up yet
      }
      if (!reply) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(reply, out).toBeDefined();
    // Excel on the web fetches functions.json from another origin.
    expect(reply!.headers["access-control-allow-origin"]).toBe("*");
    expect(JSON.parse(reply!.body).functions.length).toBeGreaterThan(10);
    const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"), "utf8");
    const manifest = await httpsGet(`https://localhost:${port}/manifest.xml`, ca);
    expect(manifest.body).toContain(`https://localhost:${port}/functions.json`);
    expect(out).toMatch(/Made the development certificate in .*, not installed/);
    process.kill(-child.pid!, "SIGTERM");
  }, 240_000);

  it("a busy port: one line saying so, exit 1, before any build", async () => {
    const port = await freePort();
    const busy: Server = await new Promise((resolve) => {
      const s = createServer().listen(port, "localhost", () => resolve(s));
    });
    try {
      const r = await finish(devServer(["--port", String(port)], mkdtempSync(join(tmp, "home-"))));
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`dev-server: port ${port} is in use (another dev server?): stop it, or run \`npm run dev-server -- --port ${port + 1}\``);
    } finally {
      busy.close();
    }
  }, 60_000);

  it("a HOME where the certificate cannot be written: one line, exit 1", async () => {
    const home = join(tmp, "home-is-a-file");
    writeFileSync(home, "");
    const r = await finish(devServer(["--port", String(await freePort())], home));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^dev-server: cannot make the development certificate in .*home-is-a-file\/\.office-addin-dev-certs \(.*\): make that folder writable/);
  }, 60_000);

  it("a bad option: exit 2 with the usage", () => {
    const r = spawnSync(TSX, [join(ROOT, "scripts", "dev-server.ts"), "--port", "http"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("dev-server: --port http: a port number from 1 to 65535");
  });

  it("npm run dev-server runs this script", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts["dev-server"]).toBe("tsx scripts/dev-server.ts");
  });
});

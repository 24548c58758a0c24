/**
 * The add-in's host is one build setting: `ADDIN_URL=https://… npm run build` rewrites every
 * URL of the manifest and every help URL of functions.json (docs/excel.md, "Host it for
 * real"). Built here into a temporary folder, so dist/ is left alone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { helpFile } from "../../../src/catalog/describe";
import { DEV_ADDIN_URL } from "../../../src/hosts/excel/urls";
import { ROOT } from "../../../scripts/generated";
import { checkManifest } from "../../../scripts/check-manifest";
import { buildAddin, manifestUrls, readMetadata } from "./dist";

const HOST = "https://addin.example.com/tools/jpust";

const urlsOf = manifestUrls;

describe("ADDIN_URL rewrites the add-in's host", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jpust-addin-url-"));
    buildAddin(dir, `${HOST}/`); // a trailing slash is dropped
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the committed manifest names the development host that the build rewrites", () => {
    const urls = urlsOf(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(`${DEV_ADDIN_URL}/`), u).toBe(true);
  });

  it("every URL of the built manifest is on ADDIN_URL", () => {
    const xml = readFileSync(join(dir, "manifest.xml"), "utf8");
    const urls = urlsOf(xml);
    expect(urls.length).toBe(urlsOf(readFileSync(join(ROOT, "manifest.xml"), "utf8")).length);
    for (const u of urls) expect(u.startsWith(`${HOST}/`), u).toBe(true);
    expect(xml).not.toContain("localhost");
  });

  it("the built manifest's comment names ADDIN_URL as its host, not the development host", () => {
    const comment = /<!--([\s\S]*?)-->/.exec(readFileSync(join(dir, "manifest.xml"), "utf8"))![1];
    expect(comment).toContain(`built for ${HOST} `);
    expect(comment).not.toMatch(/development/i);
    // The committed manifest's comment does describe the development host.
    expect(/<!--([\s\S]*?)-->/.exec(readFileSync(join(ROOT, "manifest.xml"), "utf8"))![1]).toContain(`development host ${DEV_ADDIN_URL}`);
  });

  it("every help URL in functions.json is ADDIN_URL/help/<name>.html, and the page is in the build", () => {
    const meta = readMetadata(dir);
    expect(meta.functions.length).toBe(CATALOG.length);
    for (const f of CATALOG) {
      const m = meta.functions.find((x) => x.id === f.name)!;
      expect(m.helpUrl).toBe(`${HOST}/help/${helpFile(f)}`);
      expect(existsSync(join(dir, "help", helpFile(f))), helpFile(f)).toBe(true);
    }
    expect(readFileSync(join(dir, "functions.json"), "utf8")).not.toContain("localhost");
  });

  it("the offline manifest check passes on that build", () => {
    expect(checkManifest(readFileSync(join(dir, "manifest.xml"), "utf8"), { functionsJson: readFileSync(join(dir, "functions.json"), "utf8"), distDir: dir })).toEqual([]);
  });

  it("an http ADDIN_URL is refused with the reason", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", join(dir, "never")], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: "http://addin.example.com" },
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain("Office add-ins must be served over https");
    expect(existsSync(join(dir, "never", "manifest.xml"))).toBe(false);
  });
});

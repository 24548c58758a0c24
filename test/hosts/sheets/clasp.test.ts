/**
 * The clasp project: the manifest, and that clasp would push exactly the build
 * (Code.js and appsscript.json) and nothing else. `clasp status` works offline and without
 * `clasp login`; it only needs a .clasp.json with a script id, so the test makes a
 * throw-away project laid out like apps-script/ (the real .clasp.json is never touched).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../scripts/generated";
import { OAUTH_SCOPES, appsScriptManifest } from "../../../src/hosts/sheets/manifest";
import { BUILD_DIR, readBuild } from "./helpers";

const CLASP = join(ROOT, "node_modules", ".bin", "clasp");
const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-clasp-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `clasp status --json` in a project folder, with an empty HOME (no credentials anywhere). */
function claspStatus(project: string): { filesToPush: string[]; untrackedFiles: string[] } {
  const out = execFileSync(CLASP, ["status", "--json"], { cwd: project, env: { ...process.env, HOME: tmp, USERPROFILE: tmp }, encoding: "utf8", timeout: 60_000 });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** A copy of apps-script/ (its .claspignore, the real build, optional extra files) with a dummy .clasp.json. */
function project(name: string, extra: Record<string, string>, withIgnoreFile = true): string {
  readBuild("Code.js"); // a clear failure when the build is missing
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(BUILD_DIR, join(dir, "build"), { recursive: true });
  for (const [path, content] of Object.entries(extra)) {
    mkdirSync(join(dir, "build", path, ".."), { recursive: true });
    writeFileSync(join(dir, "build", path), content);
  }
  if (withIgnoreFile) copyFileSync(join(ROOT, "apps-script", ".claspignore"), join(dir, ".claspignore"));
  // What `npm run sheets:create` (cd apps-script && clasp create --rootDir build) writes, with a dummy id.
  writeFileSync(join(dir, ".clasp.json"), JSON.stringify({ scriptId: "offline-test-script-id", rootDir: "build" }));
  return dir;
}

/** Stray files a build folder can collect; clasp would push the .js and .html ones by default. */
const STRAYS = { "stray.js": "function stray() {}", "sub/Code.js": "function nested() {}", "notes.html": "<p>x</p>", "README.txt": "x", "Code.js.map": "{}" };

describe("the clasp project", () => {
  it("npx clasp --version runs (the pinned clasp)", () => {
    const version = execFileSync("npx", ["--no-install", "clasp", "--version"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 }).trim();
    const pinned = JSON.parse(readFileSync(join(ROOT, "node_modules", "@google", "clasp", "package.json"), "utf8")).version;
    expect(version).toBe(pinned);
    expect(version).toMatch(/^3\./);
  });

  it("appsscript.json: V8, STACKDRIVER, a time zone, and only the scopes the menu and the live functions need", () => {
    const manifest = JSON.parse(readBuild("appsscript.json"));
    expect(manifest).toEqual(appsScriptManifest());
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect(manifest.timeZone).toBe("Etc/UTC");
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        // UrlFetchApp (FRED, TIC, MoF): required once scopes are explicit (Apps Script reference, URL Fetch Service)
        "https://www.googleapis.com/auth/script.external_request",
      ].sort(),
    );
    expect(OAUTH_SCOPES.length).toBe(3);
  });

  it("clasp status: the build folder pushes exactly Code.js and appsscript.json, whatever else lies in it", () => {
    const status = claspStatus(project("with-ignore", STRAYS));
    expect(status.filesToPush.sort()).toEqual(["build/Code.js", "build/appsscript.json"].sort());
  });

  it("control: without apps-script/.claspignore clasp would also push the stray scripts", () => {
    const status = claspStatus(project("without-ignore", STRAYS, false));
    expect(status.filesToPush).toContain("build/stray.js");
    expect(status.filesToPush).toContain("build/sub/Code.js");
  });

  it(".clasp.json is never committed", () => {
    const candidates = ["apps-script/.clasp.json", "apps-script/team-a.clasp.json", ".clasp.json", "apps-script/build/Code.js"];
    const ignored = execFileSync("git", ["check-ignore", ...candidates], { cwd: ROOT, encoding: "utf8" });
    expect(ignored.trim().split("\n")).toEqual(candidates);
    expect(execFileSync("git", ["ls-files", "*.clasp.json", ".clasp.json"], { cwd: ROOT, encoding: "utf8" }).trim()).toBe("");
  });
});

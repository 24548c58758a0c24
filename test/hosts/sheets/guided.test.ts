/**
 * `npm run sheets:create` / `sheets:push` (scripts/sheets.ts) with a fake `clasp` first on PATH:
 * no network, no Google account. The fake answers as clasp 3 does (its messages are those of
 * clasp's core/utils.js and of the Apps Script API replies clasp passes on), records how it was
 * called, and writes .clasp.json on `create` as clasp does. Every failure must be one line on
 * stderr that says what to do, a non-zero exit, and no stack trace.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../scripts/generated";
import { explainClaspError } from "../../../scripts/sheets";

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-guided-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FAKE_BIN = join(tmp, "bin");
const CALLS = join(tmp, "clasp-calls.jsonl");
mkdirSync(FAKE_BIN);
writeFileSync(
  join(FAKE_BIN, "clasp"),
  `#!/usr/bin/env node
const fs = require("fs"), path = require("path");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(CALLS)}, JSON.stringify({ args, cwd: process.cwd() }) + "\\n");
if (process.env.FAKE_CLASP_FAIL === args[0]) { console.error(process.env.FAKE_CLASP_MESSAGE); process.exit(1); }
if (args[0] === "create") {
  const rootDir = args[args.indexOf("--rootDir") + 1];
  fs.mkdirSync(path.join(process.cwd(), rootDir), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), ".clasp.json"), JSON.stringify({ scriptId: "fake-script-id", rootDir }));
  console.log("Created new document: https://drive.google.com/open?id=fake-doc-id\\nCreated new script: https://script.google.com/d/fake-script-id/edit");
} else if (args[0] === "push") {
  console.log("Pushed 2 files.");
}
`,
);
chmodSync(join(FAKE_BIN, "clasp"), 0o755);

const TSX = join(ROOT, "node_modules", ".bin", "tsx");

interface Setup {
  /** Write ~/.clasprc.json (a clasp login). */
  login?: boolean;
  /** The project file, as text, or none. */
  claspJson?: string;
  /** Put a build (Code.js, appsscript.json) in the project's build/ folder. */
  built?: boolean;
  /** Make the fake clasp fail this command with this message. */
  fail?: { command: string; message: string };
}

let n = 0;
function run(command: "create" | "push", setup: Setup, extra: string[] = ["--no-build"]) {
  const home = join(tmp, `home-${++n}`);
  const project = join(tmp, `project-${n}`);
  mkdirSync(home);
  mkdirSync(join(project, "build"), { recursive: true });
  if (setup.login) writeFileSync(join(home, ".clasprc.json"), JSON.stringify({ tokens: { default: { access_token: "fake" } } }));
  if (setup.claspJson !== undefined) writeFileSync(join(project, ".clasp.json"), setup.claspJson);
  if (setup.built) for (const f of ["Code.js", "appsscript.json"]) writeFileSync(join(project, "build", f), "{}");
  writeFileSync(CALLS, "");
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HOME: home, PATH: `${FAKE_BIN}:${process.env.PATH}` };
  delete env.clasp_config_auth;
  if (setup.fail) Object.assign(env, { FAKE_CLASP_FAIL: setup.fail.command, FAKE_CLASP_MESSAGE: setup.fail.message });
  const r = spawnSync(TSX, [join(ROOT, "scripts", "sheets.ts"), command, "--dir", project, ...extra], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  const calls = readFileSync(CALLS, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; cwd: string });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls, project };
}

/** One line on stderr, prefixed with the command, no stack trace. */
function oneLine(stderr: string, program: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(lines[0].startsWith(`${program}: `), lines[0]).toBe(true);
  return lines[0];
}

const PROJECT = JSON.stringify({ scriptId: "abc123", rootDir: "build" });
const LOGGED_IN = { login: true, claspJson: PROJECT, built: true };

describe("sheets:push checks first", () => {
  it("no .clasp.json: run sheets:create first, or bind an existing spreadsheet; clasp is not called", () => {
    const r = run("push", { login: true, built: true });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr, "sheets:push")).toMatch(/no .*\.clasp\.json: run `npm run sheets:create` first .*bind an existing one/);
    expect(r.calls).toEqual([]);
  });

  it("a .clasp.json that is not JSON, has no scriptId or another rootDir: says how it must look", () => {
    expect(oneLine(run("push", { ...LOGGED_IN, claspJson: "{scriptId:" }).stderr, "sheets:push")).toMatch(/is not valid JSON .*write \{"scriptId": "…", "rootDir": "build"\}/);
    expect(oneLine(run("push", { ...LOGGED_IN, claspJson: '{"rootDir":"build"}' }).stderr, "sheets:push")).toMatch(/has no scriptId/);
    expect(oneLine(run("push", { ...LOGGED_IN, claspJson: '{"scriptId":"x","rootDir":"src"}' }).stderr, "sheets:push")).toMatch(/has rootDir "src": it must be "build"/);
  });

  it("no clasp login: npx clasp login once; clasp is not called", () => {
    const r = run("push", { claspJson: PROJECT, built: true });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr, "sheets:push")).toMatch(/clasp is not logged in \(no .*\.clasprc\.json\): run `npx clasp login` once/);
    expect(r.calls).toEqual([]);
  });

  it("with --no-build and nothing built: says to build", () => {
    const r = run("push", { login: true, claspJson: PROJECT });
    expect(oneLine(r.stderr, "sheets:push")).toMatch(/Code\.js is missing: run `npm run build:sheets`/);
    expect(r.calls).toEqual([]);
  });

  it("all there: clasp push --force in the project folder, then what to do next", () => {
    const r = run("push", LOGGED_IN);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([{ args: ["push", "--force"], cwd: r.project }]);
    expect(r.stdout).toContain("Pushed 2 files.");
    expect(r.stdout).toContain("Pushed to script abc123. Reload the spreadsheet");
  });
});

describe("sheets:push translates clasp's errors into what to do", () => {
  // Messages as clasp 3.4 prints them: its own (core/utils.js) and Google's API replies it passes on.
  const cases: [string, string, RegExp][] = [
    ["No credentials found.", "not logged in", /clasp is not logged in, or its login expired: run `npx clasp login` once/],
    ["invalid_grant", "an expired login", /its login expired: run `npx clasp login`/],
    [
      "User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.",
      "the API switched off",
      /the Apps Script API is off for your Google account: turn on "Google Apps Script API" at https:\/\/script\.google\.com\/home\/usersettings/,
    ],
    ["Project settings not found.", "no project", /run `npm run sheets:create` first/],
    ["Requested entity was not found.", "an unknown script id", /no script with the scriptId in \.clasp\.json/],
    ["The caller does not have permission", "someone else's script", /may not edit that script/],
    ["request to https://oauth2.googleapis.com/token failed, reason: getaddrinfo ENOTFOUND oauth2.googleapis.com", "no network", /cannot reach Google/],
    ["Something nobody expected.", "anything else", /clasp push failed: Something nobody expected\. \(run `npx clasp push` in apps-script\/ to see all of it\)/],
  ];
  for (const [message, what, advice] of cases) {
    it(`${what}: ${message.slice(0, 50)}`, () => {
      const r = run("push", { ...LOGGED_IN, fail: { command: "push", message } });
      expect(r.status).toBe(1);
      expect(oneLine(r.stderr, "sheets:push")).toMatch(advice);
    });
  }

  it("the same table, without a process, for every message (explainClaspError)", () => {
    for (const [message, , advice] of cases) expect(explainClaspError("push", message)).toMatch(advice);
  });
});

describe("sheets:create", () => {
  it("creates the spreadsheet (clasp create --type sheets --rootDir build), then pushes the build into it", () => {
    const r = run("create", { login: true, built: true });
    expect(r.status).toBe(0);
    expect(r.calls.map((c) => c.args)).toEqual([["create", "--type", "sheets", "--title", "marginal-bid", "--rootDir", "build"], ["push", "--force"]]);
    expect(r.calls.every((c) => c.cwd === r.project)).toBe(true);
    expect(r.stdout).toContain("Created new document: https://drive.google.com/open?id=fake-doc-id");
    expect(JSON.parse(readFileSync(join(r.project, ".clasp.json"), "utf8"))).toEqual({ scriptId: "fake-script-id", rootDir: "build" });
  });

  it("refuses when a .clasp.json already binds the folder, and says to push instead", () => {
    const r = run("create", LOGGED_IN);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr, "sheets:create")).toMatch(/\.clasp\.json already exists: run `npm run sheets:push`/);
    expect(r.calls).toEqual([]);
  });

  it("no login: says so before calling clasp", () => {
    const r = run("create", { built: true });
    expect(oneLine(r.stderr, "sheets:create")).toMatch(/clasp is not logged in/);
    expect(r.calls).toEqual([]);
  });

  it("the Apps Script API switched off: what to do, and no project file left behind", () => {
    const r = run("create", { login: true, built: true, fail: { command: "create", message: "User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry." } });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr, "sheets:create")).toMatch(/the Apps Script API is off/);
    expect(existsSync(join(r.project, ".clasp.json"))).toBe(false);
  });

  it("created, but the push fails: says the spreadsheet exists and to run sheets:push once fixed", () => {
    const r = run("create", { login: true, built: true, fail: { command: "push", message: "The caller does not have permission" } });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr, "sheets:create")).toMatch(/the spreadsheet was created but the push failed \(.*may not edit that script.*\); fix that, then run `npm run sheets:push`/);
  });
});

describe("the command line", () => {
  it("an unknown option: exit 2 with the usage", () => {
    const r = run("push", LOGGED_IN, ["--no-biuld"]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr, "sheets:push")).toMatch(/unknown option --no-biuld \(usage: npm run sheets:push -- \[--dir DIR\] \[--no-build\]\)/);
  });

  it("npm run sheets:create and sheets:push run this script", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts["sheets:create"]).toBe("tsx scripts/sheets.ts create");
    expect(scripts["sheets:push"]).toBe("tsx scripts/sheets.ts push");
  });
});

/**
 * Debian tools some tests need (LibreOffice, xmllint, Chromium). Where one is missing the test
 * skips with the reason printed, except on CI (`CI=true`, where .ci/run installs them): there a
 * missing tool is a failure, so a green CI always means the comparison ran. And how the tests run
 * them, and the repository's own entry points (tsx, as `npm run …` does).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/generated";

export type ToolLookup = { ok: true; path: string } | { ok: false; reason: string };

/** The first of `commands` on PATH (or `$envVar` when set), or why there is none. */
export function findTool(commands: readonly string[], missing: string, envVar?: string): ToolLookup {
  const fromEnv = envVar ? process.env[envVar] : undefined;
  if (fromEnv) return existsSync(fromEnv) ? { ok: true, path: fromEnv } : { ok: false, reason: `${envVar}=${fromEnv} does not exist` };
  try {
    const path = execFileSync("sh", ["-c", commands.map((c) => `command -v ${c}`).join(" || ")], { encoding: "utf8" }).trim();
    if (path) return { ok: true, path };
  } catch {
    // not on PATH
  }
  return { ok: false, reason: missing };
}

export const findSoffice = () =>
  findTool(["soffice", "libreoffice"], "LibreOffice is not installed (no `soffice` on PATH; Debian: apt-get install libreoffice-calc)", "SOFFICE");
export const findXmllint = () => findTool(["xmllint"], "xmllint is not installed (Debian: apt-get install libxml2-utils)");
export const findChromium = () => findTool(["chromium"], "Chromium is not installed (Debian: apt-get install chromium)", "CHROMIUM");

const warned = new Set<string>();

/** Is the tool there? Missing: fails on CI, else prints the reason once and answers false (for skipIf). */
export function toolAvailable(lookup: ToolLookup, what: string): boolean {
  if (lookup.ok) return true;
  if (process.env.CI === "true") throw new Error(`${what} needs it when CI=true: ${lookup.reason}`);
  if (!warned.has(lookup.reason)) console.warn(`skipped (${what}): ${lookup.reason}`);
  warned.add(lookup.reason);
  return false;
}

/** Inside a test: the tool's path, or skip the test with the reason (fail on CI). */
export function requireTool(lookup: ToolLookup, ctx: { skip: (note?: string) => never }): string {
  if (lookup.ok) return lookup.path;
  toolAvailable(lookup, "this test");
  return ctx.skip(lookup.reason);
}

const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a TypeScript entry point of the repo with tsx, as `npm run …` does. */
export function runTsx(entry: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(TSX, [join(ROOT, entry), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Is this file well-formed XML? (xmllint --noout) */
export function xmlWellFormed(xmllint: string, path: string): { ok: boolean; message: string } {
  const r = spawnSync(xmllint, ["--noout", path], { encoding: "utf8" });
  return { ok: r.status === 0, message: r.stderr };
}

/** Open a workbook in LibreOffice Calc, headless, and return its first sheet as CSV text. */
export function sofficeCsv(soffice: string, file: string, workDir: string): string {
  const profile = `file://${join(workDir, "lo-profile")}`;
  const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", workDir, file], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const csv = join(workDir, file.replace(/^.*\//, "").replace(/\.xlsx$/, ".csv"));
  return readFileSync(csv, "latin1");
}

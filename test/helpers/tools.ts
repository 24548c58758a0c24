/**
 * Debian tools some tests need (LibreOffice, xmllint, Chromium). Where one is missing the test
 * skips with the reason printed, except on CI (`CI=true`, where .ci/run installs them): there a
 * missing tool is a failure, so a green CI always means the comparison ran.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

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

/** Helpers for the demo tests: run the CLI with tsx, find xmllint. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/generated";

export { ROOT };

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

/** A line with its runs of spaces squeezed, for comparing aligned columns. */
export const squeeze = (line: string) => line.trim().split(/\s+/).join(" ");

export type ToolLookup = { ok: true; path: string } | { ok: false; reason: string };

export function findXmllint(): ToolLookup {
  try {
    const path = execFileSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" }).trim();
    if (path) return { ok: true, path };
  } catch {
    // fall through
  }
  return { ok: false, reason: "xmllint is not installed (Debian: apt-get install libxml2-utils)" };
}

/** Skip with the reason when a tool is missing, except on CI (CI=true), where that fails. */
export function requireTool(lookup: ToolLookup, ctx: { skip: (note?: string) => never }): string {
  if (lookup.ok) return lookup.path;
  if (process.env.CI === "true") throw new Error(`required when CI=true: ${lookup.reason}`);
  console.warn(`skipped: ${lookup.reason}`);
  return ctx.skip(lookup.reason);
}

/** Is this file well-formed XML? (xmllint --noout) */
export function xmlWellFormed(xmllint: string, path: string): { ok: boolean; message: string } {
  const r = spawnSync(xmllint, ["--noout", path], { encoding: "utf8" });
  return { ok: r.status === 0, message: r.stderr };
}

export function findSoffice(): ToolLookup {
  if (process.env.SOFFICE) return { ok: true, path: process.env.SOFFICE };
  try {
    const path = execFileSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).trim();
    if (path) return { ok: true, path };
  } catch {
    // fall through
  }
  return { ok: false, reason: "LibreOffice is not installed (Debian: apt-get install libreoffice-calc)" };
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

/** Helpers for the demo tests: run the CLI with tsx, find xmllint. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/generated";
import { findSoffice, findXmllint, requireTool } from "../helpers/tools";

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

export { findSoffice, findXmllint, requireTool };

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

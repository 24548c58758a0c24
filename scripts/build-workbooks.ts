/**
 * `npm run build:workbooks` (part of `npm run build`): writes the shareable workbooks,
 *
 *   dist/marginal-bid-model.xlsx          Excel, JPUST.* functions, spills as dynamic arrays
 *   dist/marginal-bid-model-sheets.xlsx   the same for Google Sheets (plain names)
 *   dist/marginal-bid-snapshot.xlsx       the model as values with its as-of stamp: opens anywhere
 *
 * each formula with the value HyperFormula computed for it. `--out DIR` writes them elsewhere.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ROOT } from "./generated";
import { readOptions, runMain } from "./cli";
import { type WorkbookHost, buildModelXlsx, buildSnapshotXlsx } from "../src/hosts/hyperformula/xlsx";
import { VERSION } from "../src/version";

const PROGRAM = "build:workbooks";

/** Write every workbook into `outDir`; the paths written. */
export async function buildWorkbooks(outDir: string, at = new Date()): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const built: { file: string; buffer: Buffer }[] = [];
  for (const host of ["excel", "sheets"] as WorkbookHost[]) built.push(await buildModelXlsx(host));
  built.push(await buildSnapshotXlsx(VERSION, at));
  return built.map(({ file, buffer }) => {
    const path = join(outDir, file);
    writeFileSync(path, buffer);
    console.log(`wrote ${relative(process.cwd(), path) || path} (${(buffer.length / 1024).toFixed(1)} KiB)`);
    return path;
  });
}

if (require.main === module) {
  runMain(PROGRAM, async () => {
    const options = readOptions(PROGRAM, process.argv.slice(2), { values: { out: "DIR" } });
    await buildWorkbooks(typeof options.out === "string" ? resolve(options.out) : join(ROOT, "dist"));
  });
}

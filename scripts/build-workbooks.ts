/**
 * `npm run build:workbooks` (part of `npm run build`): writes the shareable model workbooks,
 * dist/marginal-bid-model.xlsx (Excel, JPUST.* functions) and
 * dist/marginal-bid-model-sheets.xlsx (Google Sheets names), each formula with the value
 * HyperFormula computed for it. `--out DIR` writes them elsewhere (the tests use it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ROOT } from "./generated";
import { type WorkbookHost, buildModelXlsx } from "../src/hosts/hyperformula/xlsx";

async function main() {
  const i = process.argv.indexOf("--out");
  if (i >= 0 && !process.argv[i + 1]) throw new Error("--out needs a directory");
  const outDir = i >= 0 ? resolve(process.argv[i + 1]) : join(ROOT, "dist");
  mkdirSync(outDir, { recursive: true });
  for (const host of ["excel", "sheets"] as WorkbookHost[]) {
    const built = await buildModelXlsx(host);
    const path = join(outDir, built.file);
    writeFileSync(path, built.buffer);
    console.log(`wrote ${relative(process.cwd(), path) || path} (${(built.buffer.length / 1024).toFixed(1)} KiB)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

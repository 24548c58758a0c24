/**
 * `npm run bench`: throughput of the argument layer against plain loops doing the same
 * arithmetic. Figures only; nothing here asserts a time.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { invoke } from "../src/args/invoke";
import { findFunction } from "../src/catalog";
import { bondPrice } from "../src/core/bonds/bullet";
import { medianMs } from "./time";
import { excel } from "../src/hosts/excel/adapter";

const column = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => [f(i)]);


const fmt = (ms: number) => `${ms.toFixed(2).padStart(9)} ms`;
const rate = (n: number, ms: number) => `${((n / ms) * 1e3 / 1e6).toFixed(1).padStart(6)} M cells/s`;

function row(label: string, n: number, ms: number, baseMs?: number) {
  const ratio = baseMs === undefined ? "" : `  ×${(ms / baseMs).toFixed(1)}`;
  console.log(`  ${label.padEnd(44)}${fmt(ms)}  ${rate(n, ms)}${ratio}`);
}

function benchHedgedUst(n: number) {
  const ust = column(n, (i) => 0.03 + (i % 200) * 1e-4);
  const jp = column(n, (i) => (i % 50) * 1e-4);
  const spec = findFunction("HEDGED_UST")!;
  const ustF = Float64Array.from(ust, (r) => r[0]);
  const jpF = Float64Array.from(jp, (r) => r[0]);
  const out = new Float64Array(n);

  console.log(`HEDGED_UST, ${n.toLocaleString("en-US")} cells (ust_yield and jp_short columns, us_short single)`);
  const plain = medianMs(() => {
    for (let i = 0; i < n; i++) out[i] = ustF[i] - 1 * (0.045 - jpF[i] - 0) + 0;
  });
  row("plain loop over Float64Array", n, plain);
  const grid = medianMs(() => {
    const res: number[][] = new Array(n);
    for (let i = 0; i < n; i++) res[i] = [ust[i][0] - (0.045 - jp[i][0])];
    return res;
  });
  row("plain loop, spreadsheet shapes (number[][])", n, grid, plain);
  const layer = medianMs(() => invoke(spec, [ust, 0.045, jp]));
  row("argument layer: invoke(HEDGED_UST)", n, layer, plain);
  console.log(`  → argument layer vs plain Float64Array ×${(layer / plain).toFixed(1)}, vs plain number[][] ×${(layer / grid).toFixed(1)}`);
}

/**
 * The Excel path of one whole-column call: the generated wrapper hands `excel()` the column as
 * Excel passes it (single values as 1×1 matrices, omitted optionals as null); the adapter runs the
 * argument layer and shapes the matrix Excel spills. Compared with a plain loop building the same
 * number[][] (what a hand-written custom function would return).
 */
function benchExcel(n: number) {
  (globalThis as Record<string, unknown>).CustomFunctions ??= {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  const ust = column(n, (i) => 0.03 + (i % 200) * 1e-4);
  console.log(`Excel adapter, HEDGED_UST over ${n.toLocaleString("en-US")} rows (ust_yield a column, us_short and jp_short single)`);
  const plain = medianMs(() => {
    const res: number[][] = new Array(n);
    for (let i = 0; i < n; i++) res[i] = [ust[i][0] - (0.045 - 0.005)];
    return res;
  }, 5);
  row("plain loop building the number[][]", n, plain);
  const viaExcel = medianMs(() => excel("HEDGED_UST", [ust, [[0.045]], [[0.005]], null, null, null]), 5);
  row("excel(HEDGED_UST): argument layer + toExcel", n, viaExcel, plain);
}

function benchBondPrice(n: number) {
  const y = column(n, (i) => -0.005 + (i % 1000) * 1e-4);
  const spec = findFunction("BOND_PRICE")!;
  const yF = Float64Array.from(y, (r) => r[0]);
  const out = new Float64Array(n);
  console.log(`BOND_PRICE, ${n.toLocaleString("en-US")} cells (yield column; coupon 4%, 10 years, semi-annual)`);
  const plain = medianMs(() => {
    for (let i = 0; i < n; i++) out[i] = bondPrice(yF[i], 0.04, 10, 2);
  }, 5);
  row("plain loop over Float64Array (core bondPrice)", n, plain);
  const layer = medianMs(() => invoke(spec, [y, 0.04, 10]), 5);
  row("argument layer: invoke(BOND_PRICE)", n, layer, plain);
}

async function main() {
  for (const n of [1e5, 1e6]) {
    benchHedgedUst(n);
    benchBondPrice(n);
    console.log();
  }
  benchExcel(1e6);
  console.log();

  // Benchmarks of other modules register themselves as bench/<name>.ts exporting bench<Name>().
  for (const name of ["refusals", "sheets", "acm", "chain", "history"]) {
    const file = join(__dirname, `${name}.ts`);
    if (!existsSync(file)) continue;
    const m = (await import(pathToFileURL(file).href)) as Record<string, (() => void) | undefined>;
    m[`bench${name[0].toUpperCase()}${name.slice(1)}`]?.();
  }
}

main();

/**
 * Runs in a bare `node` child started by bench/sheets.ts (transpiled there, no tsx):
 * each measurement gets a new process, as Apps Script starts one for every custom-function call.
 *
 *   cold <Code.js>                        one cold start: a fresh global, Code.js loaded, the first call
 *   path <Code.js> <realm> <rows> <which> HEDGED_UST over a column through Code.js ("sheets"), or the
 *                                         plain loop building the same rows ("plain"), in one realm
 *                                         ("main" or "vm"): the first call, then warm calls
 *
 * Prints one JSON line. Only Node's built-ins: this file is not bundled with anything.
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";

type SheetsFn = (...args: unknown[]) => unknown;

/** HEDGED_UST(ust, us_short, jp_short) with the defaults basis 0, hedge_ratio 1, fx_change 0, by hand. */
function plainHedgedUst(ust: number[][], usShort: number, jp: number[][]): number[][] {
  const n = ust.length;
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [ust[i][0] - 1 * (usShort - jp[i][0] - 0) + (1 - 1) * 0];
  return out;
}

/** The ust_yield and jp_short columns, as a spreadsheet range arrives: one-element rows. */
function columns(rows: number): [number[][], number[][]] {
  const ust = new Array(rows);
  const jp = new Array(rows);
  for (let i = 0; i < rows; i++) {
    ust[i] = [0.03 + (i % 200) * 1e-4];
    jp[i] = [(i % 50) * 1e-4];
  }
  return [ust, jp];
}

const now = () => performance.now();
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function cold(codePath: string): void {
  const code = readFileSync(codePath, "utf8");
  const t0 = now();
  const context = vm.createContext({});
  const t1 = now();
  vm.runInContext(code, context, { filename: "Code.js" });
  const t2 = now();
  const first = (context.HEDGED_UST as SheetsFn)(0.043, 0.045, 0.005);
  const t3 = now();
  (context.HEDGED_UST as SheetsFn)(0.043, 0.045, 0.005);
  const t4 = now();
  console.log(JSON.stringify({ context: t1 - t0, load: t2 - t1, first: t3 - t2, second: t4 - t3, value: first }));
}

/** A call's wall time and the process's CPU time (which other processes on a busy machine do not inflate). */
function timed(f: () => unknown): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = now();
  f();
  const wall = now() - t0;
  const cpu = process.cpuUsage(c0);
  return [wall, (cpu.user + cpu.system) / 1000];
}

function path(codePath: string, realm: string, rows: number, which: string): void {
  const code = readFileSync(codePath, "utf8");
  // Everything the loops touch is made in the realm that runs Code.js, as Apps Script does.
  const context = realm === "vm" ? vm.createContext({}) : null;
  const run = (src: string): unknown => (context ? vm.runInContext(src, context) : vm.runInThisContext(src));
  run(code);
  const sheets = run("HEDGED_UST") as SheetsFn;
  sheets(0.043, 0.045, 0.005); // the core is evaluated: what is timed below is the range call
  const plain = run(`(${plainHedgedUst.toString()})`) as typeof plainHedgedUst;
  const [ust, jp] = (run(`(${columns.toString()})`) as typeof columns)(rows);
  const f = which === "sheets" ? () => sheets(ust, 0.045, jp) : () => plain(ust, 0.045, jp);
  const first = timed(f);
  if (which === "sheets") {
    const viaSheets = sheets(ust, 0.045, jp) as number[][];
    const byHand = plain(ust, 0.045, jp);
    for (let i = 0; i < rows; i++) {
      if (viaSheets[i].length !== 1 || viaSheets[i][0] !== byHand[i][0]) throw new Error(`row ${i + 1}: Code.js gives ${viaSheets[i]}, the plain loop ${byHand[i]}`);
    }
  }
  for (let k = 0; k < 3; k++) f();
  // Calls in a row, each paying for the garbage collection of its own allocations.
  const warm: [number, number][] = [];
  for (let k = 0; k < 15; k++) warm.push(timed(f));
  console.log(JSON.stringify({ first: first[0], firstCpu: first[1], warm: median(warm.map((t) => t[0])), warmCpu: median(warm.map((t) => t[1])) }));
}

const [mode, codePath, realm, rows, which] = process.argv.slice(2);
if (mode === "cold") cold(codePath);
else if (mode === "path") path(codePath, realm, Number(rows), which);
else throw new Error("usage: sheetsProbe cold <Code.js> | path <Code.js> <main|vm> <rows> <plain|sheets>");

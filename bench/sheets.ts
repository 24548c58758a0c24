/**
 * The Google Sheets host as Apps Script runs it, through the built apps-script/build/Code.js:
 *
 * - the cold start of a custom-function call: Apps Script starts a fresh runtime for every call,
 *   loads Code.js and calls the stub, which evaluates the core; measured in a new process each
 *   time (bench/sheetsProbe.ts), the median of several;
 * - the Sheets path itself: HEDGED_UST over a column through Code.js against a plain loop that
 *   builds the same rows in the same realm, in Node's main realm and in a `vm` context.
 *
 * Figures only; the size of Code.js is printed by the build as well.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

const CODE = join(__dirname, "..", "apps-script", "build", "Code.js");
const COLD_STARTS = 21;
const ROWS = 100_000;

/** Run the probe in a bare `node` (no tsx: nothing but Node in the process) and parse its JSON line. */
function probe<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench/sheetsProbe.ts ${args[0]} failed: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

interface ColdStart {
  context: number;
  load: number;
  first: number;
  second: number;
}

function coldStart(script: string): void {
  const runs: ColdStart[] = [];
  for (let i = 0; i < COLD_STARTS; i++) runs.push(probe<ColdStart>(script, ["cold", CODE]));
  const line = (label: string, pick: (r: ColdStart) => number, note = "") =>
    console.log(`  ${label.padEnd(46)}${ms(median(runs.map(pick)))}  (min ${ms(sorted(runs.map(pick))[0]).trim()})${note}`);
  const kb = statSync(CODE).size / 1024;
  console.log(`Sheets cold start: Code.js (${kb.toFixed(1)} KB) in a new process each time, median of ${COLD_STARTS}`);
  line("fresh global (vm.createContext, not ours)", (r) => r.context);
  line("load Code.js (compile, run the top level)", (r) => r.load);
  line("first call HEDGED_UST (evaluates the core)", (r) => r.first);
  line("load + first call", (r) => r.load + r.first, "  target < 5 ms");
  line("second call in the same runtime", (r) => r.second);
}

interface PathRun {
  first: number;
  firstCpu: number;
  warm: number;
  warmCpu: number;
}

function sheetsPath(script: string): void {
  console.log(`HEDGED_UST over ${ROWS.toLocaleString("en-US")} rows: Code.js against a plain loop building the same rows in the same realm, each in its own`);
  console.log("process: the first call (as Apps Script makes every call), then the median of 15 calls in a row; process CPU in brackets");
  const cell = (r: PathRun, key: "first" | "warm") => `${ms(r[key])} [${ms(r[`${key}Cpu`]).trim()}]`;
  for (const [realm, label] of [
    ["main", "Node's main realm"],
    ["vm", "a vm context"],
  ]) {
    const plain = probe<PathRun>(script, ["path", CODE, realm, String(ROWS), "plain"]);
    const sheets = probe<PathRun>(script, ["path", CODE, realm, String(ROWS), "sheets"]);
    console.log(`  ${label}`);
    for (const [key, what] of [
      ["first", "first call"],
      ["warm", "warm"],
    ] as const) {
      const ratio = `×${(sheets[key] / plain[key]).toFixed(1)} [×${(sheets[`${key}Cpu`] / plain[`${key}Cpu`]).toFixed(1)}]`;
      console.log(`    ${what.padEnd(18)} plain ${cell(plain, key)}  Code.js ${cell(sheets, key)}  ${ratio}  (target ≤ ×3)`);
    }
  }
}

export function benchSheets(): void {
  if (!existsSync(CODE)) {
    console.log("Sheets: apps-script/build/Code.js is missing, build it first (`npm run build:sheets`)\n");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "marginal-bid-bench-"));
  try {
    const source = readFileSync(join(__dirname, "sheetsProbe.ts"), "utf8");
    const script = join(dir, "sheetsProbe.js");
    writeFileSync(script, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } }).outputText);
    coldStart(script);
    sheetsPath(script);
    console.log();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

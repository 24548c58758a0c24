/**
 * Benchmark: the transmission functions through the argument layer, as a host calls them:
 * CHAIN once, CHAIN_SENSITIVITY at the most points it takes (1001), CHAIN_COMPARE with 20
 * scenarios, HIKE_PROBABILITY down a column of a million implied rates; and the model sheet
 * loaded and recalculated in HyperFormula (what the demo and the workbook build do).
 *
 *   npx tsx bench/chain.ts
 */
import { invoke } from "../src/args/invoke";
import { findFunction } from "../src/catalog";
import { loadModelWorkbook } from "../src/hosts/hyperformula/workbook";
import { medianMs } from "./time";

const LIFER = [
  ["hedge_ratio", 0.6],
  ["fx_response", -0.04],
  ["bid_elasticity_bn", 50],
];

const line = (label: string, ms: number, extra = "") => console.log(`  ${label.padEnd(58)}${ms.toFixed(2).padStart(9)} ms${extra}`);

export function benchChain(): void {
  const fn = (name: string) => findFunction(name)!;
  console.log("The transmission functions (median of 7 runs, after a warm-up)");
  line("CHAIN, the lifer's block", medianMs(() => invoke(fn("CHAIN"), [LIFER])));
  const sweep = medianMs(() => invoke(fn("CHAIN_SENSITIVITY"), [LIFER, "hike_bp", 0, 200, 1001]));
  line("CHAIN_SENSITIVITY, hike_bp 0–200 in 1001 points", sweep, `  (${((sweep / 1001) * 1000).toFixed(1)} µs a point)`);
  const names = ["input", ...Array.from({ length: 20 }, (_, k) => `hike ${5 * k}bp`)];
  const block = [names, ["hike_bp", ...Array.from({ length: 20 }, (_, k) => 5 * k)], ...LIFER.map(([k, v]) => [k, ...new Array(20).fill(v)])];
  line("CHAIN_COMPARE, 20 scenarios", medianMs(() => invoke(fn("CHAIN_COMPARE"), [block])));
  const n = 1_000_000;
  const implied = Array.from({ length: n }, (_, i) => [0.005 + (i % 1000) * 1e-6]);
  const hp = medianMs(() => invoke(fn("HIKE_PROBABILITY"), [implied, 0.005]), 5);
  line(`HIKE_PROBABILITY, ${n.toLocaleString("en-US")} cells`, hp, `  (${(n / hp / 1e3).toFixed(1)} M cells/s)`);
  const load = medianMs(() => loadModelWorkbook().destroy(), 3);
  line("model sheet: load into HyperFormula and recalculate (demo start)", load);
  console.log();
}

if (require.main === module) benchChain();

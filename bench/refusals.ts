/**
 * How long a refused call takes: an absurd maturity must come back as `#VALUE!` at once, not
 * after walking 10^15 coupon dates (the table's MAX_YEARS is what bounds a cell's work).
 */
import { invoke } from "../src/args/invoke";
import { findFunction } from "../src/catalog";

export function benchRefusals(): void {
  console.log("Refusing years = 1e15 (more than MAX_YEARS), one call, median of 101");
  for (const name of ["BOND_PRICE", "BOND_DURATION", "BOND_CONVEXITY"]) {
    const spec = findFunction(name)!;
    const t: number[] = [];
    for (let k = 0; k < 101; k++) {
      const t0 = performance.now();
      invoke(spec, [0.04, 0.04, 1e15]);
      t.push(performance.now() - t0);
    }
    const ms = t.sort((a, b) => a - b)[50];
    console.log(`  ${name.padEnd(16)}${(ms * 1000).toFixed(1).padStart(8)} µs`);
  }
  console.log();
}

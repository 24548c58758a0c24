import { SheetError, invalid, show } from "../errors";
import { type Cell, type Table, round15 } from "../table";
import { CHAIN_DEFAULTS, type ChainInput, type ChainInputs, chainOrError, chainState, changeCell, peChangeCell, scenarioCell } from "../scenarios/chain";
import { MAX_SEED, NormalGenerator } from "./random";

export const FAN_HEADER = ["statistic", "term_premium_change", "us_10y", "pe_change_growth"] as const;
export const FAN_MIN_DRAWS = 100;
export const FAN_MAX_DRAWS = 100000;
export const FAN_DEFAULT_DRAWS = 2000;
export const FAN_DEFAULT_SEED = 1;

/** The percentiles CHAIN_FAN shows, in per cent (PERCENTILE.INC of the draws). */
const PERCENTILES = [5, 25, 50, 75, 95] as const;

/** CHAIN's inputs in CHAIN_INPUTS' order: the order in which each draw takes its normals. */
const INPUT_ORDER = Object.keys(CHAIN_DEFAULTS) as ChainInput[];

/** One row of a calibration table: CALIBRATE_CHAIN's, or typed by hand. */
export interface CalibrationRow {
  parameter: string;
  estimate: Cell;
  std_error: Cell;
}

interface Drawn {
  name: ChainInput;
  estimate: number;
  se: number;
}

/**
 * CHAIN_FAN: CHAIN's uncertainty from the calibration's. Each draw sets every parameter of
 * `calibration` to `estimate + std_error·z`, z independent standard normals from
 * `NormalGenerator(seed)` (bit-identical in every engine), taken draw by draw and, within a draw,
 * one per parameter in CHAIN_INPUTS' order (whatever the order of the calibration's rows), so a
 * parameter with std_error 0 still takes its z and the others' draws do not shift. The drawn
 * value replaces the input as drawn (no unit-slip checks). Drawing bid_elasticity_bn drops a
 * bid_cut from `inputs`; drawing bid_cut drops a bid_elasticity_bn (as CHAIN_SENSITIVITY does);
 * drawing both is refused.
 *
 * Columns: CHAIN's term_premium_change change, us_10y after and pe_change_growth change, each
 * exactly CHAIN's cell for the drawn inputs (the same code, `chainState`, without building the
 * table). A draw whose cell is an error, or whose inputs CHAIN refuses as a whole (a drawn bid_cut
 * outside 0..1), is a failed draw of that column and left out of its statistics.
 *
 * Rows: p05, p25, p50, p75, p95 (Excel's PERCENTILE.INC: rank h = (m − 1)·p over the m sorted
 * values, linear between neighbours), mean, the share of the draws with a US 10y that falls in
 * scenario A, B and C (us_10y column only), and failed_draws per column.
 *
 * The whole result is one `#VALUE!` for: a calibration row whose estimate or std_error is not a
 * number or whose std_error is negative (naming the parameter), an unknown or repeated parameter,
 * draws outside 100..100,000 or not whole, a seed outside 0..2,147,483,647 or not whole, and inputs
 * that CHAIN refuses at the estimates themselves (CHAIN's own message).
 */
export function chainFan(inputs: Partial<ChainInputs>, calibration: readonly CalibrationRow[], draws = FAN_DEFAULT_DRAWS, seed = FAN_DEFAULT_SEED): Table {
  if (!Number.isInteger(draws) || draws < FAN_MIN_DRAWS || draws > FAN_MAX_DRAWS) invalid(`draws = ${show(draws)} must be a whole number from 100 to 100,000`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) invalid(`seed = ${show(seed)} must be a whole number from 0 to 2,147,483,647`);
  const drawn = readCalibration(calibration);

  const base: Partial<ChainInputs> = { ...inputs };
  const drawnNames = new Set(drawn.map((d) => d.name));
  if (drawnNames.has("bid_elasticity_bn") && drawnNames.has("bid_cut")) {
    invalid("calibration draws both bid_cut and bid_elasticity_bn: CHAIN either takes the bid cut as given or derives it from the elasticity; keep one of the two rows");
  }
  if (drawnNames.has("bid_elasticity_bn")) delete base.bid_cut;
  if (drawnNames.has("bid_cut")) delete base.bid_elasticity_bn;

  // Inputs CHAIN refuses even at the estimates are the user's to fix, not failed draws.
  const central: Partial<ChainInputs> = { ...base };
  for (const d of drawn) (central as Record<string, number>)[d.name] = d.estimate;
  const atEstimates = chainOrError(central);
  if (atEstimates instanceof SheetError) throw atEstimates;

  const gen = new NormalGenerator(seed);
  const columns = [new Column(draws), new Column(draws), new Column(draws)];
  const scenarios: Record<string, number> = { A: 0, B: 0, C: 0 };
  const p: Record<string, number | string> = { ...base };
  for (let i = 0; i < draws; i++) {
    for (let j = 0; j < drawn.length; j++) {
      const d = drawn[j];
      const z = gen.nextNormal(); // taken even when se is 0, so the other parameters' draws do not shift
      p[d.name] = d.se === 0 ? d.estimate : d.estimate + d.se * z; // se 0: the estimate itself (−0 stays −0)
    }
    let s;
    try {
      s = chainState(p as Partial<ChainInputs>);
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      for (const c of columns) c.fail(e);
      continue;
    }
    columns[0].add(changeCell(s.tpChange));
    columns[1].add(round15(s.us10yAfter)); // CHAIN's us_10y after (movedRow rounds it so)
    columns[2].add(changeCell(peChangeCell(s, "growth_growth")));
    const label = scenarioCell(s.us10yAfter);
    if (typeof label === "string") scenarios[label]++;
  }

  const out: Table = [[...FAN_HEADER]];
  const stats = columns.map((c) => c.statistics());
  PERCENTILES.forEach((pc, k) => out.push([`p${pc < 10 ? "0" : ""}${pc}`, ...stats.map((st) => st.percentiles[k])]));
  out.push(["mean", ...stats.map((st) => st.mean)]);
  const usOk = columns[1].count;
  for (const id of ["A", "B", "C"]) {
    const share: Cell = usOk > 0 ? round15(scenarios[id] / usOk) : columns[1].noneError("us_10y");
    out.push([`scenario ${id}`, "", share, ""]);
  }
  out.push(["failed_draws", ...columns.map((c) => draws - c.count)]);
  return out;
}

/** The calibration's rows as parameters to draw, in CHAIN_INPUTS' order; every refusal names the parameter. */
function readCalibration(calibration: readonly CalibrationRow[]): Drawn[] {
  const byName = new Map<string, Drawn>();
  calibration.forEach((row, i) => {
    const raw = row.parameter;
    const name = typeof raw === "string" ? raw.trim().toLowerCase() : "";
    if (name === "") {
      if (row.estimate === "" && row.std_error === "") return; // a blank row of a typed block
      invalid(`calibration row ${i + 1} has an estimate or std_error but no parameter name`);
    }
    if (!(INPUT_ORDER as string[]).includes(name)) {
      invalid(`calibration: "${raw}" is not a CHAIN input, so CHAIN_FAN cannot draw it: the names are ${INPUT_ORDER.join(", ")}`);
    }
    if (byName.has(name)) invalid(`calibration: the parameter "${name}" is given twice: give each parameter once`);
    const estimate = numberOf(row.estimate, name, "estimate");
    const se = numberOf(row.std_error, name, "std_error");
    if (se < 0) invalid(`calibration: the std_error of ${name} is ${show(se)}: a standard error cannot be negative`);
    byName.set(name, { name: name as ChainInput, estimate, se });
  });
  return INPUT_ORDER.filter((n) => byName.has(n)).map((n) => byName.get(n)!);
}

function numberOf(v: Cell, name: string, what: string): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const seen = v instanceof SheetError ? `${v.code} (${v.message})` : v === "" ? "blank" : show(v);
  return invalid(`calibration: the ${what} of ${name} is ${seen}, not a number (a link CALIBRATE_CHAIN could not estimate cannot be drawn: remove its row or type a value)`);
}

/** One output column's successful draws and its first failure. */
class Column {
  private values: Float64Array;
  count = 0;
  private firstFailure: SheetError | null = null;

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  add(c: Cell): void {
    if (typeof c === "number" && Number.isFinite(c)) this.values[this.count++] = c;
    else this.fail(c instanceof SheetError ? c : new SheetError("num", `the value ${show(c)} is not a finite number`));
  }

  fail(e: SheetError): void {
    this.firstFailure ??= e;
  }

  noneError(what: string): SheetError {
    return new SheetError("num", `no draw gave a ${what}${this.firstFailure ? `: the first failed with ${this.firstFailure.code} ${this.firstFailure.message}` : ""}`);
  }

  statistics(): { percentiles: Cell[]; mean: Cell } {
    const m = this.count;
    if (m === 0) {
      const e = this.noneError("value for this column");
      return { percentiles: PERCENTILES.map(() => e), mean: e };
    }
    const v = this.values.subarray(0, m).sort();
    const percentiles = PERCENTILES.map((pc) => round15(percentileInc(v, pc)));
    // Shifted by the first value and compensated (Neumaier): identical draws give that value exactly.
    const shift = v[0];
    let sum = 0;
    let comp = 0;
    for (let i = 0; i < m; i++) {
      const x = v[i] - shift;
      const t = sum + x;
      comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
      sum = t;
    }
    const offset = (sum + comp) / m;
    return { percentiles, mean: round15(offset === 0 ? shift : shift + offset) }; // −0 stays −0, as CHAIN's cell
  }
}

/**
 * Excel's PERCENTILE.INC of sorted values at `percent`/100: rank h = (m − 1)·percent/100, the value
 * at ⌊h⌋ plus the fraction of the step to the next. The rank is split in whole numbers, so a rank
 * that is whole (m = 2001 at 5%: 100) is never read as 99.99999.
 */
export function percentileInc(sorted: ArrayLike<number>, percent: number): number {
  const m = sorted.length;
  const scaled = (m - 1) * percent; // a whole number: percent is whole
  const lo = Math.floor(scaled / 100);
  const rest = scaled - 100 * lo;
  if (rest === 0 || lo + 1 >= m || sorted[lo] === sorted[lo + 1]) return sorted[lo];
  return sorted[lo] + (rest / 100) * (sorted[lo + 1] - sorted[lo]);
}

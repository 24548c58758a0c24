import { SheetError, invalid, show } from "../errors";
import { type Cell, type Table, round15 } from "../table";
import { MAX_REGRESSORS, type OlsFit, ols } from "./ols";

/** z of a two-sided 95% interval, Φ⁻¹(0.975) (the contract's constant). */
export const Z95 = 1.959963984540054;

export const REGRESS_HEADER = ["term", "estimate", "std_error", "t_stat", "ci_low", "ci_high"] as const;

export interface RegressOptions {
  /** TRUE: a first term "intercept" (REGRESS's default). */
  intercept: boolean;
  /** Newey–West lags; omitted: ⌊4·(n/100)^(2/9)⌋ of the rows used. */
  hacLags?: number;
}

/** t = estimate/std_error; a std_error of 0 (an exact fit) has no finite t: `#NUM!` naming the term. */
export function tStat(term: string, estimate: number, stdError: number): number | SheetError {
  if (stdError === 0) return new SheetError("num", `t_stat of ${term}: its std_error is 0 (the fit is exact), so estimate/std_error is not a finite number`);
  return round15(estimate / stdError);
}

/**
 * REGRESS's spilled table from rows already read as numbers: ordinary least squares of `y` on the
 * columns of `X` with Newey–West standard errors (see `ols`). Header
 * `["term","estimate","std_error","t_stat","ci_low","ci_high"]`, a row per term (`"intercept"`
 * first when `opts.intercept`), then `["r2", R², "", …]`, `["n", n, "", …]` and
 * `["hac_lags", L, "", …]`; ci = estimate ± 1.959963984540054·std_error.
 *
 * @param names the x columns' names (a header row's), or omitted/empty for x1…xk
 */
export function regressTable(y: readonly number[], X: readonly (readonly number[])[], names: readonly string[] | undefined, opts: RegressOptions): Table {
  const k = X.length > 0 ? X[0].length : (names?.length ?? 0);
  checkColumnCount(k);
  const xNames = names && names.length === k ? names.slice() : Array.from({ length: k }, (_, i) => `x${i + 1}`);
  const fit = ols(y, X, { intercept: opts.intercept, hacLags: opts.hacLags, names: xNames });
  return fitTable(fit, opts.intercept ? ["intercept", ...xNames] : xNames);
}

function checkColumnCount(k: number): void {
  if (k < 1 || k > MAX_REGRESSORS) invalid(`x has ${k} column${k === 1 ? "" : "s"}: REGRESS takes 1 to ${MAX_REGRESSORS} columns of regressors`);
}

function fitTable(fit: OlsFit, terms: readonly string[]): Table {
  const out: Table = [[...REGRESS_HEADER]];
  for (let j = 0; j < fit.terms; j++) {
    const b = fit.beta[j];
    const s = fit.se[j];
    out.push([terms[j], round15(b), round15(s), tStat(terms[j], b, s), round15(b - Z95 * s), round15(b + Z95 * s)]);
  }
  out.push(["r2", typeof fit.r2 === "number" ? round15(fit.r2) : fit.r2, "", "", "", ""]);
  out.push(["n", fit.n, "", "", "", ""]);
  out.push(["hac_lags", fit.lags, "", "", "", ""]);
  return out;
}

/** The rows REGRESS uses, in their order, and where each came from (0-based index in the cells given). */
export interface UsedRows {
  y: number[];
  X: number[][];
  rows: number[];
}

/**
 * REGRESS's row rule over cells the argument layer has already read: each cell is a number,
 * `""` (blank, or text that is empty) or the SheetError the argument layer built for it (a text
 * that is not a number, a boolean, an error value), carrying its row and column. A row with an
 * error anywhere throws that error (the first in reading order: y, then x left to right; an error
 * is reported even in a row with a blank); otherwise a row with a blank anywhere is dropped.
 */
export function usedRows(yCells: readonly Cell[], xCells: readonly (readonly Cell[])[]): UsedRows {
  if (xCells.length !== yCells.length) invalid(`y has ${yCells.length} rows and x has ${xCells.length}: give them the same number of rows`);
  const out: UsedRows = { y: [], X: [], rows: [] };
  const k = xCells.length > 0 ? xCells[0].length : 0;
  for (let r = 0; r < yCells.length; r++) {
    const xr = xCells[r];
    if (xr.length !== k) invalid(`x row ${r + 1} has ${xr.length} cells, the first has ${k}`);
    let blank = false;
    const cells: Cell[] = [yCells[r]];
    for (let c = 0; c < k; c++) cells.push(xr[c]);
    for (const v of cells) {
      if (v instanceof SheetError) throw v;
      if (v === "") blank = true;
      else if (typeof v !== "number" || !Number.isFinite(v)) invalid(`REGRESS: row ${r + 1} holds ${show(v)}, not a number`);
    }
    if (blank) continue;
    out.y.push(cells[0] as number);
    out.X.push(cells.slice(1) as number[]);
    out.rows.push(r);
  }
  return out;
}

/**
 * REGRESS from read cells (see `usedRows`) to its table. `names`: the x columns' header names
 * when the argument layer found a header row (see `headerNames`), else x1…xk.
 */
export function regressRows(yCells: readonly Cell[], xCells: readonly (readonly Cell[])[], opts: RegressOptions & { names?: readonly string[] }): Table {
  checkColumnCount(xCells.length > 0 ? xCells[0].length : (opts.names?.length ?? 0));
  const used = usedRows(yCells, xCells);
  const k = xCells.length > 0 ? xCells[0].length : 0;
  return regressTable(used.y, used.X, opts.names ?? Array.from({ length: k }, (_, i) => `x${i + 1}`), opts);
}

/**
 * REGRESS's header rule: the first row is a header when every cell of it, in y and in x, is
 * non-empty text that does not read as a number. Returns the x columns' names (trimmed), or
 * null when the first row is data. `readsAsNumber` is the argument layer's own test ("4.3%" reads).
 */
export function headerNames(yFirst: unknown, xFirst: readonly unknown[], readsAsNumber: (text: string) => boolean): string[] | null {
  const isName = (v: unknown) => typeof v === "string" && v.trim() !== "" && !readsAsNumber(v);
  if (!isName(yFirst)) return null;
  for (const v of xFirst) if (!isName(v)) return null;
  return xFirst.map((v) => (v as string).trim());
}

/**
 * THE pipeline every call of every function runs, in every host: read and check the arguments
 * exactly as the host passed them, then either compute (a core function, broadcast over ranges)
 * or, for a live-data function, plan → the host's fetcher → compute. Whether a function is live,
 * and what it answers where nothing can fetch, is decided here and nowhere else.
 */
import { SheetError, invalid, show } from "../core/errors";
import type { Cell, Table } from "../core/table";
import type { Fetcher, SyncFetcherLike } from "../sources/fetcher";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { BLANK, type Coerced, checkNumber, coerceCell, isBlank, takesPlainNumbers } from "./coerce";
import { readNamedInputs, readNamedScenarios } from "./blocks";
import { readDataBlock } from "./data";
import { type Grid, broadcastShape, shapeText, toGrid } from "./grid";
import type { Callable, LiveCall } from "./callable";
import type { ParamSpec, Signature } from "./kinds";
import type { Result } from "./result";

export type { Callable } from "./callable";
export type { Result } from "./result";

type Impl = (...a: unknown[]) => unknown;

/** A whole range read as a list: blanks skipped, any bad cell fails the call (it is one input). */
export function coerceList(raw: unknown, p: ParamSpec): number[] {
  const g = toGrid(raw, p.name);
  const out: number[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = coerceCell(g.cells[r][c], p, g.single ? "" : ` (item ${r * g.cols + c + 1})`);
      if (v === BLANK) continue;
      if (v instanceof SheetError) throw v;
      if (typeof v !== "number") invalid(`${p.name} = ${show(v)} is not a number`);
      out.push(v);
    }
  }
  return out;
}

/**
 * A row or a column (or a single value), each cell read with the parameter's kind, in order; a
 * blank cell stays `""` where it is (the function pairs cells of two vectors), any bad cell fails
 * the call, naming its place.
 */
export function coerceVector(raw: unknown, p: ParamSpec): unknown[] {
  const g = toGrid(raw, p.name);
  if (g.rows > 1 && g.cols > 1) invalid(`${p.name} must be a row or a column, not a ${shapeText(g)} range`);
  const out: unknown[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = coerceCell(g.cells[r][c], p, g.single ? "" : ` (item ${r * g.cols + c + 1})`);
      if (v instanceof SheetError) throw v;
      out.push(v === BLANK ? "" : v);
    }
  }
  return out;
}

/** A numeric block (e.g. a yield panel): every cell must be a number. */
export function coerceMatrix(raw: unknown, p: ParamSpec): number[][] {
  const g = toGrid(raw, p.name);
  const out: number[][] = [];
  for (let r = 0; r < g.rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < g.cols; c++) {
      const where = ` (row ${r + 1}, column ${c + 1})`;
      const v = coerceCell(g.cells[r][c], p, where);
      if (v === BLANK) invalid(`${p.name}${where} is blank: the block must be complete`);
      if (v instanceof SheetError) throw v;
      if (typeof v !== "number") invalid(`${p.name}${where} = ${show(v)} is not a number`);
      row.push(v);
    }
    out.push(row);
  }
  return out;
}

/** One cell of a broadcast argument; a blank optional one takes its default. */
function readCell(g: Grid, p: ParamSpec, r: number, c: number): Coerced {
  const raw = g.cells[r][c];
  // Fast path: a number that passes its checks; the located message is built only on failure.
  if (typeof raw === "number" && takesPlainNumbers(p)) {
    const x = checkNumber(raw, p);
    if (typeof x === "number") return x;
  }
  const v = coerceCell(raw, p, g.single ? "" : ` (row ${r + 1}, column ${c + 1})`);
  return v === BLANK && p.optional ? (p.default as Coerced) : v;
}

function readWhole(raw: unknown, p: ParamSpec): unknown {
  // A blank block of named inputs is an empty one: every name takes its default.
  if (isBlank(raw) && p.shape === "inputs") return {};
  if (isBlank(raw)) {
    if (p.optional) return p.default;
    invalid(`${p.name} is required`);
  }
  switch (p.shape) {
    case "list":
      return coerceList(raw, p);
    case "vector":
      return coerceVector(raw, p);
    case "matrix":
      return coerceMatrix(raw, p);
    case "inputs":
      return readNamedInputs(raw, p);
    case "scenarios":
      return readNamedScenarios(raw, p);
    case "data":
      return readDataBlock(raw, p);
    default:
      throw new Error(`unknown shape ${p.shape}`);
  }
}

/** Call with a fixed arity: avoids spreading an array for every cell of a large range. */
function applyImpl(f: Impl, a: unknown[]): unknown {
  switch (a.length) {
    case 0:
      return f();
    case 1:
      return f(a[0]);
    case 2:
      return f(a[0], a[1]);
    case 3:
      return f(a[0], a[1], a[2]);
    case 4:
      return f(a[0], a[1], a[2], a[3]);
    case 5:
      return f(a[0], a[1], a[2], a[3], a[4]);
    case 6:
      return f(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7:
      return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    default:
      return f(...a);
  }
}

/** One cell's result: a finite number or text; anything else says what went wrong. */
function asCell(spec: Signature, y: unknown): Cell {
  if (typeof y === "number") {
    return Number.isFinite(y) ? y : new SheetError("num", `${spec.name}: the result is not a finite number for these inputs`);
  }
  if (typeof y === "string") return y;
  return new SheetError("value", `${spec.name}: unexpected result ${show(y)}`);
}

function callOne(spec: Signature, impl: Impl, args: unknown[]): Cell {
  try {
    return asCell(spec, applyImpl(impl, args));
  } catch (e) {
    return asSheetError(spec, e);
  }
}

function asSheetError(spec: Signature, e: unknown): SheetError {
  if (e instanceof SheetError) return e;
  return new SheetError("value", `${spec.name}: ${e instanceof Error ? e.message : String(e)}`);
}

/** What a computation gave, as a host shows it: a table's NaN/Infinity become `#NUM!` cells; a cell is checked. */
export function asResult(spec: Signature, y: unknown): Result {
  if (spec.result !== "table") return asCell(spec, y);
  if (!Array.isArray(y)) invalid(`${spec.name}: expected a table`);
  return (y as Table).map((row) => row.map((v) => (typeof v === "number" && !Number.isFinite(v) ? new SheetError("num", `${spec.name}: not a finite number`) : v)));
}

/** Run `f` as every function runs: whatever it throws becomes the SheetError the cell shows. */
export function guarded<T>(spec: Signature, f: () => T): T | SheetError {
  try {
    return f();
  } catch (e) {
    return asSheetError(spec, e);
  }
}

/** The `#N/A` of a live function where nothing can fetch (the embedded engine without a data folder). */
export function noFetcherError(spec: Signature): SheetError {
  return new SheetError(
    "na",
    `${spec.name} reads live data and needs a host that can fetch it (Excel with the marginal-bid proxy, Google Sheets, or the demo with --data): nothing was fetched here`,
  );
}

/**
 * A broadcast call: the per-cell arguments (`grids[k]` read for `params[k]`, passed at
 * `args[argAt[k]]`), which of them are ranges (`varying`) and what the single values gave.
 * Plain data for module-level functions rather than closures made per call: the optimised code
 * of one call's closure would not fit the next call's (measured with `npm run bench`).
 */
interface Broadcast {
  spec: Signature;
  impl: Impl;
  args: unknown[];
  grids: Grid[];
  params: ParamSpec[];
  argAt: number[];
  varying: number[];
  /** The first bad single value (in parameter order) and its index, or null and Infinity. */
  failure: SheetError | null;
  failureAt: number;
  /** A single value is blank: every output cell is blank. */
  blank: boolean;
}

/** Single values are read once, into `args`; ranges are listed in `varying`, read cell by cell. */
function readSingleValues(b: Broadcast): void {
  for (let k = 0; k < b.grids.length; k++) {
    const g = b.grids[k];
    if (g.rows * g.cols > 1) {
      b.varying.push(k);
      continue;
    }
    const v = readCell(g, b.params[k], 0, 0);
    if (v === BLANK) b.blank = true;
    else if (v instanceof SheetError) {
      if (b.failure === null) {
        b.failure = v;
        b.failureAt = k;
      }
    } else b.args[b.argAt[k]] = v;
  }
}

/** One output cell: the first bad argument (in parameter order) names the error, a blank one gives a blank. */
function cellAt(b: Broadcast, r: number, c: number): Cell {
  let failure = b.failure;
  let failureAt = b.failureAt;
  let blank = b.blank;
  for (let v = 0; v < b.varying.length; v++) {
    const k = b.varying[v];
    const g = b.grids[k];
    const x = readCell(g, b.params[k], g.rows === 1 ? 0 : r, g.cols === 1 ? 0 : c);
    if (x === BLANK) blank = true;
    else if (x instanceof SheetError) {
      if (k < failureAt) {
        failure = x;
        failureAt = k;
      }
    } else b.args[b.argAt[k]] = x;
  }
  return failure ?? (blank ? "" : callOne(b.spec, b.impl, b.args));
}

/** Every output cell, row by row (a loop of its own, which the optimiser compiles with cellAt inlined). */
function spill(b: Broadcast, rows: number, cols: number): Table {
  const out: Table = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // A column (the common case) gets packed one-element rows, as a hand-written loop would build.
    if (cols === 1) {
      out[r] = [cellAt(b, r, 0)];
      continue;
    }
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) row.push(cellAt(b, r, c));
    out[r] = row;
  }
  return out;
}

/**
 * Call a catalog function with the arguments exactly as a host passed them.
 * Never throws: a problem with the call as a whole comes back as a single SheetError,
 * a problem with one cell of a range as that cell's SheetError. A live function's arguments
 * are read and checked, then it runs with `fetcher` (the host's), or answers the one offline
 * `#N/A` without one. The answer is a Promise only when the fetcher's is.
 * A table comes new from every call: the host may rewrite its cells in place.
 */
export function invoke(spec: Callable, raws: readonly unknown[], fetcher?: SyncFetcherLike | (() => SyncFetcherLike)): Result;
export function invoke(spec: Callable, raws: readonly unknown[], fetcher?: Fetcher | (() => Fetcher)): Result | Promise<Result>;
export function invoke(spec: Callable, raws: readonly unknown[], fetcher?: Fetcher | (() => Fetcher)): Result | Promise<Result> {
  // A host may hand a factory: its fetcher is then built only for a live function.
  if (spec.live) return invokeLive(spec, spec.live, raws, typeof fetcher === "function" ? fetcher : () => fetcher);
  return guarded(spec, () => invokeUnsafe(spec, raws));
}

/** `f` of a value or, when it is a Promise, of what it resolves to; a rejection is the function's `#N/A`. */
function then<T>(spec: Signature, x: T | Promise<T>, f: (v: T) => Result | Promise<Result>): Result | Promise<Result> {
  if (x !== null && typeof (x as { then?: unknown }).then === "function") {
    return (x as Promise<T>).then(f, (e: unknown) => new SheetError("na", `${spec.name}: ${e instanceof Error ? e.message : String(e)}`));
  }
  return f(x as T);
}

function invokeLive(spec: Callable, live: LiveCall, raws: readonly unknown[], makeFetcher: () => Fetcher | undefined): Result | Promise<Result> {
  const args = guarded(spec, () => readSingleArgs(spec, raws));
  if (args instanceof SheetError) return args;
  const fetcher = guarded(spec, makeFetcher);
  if (fetcher instanceof SheetError) return fetcher;
  if (!fetcher) return noFetcherError(spec);
  const run = live as unknown as { plan(a: unknown[], c: PlanContext): PlanItem[]; compute(a: unknown[], r: readonly Reply[], c: PlanContext): unknown };
  return then(spec, guarded(spec, () => fetcher.context()), (ctx) => {
    if (ctx instanceof SheetError) return ctx;
    const items = guarded(spec, () => run.plan(args, ctx));
    if (items instanceof SheetError) return items;
    return then(spec, fetcher.replies(items), (replies) => guarded(spec, () => asResult(spec, run.compute(args, replies, ctx))));
  });
}

function checkArity(spec: Signature, raws: readonly unknown[]): void {
  let given = raws.length;
  while (given > 0 && raws[given - 1] === undefined) given--;
  if (given > spec.params.length) invalid(`${spec.name} takes at most ${spec.params.length} arguments, got ${given}`);
}

/**
 * The arguments of a function that takes one value per argument (a table or a live-data
 * function): read and checked, defaults filled in, in parameter order. Throws the first error.
 */
export function readSingleArgs(spec: Signature, raws: readonly unknown[]): unknown[] {
  checkArity(spec, raws);
  const args: unknown[] = new Array(spec.params.length);
  spec.params.forEach((p, i) => {
    if (p.kind === "any") return; // never read, whatever its shape
    if ((p.shape ?? "cell") !== "cell") {
      args[i] = readWhole(raws[i], p);
      return;
    }
    const g = toGrid(raws[i], p.name);
    if (!g.single) invalid(`${spec.name} ${spec.result === "table" ? "spills a table" : "takes one value per argument"}: give ${p.name} as a single value, not a ${shapeText(g)} range`);
    const v = coerceCell(g.cells[0][0], p);
    if (v instanceof SheetError) throw v;
    if (v !== BLANK) args[i] = v;
    else if (p.optional) args[i] = p.default;
    else invalid(`${p.name} is required`);
  });
  return args;
}

function invokeUnsafe(spec: Callable, raws: readonly unknown[]): Result {
  const impl = spec.impl as Impl;
  if (spec.result === "table") return asResult(spec, applyImpl(impl, readSingleArgs(spec, raws)));
  checkArity(spec, raws);

  const params = spec.params;
  const cellIdx: number[] = [];
  const args: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    // An omitted required argument (Sheets: `=HEDGE_COST(4.5%)`) is refused, never a silent blank; a blank cell stays a blank.
    if (!p.optional && raws[i] === undefined) invalid(`${p.name} is required`);
    if ((p.shape ?? "cell") === "cell") cellIdx.push(i);
    else args[i] = readWhole(raws[i], p);
  }

  const grids = cellIdx.map((i) => toGrid(raws[i], params[i].name));
  const names = cellIdx.map((i) => params[i].name);
  const { rows, cols } = broadcastShape(grids, names);
  const singleResult = grids.every((g) => g.rows === 1 && g.cols === 1);

  const b: Broadcast = { spec, impl, args, grids, params: cellIdx.map((i) => params[i]), argAt: cellIdx, varying: [], failure: null, failureAt: Infinity, blank: false };
  readSingleValues(b);
  const out = spill(b, rows, cols);
  return singleResult ? out[0][0] : out;
}

import { SheetError, invalid, show } from "../core/errors";
import type { Cell, Table } from "../core/table";
import { BLANK, type Coerced, checkNumber, coerceCell, isBlank } from "./coerce";
import { type Grid, broadcastShape, shapeText, toGrid } from "./grid";
import type { Callable } from "./callable";
import type { ParamSpec } from "./kinds";

/** What a function gives a host: one cell, or a block to spill. */
export type Result = Cell | Table;

/** A whole range read as a list: blanks skipped, any bad cell fails the call (it is one input). */
export function coerceList(raw: unknown, p: ParamSpec): number[] {
  const g = toGrid(raw, p.name);
  const out: number[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = coerceCell(g.at(r, c), p, g.single ? "" : ` (item ${r * g.cols + c + 1})`);
      if (v === BLANK) continue;
      if (v instanceof SheetError) throw v;
      if (typeof v !== "number") invalid(`${p.name} = ${show(v)} is not a number`);
      out.push(v);
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
      const v = coerceCell(g.at(r, c), p, where);
      if (v === BLANK) invalid(`${p.name}${where} is blank: the block must be complete`);
      if (v instanceof SheetError) throw v;
      if (typeof v !== "number") invalid(`${p.name}${where} = ${show(v)} is not a number`);
      row.push(v);
    }
    out.push(row);
  }
  return out;
}

/** A two-column block of name/value pairs; blank rows skipped, values left for the function to read. */
export function coercePairs(raw: unknown, p: ParamSpec): [string, unknown][] {
  const g = toGrid(raw, p.name);
  if (g.cols !== 2) invalid(`${p.name} must be a two-column range of names and values, not ${shapeText(g)}`);
  const out: [string, unknown][] = [];
  for (let r = 0; r < g.rows; r++) {
    const key = g.at(r, 0);
    if (isBlank(key) && isBlank(g.at(r, 1))) continue;
    if (typeof key !== "string" || key.trim() === "") invalid(`${p.name} row ${r + 1}: the name ${show(key)} should be text`);
    out.push([key.trim().toLowerCase(), g.at(r, 1)]);
  }
  return out;
}

/** Per-parameter cells read once: numbers in `values`, anything else in the sparse `other`. */
interface ReadParam {
  rows: number;
  cols: number;
  values: Float64Array;
  other: (Coerced | undefined)[] | null;
}

function readCells(g: Grid, p: ParamSpec): ReadParam {
  const values = new Float64Array(g.rows * g.cols);
  let other: (Coerced | undefined)[] | null = null;
  for (let r = 0, i = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++, i++) {
      const raw = g.at(r, c);
      // Fast path: a number that passes its checks; the located message is built only on failure.
      if (typeof raw === "number") {
        const x = checkNumber(raw, p);
        if (typeof x === "number") {
          values[i] = x;
          continue;
        }
      }
      const v = coerceCell(raw, p, g.single ? "" : ` (row ${r + 1}, column ${c + 1})`);
      if (typeof v === "number") values[i] = v;
      else (other ??= [])[i] = v === BLANK && p.optional ? (p.default as Coerced) : v;
    }
  }
  return { rows: g.rows, cols: g.cols, values, other };
}

function readWhole(raw: unknown, p: ParamSpec): unknown {
  if (isBlank(raw)) {
    if (p.optional) return p.default;
    invalid(`${p.name} is required`);
  }
  switch (p.shape) {
    case "list":
      return coerceList(raw, p);
    case "matrix":
      return coerceMatrix(raw, p);
    case "pairs":
      return coercePairs(raw, p);
    default:
      throw new Error(`unknown shape ${p.shape}`);
  }
}

type Impl = (...a: unknown[]) => unknown;

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

function callOne(spec: Callable, args: unknown[]): Cell {
  try {
    const y = applyImpl(spec.impl as Impl, args);
    if (typeof y === "number") {
      return Number.isFinite(y) ? y : new SheetError("num", `${spec.name}: the result is not a finite number for these inputs`);
    }
    if (typeof y === "string") return y;
    return new SheetError("value", `${spec.name}: unexpected result ${show(y)}`);
  } catch (e) {
    return asSheetError(spec, e);
  }
}

function asSheetError(spec: Callable, e: unknown): SheetError {
  if (e instanceof SheetError) return e;
  return new SheetError("value", `${spec.name}: ${e instanceof Error ? e.message : String(e)}`);
}

/** A spilled table from the core: NaN/Infinity become `#NUM!` cells. */
function cleanTable(spec: Callable, t: Table): Table {
  return t.map((row) => row.map((v) => (typeof v === "number" && !Number.isFinite(v) ? new SheetError("num", `${spec.name}: not a finite number`) : v)));
}

/**
 * Call a catalog function with the arguments exactly as a host passed them.
 * Never throws: a problem with the call as a whole comes back as a single SheetError,
 * a problem with one cell of a range as that cell's SheetError.
 */
export function invoke(spec: Callable, raws: readonly unknown[]): Result {
  try {
    return invokeUnsafe(spec, raws);
  } catch (e) {
    return asSheetError(spec, e);
  }
}

function invokeUnsafe(spec: Callable, raws: readonly unknown[]): Result {
  const params = spec.params;
  let given = raws.length;
  while (given > 0 && raws[given - 1] === undefined) given--;
  if (given > params.length) invalid(`${spec.name} takes at most ${params.length} arguments, got ${given}`);
  // A live-data function needs a fetcher, which only a host has (src/hosts/*/live.ts): here it is `#N/A`, never a fetch.
  if (spec.live) return (spec.impl as () => never)();

  const cellIdx: number[] = [];
  const args: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if ((p.shape ?? "cell") === "cell") cellIdx.push(i);
    else args[i] = readWhole(raws[i], p);
  }

  const grids = cellIdx.map((i) => toGrid(raws[i], params[i].name));
  const names = cellIdx.map((i) => params[i].name);
  const { rows, cols } = broadcastShape(grids, names);
  const singleResult = grids.every((g) => g.rows === 1 && g.cols === 1);

  if (spec.result === "table") {
    if (!singleResult) {
      const g = grids.findIndex((x) => x.rows * x.cols > 1);
      invalid(`${spec.name} spills a table: give ${names[g]} as a single value, not a ${shapeText(grids[g])} range`);
    }
    for (let k = 0; k < cellIdx.length; k++) {
      const p = params[cellIdx[k]];
      const v = coerceCell(grids[k].at(0, 0), p);
      if (v === BLANK) {
        if (!p.optional) invalid(`${p.name} is required`);
        args[cellIdx[k]] = p.default;
      } else if (v instanceof SheetError) throw v;
      else args[cellIdx[k]] = v;
    }
    const t = (spec.impl as (...a: unknown[]) => unknown)(...args);
    if (!Array.isArray(t)) invalid(`${spec.name}: expected a table`);
    return cleanTable(spec, t as Table);
  }

  const read = grids.map((g, k) => readCells(g, params[cellIdx[k]]));
  // Single values are set once; only the ranges are read per output cell.
  // The first bad argument (in parameter order) names the error, whichever are single values.
  let constantFailure = null as SheetError | null;
  let constantFailureAt = Infinity;
  let constantBlank = false;
  const varying: number[] = [];
  read.forEach((rp, k) => {
    if (rp.rows * rp.cols > 1) return void varying.push(k);
    const o = rp.other === null ? undefined : rp.other[0];
    if (o === undefined) args[cellIdx[k]] = rp.values[0];
    else if (o === BLANK) constantBlank = true;
    else if (o instanceof SheetError) {
      if (constantFailure === null) {
        constantFailure = o;
        constantFailureAt = k;
      }
    } else args[cellIdx[k]] = o;
  });
  const cellAt = (r: number, c: number): Cell => {
    let failure: SheetError | null = constantFailure;
    let failureAt = constantFailureAt;
    let blank = constantBlank;
    for (let v = 0; v < varying.length; v++) {
      const k = varying[v];
      const rp = read[k];
      const i = (rp.rows === 1 ? 0 : r) * rp.cols + (rp.cols === 1 ? 0 : c);
      const o = rp.other === null ? undefined : rp.other[i];
      if (o === undefined) args[cellIdx[k]] = rp.values[i];
      else if (o === BLANK) blank = true;
      else if (o instanceof SheetError) {
        if (k < failureAt) {
          failure = o;
          failureAt = k;
        }
      } else args[cellIdx[k]] = o;
    }
    return failure ?? (blank ? "" : callOne(spec, args));
  };
  const out: Table = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // A column (the common case) gets packed one-element rows, as a hand-written loop would build.
    if (cols === 1) {
      out[r] = [cellAt(r, 0)];
      continue;
    }
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) row.push(cellAt(r, c));
    out[r] = row;
  }
  return singleResult ? out[0][0] : out;
}

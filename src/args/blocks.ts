/**
 * Labelled blocks as argument shapes: a block of named inputs (`inputs`: names in one column,
 * values in the next) and a block of named scenarios (`scenarios`: a header row of scenario
 * names over a column of input names). The parameter declares the names the block may hold
 * (`entries`, each with its unit), so the function receives values read exactly like its own
 * arguments, and a function's code never reads a cell.
 */
import { SheetError, invalid, show } from "../core/errors";
import type { Cell } from "../core/table";
import { BLANK, coerceCell, isBlank } from "./coerce";
import { type Grid, shapeText, toGrid } from "./grid";
import type { ParamSpec } from "./kinds";

/** Input name → value as its entry reads it (a number, or a preset name). */
export type NamedInputs = Record<string, number | string>;

/** One column of a scenario block: its name as shown, and its inputs, or the error of a bad value. */
export interface NamedScenario {
  name: Cell;
  inputs: NamedInputs | SheetError;
}

function entriesOf(p: ParamSpec): readonly ParamSpec[] {
  if (!p.entries) throw new Error(`${p.name}: a block of named inputs declares its entries`);
  return p.entries;
}

/** What the names are called in messages: `CHAIN input`. */
const what = (p: ParamSpec) => p.entriesLabel ?? "input";

/** Refuse unknown and repeated names: either makes the whole result that one #VALUE!. */
function checkNames(p: ParamSpec, names: readonly string[]): void {
  const entries = entriesOf(p);
  const unknown = names.filter((k) => !entries.some((e) => e.name === k));
  if (unknown.length) {
    invalid(`unknown ${what(p)}${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}: the names are ${entries.map((e) => e.name).join(", ")}`);
  }
  const twice = names.find((k, i) => names.indexOf(k) !== i);
  if (twice) invalid(`${what(p)} "${twice}" is given twice: give each input once`);
}

/** Values of known names, each read with its entry's unit; the first bad one is returned as the error. */
function readValues(p: ParamSpec, pairs: readonly [string, unknown][], where = ""): NamedInputs | SheetError {
  const entries = entriesOf(p);
  const out: NamedInputs = {};
  for (const [k, raw] of pairs) {
    const v = coerceCell(raw, entries.find((e) => e.name === k)!, where);
    if (v instanceof SheetError) return v;
    if (v !== BLANK) out[k] = v as number | string; // CHAIN's entries are numbers and preset names
  }
  return out;
}

/** A name cell as the block's key: text, trimmed, lower case; anything else refused naming its row. */
function nameOf(p: ParamSpec, key: unknown, row: number): string {
  if (typeof key !== "string" || key.trim() === "") invalid(`${p.name} row ${row}: the name ${show(key)} should be text`);
  return key.trim().toLowerCase();
}

/** A two-column block of names and values: blank rows skipped, names case-insensitive, blank values left out (the defaults). */
export function readNamedInputs(raw: unknown, p: ParamSpec): NamedInputs {
  const g = toGrid(raw, p.name);
  if (g.cols !== 2) invalid(`${p.name} must be a two-column range of names and values, not ${shapeText(g)}`);
  const pairs: [string, unknown][] = [];
  for (let r = 0; r < g.rows; r++) {
    if (isBlank(g.cells[r][0]) && isBlank(g.cells[r][1])) continue;
    pairs.push([nameOf(p, g.cells[r][0], r + 1), g.cells[r][1]]);
  }
  checkNames(p, pairs.map(([k]) => k));
  const values = readValues(p, pairs);
  if (values instanceof SheetError) throw values;
  return values;
}

/**
 * A block whose first row is a label then one scenario name per column, and whose other rows are
 * an input name then its value in each scenario. Names are checked for the whole block; values
 * column by column, so a bad value spoils only its scenario.
 */
export function readNamedScenarios(raw: unknown, p: ParamSpec): NamedScenario[] {
  const g: Grid = toGrid(raw, p.name);
  if (g.cols < 2) invalid(`${p.name} has ${g.cols} column: give a column of input names, then one column per scenario`);
  const rows: { name: string; r: number }[] = [];
  for (let r = 1; r < g.rows; r++) {
    let empty = isBlank(g.cells[r][0]);
    for (let c = 1; empty && c < g.cols; c++) empty = isBlank(g.cells[r][c]);
    if (!empty) rows.push({ name: nameOf(p, g.cells[r][0], r + 1), r });
  }
  checkNames(p, rows.map((x) => x.name));
  const out: NamedScenario[] = [];
  for (let c = 1; c < g.cols; c++) {
    const head = g.cells[0][c];
    const name: Cell = isBlank(head) ? `scenario ${c}` : typeof head === "string" ? head.trim() : typeof head === "number" ? head : show(head);
    const pairs = rows.map(({ name: k, r }) => [k, g.cells[r][c]] as [string, unknown]);
    out.push({ name, inputs: readValues(p, pairs, ` (scenario ${JSON.stringify(String(name))})`) });
  }
  return out;
}

/**
 * Test-side helpers for calling catalog functions the way a host does, and for reading
 * the simple formulas of the catalog's examples. Not a test file itself.
 */
import { CATALOG, type FunctionSpec } from "../../src/catalog";
import { invoke, type Result } from "../../src/args/invoke";
import { SheetError } from "../../src/core/errors";
import type { Cell, Table } from "../../src/core/table";

/** The catalog entry of a function; fails loudly when the name is missing. */
export function fn(name: string): FunctionSpec {
  const spec = CATALOG.find((f) => f.name === name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return spec;
}

/** Call a function with host-style arguments. */
export function call(name: string, ...args: unknown[]): Result {
  return invoke(fn(name), args);
}

/** Call a function that must return a single number. */
export function num(name: string, ...args: unknown[]): number {
  const r = call(name, ...args);
  if (typeof r !== "number") throw new Error(`${name}(${args.map(String).join(", ")}) gave ${describeResult(r)}, not a number`);
  return r;
}

/** Call a function that must spill a table. */
export function table(name: string, ...args: unknown[]): Table {
  const r = call(name, ...args);
  if (!Array.isArray(r)) throw new Error(`${name} gave ${describeResult(r)}, not a table`);
  return r;
}

/** Call a function that must return one cell error. */
export function err(name: string, ...args: unknown[]): SheetError {
  const r = call(name, ...args);
  if (!(r instanceof SheetError)) throw new Error(`${name} gave ${describeResult(r)}, not an error`);
  return r;
}

/** The row of a table whose first cell is `label`. */
export function row(t: Table, label: string): Cell[] {
  const r = t.find((x) => x[0] === label);
  if (!r) throw new Error(`no row ${label} in ${JSON.stringify(t.map((x) => x[0]))}`);
  return r;
}

export function describeResult(r: unknown): string {
  if (r instanceof SheetError) return `${r.code} ${r.message}`;
  return JSON.stringify(r);
}

/** How a cell formatted with `decimals` shows a number: `0.003` as percent with 2 decimals is `0.30%`. */
export function display(x: number, decimals: number, percent: boolean): string {
  const s = (percent ? x * 100 : x).toFixed(decimals);
  return (s === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : s) + (percent ? "%" : "");
}

/** Does a cell show as `token` (a number such as `-27.12`, a percent such as `0.30%`, or a label)? */
export function shows(cell: Cell, token: string): boolean {
  const m = /^([+-]?\d+(?:\.(\d+))?)(%?)$/.exec(token);
  if (m) return typeof cell === "number" && display(cell, m[2]?.length ?? 0, m[3] === "%") === token.replace(/^\+/, "");
  return cell === token;
}

// ---------------------------------------------------------------------------------------------
// A reader for the example formulas: numbers, percents, quoted strings, {a,b;c,d} arrays,
// nested calls of catalog functions, and cell ranges looked up in a given sheet.

export type Sheet = Record<string, unknown>;

export interface ParsedCall {
  name: string;
  args: unknown[];
}

export function parseFormula(formula: string, sheet: Sheet = {}): ParsedCall {
  let i = 0;
  const s = formula.trim();
  const fail = (what: string): never => {
    throw new Error(`cannot read ${JSON.stringify(formula)} at ${i}: ${what}`);
  };
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const eat = (c: string) => {
    ws();
    if (s[i] !== c) fail(`expected ${c}`);
    i++;
  };
  const callExpr = (): ParsedCall => {
    ws();
    const m = /^[A-Z_][A-Z0-9_.]*/.exec(s.slice(i));
    if (!m) fail("expected a function name");
    i += m![0].length;
    eat("(");
    const args: unknown[] = [];
    ws();
    if (s[i] === ")") {
      i++;
      return { name: m![0], args };
    }
    for (;;) {
      args.push(value());
      ws();
      if (s[i] === ",") {
        i++;
        continue;
      }
      eat(")");
      return { name: m![0], args };
    }
  };
  const value = (): unknown => {
    ws();
    const rest = s.slice(i);
    const numberMatch = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?/i.exec(rest);
    const rangeMatch = /^[A-Z]+\d+(?::[A-Z]+\d+)?/.exec(rest);
    if (rest.startsWith('"')) {
      const end = s.indexOf('"', i + 1);
      if (end < 0) fail("unterminated string");
      const text = s.slice(i + 1, end);
      i = end + 1;
      return text;
    }
    if (rest.startsWith("{")) {
      i++;
      const rows: unknown[][] = [[]];
      for (;;) {
        rows[rows.length - 1].push(value());
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === ";") {
          i++;
          rows.push([]);
        } else {
          eat("}");
          break;
        }
      }
      return rows.length === 1 ? rows[0] : rows;
    }
    if (numberMatch) {
      i += numberMatch[0].length;
      const t = numberMatch[0];
      // A spreadsheet reads 4.3% as the decimal 0.043 (15 significant digits).
      return t.endsWith("%") ? Number((Number(t.slice(0, -1)) / 100).toPrecision(15)) : Number(t);
    }
    if (rangeMatch && !/^[A-Z]+\d*\(/.test(rest) && !/^[A-Z_]+\(/.test(rest)) {
      i += rangeMatch[0].length;
      if (!(rangeMatch[0] in sheet)) fail(`the range ${rangeMatch[0]} is not in the sheet`);
      return sheet[rangeMatch[0]];
    }
    const inner = callExpr();
    return invoke(fn(inner.name), inner.args);
  };
  ws();
  if (s[i] === "=") i++;
  const out = callExpr();
  ws();
  if (i !== s.length) fail("trailing text");
  return out;
}

/**
 * How the function table reads in every host: one rule each for the signature, the default,
 * the unit words and text inside a JSDoc comment (the names a host can declare: ./names.ts).
 * The Excel and Sheets generators (src/hosts/excel/generate.ts, src/hosts/sheets/stubs.ts),
 * the docs and the sidebar import them.
 */
import { KIND_UNITS, type ParamKind, type ParamSpec } from "../args/kinds";
import type { FunctionSpec } from "./spec";

/** `HEDGED_UST(ust_yield, us_short, jp_short, [basis], [hedge_ratio], [fx_change])`, with an optional host prefix. */
export function signature(f: FunctionSpec, prefix = ""): string {
  return `${prefix}${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** How the argument is passed, for the docs. */
export function shapeText(p: ParamSpec): string {
  if (p.single) return "a single value";
  switch (p.shape ?? "cell") {
    case "list":
      return "a range (read as a list)";
    case "vector":
      return "a row or a column";
    case "matrix":
      return "a block of cells";
    case "inputs":
      return "a two-column range of names and values";
    case "scenarios":
      return "a range with a header row and a column of names";
    case "data":
      return "a range of data columns (a header row of names optional)";
    default:
      return "a value or a range";
  }
}

/** A default as a user types it: `2`, `"central"`. */
export const defaultText = (p: ParamSpec): string => (typeof p.default === "string" ? JSON.stringify(p.default) : String(p.default));

/** The help says its default itself ("… Default 0"). */
const SAYS_DEFAULT = /\bDefault\b/;

/** One line of parameter help: the help text, and "Optional, default …" when optional (unless the help says it). */
export function paramHelp(p: ParamSpec): string {
  const optional = !p.optional || SAYS_DEFAULT.test(p.help) ? "" : p.default !== undefined ? ` Optional, default ${defaultText(p)}.` : " Optional.";
  return `${p.help}.${optional}`.replace(/\.\./g, ".");
}

/** The unit of an argument in words (for the reference pages). */
export function unitText(p: ParamSpec): string {
  if (p.unit) return p.unit;
  return KIND_UNITS[p.kind];
}

/** Words that show a help text already names the unit of its kind; otherwise `paramDescription` appends it. */
const UNIT_MENTIONED: Record<ParamKind, RegExp | null> = {
  rate: /decimal/i,
  bp: /\bbp\b|basis points/i,
  usd_bn: /USD\s*(bn|billions)/i,
  fraction: /0 to 1|0–1|fraction/i,
  days: /\bdays\b/i,
  count: null,
  years: /\byears\b/i,
  tenor: /\byears\b/i,
  fx: /JPY per USD/i,
  factor: null,
  date: null,
  month: null,
  text: null,
  boolean: /TRUE|FALSE/,
  any: null,
};

/** What a host shows for an argument (Excel's argument help, Sheets' autocomplete): the help with its default and unit. */
export function paramDescription(p: ParamSpec): string {
  const help = paramHelp(p);
  const marker = UNIT_MENTIONED[p.kind];
  return marker && !marker.test(help) ? `${help} Unit: ${unitText(p)}.` : help;
}

/** Text safe inside a one-line JSDoc comment: no line break, no `*∕` that ends it, no `@` that starts a tag. */
export function jsdocText(s: string): string {
  return s
    .replace(/\s*\n\s*/g, " ")
    .replace(/\*\//g, "*∕")
    .replace(/@/g, "(at)")
    .trim();
}

/** Stable help-page file name of a function: `hedged_ust.html`. */
export function helpFile(f: FunctionSpec): string {
  return `${f.name.toLowerCase()}.html`;
}

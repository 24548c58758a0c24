import { KIND_UNITS, type ParamSpec } from "../args/kinds";
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
    case "matrix":
      return "a block of cells";
    case "pairs":
      return "a two-column range of names and values";
    case "block":
      return "a range with a header row and a column of names";
    default:
      return "a value or a range";
  }
}

/** One line of parameter help for autocomplete: the help text, and the default when optional. */
export function paramHelp(p: ParamSpec): string {
  const optional = p.optional && p.default !== undefined && !/Default/.test(p.help) ? ` Optional, default ${p.default}.` : p.optional && !/Default/.test(p.help) ? " Optional." : "";
  return `${p.help}.${optional}`.replace(/\.\./g, ".");
}

/** The unit of an argument in words (for the reference pages). */
export function unitText(p: ParamSpec): string {
  if (p.unit) return p.unit;
  if (p.date) return p.date === "day" ? "date" : "month";
  return KIND_UNITS[p.kind];
}

/** Stable help-page file name of a function: `hedged_ust.html`. */
export function helpFile(f: FunctionSpec): string {
  return `${f.name.toLowerCase()}.html`;
}

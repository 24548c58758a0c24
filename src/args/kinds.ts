/**
 * Units of spreadsheet arguments. A kind decides how a cell is read and checked and
 * what the docs say about it; bounds of a single parameter come on top (see ParamSpec).
 */
export type ParamKind =
  | "rate" // decimal rate, yield, spread or change of one; |x| > 1 is taken as a typing slip
  | "bp" // basis points, 50 = 0.50%
  | "usd_bn" // USD billions
  | "fraction" // 0..1
  | "days" // actual days
  | "count" // whole number
  | "years" // time in years
  | "tenor" // a maturity in years, also as traders write it: "10Y"
  | "fx" // an FX level, JPY per USD
  | "factor" // a plain multiplier (pass-through, beta, duration, convexity)
  | "date" // a day: a date cell, a serial number or ISO text; read as ISO text "2026-03-31"
  | "month" // a month: "2026-03" or any day in it; read as "2026-03"
  | "text" // a label or a name
  | "boolean" // TRUE or FALSE (also 1/0 and the text "TRUE"/"FALSE")
  | "any"; // any value, not read (a live function's `refresh`)

export const KIND_UNITS: Record<ParamKind, string> = {
  rate: "decimal: 4.30% is 0.043 (type 4.3% or 0.043)",
  bp: "basis points: 50 = 0.50%",
  usd_bn: "USD billions",
  fraction: "fraction from 0 to 1",
  days: "days",
  count: "whole number",
  years: "years",
  tenor: "years",
  fx: "JPY per USD",
  factor: "multiplier",
  date: "date",
  month: "month",
  text: "text",
  boolean: "TRUE or FALSE",
  any: "any value",
};

/**
 * How an argument arrives: one value per cell (broadcast), a whole range as a list (blanks
 * skipped), a row or a column read in place (blanks kept as `""`: `vector`), a numeric
 * 2-D block, a two-column block of named inputs (`inputs`), a block of named scenarios (a header
 * row of scenario names over a column of input names: `scenarios`), or a block of data columns
 * (numbers, blanks and bad cells located; its first row possibly a header: `data`). The blocks
 * are read here (./blocks.ts, ./data.ts), never by the function.
 */
export type ParamShape = "cell" | "list" | "vector" | "matrix" | "inputs" | "scenarios" | "data";

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  /** What a strategist needs to know, units included; shown in autocomplete and the docs. */
  help: string;
  shape?: ParamShape;
  optional?: boolean;
  default?: number | string;
  min?: number;
  max?: number;
  /** Bounds are inclusive unless these say otherwise. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /** The only values accepted (e.g. the coupon frequencies 1, 2, 4); a message lists them. */
  allowed?: readonly number[];
  /** Why the bounds or allowed values are what they are, added to the message (e.g. "fully hedged: no FX breakeven"). */
  reason?: string;
  /** Names accepted instead of a number (e.g. the term-premium presets). */
  presets?: readonly string[];
  /** The only values a text argument accepts, in any case, spaces around ignored; it is read as written here. */
  choices?: readonly string[];
  /** One value only, never a range (live-data functions fetch or spill; they do not broadcast). */
  single?: boolean;
  /** The unit in words for the docs when it is not the kind's (CHAIN_SENSITIVITY's bounds take the swept input's). */
  unit?: string;
  /** The names an `inputs` or `scenarios` block may hold, each read with its own unit. */
  entries?: readonly ParamSpec[];
  /** What those names are called in messages ("CHAIN input"). */
  entriesLabel?: string;
}

/**
 * What the argument layer needs to know about a function: its name, its parameters and the
 * kind of result. The function table's entries (src/catalog/spec.ts) are such signatures.
 */
export interface Signature {
  /** The formula name; messages start with it. */
  name: string;
  params: readonly ParamSpec[];
  /** `cell`: one result per cell, inputs broadcast; `table`: spills a block from single inputs. */
  result: "cell" | "table";
  /** Columns of a spilled table whose cells below the header are ISO days, written as the host's dates. */
  dateColumns?: readonly number[];
}

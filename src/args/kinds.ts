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
  | "fx" // an FX level, JPY per USD
  | "factor" // a plain multiplier (pass-through, beta, duration, convexity)
  | "text"; // a label or a name

export const KIND_UNITS: Record<ParamKind, string> = {
  rate: "decimal: 4.30% is 0.043 (type 4.3% or 0.043)",
  bp: "basis points: 50 = 0.50%",
  usd_bn: "USD billions",
  fraction: "fraction from 0 to 1",
  days: "days",
  count: "whole number",
  years: "years",
  fx: "JPY per USD",
  factor: "multiplier",
  text: "text",
};

/** How an argument arrives: one value per cell (broadcast), a whole range as a list, or a 2-D block. */
export type ParamShape = "cell" | "list" | "matrix" | "pairs";

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
  /** Live-data functions: a date ("day") or a month, read by the function itself (a date cell, a serial or ISO text). */
  date?: "day" | "month";
  /** One value only, never a range (live-data functions fetch or spill; they do not broadcast). */
  single?: boolean;
}

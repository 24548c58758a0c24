import type { Signature } from "../args/kinds";
import type { LiveData } from "../live/liveData";
import type { Table } from "../core/table";

export type Domain = "hedging" | "demand" | "bonds" | "equities" | "scenarios" | "term-structure" | "live-data" | "calibration" | "policy";

export const DOMAIN_TITLES: Record<Domain, string> = {
  hedging: "FX hedging and relative value",
  demand: "Marginal demand and the term premium",
  bonds: "Bonds",
  equities: "Discount rate and equities",
  scenarios: "Scenarios and the whole chain",
  "term-structure": "Term-structure analytics",
  "live-data": "Live checkpoints",
  calibration: "The chain on history (calibration)",
  policy: "Market-implied policy path",
};

/** Everything the hosts and the docs need to know about one spreadsheet function. */
interface Entry extends Signature {
  /** The formula name, stored in users' workbooks: never renamed. */
  name: string;
  domain: Domain;
  /** One or two sentences for a strategist: what it answers, in which units. */
  description: string;
  /** Where the formula comes from in the note (or the literature). */
  source: string;
  /** The unit of a `cell` result, or what the spilled table holds. */
  returns: string;
  /** A formula a user can paste (Sheets spelling) and what it shows. */
  example: { formula: string; result: string };
}

/** A function computed by the core from its arguments alone. */
export interface CoreFunctionSpec extends Entry {
  /** The core, called with the arguments read by src/args in parameter order (defaults filled in). */
  impl: (...args: never[]) => number | string | Table;
  live?: undefined;
}

/**
 * A live-data function: its arguments are read by src/args like every other function's, then
 * `invoke()` runs its plan/compute pair with the host's fetcher (Sheets: UrlFetchApp; Excel:
 * through the proxy; the demo: a data folder); without a fetcher it answers `#N/A`.
 */
export interface LiveFunctionSpec extends Entry {
  domain: "live-data";
  live: LiveData;
  impl?: undefined;
}

export type FunctionSpec = CoreFunctionSpec | LiveFunctionSpec;

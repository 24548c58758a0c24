import type { Callable } from "../args/callable";
import type { LiveFunction } from "../core/data/live";

export type Domain = "hedging" | "demand" | "bonds" | "equities" | "scenarios" | "term-structure" | "live-data";

export const DOMAIN_TITLES: Record<Domain, string> = {
  hedging: "FX hedging and relative value",
  demand: "Marginal demand and the term premium",
  bonds: "Bonds",
  equities: "Discount rate and equities",
  scenarios: "Scenarios and the whole chain",
  "term-structure": "Term-structure analytics",
  "live-data": "Live checkpoints",
};

/** Everything the hosts and the docs need to know about one spreadsheet function (the argument layer reads the Callable part). */
export interface FunctionSpec extends Callable {
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
  /**
   * Live-data functions only (domain "live-data"): the plan → fetch → compute pair of
   * src/core/data/live.ts. A host with a fetcher runs it (Sheets: src/hosts/sheets/live.ts,
   * Excel: src/hosts/excel/live.ts) with the raw arguments; `invoke()` has no fetcher and
   * answers `#N/A`, so a live function never reaches the network through the argument layer.
   */
  live?: LiveFunction;
}

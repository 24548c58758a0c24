/**
 * The live-data functions of SPEC "Live checkpoints" in the function table. What users read
 * (parameters, help, examples) comes from src/live/specs.ts, the computation from
 * src/core/data/live.ts; this file only joins the two, so nothing is written twice.
 *
 * Their arguments are read by the live functions themselves (a date may be a serial, a `Date`
 * or ISO text), not by the argument layer: `invoke()` answers `#N/A` for them, and the hosts
 * that can fetch (Excel through the proxy, Sheets with UrlFetchApp) call `live` instead.
 */
import { SheetError } from "../core/errors";
import { findLive } from "../core/data/live";
import { LIVE_SPECS } from "../live/specs";
import type { FunctionSpec } from "./spec";

/** The `#N/A` of a live function called where nothing can fetch (the argument layer, the offline demo). */
export function noFetcherError(name: string): SheetError {
  return new SheetError("na", `${name} reads live data and needs a host that can fetch it (Excel with the marginal-bid proxy, or Google Sheets): nothing was fetched here`);
}

export const LIVE_DATA: FunctionSpec[] = LIVE_SPECS.map((s): FunctionSpec => {
  const live = findLive(s.name);
  if (!live) throw new Error(`${s.name} has a spec in src/live/specs.ts but no LiveFunction in src/core/data/live.ts`);
  if (live.arity !== s.params.length || live.result !== s.result) throw new Error(`${s.name}: src/live/specs.ts and src/core/data/live.ts disagree on arity or result`);
  return {
    name: s.name,
    domain: s.domain,
    description: s.description,
    source: s.source,
    // One value per argument: a live function fetches or spills, it does not broadcast.
    params: s.params.map((p) => ({ ...p, single: true })),
    result: s.result,
    returns: s.returns,
    example: s.example,
    impl: () => {
      throw noFetcherError(s.name);
    },
    live,
  };
});

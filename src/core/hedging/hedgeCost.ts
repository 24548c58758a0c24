import { invalid } from "../errors";

/**
 * Annual cost for a JPY investor to hedge USD assets, the note's model (§2.1, §3.1):
 * `us_short − jp_short − basis`. The basis is added to the JPY leg; a negative basis
 * (the usual USD/JPY case) adds to the cost.
 */
export function hedgeCost(usShort: number, jpShort: number, basis = 0): number {
  return usShort - jpShort - basis;
}

/** Outright forward from covered interest parity: USD money market ACT/360, JPY ACT/365. */
export function fxForward(spot: number, usShort: number, jpShort: number, days: number, basis = 0): number {
  return spot * forwardOverSpot(usShort, jpShort, days, basis);
}

/** `F/S = (1 + (jp_short + basis)·days/365) / (1 + us_short·days/360)`. */
export function forwardOverSpot(usShort: number, jpShort: number, days: number, basis = 0): number {
  const usGrowth = 1 + (usShort * days) / 360;
  const jpGrowth = 1 + ((jpShort + basis) * days) / 365;
  if (usGrowth <= 0 || jpGrowth <= 0) invalid(`the money-market growth factor over ${days} days is not positive`);
  return jpGrowth / usGrowth;
}

/** Annualised hedge cost implied by an outright forward: `(1 − F/S)·year_days/days`. */
export function hedgeCostFromForward(spot: number, forward: number, days: number, yearDays = 360): number {
  return ((1 - forward / spot) * yearDays) / days;
}

/** Exact money-market hedge cost from CIP: the forward-implied cost of the CIP forward. */
export function hedgeCostCip(usShort: number, jpShort: number, days: number, basis = 0, yearDays = 360): number {
  return ((1 - forwardOverSpot(usShort, jpShort, days, basis)) * yearDays) / days;
}

/** Cross-currency basis implied by a quoted forward: `((F/S)(1 + us·d/360) − 1)·365/d − jp_short`. */
export function impliedBasis(spot: number, forward: number, usShort: number, jpShort: number, days: number): number {
  return (((forward / spot) * (1 + (usShort * days) / 360) - 1) * 365) / days - jpShort;
}

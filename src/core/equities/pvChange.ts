import { invalid } from "../errors";

function presentValue(cashflows: readonly number[], times: readonly number[], rate: number): number {
  let pv = 0;
  for (let i = 0; i < cashflows.length; i++) pv += cashflows[i] / Math.pow(1 + rate, times[i]);
  return pv;
}

/**
 * Fractional change in the present value of a cash-flow schedule (annual compounding) when
 * the discount rate moves: distant cash flows lose more (§4.1, "Price = CF/(1+r)^t").
 */
export function pvChange(cashflows: readonly number[], times: readonly number[], discountRate: number, rateChange: number): number {
  if (cashflows.length === 0) invalid("cashflows is empty");
  if (cashflows.length !== times.length) invalid(`cashflows has ${cashflows.length} values but times has ${times.length}: give one time per cash flow`);
  const bad = times.findIndex((t) => t < 0);
  if (bad >= 0) invalid(`times = ${times[bad]} (item ${bad + 1}) is negative: times are years from today`);
  if (discountRate <= -1 || discountRate + rateChange <= -1) invalid("discount_rate (after the change) must be above −100%");
  const before = presentValue(cashflows, times, discountRate);
  if (before === 0) invalid("cashflows are worth 0 today: a fractional change is undefined");
  return presentValue(cashflows, times, discountRate + rateChange) / before - 1;
}

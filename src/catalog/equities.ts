import { equityDuration, peChange, peRatio } from "../core/equities/gordon";
import { pvChange } from "../core/equities/pvChange";
import { P } from "./params";
import { defineFunctions } from "./define";

export const EQUITIES = defineFunctions([
  {
    name: "PE_RATIO",
    domain: "equities",
    description: "Gordon forward P/E: payout/(discount_rate − growth). The discount rate must exceed growth.",
    source: "Gordon growth model; note §4.1",
    params: [{ name: "payout", kind: "fraction", help: "payout ratio of earnings, 0 to 1: 40% or 0.4" }, P.discountRate, P.growth],
    result: "cell",
    returns: "multiple of forward earnings",
    example: { formula: "=PE_RATIO(40%, 8.3%, 5%)", result: "12.12" },
    impl: peRatio,
  },
  {
    name: "EQUITY_DURATION",
    domain: "equities",
    description: "Duration of a Gordon-growth equity, 1/(discount_rate − growth) years: why long-duration growth stocks react most to the discount rate.",
    source: "Gordon growth model; note §4.1",
    params: [P.discountRate, P.growth],
    result: "cell",
    returns: "years",
    example: { formula: "=EQUITY_DURATION(8.3%, 6.5%)", result: "55.56" },
    impl: equityDuration,
  },
  {
    name: "PE_CHANGE",
    domain: "equities",
    description: "Fractional P/E change when the discount rate moves by passthrough·rate_change: (r − g)/(r + passthrough·Δ − g) − 1. High growth is hit hardest.",
    source: "Gordon growth model; note §4.1",
    params: [
      P.rateChange,
      P.discountRate,
      P.growth,
      { name: "passthrough", kind: "factor", help: "share of the rate change that reaches the equity discount rate. Default 1", optional: true, default: 1 },
    ],
    result: "cell",
    returns: "decimal change of the P/E",
    example: { formula: "=PE_CHANGE(0.3%, 8%, 6.5%)", result: "-16.67%" },
    impl: peChange,
  },
  {
    name: "PV_CHANGE",
    domain: "equities",
    description: "Fractional change of the present value of a cash-flow schedule (annual compounding) when the discount rate moves: distant cash flows lose more.",
    source: "note §4.1: Price = future cash flows/(1 + discount rate)^t",
    params: [
      { name: "cashflows", kind: "factor", shape: "list", help: "a range of cash flows (any currency unit)" },
      { name: "times", kind: "years", shape: "list", help: "a range of the same length: when each cash flow arrives, in years", min: 0 },
      P.discountRate,
      P.rateChange,
    ],
    result: "cell",
    returns: "decimal change of the present value",
    example: { formula: "=PV_CHANGE({1,1,101}, {1,2,3}, 4%, 0.3%)", result: "-0.85%" },
    impl: pvChange,
  },
]);

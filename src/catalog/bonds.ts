import { bondConvexity, bondDuration, bondPrice } from "../core/bonds/bullet";
import { priceChange } from "../core/bonds/priceChange";
import { P } from "./params";
import { defineFunctions } from "./define";

const bond = [P.bondYield, P.coupon, P.years, P.freq] as const;

export const BONDS = defineFunctions([
  {
    name: "BOND_PRICE",
    domain: "bonds",
    description: "Price per 100 of a bullet bond on a coupon date; equals Excel's PRICE() there and also takes negative yields.",
    source: "Excel PRICE (basis 0, settlement on a coupon date)",
    params: bond,
    result: "cell",
    returns: "price per 100",
    example: { formula: "=BOND_PRICE(4.3%, 4%, 10)", result: "97.58" },
    impl: bondPrice,
  },
  {
    name: "BOND_DURATION",
    domain: "bonds",
    description: "Modified duration in years of a bullet bond on a coupon date; equals Excel's MDURATION() there.",
    source: "Excel MDURATION (basis 0, settlement on a coupon date)",
    params: bond,
    result: "cell",
    returns: "years",
    example: { formula: "=BOND_DURATION(9%, 8%, 8)", result: "5.7357" },
    impl: bondDuration,
  },
  {
    name: "BOND_CONVEXITY",
    domain: "bonds",
    description: "Convexity in years² of a bullet bond on a coupon date (the second-order term of PRICE_CHANGE).",
    source: "standard bond convexity, periodic compounding",
    params: bond,
    result: "cell",
    returns: "years²",
    example: { formula: "=BOND_CONVEXITY(4.3%, 4%, 10)", result: "78.36" },
    impl: bondConvexity,
  },
  {
    name: "PRICE_CHANGE",
    domain: "bonds",
    description: "Fractional price change from duration and convexity: −D·Δy + ½·C·Δy².",
    source: "duration–convexity approximation",
    params: [P.yieldChange, P.modDuration, P.convexity],
    result: "cell",
    returns: "decimal price change",
    example: { formula: "=PRICE_CHANGE(0.3%, 8)", result: "-2.40%" },
    impl: priceChange,
  },
]);

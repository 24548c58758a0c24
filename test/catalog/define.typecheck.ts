/**
 * Compile-time tests of `defineFunctions` (src/catalog/define.ts), checked by `npm run typecheck`
 * (part of `npm test`): each `@ts-expect-error` below must meet an error, or tsc fails with
 * "Unused '@ts-expect-error' directive". Nothing here runs.
 */
import type { ParamSpec } from "../../src/args/kinds";
import { defineFunctions } from "../../src/catalog/define";
import { P } from "../../src/catalog/params";
import { bondPrice } from "../../src/core/bonds/bullet";
import { hedgeCost } from "../../src/core/hedging/hedgeCost";
import { hedgedUst } from "../../src/core/hedging/hedgedUst";
import { tpImpact } from "../../src/core/demand/tpImpact";
import { termPremium } from "../../src/core/demand/termPremium";

const about = { domain: "hedging", description: "d", source: "s", result: "cell", returns: "r", example: { formula: "=F()", result: "0" } } as const;
const label = { name: "label", kind: "text", help: "a label" } as const;
const path = { name: "path", kind: "rate", shape: "list", help: "a range of rates" } as const;

// The real entries' shapes compile.
defineFunctions([
  { ...about, name: "HEDGE_COST", params: [P.usShort, P.jpShort, P.basis], impl: hedgeCost },
  { ...about, name: "BOND_PRICE", params: [P.bondYield, P.coupon, P.years, P.freq], impl: bondPrice },
  { ...about, name: "TP", params: [P.jpShort, { name: "bp", kind: "bp", help: "h", optional: true, presets: ["note"] }], impl: tpImpact },
  { ...about, name: "TERM_PREMIUM", params: [P.ustYield, path], impl: termPremium },
]);

defineFunctions([
  // One parameter too few for the core's three required arguments.
  // @ts-expect-error: impl takes other arguments (count, or which are optional) than params declare
  { ...about, name: "SHORT", params: [P.usShort, P.jpShort], impl: hedgedUst },
  // The table makes basis optional, the core requires it.
  // @ts-expect-error: impl takes other arguments (count, or which are optional) than params declare
  { ...about, name: "REQUIRED", params: [P.usShort, P.jpShort, P.basis], impl: (us: number, jp: number, basis: number) => us - jp - basis },
  // The table requires the third argument, the core has a default for it.
  // @ts-expect-error: impl takes other arguments (count, or which are optional) than params declare
  { ...about, name: "OPTIONAL", params: [P.usShort, P.jpShort, P.ustYield], impl: hedgeCost },
  // One parameter too many: the core would never see it.
  // @ts-expect-error: impl takes other arguments (count, or which are optional) than params declare
  { ...about, name: "LONG", params: [P.usShort, P.jpShort, P.basis, P.fxChange], impl: hedgeCost },
  // A text parameter where the core computes with a number.
  // @ts-expect-error: impl does not accept the argument types params declare
  { ...about, name: "TEXT", params: [label, P.jpShort], impl: (us: number, jp: number) => us - jp },
  // A single rate where the core reads a list.
  // @ts-expect-error: impl does not accept the argument types params declare
  { ...about, name: "LIST", params: [P.ustYield, P.usShort], impl: termPremium },
  // A parameter list the compiler cannot count.
  // @ts-expect-error: impl takes other arguments (count, or which are optional) than params declare
  { ...about, name: "WIDE", params: [P.usShort, P.jpShort] as ParamSpec[], impl: hedgeCost },
]);

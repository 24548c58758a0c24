import { TP_PRESETS, tpImpact, tpImpactTable } from "../core/demand/tpImpact";
import { termPremium } from "../core/demand/termPremium";
import { holdingsLoss } from "../core/demand/holdingsLoss";
import { P } from "./params";
import { defineFunctions } from "./define";

const shortfall = { name: "shortfall_bn", kind: "usd_bn", help: "annual buying (USD bn) that other buyers must replace, e.g. half of Japan's 75bn = 37.5" } as const;

export const DEMAND = defineFunctions([
  {
    name: "TP_IMPACT",
    domain: "demand",
    description: `Change of the UST 10y term premium (decimal) when buyers of shortfall_bn a year must be replaced: shortfall_bn/100·bp_per_100bn/10000. Presets: ${TP_PRESETS.map((p) => `"${p.name}" ${p.bpPer100bn}`).join(", ")}.`,
    source: "note §3.3; Beltran et al. (2013); Gagnon et al. (2011); Ahmed & Rebucci (2022)",
    params: [
      shortfall,
      {
        name: "bp_per_100bn",
        kind: "bp",
        help: `term-premium response in bp per USD 100bn a year, or a preset name: ${TP_PRESETS.map((p) => `"${p.name}" (${p.bpPer100bn})`).join(", ")}. Default 80 (the note)`,
        optional: true,
        default: 80,
        presets: TP_PRESETS.map((p) => p.name),
      },
    ],
    result: "cell",
    returns: "decimal change of the term premium",
    example: { formula: '=TP_IMPACT(37.5, "note")', result: "0.30%" },
    impl: tpImpact,
  },
  {
    name: "TP_IMPACT_TABLE",
    domain: "demand",
    description: "Every term-premium sensitivity preset side by side for one shortfall: the range of estimates at a glance.",
    source: "note §3.3 and the literature behind TP_IMPACT",
    params: [shortfall],
    result: "table",
    returns: "a table: preset, bp_per_100bn, tp_change, one row per preset",
    example: { formula: "=TP_IMPACT_TABLE(37.5)", result: "note 80 0.30%, …" },
    impl: tpImpactTable,
  },
  {
    name: "TERM_PREMIUM",
    domain: "demand",
    description: "The note's decomposition: long yield minus the average of the expected short-rate path (blanks skipped).",
    source: "note §2.3",
    params: [
      { name: "long_yield", kind: "rate", help: "the long-bond yield, decimal (e.g. the US 10y)" },
      { name: "expected_short_rates", kind: "rate", shape: "list", help: "a range with the expected short-rate path over the bond's life, decimals; blanks are skipped" },
    ],
    result: "cell",
    returns: "decimal rate",
    example: { formula: "=TERM_PREMIUM(4.3%, {0.035, 0.035, 0.038})", result: "0.70%" },
    impl: termPremium,
  },
  {
    name: "HOLDINGS_LOSS",
    domain: "demand",
    description: "Mark-to-market change (USD bn) of a bond holding when yields move: holdings_bn·(−mod_duration·Δy + ½·convexity·Δy²).",
    source: "note §2.4 (Japan holds about USD 1,130bn)",
    params: [{ name: "holdings_bn", kind: "usd_bn", help: "holdings in USD bn (Japan ≈ 1,130)" }, P.yieldChange, P.modDuration, P.convexity],
    result: "cell",
    returns: "USD bn (negative = loss)",
    example: { formula: "=HOLDINGS_LOSS(1130, 0.3%, 8)", result: "-27.12" },
    impl: holdingsLoss,
  },
]);

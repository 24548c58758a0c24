import { BLANK, coerceCell } from "../args/coerce";
import type { ParamSpec } from "../args/kinds";
import { SheetError, invalid } from "../core/errors";
import { CHAIN_DEFAULTS, type ChainInputs, chain } from "../core/scenarios/chain";
import { scenario, scenarioTable } from "../core/scenarios/scenario";
import { TP_PRESETS } from "../core/demand/tpImpact";
import { defineFunctions } from "./define";

/** Units and help of every CHAIN input, in the order CHAIN_INPUTS spills them. */
export const CHAIN_INPUT_PARAMS: readonly ParamSpec[] = [
  { name: "hike_bp", kind: "bp", help: "BOJ hike in basis points (note §3.2: 50)" },
  { name: "us_short", kind: "rate", help: "USD short rate for the hedge (note §3.1: 4.50%)" },
  { name: "jp_short", kind: "rate", help: "JPY short rate before the hike (note §3.1: 0.50%)" },
  { name: "ust_10y", kind: "rate", help: "US 10y yield before the shock (note §3.1: 4.30%)" },
  { name: "jgb_10y", kind: "rate", help: "JGB 10y yield before the hike (note §3.1: 1.50%)" },
  { name: "basis", kind: "rate", help: "USD/JPY cross-currency basis on the JPY leg (0 in the note)" },
  { name: "short_passthrough", kind: "factor", help: "share of the hike reaching the JPY short rate (1)" },
  { name: "jgb_passthrough", kind: "factor", help: "share of the hike reaching the JGB 10y (note §3.2 assumes 1)" },
  { name: "hedge_ratio", kind: "fraction", help: "FX-hedged fraction of new UST buying, 0–1 (1)" },
  { name: "fx_change", kind: "rate", help: "expected USD/JPY change a year on the unhedged part; negative = yen strength (0)" },
  { name: "japan_buying_bn", kind: "usd_bn", help: "Japan's annual net UST buying, USD bn (note §3.3: 50–100, 75)" },
  { name: "bid_cut", kind: "fraction", help: "fraction of that buying that stops (note §3.3: half, 0.5)" },
  {
    name: "bp_per_100bn",
    kind: "bp",
    help: "term-premium bp per USD 100bn of lost demand, or a TP_IMPACT preset name (note: 80)",
    presets: TP_PRESETS.map((p) => p.name),
  },
  { name: "japan_holdings_bn", kind: "usd_bn", help: "Japan's UST holdings, USD bn (note §2.4: 1,130)" },
  { name: "ust_duration", kind: "factor", help: "modified duration of Japan's UST holdings, years (8)", min: 0 },
  { name: "erp", kind: "rate", help: "equity risk premium over the US 10y (4%)" },
  { name: "growth_growth", kind: "rate", help: "long-run growth of a growth stock (6.5%)" },
  { name: "growth_value", kind: "rate", help: "long-run growth of a value stock (3%)" },
  { name: "kr_beta", kind: "factor", help: "Korean 10y move per 1bp of US 10y (0.5)" },
];

/** Read a CHAIN input block: names case-insensitive, blanks take the default, unknown names refused. */
export function readChainInputs(pairs: readonly [string, unknown][]): Partial<ChainInputs> {
  const unknown = pairs.map(([k]) => k).filter((k) => !CHAIN_INPUT_PARAMS.some((p) => p.name === k));
  if (unknown.length) {
    invalid(`unknown CHAIN input${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}: the names are ${CHAIN_INPUT_PARAMS.map((p) => p.name).join(", ")}`);
  }
  const out: Record<string, number | string> = {};
  for (const [k, raw] of pairs) {
    const spec = CHAIN_INPUT_PARAMS.find((p) => p.name === k)!;
    const v = coerceCell(raw, spec);
    if (v instanceof SheetError) throw v;
    if (v !== BLANK) out[k] = v;
  }
  return out as Partial<ChainInputs>;
}

export const SCENARIOS_CATALOG = defineFunctions([
  {
    name: "SCENARIO",
    domain: "scenarios",
    description: 'The note\'s scenario for a US 10y level: "A" below 4.5%, "B" from 4.5% to below 5.0%, "C" from 5.0%.',
    source: "note §6.3",
    params: [
      { name: "ust_10y", kind: "rate", help: "US 10y yield, decimal: 4.6% or 0.046" },
      {
        name: "thresholds",
        kind: "rate",
        shape: "list",
        optional: true,
        help: "a range of two increasing levels replacing 4.5% and 5.0%. Default the note's",
      },
    ],
    result: "cell",
    returns: 'text: "A", "B" or "C"',
    example: { formula: "=SCENARIO(4.6%)", result: "B" },
    impl: scenario,
  },
  {
    name: "SCENARIO_TABLE",
    domain: "scenarios",
    description: "The note's scenario table: scenario, description, the US 10y range and the read-across to Korean equities.",
    source: "note §6.3",
    params: [],
    result: "table",
    returns: "a 4×5 table with a header row",
    example: { formula: "=SCENARIO_TABLE()", result: "A … B … C" },
    impl: scenarioTable,
  },
  {
    name: "CHAIN_INPUTS",
    domain: "scenarios",
    description: "Every input of CHAIN with the note's illustrative value, as a two-column block to edit and feed to CHAIN.",
    source: "note §2.4, §3.1–§3.3",
    params: [],
    result: "table",
    returns: "a 19×2 block of names and values",
    example: { formula: "=CHAIN_INPUTS()", result: "hike_bp 50, us_short 4.50%, …" },
    impl: () => CHAIN_INPUT_PARAMS.map((p) => [p.name, CHAIN_DEFAULTS[p.name as keyof ChainInputs]]),
  },
  {
    name: "CHAIN",
    domain: "scenarios",
    description:
      "The whole transmission of the note: BOJ hike → hedged UST → Japan's buying → term premium → US 10y → scenario → holdings, P/E of growth and value, Korean 10y. Spills step, before, after, change.",
    source: "note §1.2, §3, §4, §6.3",
    params: [
      {
        name: "inputs",
        kind: "text",
        shape: "pairs",
        optional: true,
        help: "a two-column range of input names and values (any subset, any order; see CHAIN_INPUTS). Missing names take the note's values",
      },
    ],
    result: "table",
    returns: "a 14×4 table: header, then one row per step of the chain",
    example: { formula: "=CHAIN(A2:B20)", result: "us_10y 4.30% → 4.60%, scenario A → B" },
    impl: (pairs?: [string, unknown][]) => chain(pairs ? readChainInputs(pairs) : {}),
  },
]);

import type { NamedInputs, NamedScenario } from "../args/blocks";
import { checkNumber } from "../args/coerce";
import type { ParamSpec } from "../args/kinds";
import { SheetError, invalid, show } from "../core/errors";
import { CHAIN_DEFAULTS, type ChainInput, type ChainInputs, chain } from "../core/scenarios/chain";
import { chainCompare } from "../core/scenarios/compare";
import { chainSensitivity, sweep } from "../core/scenarios/sensitivity";
import { hikeProbability } from "../core/scenarios/hikeProbability";
import { scenario, scenarioTable } from "../core/scenarios/scenario";
import { TP_PRESETS } from "../core/demand/tpImpact";
import type { FunctionSpec } from "./spec";
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
  { name: "fx_change", kind: "rate", help: "expected USD/JPY change a year on the unhedged part before the hike; negative = yen strength (0)" },
  { name: "japan_buying_bn", kind: "usd_bn", help: "Japan's annual net UST buying, USD bn (note §3.3: 50–100, 75)" },
  { name: "bid_cut", kind: "fraction", help: "fraction of that buying that stops (note §3.3: half, 0.5); leave blank when bid_elasticity_bn derives it" },
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
  { name: "hike_prob", kind: "factor", help: "probability of the hike, e.g. HIKE_PROBABILITY's; the hike that happens is hike_bp·hike_prob (1)" },
  { name: "fx_response", kind: "rate", help: "expected USD/JPY change a year per 100bp of hike, on the unhedged part; negative = yen strength (0)" },
  {
    name: "bid_elasticity_bn",
    kind: "usd_bn",
    help: "USD bn of Japan's yearly buying lost per 100bp rise of the JGB advantage; blank or 0: off, bid_cut is the input",
  },
];

const INPUT_NAMES = CHAIN_INPUT_PARAMS.map((p) => p.name);
const inputSpec = (name: string) => CHAIN_INPUT_PARAMS.find((p) => p.name === name);

/** CHAIN's inputs as an argument: a block of named inputs, each read with its unit by the argument layer. */
export const CHAIN_INPUTS_BLOCK = { entries: CHAIN_INPUT_PARAMS, entriesLabel: "CHAIN input" } as const;

/** The `inputs` argument of the functions that run CHAIN on a block of named inputs. */
export const CHAIN_INPUTS_ARG = {
  name: "inputs",
  kind: "text",
  shape: "inputs",
  ...CHAIN_INPUTS_BLOCK,
  help: "a two-column range of CHAIN input names and values, as for CHAIN; blank: the note's values",
} as const;

/** CHAIN_SENSITIVITY: the sweep of one input over `points` values, each read with that input's unit. */
function sensitivityOf(base: NamedInputs, inputName: string, from: number, to: number, points = 11) {
  const name = inputName.trim().toLowerCase();
  const p = inputSpec(name);
  if (!p) invalid(`input_name = ${show(inputName)} is not a CHAIN input: the names are ${INPUT_NAMES.join(", ")}`);
  for (const [label, x] of [["from", from], ["to", to]] as const) {
    const v = checkNumber(x, p, label);
    if (v instanceof SheetError) throw v;
  }
  return chainSensitivity(base as Partial<ChainInputs>, name as ChainInput, sweep(from, to, points), (x) => checkNumber(x, p));
}

/** How the sheet writes an input value: blank for "not given". */
const defaultCell = (name: string) => CHAIN_DEFAULTS[name as ChainInput];

/** A scenario block for the examples: the note's inputs against a life insurer that hedges 60% (note §2.4). */
const LIFER_EXAMPLE = '{"input","note","lifer";"hedge_ratio",1,60%;"fx_response",0,-4%;"bid_elasticity_bn",0,50;"bid_cut",0.5,0}';

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
    name: "HIKE_PROBABILITY",
    domain: "scenarios",
    description:
      "The chain's first link, the BOJ hike odds: the probability of a hike priced by an OIS or futures rate, (implied_rate − current_rate)/(hike_bp/10000·share_after_meeting). Not clamped: above 1 more than one hike is priced, below 0 a cut.",
    source: "note §1.2 (BOJ hike odds); standard OIS arithmetic",
    params: [
      { name: "implied_rate", kind: "rate", help: "the market's average rate over a period that contains the meeting (OIS or futures), decimal: 0.6875% or 0.006875" },
      { name: "current_rate", kind: "rate", help: "the policy rate now, decimal: 0.5% or 0.005" },
      { name: "hike_bp", kind: "bp", help: "size of the move in basis points; negative for the odds of a cut. Default 25", optional: true, default: 25 },
      {
        name: "share_after_meeting",
        kind: "fraction",
        help: "fraction of the period that lies after the meeting, above 0 and at most 1. Default 1 (the period starts at the meeting)",
        optional: true,
        default: 1,
        min: 0,
        minExclusive: true,
      },
    ],
    result: "cell",
    returns: "probability as a plain number (0.75 = 75%), not clamped",
    example: { formula: "=HIKE_PROBABILITY(0.6875%, 0.5%)", result: "0.75" },
    impl: hikeProbability,
  },
  {
    name: "CHAIN_INPUTS",
    domain: "scenarios",
    description: "Every input of CHAIN with the note's illustrative value, as a two-column block to edit and feed to CHAIN.",
    source: "note §2.4, §3.1–§3.3",
    params: [],
    result: "table",
    returns: `a ${CHAIN_INPUT_PARAMS.length}×2 block of names and values (bid_elasticity_bn blank: off)`,
    example: { formula: "=CHAIN_INPUTS()", result: "hike_bp 50, us_short 4.50%, …" },
    impl: () => CHAIN_INPUT_PARAMS.map((p) => [p.name, defaultCell(p.name)]),
  },
  {
    name: "CHAIN",
    domain: "scenarios",
    description:
      "The whole transmission of the note: BOJ hike → yen legs and FX view → hedged UST and JGB advantage → Japan's bid → term premium → US 10y → scenario → holdings, P/E of growth and value, Korean 10y. Spills step, before, after, change.",
    source: "note §1.2, §3, §4, §6.3",
    params: [
      {
        name: "inputs",
        kind: "text",
        shape: "inputs",
        ...CHAIN_INPUTS_BLOCK,
        optional: true,
        help: "a two-column range of input names and values (any subset, any order; see CHAIN_INPUTS). Missing names take the note's values",
      },
    ],
    result: "table",
    returns: "a 16×4 table: header, then one row per step of the chain",
    example: { formula: '=CHAIN({"hike_bp",50;"bid_cut",0.5})', result: "us_10y 4.30% → 4.60%, scenario A → B" },
    impl: (inputs?: NamedInputs) => chain((inputs ?? {}) as Partial<ChainInputs>),
  },
  {
    name: "CHAIN_COMPARE",
    domain: "scenarios",
    description:
      "Named scenarios of CHAIN side by side: one column per scenario, one row per step, each the step's after value (its change for the change-only steps).",
    source: "note §6.3 (scenarios); the transmission of CHAIN",
    params: [
      {
        name: "inputs",
        kind: "text",
        shape: "scenarios",
        ...CHAIN_INPUTS_BLOCK,
        help: "a block whose first row is a label then one scenario name per column, and whose other rows are a CHAIN input name then its value in each scenario (blank: the note's value)",
      },
    ],
    result: "table",
    returns: "a 16-row table: header (step, then the scenario names), then one row per step of CHAIN",
    example: { formula: `=CHAIN_COMPARE(${LIFER_EXAMPLE})`, result: "us_10y 4.60% 4.70%, scenario B B" },
    impl: (scenarios: NamedScenario[]) => chainCompare(scenarios.map((x) => ({ name: x.name, inputs: x.inputs as Partial<ChainInputs> | SheetError }))),
  },
  {
    name: "CHAIN_SENSITIVITY",
    domain: "scenarios",
    description:
      "CHAIN with one input swept from `from` to `to` in `points` even steps: per point the hedged UST, JGB advantage, bid cut, term premium, US 10y, scenario and P/E changes.",
    source: "the transmission of CHAIN; note §6.3 for the scenarios",
    params: [
      CHAIN_INPUTS_ARG,
      { name: "input_name", kind: "text", help: 'the CHAIN input to sweep, e.g. "hike_bp"', single: true },
      { name: "from", kind: "factor", help: "first value of the swept input, in its unit (50 for bp, 4.5% for a rate)", single: true, unit: "the swept input's" },
      { name: "to", kind: "factor", help: "last value of the swept input, in its unit", single: true, unit: "the swept input's" },
      { name: "points", kind: "count", help: "number of points, 2 to 1001. Default 11", optional: true, default: 11, min: 2, max: 1001, single: true },
    ],
    result: "table",
    returns: "a table: header (the input, hedged_ust, jgb_advantage, bid_cut, term_premium_change, us_10y, scenario, pe_change_growth, pe_change_value), then one row per point",
    example: { formula: '=CHAIN_SENSITIVITY({"hedge_ratio",60%;"fx_response",-4%;"bid_elasticity_bn",50}, "hike_bp", 0, 100, 3)', result: "4.30%, 4.70%, 5.10%" },
    impl: sensitivityOf,
  },
]);

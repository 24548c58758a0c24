import { SheetError, invalid } from "../errors";
import { hedgeCost } from "../hedging/hedgeCost";
import { hedgedUst, jgbAdvantage } from "../hedging/hedgedUst";
import { tpImpact } from "../demand/tpImpact";
import { holdingsLoss } from "../demand/holdingsLoss";
import { peChange } from "../equities/gordon";
import { type Cell, type Table, change, movedRow, round15 } from "../table";
import { scenario } from "./scenario";

/** Every input of the transmission chain. Rates are decimals, money USD bn. */
export interface ChainInputs {
  hike_bp: number;
  us_short: number;
  jp_short: number;
  ust_10y: number;
  jgb_10y: number;
  basis: number;
  short_passthrough: number;
  jgb_passthrough: number;
  hedge_ratio: number;
  fx_change: number;
  japan_buying_bn: number;
  bid_cut: number;
  bp_per_100bn: number | string;
  japan_holdings_bn: number;
  ust_duration: number;
  erp: number;
  growth_growth: number;
  growth_value: number;
  kr_beta: number;
  /** Probability of the hike: the hike that happens is `hike_bp · hike_prob`. */
  hike_prob: number;
  /** Expected change of USD/JPY a year per 100bp of hike, on the unhedged part (negative: yen strength). */
  fx_response: number;
  /** USD bn of Japan's buying lost per 100bp rise of the JGB advantage; `""` or 0: off (bid_cut is the input). */
  bid_elasticity_bn: number | "";
}

export type ChainInput = keyof ChainInputs;

/**
 * The note's illustrative numbers (§3.1–§3.3, §2.4), in the order `CHAIN_INPUTS()` spills them.
 * The transmission inputs at the end keep every number of the note: the hike happens for sure,
 * the yen does not react, and the bid cut is the note's input, not derived.
 */
export const CHAIN_DEFAULTS: Readonly<ChainInputs> = {
  hike_bp: 50, // §3.2: BOJ +50bp
  us_short: 0.045, // §3.1
  jp_short: 0.005, // §3.1
  ust_10y: 0.043, // §3.1
  jgb_10y: 0.015, // §3.1
  basis: 0, // §3.1 ignores the basis (see the disclaimer)
  short_passthrough: 1,
  jgb_passthrough: 1, // §3.2: "JGB 10-yr 1.50% → 2.00% (assumed)"
  hedge_ratio: 1,
  fx_change: 0,
  japan_buying_bn: 75, // §3.3: typical annual net buying USD 50–100bn
  bid_cut: 0.5, // §3.3: "If that drops by half"
  bp_per_100bn: 80, // §3.3: $25–50bn → 20–40bp
  japan_holdings_bn: 1130, // §2.4: ~USD 1.13 trillion
  ust_duration: 8,
  erp: 0.04,
  growth_growth: 0.065,
  growth_value: 0.03,
  kr_beta: 0.5,
  hike_prob: 1,
  fx_response: 0,
  bid_elasticity_bn: "",
};

export const CHAIN_STEPS = [
  "jp_short",
  "jgb_10y",
  "fx_change",
  "hedge_cost",
  "hedged_ust",
  "jgb_advantage",
  "bid_cut",
  "japan_buying_bn",
  "term_premium_change",
  "us_10y",
  "scenario",
  "holdings_mtm_bn",
  "pe_change_growth",
  "pe_change_value",
  "kr_10y_change",
] as const;

export type ChainStep = (typeof CHAIN_STEPS)[number];

/** Steps that are changes only: `""` before and after, the value in the change column. */
export const CHANGE_ONLY_STEPS: ReadonlySet<ChainStep> = new Set<ChainStep>([
  "bid_cut",
  "term_premium_change",
  "holdings_mtm_bn",
  "pe_change_growth",
  "pe_change_value",
  "kr_10y_change",
]);

/** Blank and 0 both mean "not given" for bid_cut and bid_elasticity_bn (Excel desktop passes an empty cell as 0). */
const given = (v: number | string | undefined): v is number => typeof v === "number" && v !== 0;

/** A step that may fail on its own: its error stays in its cell, the other rows stand. */
function step(f: () => number, what: string): number | SheetError {
  try {
    const x = f();
    return Number.isFinite(x) ? x : new SheetError("num", `CHAIN: ${what} is not a finite number`);
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
}

/** The numbers of one evaluation of the chain, before they become CHAIN's cells. */
export interface ChainState {
  x: ChainInputs;
  jpAfter: number;
  jgbAfter: number;
  fxAfter: number;
  advBefore: number;
  advAfter: number;
  /** The bid cut's cell: the input, or derived from the elasticity (its own error when impossible). */
  cut: Cell;
  buyingAfter: number;
  tpChange: number;
  us10yAfter: number;
  /** `ust_10y + erp`, the equities' discount rate before the move. */
  discountRate: number;
}

/**
 * The transmission of the note (§1.2, §3, §4) as numbers. The hike that happens,
 * `hike_bp·hike_prob`, moves the JPY legs and (through `fx_response`) the expected USD/JPY on the
 * unhedged part; that moves the hedged UST and the JGB advantage. Japan's buying falls by
 * `bid_cut`, given, or derived from the change of the advantage when `bid_elasticity_bn` is set;
 * the shortfall lifts the term premium and the US 10y one for one.
 *
 * Throws for inputs that make the whole table meaningless (bid_cut beside bid_elasticity_bn, a
 * bid_cut outside 0..1, an unknown bp_per_100bn preset).
 */
export function chainState(partial: Partial<ChainInputs> = {}): ChainState {
  const elasticity = partial.bid_elasticity_bn;
  const derived = given(elasticity);
  if (derived && given(partial.bid_cut)) {
    invalid(
      `bid_cut = ${partial.bid_cut} and bid_elasticity_bn = ${elasticity} are both given: CHAIN either takes the bid cut as given or derives it from the elasticity; clear one of them (blank or 0)`,
    );
  }
  const x: ChainInputs = { ...CHAIN_DEFAULTS, ...partial };
  if (!derived && (x.bid_cut < 0 || x.bid_cut > 1)) invalid(`bid_cut = ${x.bid_cut} must be between 0 and 1 (the fraction of Japan's buying that stops)`);

  const hikeBp = x.hike_bp * x.hike_prob;
  const hike = hikeBp / 10000;
  const jpAfter = x.jp_short + hike * x.short_passthrough;
  const jgbAfter = x.jgb_10y + hike * x.jgb_passthrough;
  const fxAfter = x.fx_change + (x.fx_response * hikeBp) / 100;
  const advantage = (jgb: number, jp: number, fx: number) => jgbAdvantage(jgb, x.ust_10y, x.us_short, jp, x.basis, x.hedge_ratio, fx);
  const advBefore = advantage(x.jgb_10y, x.jp_short, x.fx_change);
  const advAfter = advantage(jgbAfter, jpAfter, fxAfter);

  // The bid: lost in proportion to the rise of the advantage (elasticity), or the note's fraction.
  let shortfall: number;
  let cut: Cell;
  if (derived) {
    shortfall = round15(elasticity * change(advAfter, advBefore) * 100);
    cut =
      x.japan_buying_bn === 0
        ? new SheetError("div0", `bid_cut: japan_buying_bn is 0, so the shortfall of ${+shortfall.toPrecision(12)}bn is no fraction of it`)
        : step(() => shortfall / x.japan_buying_bn, "bid_cut");
  } else {
    shortfall = x.japan_buying_bn * x.bid_cut;
    cut = x.bid_cut;
  }
  const tpChange = tpImpact(shortfall, x.bp_per_100bn);
  return {
    x,
    jpAfter,
    jgbAfter,
    fxAfter,
    advBefore,
    advAfter,
    cut,
    buyingAfter: x.japan_buying_bn - shortfall,
    tpChange,
    us10yAfter: x.ust_10y + tpChange,
    discountRate: x.ust_10y + x.erp,
  };
}

/** A P/E row's cell; it names the CHAIN inputs behind it when the Gordon model refuses them. */
export function peChangeCell(s: ChainState, growthName: "growth_growth" | "growth_value"): Cell {
  if (!Number.isFinite(s.tpChange)) return new SheetError("num", `CHAIN: ${growthName}: the term-premium change is not a finite number`);
  const growth = s.x[growthName];
  const r = step(() => peChange(s.tpChange, s.discountRate, growth), `the P/E change at ${growthName}`);
  return r instanceof SheetError && r.kind === "value" ? new SheetError("value", `${growthName}: ${r.message}; the discount rate is ust_10y + erp`) : r;
}

/** The scenario label of a US 10y level; none next to a level that overflowed. */
export function scenarioCell(level: number): Cell {
  return Number.isFinite(level) ? scenario(level) : new SheetError("num", "CHAIN: us_10y is not a finite number, so it has no scenario");
}

/** A change-only row's change cell, as CHAIN shows it. */
export function changeCell(c: Cell): Cell {
  return typeof c === "number" ? round15(c) : c;
}

/**
 * The whole transmission of the note as CHAIN's table (see `chainState`), then the move marks
 * Japan's holdings to market and reprices equities through the discount rate `ust_10y + erp`.
 *
 * Inputs that make the whole table meaningless throw; a step that is impossible for these inputs
 * (a P/E where growth reaches the discount rate, a cut of zero buying) holds its error in its own cell.
 */
export function chain(partial: Partial<ChainInputs> = {}): Table {
  const s = chainState(partial);
  const x = s.x;
  const hedged = (jp: number, fx: number) => hedgedUst(x.ust_10y, x.us_short, jp, x.basis, x.hedge_ratio, fx);
  const changeOnly = (label: ChainStep, c: Cell) => [label, "", "", changeCell(c)];

  return [
    ["step", "before", "after", "change"],
    movedRow("jp_short", x.jp_short, s.jpAfter),
    movedRow("jgb_10y", x.jgb_10y, s.jgbAfter),
    movedRow("fx_change", x.fx_change, s.fxAfter),
    movedRow("hedge_cost", hedgeCost(x.us_short, x.jp_short, x.basis), hedgeCost(x.us_short, s.jpAfter, x.basis)),
    movedRow("hedged_ust", hedged(x.jp_short, x.fx_change), hedged(s.jpAfter, s.fxAfter)),
    movedRow("jgb_advantage", s.advBefore, s.advAfter),
    changeOnly("bid_cut", s.cut),
    movedRow("japan_buying_bn", x.japan_buying_bn, s.buyingAfter),
    changeOnly("term_premium_change", s.tpChange),
    movedRow("us_10y", x.ust_10y, s.us10yAfter),
    ["scenario", scenarioCell(x.ust_10y), scenarioCell(s.us10yAfter), ""],
    changeOnly("holdings_mtm_bn", holdingsLoss(x.japan_holdings_bn, s.tpChange, x.ust_duration)),
    changeOnly("pe_change_growth", peChangeCell(s, "growth_growth")),
    changeOnly("pe_change_value", peChangeCell(s, "growth_value")),
    changeOnly("kr_10y_change", x.kr_beta * s.tpChange),
  ];
}

/** What a step ends at in a CHAIN table: its after value, or its change for a change-only step. */
export function outcome(table: Table, s: ChainStep): Cell {
  const row = table[1 + CHAIN_STEPS.indexOf(s)];
  return CHANGE_ONLY_STEPS.has(s) ? row[3] : row[2];
}

/** CHAIN, or the one error that spoils its whole table. */
export function chainOrError(partial: Partial<ChainInputs>): Table | SheetError {
  try {
    return chain(partial);
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
}

import { describe, expect, it } from "vitest";
import { hedgeCost } from "../../../src/core/hedging/hedgeCost";
import { hedgedUst, jgbAdvantage } from "../../../src/core/hedging/hedgedUst";
import { num } from "../../helpers/sheet";

describe("HEDGE_COST, the note's model", () => {
  it("is the short-rate differential of §3.1", () => {
    // note §3.1: hedge cost = 4.50% − 0.50% = 4.00%
    expect(hedgeCost(0.045, 0.005)).toBeCloseTo(0.04, 15);
  });

  it("falls 50bp after the 50bp BOJ hike of §3.2", () => {
    // note §3.2: hedge cost = 4.50% − 1.00% = 3.50%
    expect(hedgeCost(0.045, 0.01)).toBeCloseTo(0.035, 15);
  });

  it("matches the §2.1 primer example", () => {
    // note §2.1: US 5%, Japan 0.5% → hedge cost ≈ 4.5%
    expect(num("HEDGE_COST", "5%", "0.5%")).toBeCloseTo(0.045, 15);
  });

  it("adds a negative cross-currency basis to the cost", () => {
    // docs/functions.md, HEDGE_COST: us − jp − basis; basis −0.30% → 4.50% − 0.50% + 0.30% = 4.30%
    expect(hedgeCost(0.045, 0.005, -0.003)).toBeCloseTo(0.043, 15);
  });
});

describe("HEDGED_UST and JGB_ADVANTAGE, the note's numbers", () => {
  it("gives the §3.1 hedged UST of 0.30%", () => {
    // note §3.1: 4.30% − 4.00% = 0.30%
    expect(hedgedUst(0.043, 0.045, 0.005)).toBeCloseTo(0.003, 15);
  });

  it("gives 0.80% after the §3.2 hike", () => {
    // note §3.2: 4.30% − 3.50% = 0.80%
    expect(hedgedUst(0.043, 0.045, 0.01)).toBeCloseTo(0.008, 15);
  });

  it("gives the §2.1 primer's zero post-hedge return", () => {
    // note §2.1: UST 4.5% − hedge cost 4.5% = 0%
    expect(hedgedUst(0.045, 0.05, 0.005)).toBeCloseTo(0, 15);
  });

  it("shows the JGB advantage of 1.20pp before the hike", () => {
    // note §3.1: JGB 1.50% vs hedged UST 0.30% → 1.20pp
    expect(jgbAdvantage(0.015, 0.043, 0.045, 0.005)).toBeCloseTo(0.012, 15);
  });

  it("shows the same 1.20pp after the hike, not a wider gap", () => {
    // note §3.2: JGB 2.00% vs hedged UST 0.80% → 1.20pp (note §3.2, in our words: 1.20pp before and after)
    expect(jgbAdvantage(0.02, 0.043, 0.045, 0.01)).toBeCloseTo(0.012, 15);
  });

  it("charges the hedge cost only on the hedged fraction", () => {
    // closed form: 4.30% − 0.6·4.00% + 0.4·(−5%) = 4.30% − 2.40% − 2.00% = −0.10%
    expect(hedgedUst(0.043, 0.045, 0.005, 0, 0.6, -0.05)).toBeCloseTo(-0.001, 15);
  });

  it("is the bare UST yield plus the FX move when unhedged", () => {
    // closed form with hedge_ratio 0: 4.30% + (−3%) = 1.30%, whatever the short rates
    expect(hedgedUst(0.043, 0.2, -0.1, 0.05, 0, -0.03)).toBeCloseTo(0.013, 15);
  });
});

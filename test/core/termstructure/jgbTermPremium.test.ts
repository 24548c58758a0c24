/**
 * A JGB term premium (docs/term-premium.md): the MoF par curve's month-ends → PAR_TO_ZERO → a
 * monthly zero panel whose 1-month yield is Japan's call rate (FRED IRSTCI01JPM156N) →
 * ACM_TERM_PREMIUM, run on the real files over the months both cover (1992-10 .. 2024-01). No
 * published series to match: the checks are that the panel is what the recipe says, that the
 * model prices the 10-year zero it decomposes, and that the premium moves as Japan's history did.
 */
import { describe, expect, it } from "vitest";
import { acmTermPremium } from "../../../src/core/termstructure/acm";
import { zeroToPar } from "../../../src/core/termstructure/zeroToPar";
import { JGB_YEARS, compareBp, jgbPanel } from "./recipes";

const panel = jgbPanel();
const bp = (x: number) => `${(x * 1e4).toFixed(1)} bp`;

describe("the JGB term premium recipe on the MoF history", () => {
  it("builds a 376-month zero panel whose zeros reprice the MoF par yields", () => {
    expect(panel.months).toHaveLength(376);
    expect([panel.months[0], panel.months[375]]).toEqual(["1992-10", "2024-01"]);
    expect(panel.maturities).toEqual([1, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
    // 2024-01: the call rate −0.014% (line 377 of the FRED file, "2024-01-01,-0.014") as 12·ln(1 − 0.00014/12).
    const last = panel.yields[375];
    expect(last[0]).toBeCloseTo(12 * Math.log1p(-0.00014 / 12), 15);
    // ZERO_TO_PAR of the month's zeros gives back the MoF's par yields of its last day, line 12662
    // "2024/1/31": 1Y −0.035, 2Y 0.094, …, 10Y 0.737.
    const par = zeroToPar(last.slice(1), JGB_YEARS, 2).map((r) => r[0] as number);
    expect(par[0]).toBeCloseTo(-0.00035, 12);
    expect(par[1]).toBeCloseTo(0.00094, 12);
    expect(par[9]).toBeCloseTo(0.00737, 12);
  });

  it("prices the 10-year zero and gives a premium that follows Japan's history", () => {
    const out = acmTermPremium(panel.yields, panel.maturities, 120, 5).slice(1) as number[][];
    const tp = out.map((r) => r[2]);
    const months = panel.months;
    const at = (m: string) => tp[months.indexOf(m)];
    const fit = compareBp(
      out.map((r) => r[0]),
      panel.yields.map((y) => y[10]),
      months,
    );
    let lo = 0;
    let hi = 0;
    tp.forEach((v, i) => {
      if (v < tp[lo]) lo = i;
      if (v > tp[hi]) hi = i;
    });
    console.log(
      `JGB 10y term premium (ACM, 5 factors, ${months.length} months ${months[0]} .. ${months[months.length - 1]}): latest ${bp(tp[tp.length - 1])} (${months[months.length - 1]}), ` +
        `range ${bp(tp[lo])} (${months[lo]}) .. ${bp(tp[hi])} (${months[hi]}); 2013-03 ${bp(at("2013-03"))}, 2016-07 ${bp(at("2016-07"))}, 2019-08 ${bp(at("2019-08"))}; ` +
        `fitted 10y zero vs the panel's: RMSE ${fit.rmse.toFixed(1)} bp, max ${fit.max.toFixed(1)} bp (${fit.at})`,
    );
    expect(tp.every(Number.isFinite)).toBe(true);
    // The model prices the yield it decomposes: its fitted 10-year zero stays within 15 bp RMSE of the panel's.
    expect(fit.rmse).toBeLessThan(15);
    // Sanity against the history: a large premium in the early 1990s (10y JGB near 5%), below zero around
    // yield-curve control's negative 10-year yields (2016, 2019), positive again by 2024 as yields rose.
    expect(at("1992-10")).toBeGreaterThan(0.02);
    expect(Math.min(at("2016-07"), at("2019-08"))).toBeLessThan(0);
    expect(tp[tp.length - 1]).toBeGreaterThan(0);
    expect(tp[hi]).toBeLessThan(0.06);
    expect(tp[lo]).toBeGreaterThan(-0.01);
    // The figures docs/term-premium.md gives (bp, to the 0.1 it prints).
    expect(tp[tp.length - 1] * 1e4).toBeCloseTo(78.1, 1);
    expect([tp[lo] * 1e4, months[lo]]).toEqual([expect.closeTo(-25.9, 1), "2019-08"]);
    expect([tp[hi] * 1e4, months[hi]]).toEqual([expect.closeTo(408.5, 1), "1992-10"]);
  });

  it("with 4 factors: the same story, a closer fit of the 10-year zero (the doc's comparison)", () => {
    const out = acmTermPremium(panel.yields, panel.maturities, 120, 4).slice(1) as number[][];
    const tp = out.map((r) => r[2] * 1e4);
    const fit = compareBp(out.map((r) => r[0]), panel.yields.map((y) => y[10]), panel.months);
    console.log(`JGB 10y term premium with 4 factors: latest ${tp[tp.length - 1].toFixed(1)} bp, range ${tp.reduce((a, b) => Math.min(a, b)).toFixed(1)} .. ${tp.reduce((a, b) => Math.max(a, b)).toFixed(1)} bp; fitted 10y RMSE ${fit.rmse.toFixed(1)} bp`);
    expect(tp[tp.length - 1]).toBeCloseTo(77.0, 1);
    expect(fit.rmse).toBeCloseTo(4.9, 1);
  });
});

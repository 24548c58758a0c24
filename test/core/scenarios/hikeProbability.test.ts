/** HIKE_PROBABILITY: the hike odds an OIS or futures rate prices (the chain's first link, note §1.2). */
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { call, err, num } from "../../helpers/sheet";

describe("HIKE_PROBABILITY", () => {
  it("prices 0.75 from an implied 0.6875% over a current 0.50% (a period that starts at the meeting)", () => {
    // docs/functions.md example; closed form (0.6875% − 0.50%) / 0.25% = 0.75
    expect(num("HIKE_PROBABILITY", "0.6875%", "0.5%")).toBe(0.75);
  });

  it("prices 0.75 from an implied 0.59375% when half the period lies after the meeting", () => {
    // docs/functions.md example; closed form (0.59375% − 0.50%) / (0.25% · 0.5) = 0.75
    expect(num("HIKE_PROBABILITY", "0.59375%", "0.5%", 25, 0.5)).toBe(0.75);
  });

  it("recovers the probability from an average rate built day by day (independent check)", () => {
    // A 91-day period, the meeting after day 30: the rate is 0.50% for 30 days, then 0.50% + p·0.25%
    // (the expected rate after a meeting that hikes 25bp with probability p). The OIS rate is the
    // average of the daily rates (simple average, as the period's fixing averages them).
    for (const p of [0, 0.3, 0.75, 1, 1.6, -0.4]) {
      let sum = 0;
      for (let day = 0; day < 91; day++) sum += day < 30 ? 0.005 : 0.005 + p * 0.0025;
      const implied = sum / 91;
      expect(num("HIKE_PROBABILITY", implied, 0.005, 25, 61 / 91), `p = ${p}`).toBeCloseTo(p, 12);
    }
  });

  it("gives cut odds for a negative hike_bp", () => {
    // a market pricing 0.40% against 0.50%: (0.40% − 0.50%) / (−0.25%) = 0.4 odds of a 25bp cut
    expect(num("HIKE_PROBABILITY", "0.4%", "0.5%", -25)).toBeCloseTo(0.4, 14);
    // the same prices as hike odds are negative: not clamped
    expect(num("HIKE_PROBABILITY", "0.4%", "0.5%", 25)).toBeCloseTo(-0.4, 14);
  });

  it("is not clamped: above 1 more than one hike is priced", () => {
    // (1.00% − 0.50%) / 0.25% = 2 hikes
    expect(num("HIKE_PROBABILITY", "1%", "0.5%")).toBe(2);
  });

  it("refuses hike_bp 0, a fraction of a basis point, and share_after_meeting outside (0, 1]", () => {
    expect(err("HIKE_PROBABILITY", 0.006, 0.005, 0).message).toContain("hike_bp = 0");
    expect(err("HIKE_PROBABILITY", 0.006, 0.005, 0.25).message).toBe(
      "hike_bp = 0.25 is a fraction of a basis point: this argument is in basis points (50 = 0.50%)",
    );
    expect(err("HIKE_PROBABILITY", 0.006, 0.005, 25, 0).message).toBe("share_after_meeting = 0 must be above 0");
    expect(err("HIKE_PROBABILITY", 0.006, 0.005, 25, 1.5).message).toBe("share_after_meeting = 1.5 must be at most 1");
  });

  it("spills over a column of implied rates, a bad cell spoiling only its own result", () => {
    // 0.625%, 0.75% over 0.50% at 25bp: 0.5 and 1 hike
    const r = call("HIKE_PROBABILITY", [[0.00625], ["abc"], [0.0075]], 0.005) as unknown[][];
    expect(r[0][0]).toBe(0.5);
    expect(r[1][0]).toBeInstanceOf(SheetError);
    expect(r[2][0]).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { holdingsLoss } from "../../../src/core/demand/holdingsLoss";
import { num } from "../../helpers/sheet";

describe("HOLDINGS_LOSS", () => {
  it("marks Japan's 1,130bn down 27.12bn for +30bp at duration 8", () => {
    // note §2.4 (≈ USD 1.13tn); docs/functions.md, HOLDINGS_LOSS's example: 1130·(−8·0.003) = −27.12
    expect(num("HOLDINGS_LOSS", "1,130", "0.3%", 8)).toBeCloseTo(-27.12, 12);
  });

  it("adds the convexity term", () => {
    // closed form: 1130·(−8·0.003 + ½·80·0.003²) = 1130·(−0.024 + 0.00036) = −26.7132
    expect(holdingsLoss(1130, 0.003, 8, 80)).toBeCloseTo(-26.7132, 12);
  });

  it("is a gain when yields fall", () => {
    // closed form: 1000·(−7·(−0.01) + ½·60·0.0001) = 1000·(0.07 + 0.003) = 73
    expect(holdingsLoss(1000, -0.01, 7, 60)).toBeCloseTo(73, 12);
  });
});

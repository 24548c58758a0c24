import { describe, expect, it } from "vitest";
import { pvChange } from "../../../src/core/equities/pvChange";
import { SheetError } from "../../../src/core/errors";
import { call, num } from "../../helpers/sheet";

describe("PV_CHANGE", () => {
  it("of one zero-coupon cash flow is ((1 + r)/(1 + r + Δ))^t − 1", () => {
    // note §4.1 "Price = CF/(1 + r)^t", closed form for a single flow
    for (const r of [0, 0.04, 0.083]) for (const d of [-0.01, 0.003, 0.01]) for (const t of [0.5, 1, 5, 10, 30]) {
      expect(pvChange([100], [t], r, d), `${r} ${d} ${t}`).toBeCloseTo(Math.pow((1 + r) / (1 + r + d), t) - 1, 14);
    }
  });

  it("makes distant cash flows lose more (§4.1)", () => {
    // note §4.1: "A higher discount rate haircuts those distant flows more"; the closed form falls with t
    const losses = [1, 5, 10, 20, 40].map((t) => pvChange([1], [t], 0.08, 0.003));
    for (let k = 1; k < losses.length; k++) expect(losses[k]).toBeLessThan(losses[k - 1]);
  });

  it("hits a back-loaded schedule harder than a front-loaded one of the same value today", () => {
    // closed form: the PV-weighted average of the single-flow changes, weights moved to later flows
    const front = pvChange([100, 10, 10], [1, 2, 3], 0.08, 0.003);
    const back = pvChange([10, 10, 100], [1, 2, 3], 0.08, 0.003);
    expect(back).toBeLessThan(front);
  });

  it("is the PV-weighted average of single-flow changes for a bond-like schedule", () => {
    // closed form: PV(4.3%)/PV(4%) − 1 with PV(r) = 1/(1+r) + 1/(1+r)² + 101/(1+r)³
    const pv = (r: number) => 1 / (1 + r) + 1 / (1 + r) ** 2 + 101 / (1 + r) ** 3;
    expect(num("PV_CHANGE", [1, 1, 101], [1, 2, 3], "4%", "0.3%")).toBeCloseTo(pv(0.043) / pv(0.04) - 1, 14);
  });

  it("refuses schedules of different lengths", () => {
    const e = call("PV_CHANGE", [1, 1, 101], [1, 2], 0.04, 0.003) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("cashflows");
  });

  it("refuses negative times", () => {
    const e = call("PV_CHANGE", [1, 1], [-1, 2], 0.04, 0.003) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("times");
  });

  it("refuses cash flows worth nothing today, naming them", () => {
    const e = call("PV_CHANGE", [1, -1], [1, 1], 0.04, 0.003) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("cashflows");
  });
});

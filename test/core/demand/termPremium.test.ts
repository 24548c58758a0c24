import { describe, expect, it } from "vitest";
import { termPremium } from "../../../src/core/demand/termPremium";
import { SheetError } from "../../../src/core/errors";
import { call, num } from "../../helpers/sheet";

describe("TERM_PREMIUM", () => {
  it("is the long yield less the average expected short rate (§2.3)", () => {
    // note §2.3 decomposition, closed form: 4.30% − (3.5% + 3.5% + 3.8%)/3 = 4.30% − 3.60% = 0.70%
    expect(termPremium(0.043, [0.035, 0.035, 0.038])).toBeCloseTo(0.007, 15);
  });

  it("rises one for one with the long yield when the short-rate path is unchanged", () => {
    // note §2.3: "If term premium rises 100bp → 10-year yield rises ~100bp; short rates can be unchanged"
    const path = [0.04, 0.038, 0.036];
    expect(termPremium(0.053, path) - termPremium(0.043, path)).toBeCloseTo(0.01, 15);
  });

  it("skips blank cells of the path", () => {
    // Excel AVERAGE skips blanks: AVERAGE(3%, , 4%) = 3.5% → 4.30% − 3.50% = 0.80%
    expect(num("TERM_PREMIUM", 0.043, [[0.03], [""], [null], [0.04]])).toBeCloseTo(0.008, 15);
  });

  it("refuses a path with no numbers", () => {
    const e = call("TERM_PREMIUM", 0.043, [[""], [null]]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.message).toContain("expected_short_rates");
  });

  it("refuses the whole call when one rate of the path is text", () => {
    // the path is one input: a bad item cannot be skipped silently
    const e = call("TERM_PREMIUM", 0.043, [[0.03], ["abc"]]) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("expected_short_rates");
  });
});

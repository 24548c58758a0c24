/** How the demo writes numbers: a person reads rounded decimals, not binary floating point. */
import { describe, expect, it } from "vitest";
import { percent, usdBn } from "../../src/demo/format";

describe("percent and USD bn", () => {
  it("rounds half away from zero on the decimal value (as a spreadsheet's 0.00% format shows it)", () => {
    // Excel/LibreOffice with format 0.00%: 0.00045 → 0.05%, 0.04345 → 4.35%, −0.00045 → −0.05%.
    // (JavaScript's (0.045).toFixed(2) gives "0.04": the binary value is below one half.)
    expect(percent(0.00045, true)).toBe("+0.05%");
    expect(percent(0.04345)).toBe("4.35%");
    expect(percent(-0.00045, true)).toBe("-0.05%");
  });

  it("signs changes, never shows -0.00%", () => {
    expect(percent(0.003, true)).toBe("+0.30%");
    expect(percent(-0.005, true)).toBe("-0.50%");
    expect(percent(0, true)).toBe("0.00%");
    expect(percent(-1e-9, true)).toBe("0.00%");
  });

  it("USD bn with two decimals", () => {
    // HOLDINGS_LOSS's example (docs/functions.md): −27.12bn; note §3.3: 75 → 37.5.
    expect(usdBn(-27.12)).toBe("-27.12");
    expect(usdBn(37.5)).toBe("37.50");
    expect(usdBn(-37.5, true)).toBe("-37.50");
  });
});

/**
 * Sanity check on real data: the NY Fed's published ACM series (ACMTermPremium.xls, its
 * "ACM Monthly" sheet as CSV: nyfed_acm_monthly_csv_export_1961-2025.csv). Their fitted
 * yields ACMY01..ACMY10 (1–10 years, percent) serve as our panel and our 10-year term premium is
 * compared with their ACMTP10. Only a loose, printed comparison: ACM estimate on the Fed's
 * monthly GSW curve at every maturity from 1 to 120 months, while this panel has ten annual
 * maturities and no 1-month yield, which we extrapolate linearly from the 1- and 2-year yields
 * (y(1m) = y(12) − (y(24) − y(12))·11/12) — a made-up short rate.
 */
import { describe, expect, it } from "vitest";
import { acmTermPremium } from "../../../src/core/termstructure/acm";
import { csvFields, readRealFixture } from "./fixtures";

describe("ACM_TERM_PREMIUM on the NY Fed's ACM fitted yields", () => {
  const text = readRealFixture("nyfed_acm_monthly_csv_export_1961-2025.csv");
  it("tracks the published ACMTP10 (printed comparison, loose check)", () => {
    const lines = text.trim().split("\n");
    const header = csvFields(lines[0]);
    const rows = lines.slice(1).map(csvFields);
    const col = (name: string) => header.indexOf(name);
    const annual = rows.map((r) => Array.from({ length: 10 }, (_, i) => Number(r[col(`ACMY${String(i + 1).padStart(2, "0")}`)]) / 100));
    const published = rows.map((r) => Number(r[col("ACMTP10")]) / 100);
    const panel = annual.map((y) => [y[0] - ((y[1] - y[0]) * 11) / 12, ...y]);
    const maturities = [1, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120];
    const T = panel.length;
    for (const factors of [3, 4, 5]) {
      const out = acmTermPremium(panel, maturities, 120, factors).slice(1) as number[][];
      const ours = out.map((r) => r[2]);
      const fitRmse = Math.sqrt(out.reduce((s, r, t) => s + (r[0] - annual[t][9]) ** 2, 0) / T) * 1e4;
      const ma = ours.reduce((s, x) => s + x, 0) / T;
      const mb = published.reduce((s, x) => s + x, 0) / T;
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      let sdd = 0;
      for (let t = 0; t < T; t++) {
        sab += (ours[t] - ma) * (published[t] - mb);
        saa += (ours[t] - ma) ** 2;
        sbb += (published[t] - mb) ** 2;
        sdd += (ours[t] - published[t]) ** 2;
      }
      const corr = sab / Math.sqrt(saa * sbb);
      const rmse = Math.sqrt(sdd / T) * 1e4;
      console.log(
        `ACM on the NY Fed's ACMY01..10 (${T} months, ${factors} factors): TP10 correlation with ACMTP10 ${corr.toFixed(3)}, RMSE ${rmse.toFixed(0)}bp, ` +
          `mean ${(ma * 1e4).toFixed(0)}bp vs ${(mb * 1e4).toFixed(0)}bp, last month ${(ours[T - 1] * 1e4).toFixed(0)}bp vs ${(published[T - 1] * 1e4).toFixed(0)}bp; our fitted 10y vs ACMY10 RMSE ${fitRmse.toFixed(1)}bp`,
      );
      // With 5 factors the panel's fifth principal component has a variance 1e-8 of the first:
      // its price of risk is barely identified and the estimated risk-neutralised dynamics come out
      // explosive, so only the 3- and 4-factor fits are held to the loose check.
      if (factors < 5) {
        expect(corr).toBeGreaterThan(0.9);
        expect(rmse).toBeLessThan(50);
      }
    }
  });
});

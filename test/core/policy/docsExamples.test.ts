/**
 * The figures docs/policy-path.md prints, to the digits it prints them, recomputed here, so the
 * page cannot drift from the function.
 *
 * Inputs and their sources (as the page cites them):
 *  - BOJ, 20 Jan 2025: the POLICY_PATH example of docs/functions.md (the project's specification,
 *    "Market-implied policy path"): TONA 0.227%, TONA OIS to 27 Jan / 3 Feb / 20 Feb.
 *  - Fed, 10 Nov 2022: CME Term SOFR 1M 3.88355%, 3M 4.20567%, 6M 4.58003%, 12M 4.88321%
 *    ("SOFR RATES 11/10/22", https://fixedincomegroup.com/sofr-v-libor-v-bsby-v-ameribor-8/);
 *    SOFR 3.78% ("Federal Reserve reference rate as of 10 November 2022", lawandpoliticsofaltondrew.com);
 *    terms from 15 Nov 2022 (T+2 government-securities business days, 11 Nov a bond-market holiday);
 *    FOMC decisions from the Fed's 4 June 2021 release and USA TODAY, 13 Dec 2022.
 */
import { describe, expect, it } from "vitest";
import { policyPath } from "../../../src/core/policy/policyPath";
import { hikeProbability } from "../../../src/core/scenarios/hikeProbability";
import type { Table } from "../../../src/core/table";

const BOJ = {
  valuationDate: "2025-01-20",
  overnightRate: 0.00227,
  quoteEnds: ["2025-01-27", "2025-02-03", "2025-02-20"],
  quoteRates: [0.0028784, 0.0036325, 0.0040875],
  meetings: ["2025-01-24", "2025-03-19"],
};

const FED = {
  valuationDate: "2022-11-15",
  overnightRate: 0.0378,
  quoteEnds: ["2022-12-15", "2023-02-15", "2023-05-15", "2023-11-15"],
  quoteRates: [0.0388355, 0.0420567, 0.0458003, 0.0488321],
  yearDays: 360,
  lagDays: 1,
};
const FOMC = ["2022-12-14", "2023-02-01", "2023-03-22", "2023-05-03", "2023-06-14", "2023-07-26", "2023-09-20", "2023-11-01", "2023-12-13"];
const GRID = ["2022-12-14", "2023-03-22", "2023-07-26"];

/** A row as the page prints it: rate in % to 3 decimals, bp to 1, probability to 2. */
const printed = (t: Table) =>
  t.slice(1).map((r) => [r[0], (100 * (r[2] as number)).toFixed(3), (r[3] as number).toFixed(1), (r[4] as number).toFixed(1), r[5] === "" ? "" : (r[5] as number).toFixed(2), r[6]]);

describe("docs/policy-path.md §2: three tenors, one meeting", () => {
  it("each quote alone gives 0.852, 0.848, 0.866, and HIKE_PROBABILITY 0.852, 0.848, 0.867", () => {
    const days = [7, 14, 31]; // from 20 Jan; e₁ = 25 Jan is day 5
    const alone = BOJ.quoteEnds.map((end, j) => policyPath({ ...BOJ, quoteEnds: [end], quoteRates: [BOJ.quoteRates[j]] })[1][5] as number);
    expect(alone.map((p) => p.toFixed(3))).toEqual(["0.852", "0.848", "0.866"]);
    const simple = BOJ.quoteRates.map((R, j) => hikeProbability(R, BOJ.overnightRate, 25, (days[j] - 5) / days[j]));
    expect(simple.map((p) => p.toFixed(3))).toEqual(["0.852", "0.848", "0.867"]);
  });
});

describe("docs/policy-path.md §3: the BOJ example", () => {
  it("prints 0.4431%, 21.61bp, 0.864, 3 quotes; March kept; residuals −0.09, −0.27, +0.04bp", () => {
    const t = policyPath(BOJ);
    expect((100 * (t[1][2] as number)).toFixed(4)).toBe("0.4431");
    expect((t[1][3] as number).toFixed(2)).toBe("21.61");
    expect((t[1][5] as number).toFixed(3)).toBe("0.864");
    expect(t[2].slice(3)).toEqual([0, t[1][4], "", 0]);
    // residual = quote − the rate the fitted path prices (independent compounding, doubles)
    const r1 = t[1][2] as number;
    const residuals = [7, 14, 31].map((days, j) => {
      const G = Math.pow(1 + BOJ.overnightRate / 365, 5) * Math.pow(1 + r1 / 365, days - 5);
      return ((BOJ.quoteRates[j] - ((G - 1) * 365) / days) * 1e4).toFixed(2);
    });
    expect(residuals).toEqual(["-0.09", "-0.27", "0.04"]);
  });
});

describe("docs/policy-path.md §4: the Fed on CME Term SOFR, 10 Nov 2022", () => {
  it("every FOMC meeting: the table the page shows as what goes wrong", () => {
    expect(printed(policyPath({ ...FED, meetings: FOMC }))).toEqual([
      ["2022-12-14", "3.780", "0.0", "0.0", "", 0],
      ["2023-02-01", "6.635", "285.5", "285.5", "11.42", 1],
      ["2023-03-22", "6.635", "0.0", "285.5", "", 0],
      ["2023-05-03", "-7.526", "-1416.1", "-1130.6", "-56.64", 1],
      ["2023-06-14", "-7.526", "0.0", "-1130.6", "", 0],
      ["2023-07-26", "-7.526", "0.0", "-1130.6", "", 0],
      ["2023-09-20", "-7.526", "0.0", "-1130.6", "", 0],
      ["2023-11-01", "170.175", "17770.1", "16639.5", "710.80", 1],
      ["2023-12-13", "170.175", "0.0", "16639.5", "", 0],
    ]);
  });

  it("the grid the quotes can price: 4.379% (+59.9, 2.39), 5.229% (+85.0, 3.40), 4.851% (−37.8, −1.51)", () => {
    const t = policyPath({ ...FED, meetings: GRID });
    expect(t.slice(1).map((r) => r[1])).toEqual(["2022-12-15", "2023-03-23", "2023-07-27"]);
    expect(printed(t)).toEqual([
      ["2022-12-14", "4.379", "59.9", "59.9", "2.39", 1],
      ["2023-03-22", "5.229", "85.0", "144.9", "3.40", 1],
      ["2023-07-26", "4.851", "-37.8", "107.1", "-1.51", 1],
    ]);
    expect((policyPath({ ...FED, meetings: GRID, stepBp: 50 })[1][5] as number).toFixed(2)).toBe("1.20");
  });

  it("the 1M quote implies 3.8775% before December; with it December reads +45.4bp, 1.82 steps", () => {
    // 30 days flat: r₀ = 360·((1 + R·30/360)^(1/30) − 1)
    const implied = 360 * (Math.pow(1 + (0.0388355 * 30) / 360, 1 / 30) - 1);
    expect((100 * implied).toFixed(4)).toBe("3.8775");
    const t = policyPath({ ...FED, overnightRate: 0.038775, meetings: GRID });
    expect((t[1][3] as number).toFixed(1)).toBe("45.4");
    expect((t[1][5] as number).toFixed(2)).toBe("1.82");
  });
});

import { describe, expect, it } from "vitest";
import { scenario } from "../../../src/core/scenarios/scenario";
import { SheetError } from "../../../src/core/errors";
import { call, table } from "../../helpers/sheet";

describe("SCENARIO", () => {
  it("is A below 4.5%", () => {
    // note §6.3: A = US 10y 4.0–4.5%; docs/functions.md, SCENARIO: "A" below 4.5%
    expect(call("SCENARIO", "4.3%")).toBe("A");
    expect(call("SCENARIO", 0.0449999)).toBe("A");
    expect(call("SCENARIO", 0.02)).toBe("A");
  });

  it("is B at exactly 4.5%", () => {
    // docs/functions.md, SCENARIO: "B" from 4.5% to below 5.0%
    expect(call("SCENARIO", "4.5%")).toBe("B");
    expect(call("SCENARIO", 0.045)).toBe("B");
  });

  it("is B for 4.3% + 0.2% computed in floating point", () => {
    // 0.043 + 0.002 = 0.044999999999999998 in binary; a spreadsheet shows and compares 4.50%
    expect(scenario(0.043 + 0.002)).toBe("B");
  });

  it("is B just below 5.0%", () => {
    expect(call("SCENARIO", 0.0499999)).toBe("B");
  });

  it("is C at exactly 5.0% and above", () => {
    // note §6.3: C = 5.0%+; docs/functions.md, SCENARIO: "C" from 5.0%
    expect(call("SCENARIO", "5%")).toBe("C");
    expect(call("SCENARIO", 0.05)).toBe("C");
    expect(call("SCENARIO", 0.07)).toBe("C");
  });

  it("takes a range of two thresholds", () => {
    // docs/functions.md, SCENARIO's thresholds replace 4.5% and 5.0%: with {4%, 6%}, 4% is B, 5% is B, 6% is C, 3.9% is A
    expect(call("SCENARIO", 0.04, [["4%"], ["6%"]])).toBe("B");
    expect(call("SCENARIO", 0.05, [0.04, 0.06])).toBe("B");
    expect(call("SCENARIO", 0.06, [0.04, 0.06])).toBe("C");
    expect(call("SCENARIO", 0.039, [0.04, 0.06])).toBe("A");
  });

  it("broadcasts over a column of levels", () => {
    expect(call("SCENARIO", [[0.043], [0.046], [0.051]])).toEqual([["A"], ["B"], ["C"]]);
  });

  it("refuses thresholds that do not increase", () => {
    const e = call("SCENARIO", 0.045, [0.05, 0.045]) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("thresholds");
  });

  it("refuses a thresholds range that is not two levels", () => {
    const e = call("SCENARIO", 0.045, [0.04, 0.05, 0.06]) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("thresholds");
  });
});

describe("SCENARIO_TABLE", () => {
  it("spills the note's §6.3 table, word for word as published", () => {
    // note §6.3 (docs/note.md): the three scenarios, their US 10y ranges and the read-across to Korea
    expect(table("SCENARIO_TABLE")).toEqual([
      ["scenario", "description", "us_10y_from", "us_10y_to", "korean_equities"],
      ["A", "Gradual BOJ hikes + US demand absorbs the slack", 0.04, 0.045, "Limited impact"],
      ["B", "BOJ accelerates + term premium climbs", 0.045, 0.05, "Pressure on growth / high-PER"],
      ["C", "Actual Japanese selling materializes", 0.05, "", "Broad risk-asset correction"],
    ]);
  });

  it("agrees with SCENARIO at every boundary of its own table", () => {
    // each row's from-level classifies as that row
    const t = table("SCENARIO_TABLE");
    for (const r of t.slice(2)) expect(call("SCENARIO", r[2])).toBe(r[0]);
  });
});

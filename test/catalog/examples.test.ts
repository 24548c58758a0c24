/**
 * Every catalog example is what the docs, the Excel metadata and the Sheets autocomplete show
 * a user. Each one must evaluate to what it displays, so the docs cannot drift from the code.
 */
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/catalog";
import { invoke } from "../../src/args/invoke";
import { SheetError } from "../../src/core/errors";
import type { Table } from "../../src/core/table";
import { CHAIN_INPUT_PARAMS } from "../../src/catalog/scenarios";
import { inputBlockRange } from "../../src/model/inputBlock";
import { describeResult as show, parseFormula, shows, table } from "../helpers/sheet";

/**
 * The sheet the examples refer to: CHAIN's example reads the input block of the model sheet,
 * which holds the values `=CHAIN_INPUTS()` spills.
 */
const SHEET = { [inputBlockRange(CHAIN_INPUT_PARAMS.length)]: table("CHAIN_INPUTS") };

const VALUE_TOKEN = /^[+-]?\d+(?:\.\d+)?%?$/;

/**
 * A table example reads like `hedged_ust 0.30% → 0.80%` or `note 80 0.30%, …` or `A … B … C`:
 * segments separated by "," or "…", each a row label followed by cells of that row in order.
 * An example of bare values (`4.04%, 4.24%, 4.53%`) lists cells of the table in reading order.
 */
function tableShows(t: Table, text: string): string | null {
  const segments = text
    .split(/,|…/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const tokens = segments.flatMap((x) => x.split(/\s+/)).filter((x) => x !== "→");
  if (tokens.every((x) => VALUE_TOKEN.test(x))) {
    const cells = t.flat();
    let c = 0;
    for (const token of tokens) {
      while (c < cells.length && !shows(cells[c], token)) c++;
      if (c >= cells.length) return `the table does not show ${token} (in order): ${JSON.stringify(t)}`;
      c++;
    }
    return null;
  }
  let from = 0;
  for (const seg of segments) {
    const [label, ...cells] = seg.split(/\s+/).filter((x) => x !== "→");
    const r = t.findIndex((x, k) => k >= from && x[0] === label);
    if (r < 0) return `no row "${label}" (after row ${from})`;
    let c = 1;
    for (const token of cells) {
      while (c < t[r].length && !shows(t[r][c], token)) c++;
      if (c >= t[r].length) return `row "${label}" does not show ${token}: ${JSON.stringify(t[r])}`;
      c++;
    }
    from = r + 1;
  }
  return null;
}

/** Cell ranges an example refers to that the test sheet does not hold (such an example cannot be evaluated here). */
const missingRanges = (formula: string) =>
  (formula.replace(/"[^"]*"/g, "").match(/\b[A-Z]+\d+(?::[A-Z]+\d+)?\b/g) ?? []).filter((r) => !(r in SHEET));

describe("catalog examples", () => {
  it("has an example for every function, written for that function", () => {
    for (const f of CATALOG) {
      expect(/^=([A-Z_][A-Z0-9_]*)\(/.exec(f.example.formula.trim())?.[1], f.name).toBe(f.name);
      expect(f.example.result.trim(), f.name).not.toBe("");
    }
  });

  for (const f of CATALOG) {
    it(`${f.name}: ${f.example.formula} shows ${f.example.result}`, (ctx) => {
      // A live-data example shows the value of the day it was written: it is checked against recorded responses in its own suite.
      if (f.domain === "live-data") return ctx.skip("a live-data example depends on the day; not evaluated offline");
      const live = CATALOG.filter((g) => g.live && new RegExp(`\\b${g.name}\\(`).test(f.example.formula)).map((g) => g.name);
      if (live.length) return ctx.skip(`the example calls ${live.join(", ")}, a live function: run on the mock upstreams in test/live`);
      const missing = missingRanges(f.example.formula);
      if (missing.length) return ctx.skip(`the example reads ${missing.join(", ")}, a block of data this test does not have`);
      const { args } = parseFormula(f.example.formula, SHEET);
      const r = invoke(f, args);
      if (f.result === "table") {
        expect(Array.isArray(r), show(r)).toBe(true);
        expect(tableShows(r as Table, f.example.result)).toBeNull();
      } else {
        expect(r instanceof SheetError || Array.isArray(r), show(r)).toBe(false);
        expect(shows(r as number | string, f.example.result), `${show(r)} should show ${f.example.result}`).toBe(true);
      }
    });
  }
});

describe("the example checker itself", () => {
  it("rejects a number shown with the wrong rounding", () => {
    expect(shows(0.003, "0.30%")).toBe(true);
    expect(shows(0.0031, "0.30%")).toBe(false);
    expect(shows(0.003, "0.3%")).toBe(true);
    expect(shows(97.5888, "97.59")).toBe(true);
    expect(shows(97.5888, "97.58")).toBe(false);
    expect(shows("B", "B")).toBe(true);
    expect(shows(0.003, "0.003")).toBe(true);
  });

  it("rejects a table example whose row or values are not there", () => {
    const t: Table = [
      ["", "before", "after"],
      ["x", 0.003, 0.008],
      ["y", "A", "B"],
    ];
    expect(tableShows(t, "x 0.30% → 0.80%, y A → B")).toBeNull();
    expect(tableShows(t, "x 0.80% → 0.30%")).not.toBeNull();
    expect(tableShows(t, "y A → B, x 0.30%")).not.toBeNull();
    expect(tableShows(t, "z 1")).not.toBeNull();
    expect(tableShows(t, "0.30%, 0.80%")).toBeNull();
    expect(tableShows(t, "0.80%, 0.30%")).not.toBeNull();
  });

  it("reads percents as the decimals a spreadsheet stores", () => {
    expect(parseFormula("=F(4.3%, -0.5%, 1e2, \"note\", {1,2;3,4})").args).toEqual([0.043, -0.005, 100, "note", [[1, 2], [3, 4]]]);
  });
});

/**
 * The task pane's "Copy model as values" against office-addin-mock: the workbook, the active
 * sheet and its used range are office-addin-mock objects (so every property the command reads
 * must have been loaded and synced first); the copy Excel makes is a small fake that follows
 * Excel's documented behaviour for Worksheet.copy (formulas and formats copied, the formulas
 * recalculating), Range.copyFrom(…, "Values") and Range.insert("Down").
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { copyModelAsValues, localAddress } from "../../../src/hosts/excel/taskpane/copyAsValues";
import { parseA1, parseRange, toA1 } from "../../../src/hosts/hyperformula/workbook";
import { EXCEL_PREFIX } from "../../../src/hosts/excel/namespace";
import { SNAPSHOT_ROWS_ABOVE, snapshotSheetName } from "../../../src/model/snapshot";
import { VERSION } from "../../../src/version";
import { type Grid, key, liveModelGrid, unkey } from "../../helpers/liveModel";

/** The bounding box of the cells holding something, as an A1 address (Excel's used range, values only). */
function usedAddress(grid: Grid): string | undefined {
  const cells = [...grid.entries()].filter(([, c]) => c.value !== "" || c.formula).map(([k]) => unkey(k));
  if (!cells.length) return undefined;
  let [r1, c1, r2, c2] = [Infinity, Infinity, -1, -1];
  for (const [r, c] of cells) [r1, c1, r2, c2] = [Math.min(r1, r), Math.min(c1, c), Math.max(r2, r), Math.max(c2, c)];
  return `${toA1(r1, c1)}:${toA1(r2, c2)}`;
}

function eachInRange(address: string, f: (row: number, col: number) => void): void {
  const { start, end } = parseRange(address);
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) f(r, c);
}

/** A workbook whose active sheet holds `grid`; records what the command does to it. */
function fakeWorkbook(sourceName: string, grid: Grid, otherSheets: string[] = []) {
  const mocks: OfficeMockObject[] = [];
  const track = <T extends object>(data: T) => {
    const m = new OfficeMockObject(data as Record<string, unknown>);
    mocks.push(m);
    return m;
  };
  const address = usedAddress(grid);
  const used = track({
    isNullObject: address === undefined,
    address: address ? `'${sourceName}'!${address}` : "",
    values: address ? rangeValues(grid, address) : [[""]],
  });
  const copies: { name: string; grid: Grid; activated: boolean; after: string; stamp?: { bold?: boolean; color?: string } }[] = [];

  const source = track({
    name: sourceName,
    getUsedRangeOrNullObject(valuesOnly: boolean) {
      expect(valuesOnly).toBe(true);
      return used;
    },
    copy(position: string, relativeTo: unknown) {
      expect(position).toBe("After");
      expect(relativeTo).toBe(source);
      // Worksheet.copy: the same formulas and formats; formulas recalculate (custom functions show #BUSY! first).
      const cloned: Grid = new Map([...grid].map(([k, c]) => [k, { ...c, value: c.formula ? "#BUSY!" : c.value }]));
      const copy = { name: `${sourceName} (2)`, grid: cloned, activated: false, after: sourceName } as (typeof copies)[number];
      copies.push(copy);
      return {
        set name(n: string) {
          copy.name = n;
        },
        activate() {
          copy.activated = true;
        },
        getRange(a1: string) {
          return {
            copyFrom(from: unknown, type: string) {
              expect(from).toBe(used);
              expect(type).toBe("Values");
              eachInRange(a1, (r, c) => {
                const src = grid.get(key(r, c));
                const dst = copy.grid.get(key(r, c));
                if (src || dst) copy.grid.set(key(r, c), { value: src?.value ?? "", format: dst?.format ?? "General" });
              });
            },
            insert(direction: string) {
              const m = /^(\d+):(\d+)$/.exec(a1);
              expect(m, `insert rows, got ${a1}`).not.toBeNull();
              expect(direction).toBe("Down");
              const [first, count] = [Number(m![1]) - 1, Number(m![2]) - Number(m![1]) + 1];
              copy.grid = new Map([...copy.grid].map(([k, c]) => {
                const [r, col] = unkey(k);
                return [key(r >= first ? r + count : r, col), c];
              }));
            },
            set values(v: unknown[][]) {
              const { row, col } = parseA1(a1);
              copy.grid.set(key(row, col), { value: v[0][0], format: copy.grid.get(key(row, col))?.format ?? "General" });
            },
            format: {
              font: {
                set bold(b: boolean) {
                  copy.stamp = { ...copy.stamp, bold: b };
                },
                set color(c: string) {
                  copy.stamp = { ...copy.stamp, color: c };
                },
              },
            },
          };
        },
      };
    },
  });

  let itemsLoaded = false;
  const data = {
    context: {
      workbook: {
        worksheets: {
          load(props: string) {
            itemsLoaded ||= props === "items/name";
          },
          getActiveWorksheet: () => source,
          items: undefined as { name: string }[] | undefined,
        },
      },
      async sync(this: { workbook: { worksheets: { items?: { name: string }[] } } }) {
        for (const m of mocks) await m.sync();
        if (itemsLoaded) this.workbook.worksheets.items = [...otherSheets, sourceName].map((name) => ({ name }));
      },
    },
  };
  const context = (new OfficeMockObject(data) as unknown as { context: Excel.RequestContext }).context;
  return { context, copies, source: grid };
}

function rangeValues(grid: Grid, address: string): unknown[][] {
  const { start, end } = parseRange(address);
  const out: unknown[][] = [];
  for (let r = start.row; r <= end.row; r++) {
    const row: unknown[] = [];
    for (let c = start.col; c <= end.col; c++) row.push(grid.get(key(r, c))?.value ?? "");
    out.push(row);
  }
  return out;
}

const NOW = new Date(Date.UTC(2026, 4, 15, 9, 30, 12));
const model = liveModelGrid(EXCEL_PREFIX);

describe("Copy model as values (task pane)", () => {
  it("adds the copy after the live sheet, named '<sheet> values', activated", async () => {
    const wb = fakeWorkbook(model.name, model.grid, ["Sheet1"]);
    const name = await copyModelAsValues(wb.context, () => NOW);
    expect(name).toBe(snapshotSheetName(model.name));
    expect(wb.copies).toHaveLength(1);
    expect(wb.copies[0]).toMatchObject({ name, activated: true, after: model.name });
  });

  it("every cell of the live sheet, two rows lower, holds its calculated value and keeps its format; no formula is left", async () => {
    const wb = fakeWorkbook(model.name, model.grid);
    await copyModelAsValues(wb.context, () => NOW);
    const copy = wb.copies[0].grid;
    let compared = 0;
    for (const [k, live] of model.grid) {
      const [r, c] = unkey(k);
      const cell = copy.get(key(r + SNAPSHOT_ROWS_ABOVE, c));
      expect(cell?.value, toA1(r, c)).toEqual(live.value);
      expect(cell?.format, toA1(r, c)).toBe(live.format);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
    expect([...copy.values()].filter((c) => c.formula)).toEqual([]);
    expect([...copy.values()].some((c) => c.value === "#BUSY!")).toBe(false);
    // The note's numbers in the copy: CHAIN's hedged UST after the hike, 0.80% (note §3.2).
    const hedged = [...model.grid].find(([, c]) => c.value === "hedged_ust")!;
    const [r, c] = unkey(hedged[0]);
    expect(copy.get(key(r + SNAPSHOT_ROWS_ABOVE, c + 2))?.value).toBeCloseTo(0.008, 15);
  });

  it("the first row is the stamp: the sheet, the time (UTC, to the minute) and the version", async () => {
    const wb = fakeWorkbook(model.name, model.grid);
    await copyModelAsValues(wb.context, () => NOW);
    const stamp = String(wb.copies[0].grid.get(key(0, 0))?.value);
    expect(stamp).toContain(`"${model.name}"`);
    expect(stamp).toContain("as of 2026-05-15 09:30 UTC");
    expect(stamp).toContain(`marginal-bid ${VERSION}`);
    expect(wb.copies[0].stamp).toEqual({ bold: true, color: "#9C0006" });
    for (let c = 0; c < 10; c++) expect(wb.copies[0].grid.get(key(1, c)), `row 2 is blank, ${toA1(1, c)}`).toBeUndefined();
  });

  it("works on any layout: a used range away from A1, text, errors", async () => {
    const grid: Grid = new Map([
      [key(2, 3), { value: "label", format: "General" }],
      [key(3, 3), { value: 0.043, formula: "=JPUST.HEDGED_UST(D3, 0.045, 0.005)", format: "0.00%" }],
      [key(3, 4), { value: "#VALUE!", formula: "=JPUST.HEDGED_UST(4.3, 0.045, 0.005)", format: "General" }],
    ]);
    const wb = fakeWorkbook("my sheet", grid, ["my sheet values"]);
    expect(localAddress("'my sheet'!D3:E4")).toBe("D3:E4");
    expect(await copyModelAsValues(wb.context, () => NOW)).toBe("my sheet values (2)");
    const copy = wb.copies[0].grid;
    expect(copy.get(key(5, 3))).toEqual({ value: 0.043, format: "0.00%" });
    expect(copy.get(key(5, 4))).toEqual({ value: "#VALUE!", format: "General" });
    expect(copy.get(key(4, 3))?.value).toBe("label");
  });

  it("refuses while custom functions are still calculating (#BUSY!), and copies nothing", async () => {
    const grid: Grid = new Map([[key(0, 0), { value: "#BUSY!", formula: '=JPUST.FRED("DGS10")', format: "General" }]]);
    const wb = fakeWorkbook("live", grid);
    await expect(copyModelAsValues(wb.context, () => NOW)).rejects.toThrow("1 cell is still calculating (#BUSY!): wait until they show numbers, then copy again");
    expect(wb.copies).toEqual([]);
  });

  it("refuses an empty sheet with what to do", async () => {
    const wb = fakeWorkbook("Sheet1", new Map());
    await expect(copyModelAsValues(wb.context, () => NOW)).rejects.toThrow('the sheet "Sheet1" is empty: open the model sheet, then copy it');
    expect(wb.copies).toEqual([]);
  });
});

/**
 * The Sheets menu's "Copy model as values", run from apps-script/build/Code.js against a fake
 * SpreadsheetApp that holds a grid per sheet and follows Apps Script's documented behaviour for
 * the calls the command makes: Sheet.copyTo(spreadsheet) (formulas, formats and frozen rows
 * copied, the formulas recalculating), Range.copyTo(…, PASTE_VALUES), insertRowsBefore,
 * moveActiveSheet.
 */
import { describe, expect, it } from "vitest";
import { parseRange, toA1 } from "../../../src/hosts/hyperformula/workbook";
import { SNAPSHOT_ROWS_ABOVE, snapshotSheetName, stampTime } from "../../../src/model/snapshot";
import { VERSION } from "../../../src/version";
import { type Grid, key, liveModelGrid, unkey } from "../../helpers/liveModel";
import { loadCode } from "./helpers";

const PASTE_VALUES = "PASTE_VALUES";

class FakeSheet {
  frozen = 0;
  look: Record<string, string> = {};
  constructor(
    public name: string,
    public grid: Grid,
    private readonly book: FakeSpreadsheet,
  ) {}
  getName() {
    return this.name;
  }
  setName(n: string) {
    if (this.book.sheets.some((s) => s !== this && s.name === n)) throw new Error(`A sheet with the name "${n}" already exists.`);
    this.name = n;
    return this;
  }
  getIndex() {
    return this.book.sheets.indexOf(this) + 1;
  }
  getFrozenRows() {
    return this.frozen;
  }
  setFrozenRows(n: number) {
    this.frozen = n;
  }
  /** Always from A1 to the last row and column with content (Apps Script's getDataRange). */
  getDataRange() {
    let [rows, cols] = [0, 0];
    for (const k of this.grid.keys()) {
      const [r, c] = unkey(k);
      [rows, cols] = [Math.max(rows, r + 1), Math.max(cols, c + 1)];
    }
    return this.getRange(`A1:${toA1(Math.max(rows, 1) - 1, Math.max(cols, 1) - 1)}`);
  }
  copyTo(book: FakeSpreadsheet) {
    expect(book).toBe(this.book);
    // A copy keeps formulas and formats; its custom-function cells load again.
    const grid: Grid = new Map([...this.grid].map(([k, c]) => [k, { ...c, value: c.formula ? "Loading..." : c.value }]));
    const copy = new FakeSheet(`Copy of ${this.name}`, grid, book);
    copy.frozen = this.frozen;
    book.sheets.push(copy);
    return copy;
  }
  insertRowsBefore(before: number, count: number) {
    this.grid = new Map([...this.grid].map(([k, c]) => {
      const [r, col] = unkey(k);
      return [key(r >= before - 1 ? r + count : r, col), c];
    }));
    return this;
  }
  getRange(a1: string) {
    const sheet = this;
    const { start, end } = parseRange(a1.includes(":") ? a1 : `${a1}:${a1}`);
    const range = {
      getA1Notation: () => a1,
      getDisplayValues() {
        const out: string[][] = [];
        for (let r = start.row; r <= end.row; r++) {
          const row: string[] = [];
          for (let c = start.col; c <= end.col; c++) row.push(String(sheet.grid.get(key(r, c))?.value ?? ""));
          out.push(row);
        }
        return out;
      },
      copyTo(dest: { sheet: FakeSheet; start: { row: number; col: number } }, type: unknown, transposed: boolean) {
        expect(type).toBe(PASTE_VALUES);
        expect(transposed).toBe(false);
        for (let r = start.row; r <= end.row; r++) {
          for (let c = start.col; c <= end.col; c++) {
            const [tr, tc] = [dest.start.row + r - start.row, dest.start.col + c - start.col];
            const src = sheet.grid.get(key(r, c));
            const old = dest.sheet.grid.get(key(tr, tc));
            if (src || old) dest.sheet.grid.set(key(tr, tc), { value: src?.value ?? "", format: old?.format ?? "General" });
          }
        }
      },
      setValue(v: unknown) {
        sheet.grid.set(key(start.row, start.col), { value: v, format: "General" });
        return range;
      },
      setFontWeight(w: string) {
        sheet.look[`${a1} weight`] = w;
        return range;
      },
      setFontColor(c: string) {
        sheet.look[`${a1} color`] = c;
        return range;
      },
      sheet,
      start,
    };
    return range;
  }
}

class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active?: FakeSheet;
  getActiveSheet() {
    return this.active!;
  }
  getSheetByName(n: string) {
    return this.sheets.find((s) => s.name === n) ?? null;
  }
  setActiveSheet(s: FakeSheet) {
    this.active = s;
    return s;
  }
  moveActiveSheet(position: number) {
    this.sheets.splice(this.sheets.indexOf(this.active!), 1);
    this.sheets.splice(position - 1, 0, this.active!);
  }
}

/** A spreadsheet with `before`, the sheet to copy (active), and `after`; runs the menu item from Code.js. */
function run(name: string, grid: Grid, opts: { before?: string[]; after?: string[]; frozen?: number } = {}) {
  const book = new FakeSpreadsheet();
  const make = (n: string) => new FakeSheet(n, new Map(), book);
  const source = new FakeSheet(name, grid, book);
  source.frozen = opts.frozen ?? 0;
  book.sheets = [...(opts.before ?? []).map(make), source, ...(opts.after ?? []).map(make)];
  book.active = source;
  const code = loadCode({ SpreadsheetApp: { getActiveSpreadsheet: () => book, CopyPasteType: { PASTE_VALUES } } });
  const from = Date.now();
  let error: string | undefined;
  try {
    code.fn("copyModelAsValues")();
  } catch (e) {
    error = String((e as { message?: unknown }).message);
  }
  return { book, source, error, from, to: Date.now() };
}

const model = liveModelGrid("");

describe("Copy model as values (Sheets menu)", () => {
  it("adds the copy right after the live sheet, named '<sheet> values', and activates it", () => {
    const { book, error } = run(model.name, model.grid, { before: ["Sheet1"], after: ["notes"] });
    expect(error).toBeUndefined();
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", model.name, snapshotSheetName(model.name), "notes"]);
    expect(book.active?.name).toBe(snapshotSheetName(model.name));
  });

  it("every cell of the live sheet, two rows lower, holds its calculated value and keeps its format; no formula is left", () => {
    const { book } = run(model.name, model.grid);
    const copy = book.getSheetByName(snapshotSheetName(model.name))!.grid;
    for (const [k, live] of model.grid) {
      const [r, c] = unkey(k);
      const cell = copy.get(key(r + SNAPSHOT_ROWS_ABOVE, c));
      expect(cell?.value, toA1(r, c)).toEqual(live.value);
      expect(cell?.format, toA1(r, c)).toBe(live.format);
    }
    expect([...copy.values()].filter((c) => c.formula || c.value === "Loading...")).toEqual([]);
    // CHAIN's hedged UST after the hike, 0.80% (note §3.2).
    const [r, c] = unkey([...model.grid].find(([, cell]) => cell.value === "hedged_ust")![0]);
    expect(copy.get(key(r + SNAPSHOT_ROWS_ABOVE, c + 2))?.value).toBeCloseTo(0.008, 15);
  });

  it("the stamp in A1 names the sheet, the time and the version; row 2 is blank; frozen rows move with it", () => {
    const { book, from, to } = run(model.name, model.grid, { frozen: 3 });
    const copy = book.getSheetByName(snapshotSheetName(model.name))!;
    const stamp = String(copy.grid.get(key(0, 0))?.value);
    expect(stamp).toContain(`"${model.name}"`);
    expect(stamp).toContain(`marginal-bid ${VERSION}`);
    expect([stampTime(new Date(from)), stampTime(new Date(to))]).toContain(/as of (.+ UTC)/.exec(stamp)![1]);
    expect(copy.look).toEqual({ "A1 weight": "bold", "A1 color": "#9c0006" });
    expect([...copy.grid.keys()].filter((k) => unkey(k)[0] === 1)).toEqual([]);
    expect(copy.frozen).toBe(3 + SNAPSHOT_ROWS_ABOVE);
  });

  it("takes the next free name when '<sheet> values' exists", () => {
    const { book } = run("my sheet", new Map([[key(0, 0), { value: 1, format: "General" }]]), { after: ["my sheet values"] });
    expect(book.active?.name).toBe("my sheet values (2)");
  });

  it("refuses while custom functions are still loading, and copies nothing", () => {
    const grid: Grid = new Map([[key(0, 0), { value: "Loading...", formula: '=FRED("DGS10")', format: "General" }]]);
    const { book, error } = run("live", grid);
    expect(error).toBe("1 cell is still calculating (Loading...): wait until they show numbers, then copy again");
    expect(book.sheets.map((s) => s.name)).toEqual(["live"]);
  });

  it("refuses an empty sheet with what to do", () => {
    const { book, error } = run("Sheet1", new Map());
    expect(error).toBe('the sheet "Sheet1" is empty: open the model sheet, then copy it');
    expect(book.sheets).toHaveLength(1);
  });
});

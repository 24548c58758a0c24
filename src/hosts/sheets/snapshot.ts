/**
 * Menu item "Copy model as values": a frozen copy of the active sheet next to it, for someone
 * who gets the file without the script (a download as .xlsx, a copy outside this spreadsheet).
 * The rules are src/model/snapshot.ts, shared with the Excel task pane and the snapshot
 * workbook: Sheets copies the sheet (formats, widths, charts), the data range is pasted over
 * itself as values from the live sheet, and the stamp goes on top. Nothing here knows the
 * model's layout. Scope: spreadsheets.currentonly, like the other menu items.
 */
import { SNAPSHOT_ROWS_ABOVE, emptySheetMessage, snapshotSheetName, snapshotStamp, stillComputingMessage } from "../../model/snapshot";
import { VERSION } from "../../version";
import type { GasRange, GasSheet, GasSpreadsheet } from "./gas";
import { freeSheetName } from "./menu";

/** The Apps Script methods this command uses beyond those of ./gas.ts (typed by hand, as there). */
export interface SnapshotRange extends GasRange {
  getA1Notation(): string;
  getDisplayValues(): string[][];
  copyTo(destination: SnapshotRange, copyPasteType: unknown, transposed: boolean): void;
}

export interface SnapshotSheet extends GasSheet {
  getRange(a1Notation: string): SnapshotRange;
  getDataRange(): SnapshotRange;
  copyTo(spreadsheet: SnapshotSpreadsheet): SnapshotSheet;
  setName(name: string): SnapshotSheet;
  getIndex(): number;
  insertRowsBefore(beforePosition: number, howMany: number): SnapshotSheet;
  getFrozenRows(): number;
  setFrozenRows(rows: number): void;
}

export interface SnapshotSpreadsheet extends GasSpreadsheet {
  getActiveSheet(): SnapshotSheet;
  getSheetByName(name: string): SnapshotSheet | null;
  setActiveSheet(sheet: SnapshotSheet): SnapshotSheet;
  moveActiveSheet(position: number): void;
}

export interface SnapshotServices {
  SpreadsheetApp: { getActiveSpreadsheet(): SnapshotSpreadsheet; CopyPasteType: { PASTE_VALUES: unknown } };
}

declare const SpreadsheetApp: SnapshotServices["SpreadsheetApp"];

/** What a custom-function cell shows until its call returns. */
const PENDING = "Loading...";

/** Copy the active sheet as values next to it and activate the copy; returns the copy's name. */
export function copyModelAsValues(services: SnapshotServices = { SpreadsheetApp }, now: Date = new Date()): string {
  const app = services.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const source = ss.getActiveSheet();
  const data = source.getDataRange();
  const shown = data.getDisplayValues();
  let filled = false;
  let pending = 0;
  for (const row of shown) {
    for (const v of row) {
      if (v !== "") filled = true;
      if (v === PENDING) pending++;
    }
  }
  if (!filled) throw new Error(emptySheetMessage(source.getName()));
  if (pending) throw new Error(stillComputingMessage(pending, PENDING));

  const frozen = source.getFrozenRows();
  const copy = source.copyTo(ss).setName(freeSheetName(ss, snapshotSheetName(source.getName())));
  // The live sheet's values over the copy's formulas, cell for cell.
  const a1 = data.getA1Notation();
  data.copyTo(copy.getRange(a1), app.CopyPasteType.PASTE_VALUES, false);
  copy.insertRowsBefore(1, SNAPSHOT_ROWS_ABOVE);
  if (frozen) copy.setFrozenRows(frozen + SNAPSHOT_ROWS_ABOVE);
  copy.getRange("A1").setValue(snapshotStamp(source.getName(), VERSION, now)).setFontWeight("bold").setFontColor("#9c0006");
  ss.setActiveSheet(copy);
  ss.moveActiveSheet(source.getIndex() + 1);
  return copy.getName();
}

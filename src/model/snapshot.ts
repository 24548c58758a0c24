/**
 * "Copy model as values": a frozen copy of a model sheet to share with someone who has no
 * add-in and no script. The same rules in every host (the Excel task pane, the Sheets menu,
 * the snapshot workbook the build writes): the copy sits next to the live sheet, holds the
 * values and formats of the sheet's used range at the same columns, shifted down by
 * SNAPSHOT_ROWS_ABOVE rows, and its first row is the as-of stamp. Nothing here knows the
 * model's layout, so it works on whatever the sheet contains.
 */

/** The stamp row and a blank row above the copied cells. */
export const SNAPSHOT_ROWS_ABOVE = 2;

/** Excel limits sheet names to 31 characters. */
const MAX_SHEET_NAME = 31;
const SUFFIX = " values";

/** `marginal-bid model` → `marginal-bid model values` (cut so that it fits 31 characters). */
export function snapshotSheetName(source: string): string {
  return source.slice(0, MAX_SHEET_NAME - SUFFIX.length) + SUFFIX;
}

/** `2026-05-15 09:30 UTC`: minutes are what a reader of a snapshot needs, and UTC reads the same everywhere. */
export function stampTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The text of the stamp row: what the sheet is, as of when, computed by which version. */
export function snapshotStamp(source: string, version: string, at: Date): string {
  return `Values of "${source}" as of ${stampTime(at)}, computed by marginal-bid ${version}. A frozen copy: no formulas, nothing recalculates.`;
}


/** Refusals, the same in both hosts. */
export const emptySheetMessage = (sheet: string) => `the sheet "${sheet}" is empty: open the model sheet, then copy it`;

/** `shown` is what the host shows in a cell still computing: `#BUSY!` in Excel, `Loading...` in Sheets. */
export const stillComputingMessage = (count: number, shown: string) =>
  `${count} cell${count > 1 ? "s are" : " is"} still calculating (${shown}): wait until they show numbers, then copy again`;

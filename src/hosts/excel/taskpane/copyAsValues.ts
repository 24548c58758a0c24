/// <reference types="office-js" />
/**
 * "Copy model as values" (task pane): a frozen copy of the active sheet next to it, for a
 * colleague without the add-in (the rules in src/model/snapshot.ts, shared with the Sheets
 * menu and the snapshot workbook). Excel copies the sheet (formats, widths, charts), then the
 * used range is pasted over itself as values from the live sheet, and the stamp goes on top.
 * Works on whatever the sheet holds: nothing here knows the model's layout.
 *
 * Needs ExcelApi 1.10 (Worksheet.copy) and 1.9 (Range.copyFrom): Excel 2021, Microsoft 365 and
 * Excel on the web.
 */
import { SNAPSHOT_ROWS_ABOVE, emptySheetMessage, snapshotSheetName, snapshotStamp, stillComputingMessage } from "../../../model/snapshot";
import { VERSION } from "../../../version";
import { uniqueSheetName } from "./insertModelSheet";

/** What Excel shows in a cell whose custom function has not answered yet. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);

/** `'marginal-bid model'!A1:I78` → `A1:I78`. */
export const localAddress = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** Copy the active sheet as values next to it and activate the copy; returns the copy's name. */
export async function copyModelAsValues(context: Excel.RequestContext, now: () => Date = () => new Date()): Promise<string> {
  const sheets = context.workbook.worksheets;
  const source = sheets.getActiveWorksheet();
  source.load("name");
  sheets.load("items/name");
  const used = source.getUsedRangeOrNullObject(true);
  used.load("isNullObject, address, values");
  await context.sync();
  if (used.isNullObject) throw new Error(emptySheetMessage(source.name));
  let pending = 0;
  for (const row of used.values) for (const v of row) if (typeof v === "string" && PENDING.has(v)) pending++;
  if (pending) throw new Error(stillComputingMessage(pending, "#BUSY!"));

  // String forms of the API's enums ("After", "Values", "Down"): the same values, and no Excel global needed to test.
  const copy = source.copy("After", source);
  const name = uniqueSheetName(
    snapshotSheetName(source.name),
    sheets.items.map((s) => s.name),
  );
  copy.name = name;
  // The live sheet's values over the copy's formulas, cell for cell.
  copy.getRange(localAddress(used.address)).copyFrom(used, "Values");
  copy.getRange(`1:${SNAPSHOT_ROWS_ABOVE}`).insert("Down");
  const stamp = copy.getRange("A1");
  stamp.values = [[snapshotStamp(source.name, VERSION, now())]];
  stamp.format.font.bold = true;
  stamp.format.font.color = "#9C0006";
  copy.activate();
  await context.sync();
  return name;
}

/** The pane's button: `say` shows the outcome in the pane's status line. */
export function wireCopyAsValues(button: HTMLButtonElement, say: (text: string, isError?: boolean) => void): void {
  button.disabled = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    say("Copying…");
    Excel.run((context) => copyModelAsValues(context))
      .then((name) => say(`Added "${name}": values and formats only, stamped with the time. Share it with colleagues who do not have the add-in.`))
      .catch((e: unknown) => say(`Could not copy the sheet as values: ${e instanceof Error ? e.message : String(e)}`, true))
      .finally(() => {
        button.disabled = false;
      });
  });
}

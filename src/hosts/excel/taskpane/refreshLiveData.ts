/// <reference types="office-js" />
/**
 * The task pane's "Refresh live data". The custom functions run in a runtime of their own (no
 * shared runtime), so the pane cannot empty their cache directly: it stores the time of the
 * click in OfficeRuntime.storage, which each live call reads and then drops what it had cached
 * from before (src/hosts/excel/fetcher.ts). Then it writes that time into every refresh cell (beside
 * a cell reading REFRESH_LABEL, as on the live model sheet) and recalculates fully.
 *
 * Why a full calculation: Excel calls a (non-volatile) custom function again only for a cell it
 * has marked dirty. `CalculationType.full` marks every cell of the open workbooks dirty and
 * recalculates them, in any calculation mode, so every live cell asks again, also those that pass
 * no refresh cell; `recalculate` would skip them (their arguments did not change). Identical
 * requests share one fetch, so a sheet of live cells costs one request per distinct series.
 */
import { REFRESH_LABEL } from "../../../model/modelSheet";
import { REFRESHED_AT_KEY } from "../refresh";

export interface SharedStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** A moment as an Excel date-time serial in this computer's time zone (days since 1899-12-30). */
export function excelSerial(d: Date): number {
  return (d.getTime() - d.getTimezoneOffset() * 60_000) / 86_400_000 + 25569;
}

/** Ask every live cell again; returns how many refresh cells were set. */
export async function refreshLiveData(context: Excel.RequestContext, storage: SharedStorage, now: Date = new Date(), canFind = true): Promise<number> {
  await storage.setItem(REFRESHED_AT_KEY, String(now.getTime()));
  let set = 0;
  if (canFind) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const found = sheets.items.map((ws) => ws.findAllOrNullObject(REFRESH_LABEL, { completeMatch: true, matchCase: false }));
    for (const f of found) f.load("areas/items/address");
    await context.sync();
    const targets: Excel.Range[] = [];
    for (const f of found) {
      if (f.isNullObject) continue;
      for (const area of f.areas.items) {
        const t = area.getOffsetRange(0, 1);
        t.load("formulas");
        targets.push(t);
      }
    }
    await context.sync();
    const serial = excelSerial(now);
    for (const t of targets) {
      // A refresh cell that holds a formula is the user's: left as it is.
      t.formulas = t.formulas.map((row) =>
        row.map((f) => {
          if (typeof f === "string" && f.startsWith("=")) return f;
          set++;
          return serial;
        }),
      );
    }
  }
  context.workbook.application.calculate("Full");
  await context.sync();
  return set;
}

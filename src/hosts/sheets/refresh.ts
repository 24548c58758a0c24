/**
 * "marginal-bid → Refresh live data". Sheets keeps a custom function's result while its
 * arguments stay the same, so a live cell never updates by itself. This menu item
 *
 * 1. stores the time in the document property REFRESHED_AT_PROPERTY: the live functions then
 *    take nothing older from the cache (./fetcher.ts) and ask the sources again;
 * 2. writes the same time into every refresh cell: the cell to the right of a cell reading
 *    REFRESH_LABEL (the live model sheet has one in K3:L3). A live formula that passes that cell
 *    as its `refresh` argument is computed again; a refresh cell holding a formula is left alone.
 *
 * Scopes: spreadsheets.currentonly (already there for the model sheet); PropertiesService needs none.
 */
import { REFRESH_LABEL } from "../../model/modelSheet";
import { type GasProperties, REFRESHED_AT_PROPERTY } from "./fetcher";
import { MENU_TITLE } from "./menuItems";

export interface GasRefreshRange {
  getFormula(): string;
  offset(rowOffset: number, columnOffset: number): GasRefreshRange;
  setValue(value: Date): unknown;
}

export interface GasTextFinder {
  matchEntireCell(yes: boolean): GasTextFinder;
  matchCase(yes: boolean): GasTextFinder;
  findAll(): GasRefreshRange[];
}

export interface GasRefreshServices {
  SpreadsheetApp: { getActiveSpreadsheet(): { createTextFinder(text: string): GasTextFinder; toast(message: string, title?: string): void } };
  PropertiesService: { getDocumentProperties(): GasProperties };
}

declare const SpreadsheetApp: GasRefreshServices["SpreadsheetApp"];
declare const PropertiesService: GasRefreshServices["PropertiesService"];

/**
 * Menu item: every live source asked again, every refresh cell set to now. Returns how many
 * refresh cells were set. `now` reads Date.now, the clock the cache's entries are stamped with.
 */
export function refreshLiveData(services: GasRefreshServices = { SpreadsheetApp, PropertiesService }, now: Date = new Date(Date.now())): number {
  services.PropertiesService.getDocumentProperties().setProperty(REFRESHED_AT_PROPERTY, String(now.getTime()));
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  let set = 0;
  for (const label of ss.createTextFinder(REFRESH_LABEL).matchEntireCell(true).matchCase(false).findAll()) {
    const cell = label.offset(0, 1);
    if (cell.getFormula() !== "") continue;
    cell.setValue(now);
    set++;
  }
  ss.toast(
    set > 0
      ? `Live formulas that pass a refresh cell (${set} set to now) fetch again. Others: select them, Delete, then Undo.`
      : `No cell reads "${REFRESH_LABEL}": pass such a cell's neighbour as the last argument of a live formula, or insert the model sheet with live data.`,
    `${MENU_TITLE}: Refresh live data`,
  );
  return set;
}

/**
 * US Treasury TIC, "Major Foreign Holders of Treasury Securities" (`slt_table5.txt`):
 * tab-delimited, CRLF, title lines padded with tabs, a header row `Country` + 13 months newest
 * first (`YYYY-MM`), USD bn with one decimal, country names unquoted even with a comma
 * ("China, Mainland"), aggregate rows ("Grand Total", "Of Which: Foreign Official"), footnote
 * marks such as `5/` after a name or a value, then a "Notes:" footer.
 */
import { SheetError, invalid, show } from "../../core/errors";
import { type MonthKey, addMonthsToKey } from "../../core/dates";
import { dataChange, tidy } from "../series";
import { sourceFile } from "../file";
import { preview, sourceError } from "../request";

/** The Treasury's table of the last 13 month-ends: a monthly release, so a day is fresh; a stale copy is still last month's truth. */
export const TIC_TABLE5 = sourceFile({
  key: "tic",
  source: "US Treasury TIC",
  name: "slt_table5.txt",
  folder: "tic",
  address: "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/slt_table5.txt",
  ages: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  parse: (body) => parseTicTable5(body),
});

export const TIC_LABEL = TIC_TABLE5.label;

export interface TicRow {
  /** As written in the table, footnote marks removed: "China, Mainland". */
  name: string;
  /** USD bn per month, aligned with `months`; null where the table has no number. */
  values: (number | null)[];
}

export interface TicTable {
  /** Newest first, as in the file. */
  months: MonthKey[];
  rows: TicRow[];
}

/** `Cayman Islands 5/` → `Cayman Islands`, `1209.9 5/` → `1209.9`; spaces collapsed. */
export function stripFootnotes(s: string): string {
  let t = s.replace(/\s+/g, " ").trim();
  for (;;) {
    const u = t.replace(/\s*\d{1,2}\/$/, "").replace(/^\d{1,2}\/\s*/, "").trim();
    if (u === t) return t;
    t = u;
  }
}

/** How a country is looked up: case-insensitive, spaces collapsed, footnote marks dropped. */
export const countryKey = (s: string) => stripFootnotes(s).toLowerCase();

const MONTH = /^(\d{4})-(\d{2})$/;
const VALUE = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
/** What the table prints for "no number" (not seen in the real file; tolerated, never read as 0). */
const NO_VALUE = /^(?:|\*|-|n\.?a\.?|\.\.)$/i;

/** Parse `slt_table5.txt`. Refuses anything else (the legacy fixed-width `mfh.txt`, an HTML page) with the reason. */
export function parseTicTable5(text: string): TicTable {
  const lines = text.split(/\r\n|\n|\r/);
  const h = lines.findIndex((l) => stripFootnotes(l.split("\t")[0]).toLowerCase() === "country" && l.includes("\t"));
  if (h < 0) {
    const hint = /MAJOR FOREIGN HOLDERS/i.test(text) && !text.includes("\t") ? " (this looks like the legacy fixed-width mfh.txt)" : "";
    throw sourceError(TIC_LABEL, `no tab-delimited "Country" header row${hint}: ${preview(text)}`);
  }
  const head = trimTrailingEmpty(lines[h].split("\t"));
  const months: MonthKey[] = [];
  for (const cell of head.slice(1)) {
    const m = MONTH.exec(stripFootnotes(cell));
    if (!m || +m[2] < 1 || +m[2] > 12) throw sourceError(TIC_LABEL, `the header has ${JSON.stringify(cell)} where a month like 2026-04 was expected`);
    months.push(`${m[1]}-${m[2]}`);
  }
  if (months.length === 0) throw sourceError(TIC_LABEL, "the header row has no months");
  const rows: TicRow[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const cells = trimTrailingEmpty(lines[i].split("\t"));
    const name = stripFootnotes(cells[0] ?? "");
    // The data end at the first blank line or the "Notes:" footer.
    if (name === "" || /^notes?:?$/i.test(name)) break;
    if (cells.length - 1 > months.length) throw sourceError(TIC_LABEL, `line ${i + 1} (${name}) has ${cells.length - 1} values for ${months.length} months`);
    const values = months.map((_, k) => {
      const raw = stripFootnotes(cells[k + 1] ?? "");
      if (NO_VALUE.test(raw)) return null;
      if (!VALUE.test(raw)) throw sourceError(TIC_LABEL, `line ${i + 1} (${name}, ${months[k]}) has ${JSON.stringify(cells[k + 1])}, not a number`);
      return Number(raw.replace(/,/g, ""));
    });
    rows.push({ name, values });
  }
  if (rows.length === 0) throw sourceError(TIC_LABEL, "the table has no rows");
  return { months, rows };
}

function trimTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].trim() === "") n--;
  return cells.slice(0, n);
}

/** The row of a country as written in the table (case-insensitive), or `#N/A` naming it. */
export function ticRow(t: TicTable, country: string): TicRow {
  const key = countryKey(country);
  const row = t.rows.find((r) => countryKey(r.name) === key);
  if (row) return row;
  const near = t.rows.filter((r) => key.length >= 3 && countryKey(r.name).includes(key)).map((r) => `"${r.name}"`);
  const hint = near.length ? `did you mean ${near.join(" or ")}?` : `names are as written there, e.g. "Japan", "China, Mainland", "Grand Total"`;
  throw new SheetError("na", `US Treasury TIC: no country ${show(country)} in the Major Foreign Holders table (${hint})`);
}

function valueAt(t: TicTable, row: TicRow, month: MonthKey): number {
  const k = t.months.indexOf(month);
  if (k < 0) {
    throw new SheetError("na", `US Treasury TIC: the table has no month ${month}: it covers ${t.months[t.months.length - 1]} to ${t.months[0]}`);
  }
  const v = row.values[k];
  if (v === null) throw new SheetError("na", `US Treasury TIC: no number for ${row.name} in ${month}`);
  return v;
}

/** `TIC_HOLDINGS(country, [month])`: USD bn at the end of `month` (default: the table's latest). */
export function ticHoldings(t: TicTable, country: string, month?: MonthKey): number {
  return tidy(valueAt(t, ticRow(t, country), month ?? t.months[0]));
}

/** `TIC_CHANGE(country, months)`: latest holdings minus those `months` months earlier (USD bn). */
export function ticChange(t: TicTable, country: string, months: number): number {
  if (!Number.isInteger(months) || months < 1) invalid(`months = ${show(months)} must be a whole number of months, 1 or more`);
  const row = ticRow(t, country);
  const latest = t.months[0];
  const earlier = addMonthsToKey(latest, -months);
  if (!t.months.includes(earlier)) {
    throw new SheetError("na", `US Treasury TIC: the table reaches back to ${t.months[t.months.length - 1]}, so a change over ${months} months from ${latest} is not available (at most ${t.months.length - 1})`);
  }
  return dataChange(valueAt(t, row, latest), valueAt(t, row, earlier));
}

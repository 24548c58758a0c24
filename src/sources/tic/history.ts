/**
 * US Treasury TIC, "Major Foreign Holders of Treasury Securities", the history file
 * `mfhhis01.txt` (from January 2000). One block per calendar year, newest year first; each block
 * has a header pair (`\tDec\tNov…\tJan` over `Country\t2025\t…`), a row of dashes, the countries,
 * `Grand Total` and the "Of which:" memo rows. At a survey break a month appears twice
 * (`Jun\tJun` in 2002–2011, `Mar\tMar` in 2000): the left column is the newer series and the
 * right one is "shown for comparison only" (the file's footnotes), so the left one is read.
 * Names with a comma are quoted (`"China, Mainland"`, once `"Korea, South "`), footnote marks
 * follow names (`United Kingdom 2/`), values drop trailing zeros (`1200`), and a footer of
 * revision dates and footnotes follows `Department of the Treasury/Federal Reserve Board`.
 *
 * The same reader takes the copies found in the wild: tab-delimited (Treasury's `.txt`, CRLF or
 * LF), comma-delimited (`mfhhis01.csv`) and the space-aligned legacy `mfh.txt` (one block of 13
 * months, frozen in March 2023).
 */
import { SheetError, show } from "../../core/errors";
import { parseDelimited } from "../csv";
import type { MonthKey } from "../../core/dates";
import { sourceFile } from "../file";
import { preview, sourceError } from "../request";
import { countryKey, stripFootnotes } from "./table5";

/** The history from 2000, revised with each monthly release. */
export const TIC_HISTORY = sourceFile({
  key: "ticHistory",
  source: "US Treasury TIC",
  name: "mfhhis01.txt",
  folder: "tic",
  address: "https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/mfhhis01.txt",
  ages: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  parse: (body) => parseTicHistory(body),
});

export const TIC_HISTORY_LABEL = TIC_HISTORY.label;

export interface TicHistoryRow {
  /** As written (footnote marks and outer spaces removed); memo rows read "Of which: For. Official". */
  name: string;
  /** USD bn by month; null where the file prints no number (`*`: less than $50 million). */
  values: Map<MonthKey, number | null>;
}

export interface TicHistory {
  /** Every month with a column, oldest first. */
  months: MonthKey[];
  /** By `countryKey(name)`. */
  rows: Map<string, TicHistoryRow>;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthNumber = (cell: string): number => MONTHS.indexOf(cell.trim().toLowerCase()) + 1;
const VALUE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const NO_VALUE = /^(?:\*|-|n\.?a\.?)$/i;

/** Space-aligned lines as cells: the name (its words), then each number; a header row keeps its empty first cell. */
function fixedWidthCells(line: string): string[] {
  const tokens = line.trim().split(/\s+/);
  let k = tokens.length;
  while (k > 0 && (VALUE.test(tokens[k - 1]) || NO_VALUE.test(tokens[k - 1]) || monthNumber(tokens[k - 1]) > 0 || /^-+$/.test(tokens[k - 1]))) k--;
  return [tokens.slice(0, k).join(" "), ...tokens.slice(k)];
}

/** The file's records, whatever the delimiter. */
function records(text: string): string[][] {
  const m = /^"?Country"?([\t,]| {2,})/m.exec(text);
  if (!m) {
    throw sourceError(TIC_HISTORY_LABEL, `no "Country" header row: ${preview(text)}`);
  }
  if (m[1] === "\t" || m[1] === ",") return parseDelimited(text, m[1]);
  return text.split(/\r\n|\n|\r/).map(fixedWidthCells);
}

/** Parse `mfhhis01.txt` (or its comma twin, or the legacy `mfh.txt`). */
export function parseTicHistory(text: string): TicHistory {
  const rows = new Map<string, TicHistoryRow>();
  const seen = new Set<MonthKey>();
  let months: number[] | null = null; // month numbers of the pending header
  let columns: (MonthKey | null)[] | null = null; // the month of each column of the current block
  let memo = false;
  const recs = records(text);
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    const first = stripFootnotes(r[0] ?? "");
    const rest = r.slice(1).map((c) => c.trim());
    if (first === "" && rest.some((c) => c !== "") && rest.every((c) => c === "" || monthNumber(c) > 0)) {
      months = rest.map(monthNumber);
      continue;
    }
    if (/^country$/i.test(first)) {
      if (months === null) throw sourceError(TIC_HISTORY_LABEL, `record ${i + 1}: a "Country" row without the row of months above it`);
      const m = months;
      columns = [null, ...m.map((mo, k) => {
        if (mo === 0) return null;
        const y = (r[k + 1] ?? "").trim();
        if (!/^\d{4}$/.test(y)) throw sourceError(TIC_HISTORY_LABEL, `record ${i + 1}: the column of ${MONTHS[mo - 1]} has ${JSON.stringify(y)} where a year was expected`);
        const key = `${y}-${String(mo).padStart(2, "0")}`;
        // A month seen before (to the left, or in a newer block) is the older series: not read.
        if (seen.has(key)) return null;
        seen.add(key);
        return key;
      })];
      months = null;
      memo = false;
      continue;
    }
    if (/^department of the treasury/i.test(first)) {
      columns = null; // revision dates and footnotes follow
      continue;
    }
    if (columns === null || first === "") continue;
    if (/^of which:?$/i.test(first)) {
      memo = true;
      continue;
    }
    const values = new Map<MonthKey, number | null>();
    let numbers = 0;
    for (let k = 1; k < columns.length; k++) {
      const month = columns[k];
      if (month === null) continue;
      const raw = stripFootnotes(r[k] ?? "");
      if (raw === "" || NO_VALUE.test(raw)) {
        values.set(month, null);
        continue;
      }
      if (!VALUE.test(raw)) throw sourceError(TIC_HISTORY_LABEL, `${first}, ${month} has ${JSON.stringify(r[k])}, not a number`);
      values.set(month, Number(raw.replace(/,/g, "")));
      numbers++;
    }
    if (numbers === 0) continue; // a heading without numbers
    const name = memo ? `Of which: ${first}` : first;
    const key = countryKey(name);
    const row = rows.get(key);
    if (row === undefined) {
      rows.set(key, { name, values });
    } else {
      for (const [month, v] of values) if (!row.values.has(month)) row.values.set(month, v);
    }
  }
  if (rows.size === 0 || seen.size === 0) {
    throw sourceError(TIC_HISTORY_LABEL, `no holdings under a "Country" header: ${preview(text)}`);
  }
  return { months: [...seen].sort(), rows };
}

/** A country's row (case-insensitive, as written in the file), or `#N/A` naming it. */
export function ticHistoryRow(h: TicHistory, country: string): TicHistoryRow {
  const row = h.rows.get(countryKey(country));
  if (row) return row;
  throw new SheetError("na", `US Treasury TIC: no country ${show(country)} in the Major Foreign Holders history (names as written there, e.g. "Japan", "China, Mainland", "Grand Total")`);
}

/**
 * Japan Ministry of Finance, "International Transactions in Securities" (monthly, designated
 * major investors), `montha1.csv`, published in cp932 like the weekly file. As published:
 *
 * - title and unit lines (`(Unit: 100 mil Yen)`), Japanese and English group headers, and the
 *   English row `,,,Acquisition,Disposition,Net,…` (27 fields: the year or an era label, the
 *   Japanese month, the English month, 11 columns of residents' flows in foreign securities,
 *   "assets", 11 of non-residents' flows in Japanese ones, "liabilities", and two net balances);
 * - one row a month from 2005-01: column 0 holds the year on January rows only (`2005`), an era
 *   label on some others (`(平成17年)　`, `(令和元年)`), blank elsewhere; column 2 the English month;
 * - months not published yet as placeholder rows with every value empty (`,９月,Sep,,,,…`):
 *   missing data, never zeros;
 * - then calendar-year and fiscal-year sums (`2005年(1月～12月）  2005CY`), an all-comma row and
 *   the footnotes; values are integers, quoted when they hold a thousands comma (`"9,934"`).
 */
import { type MonthKey, addMonthsToKey } from "../../core/dates";
import { isBlankRecord, parseDelimited } from "../csv";
import { sourceFile } from "../file";
import { preview, sourceError } from "../request";
import { MOF_FLOWS_ADDRESS, MOF_FLOWS_CHARSET, namesHundredMillionYen, wrongEncodingAbove } from "./common";

/** The monthly file: one release a month. */
export const MOF_MONTH = sourceFile({
  key: "mofFlowsMonthly",
  source: "Japan MoF",
  name: "montha1.csv",
  folder: "mof",
  address: `${MOF_FLOWS_ADDRESS}/montha1.csv`,
  ages: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  charset: MOF_FLOWS_CHARSET,
  parse: (body) => parseMofMonthly(body),
});

export const MOF_MONTH_LABEL = MOF_MONTH.label;

/** Columns of the file (0–2 are the year, the Japanese and the English month). Net = acquisition − disposition. */
export const MONTH_COLUMNS = {
  assets: { equity: [3, 4, 5], longTermDebt: [6, 7, 8], subtotal: 9, shortTermDebt: [10, 11, 12], total: 13 },
  liabilities: { equity: [14, 15, 16], longTermDebt: [17, 18, 19], subtotal: 20, shortTermDebt: [21, 22, 23], total: 24 },
} as const;

/** The English header from column 3 on, as the columns above are read. */
const ENGLISH_HEADS = ["Acquisition", "Disposition", "Net", "Acquisition", "Disposition", "Net", "Net", "Acquisition", "Disposition", "Net", "Net"];
const VALUE_COLUMNS = 3 + 2 * ENGLISH_HEADS.length; // 25: the two balances after them are not read
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const VALUE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/;

export interface FlowMonth {
  month: MonthKey;
  /** 100 million yen, indexed by file column (3..24; lower indexes unused); null where the cell is empty. */
  values: (number | null)[];
}

/** The net of `column` in a month as published, or null (a month not published yet). */
export const monthValue = (m: FlowMonth, column: number): number | null => m.values[column] ?? null;

function headerIndex(records: string[][]): number {
  return records.findIndex((r) => r.length >= VALUE_COLUMNS && ENGLISH_HEADS.every((h, k) => r[3 + k].trim().startsWith(h) && r[14 + k].trim().startsWith(h)));
}

/** Parse `montha1.csv` (decoded text), oldest month first. Refuses a file whose layout or units differ, naming what differs. */
export function parseMofMonthly(text: string): FlowMonth[] {
  const records = parseDelimited(text.replace(/^\uFEFF/, ""));
  const h = headerIndex(records);
  wrongEncodingAbove(records, h, MOF_MONTH_LABEL);
  if (h < 0) throw sourceError(MOF_MONTH_LABEL, `no ",,,Acquisition,Disposition,Net,…" header row with 22 value columns: ${preview(text)}`);
  const groups = records[h - 2] ?? [];
  const group = (k: number) => (groups[k] ?? "").trim().toLowerCase();
  if (!(group(3).startsWith("equity") && group(6).startsWith("long-term debt") && group(14).startsWith("equity") && group(17).startsWith("long-term debt"))) {
    throw sourceError(MOF_MONTH_LABEL, "the group headers are not equity, long-term debt, … in the expected columns: the layout has changed");
  }
  if (!records.slice(0, h).some(namesHundredMillionYen)) throw sourceError(MOF_MONTH_LABEL, 'no "(Unit: 100 mil Yen)" line above the header: the units cannot be confirmed');

  const out: FlowMonth[] = [];
  let year: number | undefined;
  for (let i = h + 1; i < records.length; i++) {
    const r = records[i];
    const english = (r[2] ?? "").trim();
    // The monthly rows end where the calendar-year sums (no month) or the footnotes begin.
    if (isBlankRecord(r) || english === "") break;
    const m = MONTHS.indexOf(english);
    if (m < 0) throw sourceError(MOF_MONTH_LABEL, `record ${i + 1} has the month ${JSON.stringify(english)}, not Jan … Dec`);
    const label = (r[0] ?? "").trim();
    if (/^\d{4}$/.test(label)) year = +label;
    if (year === undefined) throw sourceError(MOF_MONTH_LABEL, `record ${i + 1} (${english}) comes before any year`);
    const key = `${year}-${String(m + 1).padStart(2, "0")}` as MonthKey;
    const prev = out[out.length - 1];
    if (prev && addMonthsToKey(prev.month, 1) !== key) {
      throw sourceError(MOF_MONTH_LABEL, `record ${i + 1} is ${key}, not the month after ${prev.month}: a January row without its year, or a month missing`);
    }
    const values: (number | null)[] = new Array(VALUE_COLUMNS).fill(null);
    for (let k = 3; k < VALUE_COLUMNS; k++) {
      const raw = (r[k] ?? "").trim();
      if (raw === "") continue;
      if (!VALUE.test(raw)) throw sourceError(MOF_MONTH_LABEL, `${key}, column ${k + 1} has ${JSON.stringify(r[k])}, not a number`);
      values[k] = Number(raw.replace(/,/g, ""));
    }
    out.push({ month: key, values });
  }
  if (out.length === 0) throw sourceError(MOF_MONTH_LABEL, "the file has no months below its header");
  return out;
}

/** The net of a column by month; a placeholder month is absent from the map (missing, not 0). */
export function monthlySeries(months: readonly FlowMonth[], column: number): Map<MonthKey, number> {
  const out = new Map<MonthKey, number>();
  for (const m of months) {
    const v = monthValue(m, column);
    if (v !== null) out.set(m.month, v);
  }
  return out;
}

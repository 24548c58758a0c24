/**
 * Japan Ministry of Finance, "International Transactions in Securities" (weekly, designated major
 * investors), `week.csv`. The Ministry publishes it in cp932 (Windows-31J): hosts decode it
 * (Sheets: `getContentText("Windows-31J")`; the proxy transcodes it to UTF-8 for Excel) and this
 * parser takes the text. The file as published:
 *
 * - title and unit lines (`Unit: 100 million Yen`), then the headers: a cell with a line break
 *   inside quotes (`"期間\nPeriod"`), group headers padded with spaces, and the English row
 *   `Acquisition,Disposition,Net,…` (23 fields: the period, then 11 columns of residents' flows
 *   in foreign securities, "assets", and 11 of non-residents' flows in Japanese ones, "liabilities");
 * - one row per week, Sunday to Saturday, labelled with full-width dots and a wave dash:
 *   `2005．1．2～ 1．8`, `2013．12．29～2014．1．4` (the end carries its year when the week crosses
 *   one), spacing that varies over the years; decoders give U+FF5E (cp932) or U+301C (Java's
 *   Shift_JIS) for the dash;
 * - values in 100 million yen with a trailing space, quoted when they hold a thousands comma
 *   (`"1,689 "`, `270 `, `-671 `); plus = net purchases;
 * - an all-comma row, then footnotes (①②③ and English notes), which are not data: Java's
 *   Shift_JIS decodes ①②③ as U+FFFD, which is accepted there and nowhere above them.
 */
import { isBlankRecord, parseDelimited } from "../csv";
import { type IsoDate, isoFromParts } from "../../core/dates";
import { sourceFile } from "../file";
import { preview, sourceError } from "../request";
import { MOF_FLOWS_ADDRESS, MOF_FLOWS_CHARSET, namesHundredMillionYen, wrongEncodingAbove } from "./common";

/** The weekly file: one release a week (Thursdays); a stale copy is at most two releases old. */
export const MOF_WEEK = sourceFile({
  key: "mofFlowsWeekly",
  source: "Japan MoF",
  name: "week.csv",
  folder: "mof",
  address: `${MOF_FLOWS_ADDRESS}/week.csv`,
  ages: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 14 * 86400 },
  charset: MOF_FLOWS_CHARSET,
  parse: (body) => parseMofWeekly(body),
});

export const MOF_WEEK_LABEL = MOF_WEEK.label;

/** Columns of the file (0 is the period). Net = acquisition − disposition; subtotal = equity + long-term debt. */
export const WEEK_COLUMNS = {
  assets: { equity: [1, 2, 3], longTermDebt: [4, 5, 6], subtotal: 7, shortTermDebt: [8, 9, 10], total: 11 },
  liabilities: { equity: [12, 13, 14], longTermDebt: [15, 16, 17], subtotal: 18, shortTermDebt: [19, 20, 21], total: 22 },
} as const;

/** The English header row the columns above are read from: a file laid out otherwise is refused. */
const ENGLISH_HEADS = ["Acquisition", "Disposition", "Net", "Acquisition", "Disposition", "Net", "Net", "Acquisition", "Disposition", "Net", "Net"];
const FIELDS = 1 + 2 * ENGLISH_HEADS.length;

export interface FlowWeek {
  /** Sunday and Saturday of the week, ISO. */
  start: IsoDate;
  end: IsoDate;
  /** The period as printed, for messages. */
  label: string;
  /** 100 million yen, indexed by file column (1..22; index 0 unused); null where the cell is empty. */
  values: (number | null)[];
}

const DOT = "[．.]";
const PERIOD = new RegExp(`^\\s*(\\d{4})${DOT}(\\d{1,2})${DOT}(\\d{1,2})\\s*[～〜~]\\s*(?:(\\d{4})${DOT})?(\\d{1,2})${DOT}(\\d{1,2})\\s*$`);
const VALUE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/;

/** `2013．12．29～2014．1．4` → the two days; undefined when the text is not a week label. */
export function parseWeekLabel(label: string): { start: IsoDate; end: IsoDate } | undefined {
  const m = PERIOD.exec(label);
  if (!m) return undefined;
  const y = +m[1];
  const startMonth = +m[2];
  const endMonth = +m[5];
  // The end carries its year when the week crosses one; a label without it is read the same way.
  const endYear = m[4] !== undefined ? +m[4] : endMonth < startMonth ? y + 1 : y;
  const start = isoFromParts(y, startMonth, +m[3]);
  const end = isoFromParts(endYear, endMonth, +m[6]);
  return start !== undefined && end !== undefined && start < end ? { start, end } : undefined;
}

function headerIndex(records: string[][]): number {
  return records.findIndex((r) => r.length >= FIELDS && ENGLISH_HEADS.every((h, k) => r[1 + k].trim() === h && r[12 + k].trim() === h));
}

/** Parse `week.csv` (decoded text). Refuses a file whose layout or units differ, naming what differs. */
export function parseMofWeekly(text: string): FlowWeek[] {
  const records = parseDelimited(text.replace(/^\uFEFF/, ""));
  const h = headerIndex(records);
  wrongEncodingAbove(records, h, MOF_WEEK_LABEL);
  if (h < 0) throw sourceError(MOF_WEEK_LABEL, `no "Acquisition,Disposition,Net,…" header row with 22 value columns: ${preview(text)}`);
  const groups = records[h - 2] ?? [];
  const group = (k: number) => (groups[k] ?? "").trim().toLowerCase();
  if (!(group(1).startsWith("equity") && group(4).startsWith("long-term debt") && group(12).startsWith("equity") && group(15).startsWith("long-term debt") && group(11) === "total" && group(22) === "total")) {
    throw sourceError(MOF_WEEK_LABEL, "the group headers are not equity, long-term debt, …, total in the expected columns: the layout has changed");
  }
  const unit = records.slice(0, h).some(namesHundredMillionYen);
  if (!unit) throw sourceError(MOF_WEEK_LABEL, 'no "Unit: 100 million Yen" line above the header: the units cannot be confirmed');
  const weeks: FlowWeek[] = [];
  for (let i = h + 1; i < records.length; i++) {
    const r = records[i];
    if (isBlankRecord(r)) break; // the footnotes follow
    const label = r[0].trim();
    const days = parseWeekLabel(label);
    if (days === undefined) {
      const after = weeks.length ? ` (after the week ${weeks[weeks.length - 1].label})` : "";
      throw sourceError(MOF_WEEK_LABEL, `the row ${JSON.stringify(label)}${after} is not a week like 2026．9．6～9．12`);
    }
    const values: (number | null)[] = [null]; // index 0 is the period
    for (let k = 1; k < FIELDS; k++) {
      const raw = (r[k] ?? "").trim();
      if (raw === "") {
        values.push(null);
        continue;
      }
      if (!VALUE.test(raw)) throw sourceError(MOF_WEEK_LABEL, `the week ${label}, column ${k + 1} has ${JSON.stringify(r[k])}, not a number`);
      values.push(Number(raw.replace(/,/g, "")));
    }
    weeks.push({ ...days, label, values });
  }
  if (weeks.length === 0) throw sourceError(MOF_WEEK_LABEL, "the file has no weeks below its header");
  weeks.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  for (let i = 1; i < weeks.length; i++) {
    if (weeks[i].end === weeks[i - 1].end) throw sourceError(MOF_WEEK_LABEL, `the week ending ${weeks[i].end} appears twice`);
  }
  return weeks;
}

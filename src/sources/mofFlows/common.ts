/**
 * What the Ministry of Finance's two files of "International Transactions in Securities"
 * (designated major investors; weekly `week.csv`, monthly `montha1.csv`) share: where they are,
 * their charset, their unit and the check that they were decoded as published.
 */
import { isBlankRecord } from "../csv";
import { sourceError } from "../request";

export const MOF_FLOWS_ADDRESS = "https://www.mof.go.jp/policy/international_policy/reference/itn_transactions_in_securities";

/**
 * cp932 as both readers name it: Java's (Apps Script `getContentText`) and the WHATWG decoder's
 * (the proxy, which transcodes to UTF-8). Plain `Shift_JIS` in Java turns ①②③ into U+FFFD and
 * 0x8160 into U+301C instead of U+FF5E.
 */
export const MOF_FLOWS_CHARSET = "Windows-31J";

/** The Ministry's 100 million yen in JPY bn (÷ 10, by moving the decimal point: 14,029 → 1402.9 exactly as printed). */
export const oku100ToBn = (x: number): number => Number(`${x}e-1`);

/** Does a line above the header name the unit, in English or Japanese? */
export const namesHundredMillionYen = (cells: readonly string[]) => cells.some((c) => /100\s*mil(?:lion)?\.?\s*yen/i.test(c) || /単位\s*[:：]\s*億円/.test(c));

/**
 * U+FFFD above the footnotes (or anywhere, when no header row was found at `header` < 0) means a
 * wrong decoder; in the footnotes it is Java's Shift_JIS on ①②③, harmless.
 */
export function wrongEncodingAbove(records: readonly string[][], header: number, label: string): void {
  for (let i = 0; i < records.length && !(header >= 0 && i > header && isBlankRecord(records[i])); i++) {
    if (records[i].some((c) => c.includes("\uFFFD"))) {
      throw sourceError(label, "the file holds U+FFFD replacement characters: it was decoded with the wrong encoding (it is cp932, Windows-31J)");
    }
  }
}

/**
 * The Treasury's "Major Foreign Holders" history, every real copy in the fixtures: `mfhhis01.txt`
 * as published (tab, CRLF, revised May 18, 2026), an earlier vintage (tab, LF, revised March 18,
 * 2026), its comma twin (`mfhhis01.csv`), and the legacy fixed-width `mfh.txt` (March 15, 2023).
 * Expected values are read by hand from the files at the line numbers given.
 */
import { describe, expect, it } from "vitest";
import { parseTicTable5 } from "../../../src/sources/tic/table5";
import { TIC_HISTORY, type TicHistory, parseTicHistory, ticHistoryRow } from "../../../src/sources/tic/history";
import { fileRequest } from "../../../src/sources/file";
import type { PlanContext } from "../../../src/sources/request";

const ticHistoryRequest = (ctx: Omit<PlanContext, "today">) => fileRequest(ctx, TIC_HISTORY);
import { real, thrown } from "../../helpers/dataFixtures";

const MAY26 = "tic_mfhhis01_crlf_2000-2025_rev2026-05.txt";
const MAR26 = "tic_mfhhis01_2000-2025.txt";
const MAR26_CSV = "tic_mfhhis01_2000-2025_comma_variant.csv";
const LEGACY = "tic_mfh_legacy_fixedwidth_2022-01_2023-01.txt";
const TABLE5 = "tic_slt_table5_2025-04_2026-04.txt";

const at = (h: TicHistory, country: string, month: string) => ticHistoryRow(h, country).values.get(month);

describe("parseTicHistory on mfhhis01.txt as published (revised May 18, 2026)", () => {
  const h = parseTicHistory(real(MAY26));

  it("covers 2000-03 .. 2025-12 from yearly blocks newest first (the 2000 block starts at March)", () => {
    expect(real(MAY26).includes("\r\n")).toBe(true);
    expect(h.months[0]).toBe("2000-03");
    expect(h.months[h.months.length - 1]).toBe("2025-12");
    expect(h.months).toHaveLength(310); // 10 months of 2000 + 25 years × 12
    // Line 10: Japan 1185.5 (Dec 2025) … 1200 (Oct, trailing zeros stripped) … 1079.3 (Jan 2025).
    expect(at(h, "Japan", "2025-12")).toBe(1185.5);
    expect(at(h, "Japan", "2025-10")).toBe(1200);
    expect(at(h, "Japan", "2025-01")).toBe(1079.3);
    // Line 58: Japan Dec 2024 1061.5; line 155: Dec 2022 1075.1.
    expect(at(h, "japan", "2024-12")).toBe(1061.5);
    expect(at(h, "Japan", "2022-12")).toBe(1075.1);
  });

  it("reads the left column where a month appears twice at a survey break (the newer series)", () => {
    // Line 750 (2011, `Jun\tJun`): Japan … 884.9 (Jul), 881.5 (Jun, series XII), 911.1 (Jun, series XI), 912.4 (May) …
    expect(at(h, "Japan", "2011-07")).toBe(884.9);
    expect(at(h, "Japan", "2011-06")).toBe(881.5);
    expect(at(h, "Japan", "2011-05")).toBe(912.4);
    expect(at(h, "Japan", "2011-01")).toBe(886.0);
    // Line 1218 (2000, `Mar\tMar`): Japan … 322.4 (Apr), 307.6 (Mar, series II), 325.8 (Mar, series I).
    expect(at(h, "Japan", "2000-04")).toBe(322.4);
    expect(at(h, "Japan", "2000-03")).toBe(307.6);
    // Line 1220: United Kingdom 2/ (footnote mark dropped), Mar 2000 78.6 (not 235.7).
    expect(at(h, "United Kingdom", "2000-03")).toBe(78.6);
  });

  it("quoted names, with the comma and the stray trailing space, are one country across the years", () => {
    // Line 27: "Korea, South" 140.6 (Dec 2025); line 1227: "Korea, South " 29.6 (Dec 2000).
    expect(at(h, "Korea, South", "2025-12")).toBe(140.6);
    expect(at(h, "korea, south", "2000-12")).toBe(29.6);
    expect(at(h, "China, Mainland", "2025-12")).toBe(683.5); // line 12
    expect(ticHistoryRow(h, "Of which: For. Official").values.get("2025-12")).toBe(3877.6); // line 52
    // The footer (revision dates, footnotes with quotes and commas) is not data.
    expect([...h.rows.values()].some((r) => /revised|Department|Less than|custodians/i.test(r.name))).toBe(false);
    expect(thrown(() => ticHistoryRow(h, "Atlantis")).message).toMatch(/no country "Atlantis" in the Major Foreign Holders history/);
  });

  it("agrees with slt_table5 where they overlap (2025-04 .. 2025-12)", () => {
    const t5 = parseTicTable5(real(TABLE5));
    let same = 0;
    for (const row of t5.rows) {
      // slt_table5 lists 20 countries, so its "All Other" is a larger aggregate; its "Of Which" rows are spelled otherwise.
      if (/^(all other|of which)/i.test(row.name)) continue;
      t5.months.forEach((m, k) => {
        const v = at(h, row.name, m);
        if (v === undefined) return;
        expect(v, `${row.name} ${m}`).toBe(row.values[k]);
        same++;
      });
    }
    expect(same).toBe(21 * 9); // 20 countries and the Grand Total, 9 months each
  });
});

describe("parseTicHistory on the other copies", () => {
  it("the March 2026 vintage (LF, three leading tabs, no final newline) holds the earlier revision", () => {
    const text = real(MAR26);
    expect(text.includes("\r")).toBe(false);
    const h = parseTicHistory(text);
    expect(h.months).toHaveLength(310);
    // Line 11: United Kingdom 866 (Dec 2025), revised to 863.1 in May; Japan unrevised (line 10, 1185.5).
    expect(at(h, "United Kingdom", "2025-12")).toBe(866);
    expect(at(h, "Japan", "2025-12")).toBe(1185.5);
    // Line 1227: "Korea, South " 25 (Apr 2000; 25.0 in the May vintage).
    expect(at(h, "Korea, South", "2000-04")).toBe(25);
  });

  it("the comma-delimited twin reads exactly as the tab file", () => {
    const csv = parseTicHistory(real(MAR26_CSV));
    const tab = parseTicHistory(real(MAR26));
    expect(csv.months).toEqual(tab.months);
    expect([...csv.rows.entries()].map(([k, r]) => [k, r.name, [...r.values]])).toEqual([...tab.rows.entries()].map(([k, r]) => [k, r.name, [...r.values]]));
  });

  it("the legacy fixed-width mfh.txt: 13 months, names without quotes, indented memo rows", () => {
    const h = parseTicHistory(real(LEGACY));
    expect(h.months).toEqual(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12", "2023-01"]);
    // Line 13: Japan 1104.4 (Jan 2023), 1076.3 (Dec 2022) … 1299.9 (Jan 2022); line 29: Korea 105.8.
    expect(at(h, "Japan", "2023-01")).toBe(1104.4);
    expect(at(h, "Japan", "2022-12")).toBe(1076.3);
    expect(at(h, "Japan", "2022-01")).toBe(1299.9);
    expect(at(h, "Korea", "2023-01")).toBe(105.8);
    expect(at(h, "China, Mainland", "2023-01")).toBe(859.4); // line 14
    expect(ticHistoryRow(h, "Of which: For. Official").values.get("2023-01")).toBe(3713.9); // line 55
  });
});

describe("parseTicHistory refuses what it cannot read", () => {
  it("a page without a Country header, a value that is not a number", () => {
    expect(thrown(() => parseTicHistory("<html>maintenance</html>")).message).toMatch(/^US Treasury TIC mfhhis01\.txt: no "Country" header row/);
    const bad = "\tDec\tNov\t\r\nCountry\t2025\t2025\t\r\nJapan\t1185.5\tn/e\t\r\n";
    expect(thrown(() => parseTicHistory(bad)).message).toMatch(/Japan, 2025-11 has "n\/e", not a number/);
    expect(thrown(() => parseTicHistory("Country\t2025\r\nJapan\t1\r\n")).message).toMatch(/without the row of months above it/);
  });

  it("reads a star (less than $50 million) as no number, never as a value", () => {
    const h = parseTicHistory("\tDec\tNov\r\nCountry\t2025\t2025\r\nTuvalu\t*\t0.1\r\n");
    expect(ticHistoryRow(h, "Tuvalu").values.get("2025-12")).toBeNull();
    expect(ticHistoryRow(h, "Tuvalu").values.get("2025-11")).toBe(0.1);
  });
});

describe("ticHistoryRequest", () => {
  it("asks the Treasury directly (Sheets) or our proxy (Excel)", () => {
    expect(ticHistoryRequest({ via: "direct" }).url).toBe("https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/mfhhis01.txt");
    expect(ticHistoryRequest({ via: "proxy", proxyBase: "http://localhost:8787" }).url).toBe("http://localhost:8787/tic/mfhhis01.txt");
    expect(ticHistoryRequest({ via: "direct" }).parse).toBe(TIC_HISTORY.parse);
  });
});

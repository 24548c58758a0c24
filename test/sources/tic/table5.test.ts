import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { TIC_TABLE5, parseTicTable5, stripFootnotes, ticChange, ticHoldings } from "../../../src/sources/tic/table5";
import { fileRequest } from "../../../src/sources/file";
import type { PlanContext } from "../../../src/sources/request";

const ticRequest = (ctx: Omit<PlanContext, "today">) => fileRequest(ctx, TIC_TABLE5);
import { own, real, thrown } from "../../helpers/dataFixtures";

const REAL5 = "tic_slt_table5_2025-04_2026-04.txt";
const LEGACY = "tic_mfh_legacy_fixedwidth_2022-01_2023-01.txt";


describe("parseTicTable5 on the US Treasury's real slt_table5.txt (TIC, Major Foreign Holders)", () => {
  it("13 months newest first, the rows with unquoted commas, the aggregates; the footer is not data", () => {
    const text = real(REAL5);
    expect(text.includes("\r\n")).toBe(true); // as the Treasury serves it: CRLF
    const t = parseTicTable5(text);
    // line 6: Country, 2026-04 … 2025-04
    expect(t.months).toHaveLength(13);
    expect(t.months[0]).toBe("2026-04");
    expect(t.months[12]).toBe("2025-04");
    // 20 countries + All Other + Grand Total + 3 "Of Which" rows (lines 7-31); "Notes:" and its text are not rows
    expect(t.rows).toHaveLength(25);
    expect(t.rows.map((r) => r.name)).toContain("China, Mainland");
    expect(t.rows.map((r) => r.name)).toContain("Korea, South");
    expect(t.rows.some((r) => /^notes:?$|custodians/i.test(r.name))).toBe(false);
    // line 7: Japan 1209.9 (2026-04), 1191.6 (2026-03), … 1134.5 (2025-04)
    expect(ticHoldings(t, "Japan")).toBe(1209.9);
    expect(ticHoldings(t, "japan", "2026-03")).toBe(1191.6);
    expect(ticChange(t, "Japan", 1)).toBe(18.3); // 1209.9 − 1191.6
    expect(ticChange(t, "Japan", 12)).toBe(75.4); // 1209.9 − 1134.5
    // line 9: China, Mainland 651.1; line 28: Grand Total 9352.6; line 29: Of Which: Foreign Official 3906.5
    expect(ticHoldings(t, "China, Mainland")).toBe(651.1);
    expect(ticHoldings(t, "GRAND TOTAL")).toBe(9352.6);
    expect(ticHoldings(t, "Of Which: Foreign Official")).toBe(3906.5);
    expect(ticHoldings(t, "Of Which: Foreign Official T-Bonds & Notes", "2025-04")).toBe(3493.5); // line 31, last column
  });

  it("refuses the legacy fixed-width mfh.txt with the reason", () => {
    const e = thrown(() => parseTicTable5(real(LEGACY)));
    expect(e.kind).toBe("na");
    expect(e.message).toContain("legacy fixed-width mfh.txt");
  });
});

describe("parseTicTable5 on our fixture (test/fixtures/data/tic_slt_table5_small.txt)", () => {
  const text = own("tic_slt_table5_small.txt");
  const t = parseTicTable5(text);

  it("keeps the publisher's layout: CRLF, 13 trailing tabs on title lines", () => {
    expect(text.split("\r\n")[0].endsWith("\t".repeat(13))).toBe(true);
    expect(text.includes("\n") && !/[^\r]\n/.test(text)).toBe(true);
  });

  it("strips footnote marks after names and values", () => {
    // line 9 "Belgium 4/"; line 14 "Of Which: Foreign Official 5/"; line 11 last value "97.4 6/"
    expect(t.rows.map((r) => r.name)).toEqual(["Japan", "China, Mainland", "Belgium", "Korea, South", "Israel", "All Other", "Grand Total", "Of Which: Foreign Official"]);
    expect(ticHoldings(t, "Belgium")).toBe(459.9);
    expect(ticHoldings(t, "belgium 4/")).toBe(459.9);
    expect(ticHoldings(t, "Israel", "2025-04")).toBe(97.4);
    expect(ticHoldings(t, "Of Which: Foreign Official")).toBe(3906.5);
    expect(stripFootnotes(" Cayman  Islands 5/ ")).toBe("Cayman Islands");
  });

  it("the latest month is the first column", () => {
    expect(t.months[0]).toBe("2026-04"); // line 6
    expect(ticHoldings(t, "Japan")).toBe(1209.9); // line 7, column 2
    expect(ticHoldings(t, "Korea, South", "2025-12")).toBe(140.6); // line 10, column 6
  });

  it("a month with no number ('*') is #N/A for that month only, never 0", () => {
    const e = thrown(() => ticHoldings(t, "Israel", "2026-03")); // line 11, column 3 is "*"
    expect(e.kind).toBe("na");
    expect(e.message).toContain("no number for Israel in 2026-03");
    expect(() => ticChange(t, "Israel", 1)).toThrow();
    expect(ticChange(t, "Israel", 2)).toBe(2.6); // 113.4 − 110.8
  });

  it("unknown country → #N/A naming it (with a suggestion when one is close)", () => {
    const e = thrown(() => ticHoldings(t, "Atlantis"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain('"Atlantis"');
    expect(thrown(() => ticHoldings(t, "China")).message).toContain('did you mean "China, Mainland"');
  });

  it("months outside the table → #N/A with its range; a bad months count → #VALUE!", () => {
    expect(thrown(() => ticHoldings(t, "Japan", "2024-01")).message).toContain("covers 2025-04 to 2026-04");
    const far = thrown(() => ticChange(t, "Japan", 13));
    expect(far.kind).toBe("na");
    expect(far.message).toContain("at most 12");
    expect(thrown(() => ticChange(t, "Japan", 0)).kind).toBe("value");
    expect(thrown(() => ticChange(t, "Japan", 1.5)).kind).toBe("value");
  });

  it("refuses our legacy-shaped and HTML fixtures with the reason", () => {
    expect(thrown(() => parseTicTable5(own("tic_mfh_legacy_small.txt"))).message).toContain("legacy fixed-width mfh.txt");
    expect(thrown(() => parseTicTable5(own("garbage_maintenance.html"))).message).toContain('no tab-delimited "Country" header row');
    expect(thrown(() => parseTicTable5("Country\t2026-13\r\n")).message).toContain('"2026-13"');
    expect(thrown(() => parseTicTable5("Country\t2026-04\r\nJapan\t12O9.9\r\n")).message).toContain('"12O9.9", not a number');
  });

  it("plans the TIC file direct or through the proxy, cached a day (docs/live.md's table)", () => {
    expect(ticRequest({ via: "direct" }).url).toBe("https://ticdata.treasury.gov/resource-center/data-chart-center/tic/Documents/slt_table5.txt");
    expect(ticRequest({ via: "proxy", proxyBase: "http://localhost:8787" }).url).toBe("http://localhost:8787/tic/slt_table5.txt");
    expect(ticRequest({ via: "direct" }).maxAgeSeconds).toBe(86400);
  });
});

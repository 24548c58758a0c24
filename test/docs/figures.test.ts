/**
 * Figures of the build in the docs come from the build or go: a size (KiB, KB, MB…) or a count of
 * functions or tests written by hand goes stale with the next change, as docs/release.md's 118 KiB
 * for a 157 KiB Code.gs did. The only ones allowed are in a region the build writes (and a test
 * checks against the built files) or on the list below, each a limit or a published size, not a
 * measurement of our build, with where it is enforced.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/generated";
import { RELEASE_TABLE_END, RELEASE_TABLE_START } from "../../scripts/release";

const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Written by the build, checked against it: test/release.test.ts compares the release table with the files built. */
const BUILT_REGIONS: [start: string, end: string][] = [[RELEASE_TABLE_START, RELEASE_TABLE_END]];

/** Sizes that are not figures of our build: page, the words around the figure, and the file that holds the same number. */
const NOT_BUILD_FIGURES: { page: string; text: string; source: string; holds: string }[] = [
  // the bundle size limit the test enforces, not the size measured
  { page: "docs/excel.md", text: "under 170 KB", source: "test/hosts/excel/es2016.test.ts", holds: "toBeLessThan(170 * 1024)" },
  // the tolerance of the release table's check, stated beside the table
  { page: "docs/release.md", text: "0.5 KiB plus 2%", source: "test/release.test.ts", holds: "> 0.5 + 0.02 * (actual / 1024)" },
  // Apps Script CacheService's limit per value, which the chunked store works to
  { page: "docs/live.md", text: "Values over 100 KB", source: "src/hosts/sheets/cacheStorage.ts", holds: "values up to 100 KB" },
  // the size of the Ministry of Finance's file as it serves it, data from outside, not a build output
  { page: "docs/live.md", text: "is ~1.1 MB", source: "src/hosts/sheets/fetcher.ts", holds: "history is ~1.1 MB" },
];

/** A size, or a count of functions or tests: "157 KiB", "1.1 MB", "84 functions", "1,200 tests". */
const FIGURE = /~?\b\d[\d,.]*\s?(?:KiB|KB|kB|MiB|MB|GiB|GB|bytes)\b|\b\d[\d,]* (?:catalog |spreadsheet |custom )?(?:functions|tests|test files)\b/g;

function outsideBuiltRegions(text: string): string {
  let out = text;
  for (const [start, end] of BUILT_REGIONS) {
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a >= 0 && b > a) out = out.slice(0, a) + out.slice(b);
  }
  return out;
}

/** Figures written by hand on a page, each with the line it is on. */
function handWritten(page: string): { figure: string; line: string }[] {
  const text = outsideBuiltRegions(readFileSync(join(ROOT, page), "utf8"));
  return text.split("\n").flatMap((line) => [...line.matchAll(FIGURE)].map((m) => ({ figure: m[0], line })));
}

describe("no hand-written figures of the build in the README or docs/", () => {
  for (const page of PAGES) {
    it(page, () => {
      const unexplained = handWritten(page).filter(({ line }) => !NOT_BUILD_FIGURES.some((n) => n.page === page && line.includes(n.text)));
      expect(unexplained.map((u) => `${u.figure}: ${u.line.trim()}`), `${page}: generate these from the build (a region it writes) or drop them`).toEqual([]);
    });
  }

  it("each allowed figure is still on its page and still the number its source holds", () => {
    for (const n of NOT_BUILD_FIGURES) {
      expect(readFileSync(join(ROOT, n.page), "utf8"), n.page).toContain(n.text);
      expect(readFileSync(join(ROOT, n.source), "utf8"), n.source).toContain(n.holds);
    }
  });

  it("the rule catches the figures the docs once gave by hand", () => {
    // a control: docs/release.md's old row and docs/excel.md's old bundle size
    const old = "| `Code.gs`, `appsscript.json` | the Google Sheets script | 118 KiB, 0.3 KiB |\nthe custom functions (≈ 131 KB minified, 43 KB gzipped); 84 functions";
    expect([...old.matchAll(FIGURE)].map((m) => m[0])).toEqual(["118 KiB", "0.3 KiB", "131 KB", "43 KB", "84 functions"]);
  });

  it("the release table's region is on docs/release.md, so the build has somewhere to write", () => {
    const page = readFileSync(join(ROOT, "docs", "release.md"), "utf8");
    expect(page.indexOf(RELEASE_TABLE_START)).toBeGreaterThan(0);
    expect(page.indexOf(RELEASE_TABLE_END)).toBeGreaterThan(page.indexOf(RELEASE_TABLE_START));
  });
});

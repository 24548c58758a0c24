/**
 * The history and flow sources on the allow-list: the Treasury's mfhhis01.txt and the MoF's
 * weekly and monthly "International Transactions in Securities" CSVs, served by the mock
 * upstreams with the publishers' real bytes (test/helpers/realFixtures.ts, named in
 * test/helpers/upstreams.ts REAL). The MoF files are Windows-31J (cp932): the proxy answers UTF-8.
 * Expected counts and texts are read from the publishers' files (Japan MoF, week.csv and
 * montha1.csv; the US Treasury, mfhhis01.txt) as said beside them, or follow from the cp932 code
 * table (0x8160 → U+FF5E, 0x817C → U+FF0D, NEC row 13 → ①②③).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataRequest } from "../../src/sources/request";
import { fileRequest } from "../../src/sources/file";
import { AsyncFetcher } from "../../src/sources/fetcher";
import { FILES } from "../../src/sources/registry";
import { fetchFetcher } from "../../src/sources/http";
import { ROUTES } from "../../src/proxy/routes";
import { realFixtureBytes } from "../helpers/realFixtures";
import { MOF_WEEKLY_PATH, REAL, type RunningProxy, TIC_HISTORY_PATH, type Upstreams, request, startProxy, startUpstreams, whileFailing } from "../helpers/upstreams";

const KEY = "0123456789abcdef0123456789abcdef";
const ORIGIN = "https://localhost:3000";
const TIC_HIST = realFixtureBytes(REAL.ticHistory);

let up: Upstreams;
let p: RunningProxy;

beforeAll(async () => {
  up = await startUpstreams(KEY);
  p = await startProxy(up, KEY);
});

afterAll(async () => {
  await p.close();
  await up.close();
});

const get = (path: string) => request(`${p.url}${path}`, { headers: { Origin: ORIGIN } });
const count = (text: string, piece: string) => text.split(piece).length - 1;
/** Strict UTF-8: a byte sequence that is not UTF-8 throws. */
const utf8 = (b: Buffer) => new TextDecoder("utf-8", { fatal: true }).decode(b);

describe("where the new sources are", () => {
  it("one allow-listed route each, at the paths the data layer imports, transcoding only the MoF flows", () => {
    const route = (path: string) => ROUTES.find((r) => r.path === path)!;
    expect([FILES.ticHistory.proxyPath, FILES.mofFlowsWeekly.proxyPath, FILES.mofFlowsMonthly.proxyPath]).toEqual(["/tic/mfhhis01.txt", "/mof/week.csv", "/mof/montha1.csv"]);
    expect([route("/tic/mfhhis01.txt").label(new URLSearchParams()), route("/tic/mfhhis01.txt").charset]).toEqual(["US Treasury TIC mfhhis01.txt", undefined]);
    expect([route("/mof/week.csv").label(new URLSearchParams()), route("/mof/week.csv").charset]).toEqual(["Japan MoF week.csv", "Windows-31J"]);
    expect([route("/mof/montha1.csv").label(new URLSearchParams()), route("/mof/montha1.csv").charset]).toEqual(["Japan MoF montha1.csv", "Windows-31J"]);
    // Only the MoF flow files are not UTF-8 (the publisher modules declare each file's charset)
    expect(Object.values(FILES).filter((f) => f.charset).map((f) => [f.name, f.charset])).toEqual([["week.csv", "Windows-31J"], ["montha1.csv", "Windows-31J"]]);
    // Windows-31J is a WHATWG label of the decoder the proxy uses (and Java's name for cp932)
    expect(new TextDecoder("Windows-31J").encoding).toBe("shift_jis");
  });
});

describe("the MoF weekly flows (week.csv): Windows-31J in, UTF-8 out", () => {
  it("every character decodes: ～ is U+FF5E, ①②③ and － as cp932 has them, no U+FFFD", async () => {
    const r = await get("/mof/week.csv");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(Number(r.headers["content-length"])).toBe(r.bytes.length);
    const text = utf8(r.bytes);
    // week.csv as published: 250,782 characters with the CRs, 1,153 CRLF (one bare LF inside a quoted header cell)
    expect(text.length).toBe(250_782);
    expect(count(text, "\r\n")).toBe(1153);
    expect(count(text, "\n")).toBe(1154);
    // 0x8160 → U+FF5E in every one of the 1,132 week labels (plain Shift_JIS would give U+301C)
    expect(count(text, "\uFF5E")).toBe(1132);
    expect(text).not.toContain("\u301C");
    expect(text).not.toContain("\uFFFD");
    // the footnotes' ①②③ (cp932 NEC row 13, 0x8740…) and － (0x817C → U+FF0D)
    expect(text).toContain("\r\n（備考）,①平成26年1月より");
    expect(text).toContain("\r\n,②四捨五入のため、合計に合わないことがある。");
    expect(text).toContain("\r\n,③ネットのプラス（＋）は取得超、マイナス（\uFF0D）は処分超を表す。");
    expect(text).toContain("minus sign(\uFF0D)");
    // the title, the first week and the last week as the file has them
    expect(text.startsWith("対外及び対内証券売買契約等の状況\u3000(週次・指定報告機関ベース）,")).toBe(true);
    expect(text).toContain('\r\n2005．1．2～ 1．8,"1,689 ","1,419 ",270 ,');
    expect(text).toContain('\r\n2026．9．6～9．12,"30,037 ","28,345 ","1,692 ",');
  });

  it("through the add-in's cache: one upstream call, then served from memory", async () => {
    const before = up.mof.count(MOF_WEEKLY_PATH);
    const req: DataRequest = fileRequest({ via: "proxy", proxyBase: p.url }, FILES.mofFlowsWeekly);
    const f = new AsyncFetcher({ fetch: fetchFetcher((url, init) => fetch(url, { ...init, headers: { ...init.headers, Origin: ORIGIN } })) });
    const first = await f.get(req);
    expect(first.ok && first.body.includes("2019．4．28～5．4,")).toBe(true); // the Golden Week row
    // …and parsed once, beside the body: week.csv holds 1,132 weeks (README of test/fixtures/real)
    expect(first.ok && (first.parsed as unknown[]).length).toBe(1132);
    expect(await f.get(req)).toMatchObject({ ok: true, from: "cache" });
    expect(up.mof.count(MOF_WEEKLY_PATH) - before).toBeLessThanOrEqual(1); // the proxy may hold it from the test above
  });

  it("a maintenance page instead of week.csv → 502 'unparseable reply', never cached", async () => {
    const fresh = await startProxy(up, KEY);
    try {
      await whileFailing(up.mof, MOF_WEEKLY_PATH, "garbage", async () => {
        const r = await request(`${fresh.url}/mof/week.csv`);
        expect(r.status).toBe(502);
        // The weekly parser's own complaint (src/sources/mofFlows/weekly.ts); a MoF reply carries no key, so quoting its start is safe.
        expect(JSON.parse(r.body).proxy_error).toMatch(/^unparseable reply: no "Acquisition,Disposition,Net,…" header row .*a reply starting "<!DOCTYPE html>/);
      });
      expect((await request(`${fresh.url}/mof/week.csv`)).headers["x-cache"]).toBe("MISS"); // asked again: nothing bad was kept
    } finally {
      await fresh.close();
    }
  });
});

describe("the MoF monthly flows (montha1.csv)", () => {
  it("decodes to UTF-8 with its era labels, full-width months and footnotes intact", async () => {
    const r = await get("/mof/montha1.csv");
    expect([r.status, r.headers["content-type"]]).toEqual([200, "text/csv; charset=utf-8"]);
    const text = utf8(r.bytes);
    // montha1.csv as published: 324 records, each ending in CRLF, no other line break
    expect(count(text, "\r\n")).toBe(324);
    expect(count(text, "\n")).toBe(324);
    expect(text).not.toContain("\uFFFD");
    // ～ (0x8160) in the 21 calendar-year and 21 fiscal-year rows: "2005年(1月～12月）", "2005年4月～2006年3月"
    expect(count(text, "\uFF5E")).toBe(42);
    expect(text.startsWith("対外及び対内証券売買契約等の状況（月別推移）,")).toBe(true);
    expect(text).toContain('\r\n2005,１月,Jan,"9,934","8,428","1,506",');
    expect(text).toContain("\r\n(平成17年)\u3000,２月,Feb,");
    expect(text).toContain("(令和元年)");
    expect(text).toContain("（単位：億円）");
    for (const mark of ["①", "②", "③"]) expect(text).toContain(`,${mark}`);
  });
});

describe("the TIC history (mfhhis01.txt)", () => {
  it("is passed through byte for byte (ASCII, CRLF, tabs) as text/plain UTF-8", async () => {
    const before = up.tic.count(TIC_HISTORY_PATH);
    const r = await get("/tic/mfhhis01.txt");
    expect([r.status, r.headers["content-type"]]).toEqual([200, "text/plain; charset=utf-8"]);
    expect(Buffer.compare(r.bytes, TIC_HIST)).toBe(0);
    expect((await get("/tic/mfhhis01.txt")).headers["x-cache"]).toBe("HIT");
    expect(up.tic.count(TIC_HISTORY_PATH) - before).toBe(1);
  });
});

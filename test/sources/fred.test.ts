import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import {
  KNOWN_UNITS,
  fredObservationsRequest,
  fredSeriesRequest,
  inUnits,
  isPercentUnits,
  parseFredObservations as parseAsPublished,
  percentToDecimal,
  parseFredSeriesInfo,
  requireKey,
  seriesId,
} from "../../src/sources/fred";
import { asOf, monthBefore } from "../../src/sources/series";
import { own, real, thrown } from "../helpers/dataFixtures";

/** A reply parsed, then in the unit rule (decimals for a percent series), as the live functions read it. */
function parseFredObservations(text: string, id: string, percent: boolean) {
  const r = parseAsPublished(text, id);
  return { missing: r.missing, observations: inUnits(r.observations, percent) };
}

/** A published value string in the unit rule: parsed as published, then the point moved. */
const fredValue = (text: string, percent: boolean) => (percent ? percentToDecimal(Number(text)) : Number(text));

const DESC60 = "fred_api_DGS10_observations_desc_limit60_rt2026-08-07.json";
const ASC2000 = "fred_api_DGS10_observations_asc_2000_rt2026-08-21.json";
const FEDFUNDS = "fred_api_FEDFUNDS_observations_asc_2000_rt2026-08-03.json";


describe("parseFredObservations on real replies of FRED's fred/series/observations (fred_api_*.json)", () => {
  it("desc, limit 60: 60 observations, 3 are '.', sorted oldest first", () => {
    const r = parseFredObservations(real(DESC60), "DGS10", true);
    // the reply to sort_order=desc&limit=60 (its file name): 60 observations, 2026-08-06 back to 2026-05-15, three "."
    expect(r.missing).toBe(3);
    expect(r.observations).toHaveLength(57);
    expect(r.observations[0]).toEqual({ date: "2026-05-15", value: 0.0459 }); // last element: "2026-05-15","4.59"
    // first element: "2026-08-06","4.6900000000" (10 decimals) → 0.0469
    expect(asOf(r.observations)).toEqual({ date: "2026-08-06", value: 0.0469 });
    // "2026-07-03" is "." → on or before it is "2026-07-02","4.49"
    expect(asOf(r.observations, "2026-07-03")).toEqual({ date: "2026-07-02", value: 0.0449 });
    // a month before 2026-08-06: on or before 2026-07-06 → "2026-07-06","4.48"
    expect(monthBefore(r.observations, "2026-08-06")).toEqual({ date: "2026-07-06", value: 0.0448 });
  });

  it("asc from 2000: 6,949 observations, 287 '.', 2000-01-03 .. 2026-08-20", () => {
    const r = parseFredObservations(real(ASC2000), "DGS10", true);
    // counted in the reply (observation_start=2000-01-01, sort_order=asc): 6,949 observations, 287 are "."
    expect(r.missing).toBe(287);
    expect(r.observations).toHaveLength(6949 - 287);
    expect(r.observations[0]).toEqual({ date: "2000-01-03", value: 0.0658 }); // first: "2000-01-03","6.58"
    expect(asOf(r.observations)).toEqual({ date: "2026-08-20", value: 0.0469 }); // last: "2026-08-20","4.6900000000"
    // "2025-12-25" is "." (Christmas) → "2025-12-24","4.15"
    expect(asOf(r.observations, "2025-12-25")).toEqual({ date: "2025-12-24", value: 0.0415 });
    // "2026-07-20","4.6000000000"
    expect(asOf(r.observations, "2026-07-20")).toEqual({ date: "2026-07-20", value: 0.046 });
  });

  it("monthly FEDFUNDS: 319 months on the 1st, last 3.6300000000", () => {
    const r = parseFredObservations(real(FEDFUNDS), "FEDFUNDS", true);
    expect(r.observations).toHaveLength(319); // counted in the reply: 319 monthly observations, none missing
    expect(r.observations[0]).toEqual({ date: "2000-01-01", value: 0.0545 }); // "2000-01-01","5.45"
    expect(asOf(r.observations)).toEqual({ date: "2026-07-01", value: 0.0363 }); // "2026-07-01","3.6300000000"
    // mid-month date → that month's observation (dated the 1st)
    expect(asOf(r.observations, "2026-07-20")?.date).toBe("2026-07-01");
  });
});

describe("parseFredObservations on our fixtures (test/fixtures/data)", () => {
  it("desc order with '.' and 10-decimal values, read oldest first", () => {
    const r = parseFredObservations(own("fred_DGS10_desc.json"), "DGS10", true);
    // fred_DGS10_desc.json lines 2-9: 8 observations, 2026-08-05 and 2026-07-03 are "."
    expect(r.missing).toBe(2);
    expect(r.observations.map((o) => o.date)).toEqual(["2026-07-01", "2026-07-02", "2026-07-06", "2026-07-31", "2026-08-04", "2026-08-06"]);
    expect(asOf(r.observations)).toEqual({ date: "2026-08-06", value: 0.0469 }); // line 2: "4.6900000000"
    expect(asOf(r.observations, "2026-08-05")).toEqual({ date: "2026-08-04", value: 0.0463 }); // line 3 ".", line 4 "4.6300000000"
  });

  it("not a percent series: values as published (DEXJPUS)", () => {
    const r = parseFredObservations(own("fred_DEXJPUS_desc.json"), "DEXJPUS", false);
    expect(asOf(r.observations)).toEqual({ date: "2026-08-06", value: 147.25 }); // fred_DEXJPUS_desc.json line 2
  });

  it("asc order reads the same way", () => {
    const r = parseFredObservations(own("fred_T5YIE_asc.json"), "T5YIE", true);
    expect(r.observations.map((o) => o.value)).toEqual([0.0231, 0.0235, 0.024]); // fred_T5YIE_asc.json lines 2, 4, 5
  });

  it("FRED's HTTP 400 body is an error naming FRED's message", () => {
    const e = thrown(() => parseFredObservations(own("fred_error_unknown_series_400.json"), "NOPE", true));
    expect(e.kind).toBe("na");
    expect(e.message).toContain("The series does not exist.");
  });

  it("garbage, a non-number value, a bad date → #N/A 'FRED …' with the reason, never a number", () => {
    expect(thrown(() => parseFredObservations(own("garbage_maintenance.html"), "DGS10", true)).message).toMatch(/^FRED DGS10: not JSON: a reply starting "<!DOCTYPE html>/);
    expect(thrown(() => parseFredObservations('{"observations":[{"date":"2026-01-02","value":"4,3"}]}', "DGS10", true)).message).toContain('"4,3", not a number');
    expect(thrown(() => parseFredObservations('{"observations":[{"date":"02/01/2026","value":"4.3"}]}', "DGS10", true)).message).toContain("no valid date");
    expect(thrown(() => parseFredObservations('{"count":0}', "DGS10", true)).message).toContain('no "observations"');
  });
});

describe("the unit rule (docs/functions.md, FRED: percent series → decimals; others as published)", () => {
  it("moves the decimal point without rounding noise", () => {
    // README, "Units and conventions": 4.30% is 0.043
    expect(fredValue("4.30", true)).toBe(0.043);
    expect(fredValue("4.6900000000", true)).toBe(0.0469);
    expect(fredValue("-0.12", true)).toBe(-0.0012);
    expect(fredValue("150.2", false)).toBe(150.2); // docs/functions.md, FRED: DEXJPUS 150.2, as published
  });

  it("reads FRED units: Percent → decimals, anything else as published", () => {
    expect(isPercentUnits("Percent")).toBe(true);
    expect(isPercentUnits("Percent of GDP")).toBe(true);
    expect(isPercentUnits("Japanese Yen to 1 U.S. Dollar")).toBe(false);
    expect(isPercentUnits("Billions of Dollars")).toBe(false);
    // FRED's units for these are "Percent" (their series pages at fred.stlouisfed.org); DEXJPUS "Japanese Yen to 1 U.S. Dollar"
    for (const id of ["DGS10", "DGS3MO", "SOFR", "THREEFYTP10", "IRLTLT01JPM156N"]) expect(isPercentUnits(KNOWN_UNITS[id])).toBe(true);
    expect(isPercentUnits(KNOWN_UNITS.DEXJPUS)).toBe(false);
  });

  it("parses fred/series: seriess[0].units", () => {
    // fred_series_T5YIE.json: "units": "Percent"; fred_series_EXJPUS.json: "Japanese Yen to One U.S. Dollar"
    expect(parseFredSeriesInfo(own("fred_series_T5YIE.json"), "T5YIE").units).toBe("Percent");
    expect(parseFredSeriesInfo(own("fred_series_EXJPUS.json"), "EXJPUS")).toMatchObject({ units: "Japanese Yen to One U.S. Dollar", frequency: "Monthly" });
    expect(thrown(() => parseFredSeriesInfo('{"series":[]}', "X")).message).toContain("seriess[0].units");
  });
});

describe("FRED request planning", () => {
  const ctxDirect = { via: "direct" as const };
  const ctxProxy = { via: "proxy" as const, proxyBase: "http://localhost:8787/" };

  it("direct: FRED's URL with the key; proxy: our path without any key; both share one cache key", () => {
    const d = fredObservationsRequest("DGS10", { ...ctxDirect, sortOrder: "desc", limit: 60, apiKey: "k".repeat(32) });
    const p = fredObservationsRequest("DGS10", { ...ctxProxy, sortOrder: "desc", limit: 60, apiKey: "ignored" });
    expect(d.url).toBe(`https://api.stlouisfed.org/fred/series/observations?series_id=DGS10&file_type=json&sort_order=desc&limit=60&api_key=${"k".repeat(32)}`);
    expect(p.url).toBe("http://localhost:8787/fred/series/observations?series_id=DGS10&file_type=json&sort_order=desc&limit=60");
    expect(d.cacheKey).toBe(p.cacheKey);
    for (const r of [d, p]) {
      expect(r.cacheKey).not.toContain("k".repeat(32));
      expect(r.label).toBe("FRED DGS10");
      expect(r.timeoutMs).toBe(10_000); // docs/live.md: each request gives up after 10 s
      expect(r.maxAgeSeconds).toBeGreaterThanOrEqual(3600); // docs/live.md's table: FRED daily series fresh 4 h
    }
    expect(fredSeriesRequest("T5YIE", ctxProxy).url).toBe("http://localhost:8787/fred/series?series_id=T5YIE&file_type=json");
  });

  it("no key in direct mode → #N/A saying how to set one", () => {
    const e = thrown(() => requireKey({ via: "direct", today: "2026-08-07", keyHint: "set it with marginal-bid → Set FRED API key" }));
    expect(e.kind).toBe("na");
    expect(e.message).toBe("FRED needs an API key: get a free one at https://fred.stlouisfed.org/docs/api/api_key.html, then set it with marginal-bid → Set FRED API key");
    expect(requireKey({ via: "direct", today: "2026-08-07", apiKey: "abc" }, "  ")).toBe("abc");
    expect(requireKey({ via: "direct", today: "2026-08-07", apiKey: "abc" }, "xyz")).toBe("xyz"); // the argument wins
  });

  it("a proxy plan without a proxy URL → #N/A saying where to set it", () => {
    expect(thrown(() => fredObservationsRequest("DGS10", { via: "proxy" })).message).toContain("no proxy URL is set");
  });

  it("series ids: case-insensitive; impossible ids → #N/A naming them", () => {
    expect(seriesId(" dgs10 ")).toBe("DGS10");
    const e = thrown(() => seriesId("DGS 10"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain('"DGS 10"');
  });
});

/**
 * FRED's download CSV ("fredgraph": `observation_date,DGS3MO` with an empty field for a missing
 * value, or the older `DATE,DGS3MO` with `.`) rewritten as the `fred/series/observations` JSON the
 * API answers, so that a series the fixtures hold only as a CSV goes through the real API parser.
 * The rewrite keeps each value's text as printed; missing values become FRED's `"."`.
 */
import { parseDelimited } from "../../src/sources/csv";

export function fredgraphCsvToApiJson(csv: string, seriesId: string): string {
  const [header, ...rows] = parseDelimited(csv);
  if (!/^(observation_date|DATE)$/i.test(header[0]) || header[1] !== seriesId) {
    throw new Error(`not a fredgraph CSV of ${seriesId}: header ${JSON.stringify(header)}`);
  }
  const observations = rows.map(([date, value]) => ({
    realtime_start: "2026-01-01",
    realtime_end: "2026-01-01",
    date,
    value: value === "" || value === "." ? "." : value,
  }));
  return JSON.stringify({
    units: "lin",
    file_type: "json",
    order_by: "observation_date",
    sort_order: "asc",
    count: observations.length,
    offset: 0,
    limit: 100000,
    observations,
  });
}

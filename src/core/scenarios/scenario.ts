import { invalid } from "../errors";
import { type Table, round15 } from "../table";

/** The note's scenario table (§6.3). `to` is "" where the range is open. */
export const SCENARIOS = [
  { id: "A", description: "Gradual BOJ hikes + US demand absorbs the slack", from: 0.04, to: 0.045, korea: "Limited impact" },
  { id: "B", description: "BOJ accelerates + term premium climbs", from: 0.045, to: 0.05, korea: "Pressure on growth / high-PER" },
  { id: "C", description: "Actual Japanese selling materializes", from: 0.05, to: "", korea: "Broad risk-asset correction" },
] as const;

/** Default boundaries between A/B and B/C (§6.3). */
export const SCENARIO_THRESHOLDS: readonly [number, number] = [0.045, 0.05];

/** The note's scenario for a US 10y level: A below 4.5%, B from 4.5% to below 5.0%, C from 5.0%. */
export function scenario(ust10y: number, thresholds: readonly number[] = SCENARIO_THRESHOLDS): string {
  if (thresholds.length !== 2) invalid(`thresholds has ${thresholds.length} values: give exactly two levels (A/B and B/C), e.g. 4.5% and 5%`);
  const [ab, bc] = thresholds;
  if (!(ab < bc)) invalid(`thresholds must increase: ${ab} then ${bc}`);
  // Classify the level as displayed: 4.3% + 0.2% computed as 0.04499999… is scenario B.
  const level = round15(ust10y);
  return level < ab ? "A" : level < bc ? "B" : "C";
}

export function scenarioTable(): Table {
  return [
    ["scenario", "description", "us_10y_from", "us_10y_to", "korean_equities"],
    ...SCENARIOS.map((s) => [s.id, s.description, s.from, s.to, s.korea]),
  ];
}

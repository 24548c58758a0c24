import { type Table, movedRow } from "../table";
import { hedgeCost } from "./hedgeCost";
import { hedgedUst, jgbAdvantage } from "./hedgedUst";

export interface BojHikeInputs {
  hikeBp: number;
  ustYield: number;
  usShort: number;
  jpShort: number;
  jgbYield: number;
  shortPassthrough?: number;
  jgbPassthrough?: number;
  basis?: number;
}

/**
 * Before/after table of a BOJ hike (§3.2). The JPY short rate moves `hike·short_passthrough`,
 * the JGB `hike·jgb_passthrough`; US rates stay. With equal pass-through the JGB advantage
 * does not change, because both legs move by the same amount: the table shows that honestly.
 */
export function bojHike(x: BojHikeInputs): Table {
  const { hikeBp, ustYield, usShort, jpShort, jgbYield, shortPassthrough = 1, jgbPassthrough = 1, basis = 0 } = x;
  const jpAfter = jpShort + (hikeBp / 10000) * shortPassthrough;
  const jgbAfter = jgbYield + (hikeBp / 10000) * jgbPassthrough;
  const rows: [string, number, number][] = [
    ["jp_short", jpShort, jpAfter],
    ["jgb_yield", jgbYield, jgbAfter],
    ["hedge_cost", hedgeCost(usShort, jpShort, basis), hedgeCost(usShort, jpAfter, basis)],
    ["hedged_ust", hedgedUst(ustYield, usShort, jpShort, basis), hedgedUst(ustYield, usShort, jpAfter, basis)],
    ["jgb_advantage", jgbAdvantage(jgbYield, ustYield, usShort, jpShort, basis), jgbAdvantage(jgbAfter, ustYield, usShort, jpAfter, basis)],
  ];
  return [["", "before", "after", "change"], ...rows.map(([label, before, after]) => movedRow(label, before, after))];
}

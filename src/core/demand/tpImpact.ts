import { invalid } from "../errors";
import type { Table } from "../table";

/**
 * Sensitivity presets for the term-premium response to a demand shortfall, in bp per
 * USD 100bn a year of buying that must be replaced. Order is the order users see.
 */
export const TP_PRESETS: readonly { name: string; bpPer100bn: number; source: string }[] = [
  { name: "note", bpPer100bn: 80, source: "the note §3.3: $25–50bn → 20–40bp" },
  { name: "short_run", bpPer100bn: 50, source: "Beltran, Kretchmer, Marquez & Thomas (2013), short run" },
  { name: "central", bpPer100bn: 20, source: "Beltran, Kretchmer, Marquez & Thomas (2013), long run" },
  { name: "long_run", bpPer100bn: 5, source: "asset-purchase studies, Gagnon et al. (2011)" },
  { name: "stress", bpPer100bn: 100, source: "Ahmed & Rebucci (2022)" },
];

/** Resolve a sensitivity given as a number or a preset name (case-insensitive). */
export function tpSensitivity(bpPer100bn: number | string): number {
  if (typeof bpPer100bn === "number") return bpPer100bn;
  const key = bpPer100bn.trim().toLowerCase();
  const preset = TP_PRESETS.find((p) => p.name === key);
  if (!preset) {
    invalid(`bp_per_100bn = ${JSON.stringify(bpPer100bn)} is not a preset: use a number or one of ${TP_PRESETS.map((p) => `"${p.name}"`).join(", ")}`);
  }
  return preset.bpPer100bn;
}

/** Change of the 10y term premium (decimal) when `shortfallBn` a year of buying must be replaced. */
export function tpImpact(shortfallBn: number, bpPer100bn: number | string = 80): number {
  return ((shortfallBn / 100) * tpSensitivity(bpPer100bn)) / 10000;
}

/** Every preset side by side for one shortfall. */
export function tpImpactTable(shortfallBn: number): Table {
  return [["preset", "bp_per_100bn", "tp_change"], ...TP_PRESETS.map((p) => [p.name, p.bpPer100bn, tpImpact(shortfallBn, p.bpPer100bn)])];
}

import { realFixtureBytes } from "../../helpers/realFixtures";

/** Contents of a real fixture (test/fixtures/real), as UTF-8 text. */
export function readRealFixture(name: string): string {
  return realFixtureBytes(name).toString("utf8");
}

/** A CSV line split on commas, with double quotes removed (the files used here quote no commas). */
export const csvFields = (line: string): string[] => line.split(",").map((f) => f.replace(/^"|"$/g, ""));

/** One day of the Fed's GSW file: Svensson parameters (betas as decimals) and the published columns. */
export interface GswRow {
  date: string;
  betas: [number, number, number, number];
  taus: [number, number];
  /** A published column as text (percent, "NA" where missing), e.g. "SVENY10". */
  value(column: string): string;
}

/**
 * The rows of the feds200628 excerpt that carry parameters (holidays, whole rows of NA, are
 * left out). The Fed's feds200628.csv (Gürkaynak, Sack & Wright
 * 2007): header on line 10; yields and betas in percent; TAU2 = −999.99 when BETA3 = 0.
 */
export function gswRows(): GswRow[] {
  const text = readRealFixture("gsw_feds200628_EXCERPT_head16_tail16.csv");
  const lines = text.split("\n").filter((l) => l.length > 0);
  const headerIdx = lines.findIndex((l) => l.startsWith("Date,BETA0"));
  const header = csvFields(lines[headerIdx]);
  const col = (name: string) => header.indexOf(name);
  return lines
    .slice(headerIdx + 1)
    .map(csvFields)
    .filter((f) => f[col("BETA0")] !== "NA")
    .map((f) => ({
      date: f[0],
      betas: ["BETA0", "BETA1", "BETA2", "BETA3"].map((k) => Number(f[col(k)]) / 100) as GswRow["betas"],
      taus: ["TAU1", "TAU2"].map((k) => Number(f[col(k)])) as GswRow["taus"],
      value: (column: string) => f[col(column)],
    }));
}

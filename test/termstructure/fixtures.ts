import { realFixtureBytes } from "../helpers/realFixtures";

/** Contents of a real fixture, or null (with the reason printed) when it is not on this machine. */
export function readRealFixture(name: string): string | null {
  return realFixtureBytes(name)?.toString("utf8") ?? null;
}

/** A CSV line split on commas, with double quotes removed (the files used here quote no commas). */
export const csvFields = (line: string): string[] => line.split(",").map((f) => f.replace(/^"|"$/g, ""));

/**
 * The package version, from package.json (the one place it is set; `npm version` bumps it).
 * Bundlers keep only this field of package.json.
 */
import pkg from "../package.json";

export const VERSION: string = pkg.version;

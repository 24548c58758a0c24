import type { FunctionSpec } from "./spec";

/**
 * The names of the table as every host needs them: a function name is A–Z, 0–9 and `_`, not
 * ending in `_` (Apps Script hides such functions), once in the table; a parameter name is a
 * JavaScript identifier that a plain script accepts as a parameter, not ending in `_` (the Excel
 * generator escapes strict-mode words that way: `yield_`), once per function.
 */
export function checkNames(catalog: readonly FunctionSpec[]): void {
  const names = new Set<string>();
  for (const f of catalog) {
    if (!/^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(f.name)) throw new Error(`${f.name}: a function name must be A–Z, 0–9 and _, and not end with _`);
    if (names.has(f.name)) throw new Error(`${f.name} appears twice in the catalog`);
    names.add(f.name);
    const params = new Set<string>();
    for (const { name } of f.params) {
      if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || name.endsWith("_")) throw new Error(`${f.name}: parameter name ${JSON.stringify(name)} must be an identifier not ending with _`);
      if (!acceptedAsParameter(name)) throw new Error(`${f.name}: "${name}" cannot be a parameter name in a plain script (Apps Script)`);
      if (params.has(name)) throw new Error(`${f.name}: parameter ${name} appears twice`);
      params.add(name);
    }
  }
}

/** Does a plain (sloppy-mode) script accept this name as a parameter? */
function acceptedAsParameter(name: string): boolean {
  try {
    // eslint-disable-next-line no-new-func
    new Function(name, "");
    return true;
  } catch {
    return false;
  }
}

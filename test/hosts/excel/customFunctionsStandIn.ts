/**
 * Stand-ins for Excel's `CustomFunctions` (associate, Error, ErrorCode): office.js has none
 * outside Office. Codes as in custom-functions-runtime (CustomFunctions.ErrorCode).
 * - in Node, for tests that run the add-in's adapter: `installCustomFunctions()`;
 * - in a browser page or Web Worker, before dist/functions.js loads: `standInScript(…)`.
 */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

export const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" };

export function installCustomFunctions(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: StandInError, ErrorCode };
}

export function removeCustomFunctions(): void {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
}

/**
 * The stand-in as plain JavaScript for a page (`"window"`) or a Web Worker (`"self"`), run before
 * functions.js: it records the associate calls in `<global>.__excel` ({ registry, associations }).
 * Fixed before any script runs, and a fresh object on every read, so that the runtime library
 * (which augments CustomFunctions in a page) can neither replace nor rewire it.
 */
export function standInScript(global: "window" | "self"): string {
  return `(() => {
  const registry = {};
  const associations = [];
  const ErrorCode = ${JSON.stringify({ ...ErrorCode, nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" })};
  // Its own class, as custom-functions-runtime declares it (not a subclass of Error: no stack trace per error cell).
  class CustomFunctionsError {
    constructor(code, message) { this.code = code; this.message = message || ""; this.name = "CustomFunctions.Error"; }
  }
  const associate = (id, fn) => { associations.push(id); registry[id] = fn; };
  Object.defineProperty(${global}, "CustomFunctions", {
    get: () => ({ associate, Error: CustomFunctionsError, ErrorCode }),
    set: () => undefined,
    configurable: false,
  });
  ${global}.__excel = { registry, associations };
})();`;
}

/**
 * A stand-in for Excel's `CustomFunctions` (Error, ErrorCode) for tests that run the add-in's
 * adapter in Node: office.js has none outside Office. Codes as in custom-functions-runtime.
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

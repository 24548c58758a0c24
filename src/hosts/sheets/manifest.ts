/**
 * apps-script/build/appsscript.json. Explicit scopes replace Apps Script's guess from a
 * scan of the code, so users are asked for exactly what the menu needs:
 * - spreadsheets.currentonly: "Insert model sheet" writes a new sheet in this spreadsheet;
 * - script.container.ui: the menu and the function-reference sidebar.
 * - script.external_request: UrlFetchApp, for the live-data functions (FRED, the Treasury's
 *   TIC table, the MoF JGB curve). Apps Script requires it to be listed once scopes are explicit.
 * Custom functions and the onOpen simple trigger need no authorization at all; the FRED key
 * prompt (Ui.prompt) is covered by script.container.ui, PropertiesService and CacheService need
 * no scope.
 *
 * timeZone: Etc/UTC, neutral. It sets the local time of the script's JavaScript Dates
 * only; the spreadsheet keeps its own time zone (File → Settings).
 */
export const OAUTH_SCOPES: readonly string[] = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.external_request",
];

export interface AppsScriptManifest {
  timeZone: string;
  dependencies: Record<string, never>;
  exceptionLogging: "STACKDRIVER" | "NONE";
  runtimeVersion: "V8";
  oauthScopes: string[];
}

export function appsScriptManifest(): AppsScriptManifest {
  return {
    timeZone: "Etc/UTC",
    dependencies: {},
    exceptionLogging: "STACKDRIVER",
    runtimeVersion: "V8",
    oauthScopes: [...OAUTH_SCOPES],
  };
}

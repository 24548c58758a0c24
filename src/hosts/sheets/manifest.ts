/**
 * apps-script/build/appsscript.json. Explicit scopes replace Apps Script's guess from a
 * scan of the code, so users are asked for exactly what the menu needs:
 * - spreadsheets.currentonly: "Insert model sheet" writes a new sheet in this spreadsheet;
 * - script.container.ui: the menu and the function-reference sidebar.
 * Custom functions and the onOpen simple trigger need no authorization at all.
 * (The live-data functions will add script.external_request for UrlFetchApp.)
 *
 * timeZone: Etc/UTC, neutral. It sets the local time of the script's JavaScript Dates
 * only; the spreadsheet keeps its own time zone (File → Settings).
 */
export const OAUTH_SCOPES: readonly string[] = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
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

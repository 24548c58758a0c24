/**
 * "marginal-bid → Set FRED API key": asks for the key once (Ui.prompt) and keeps it in the
 * spreadsheet's document properties, where the live functions read it (./fetcher.ts).
 *
 * Who can read it: document properties belong to this spreadsheet's bound script, so every
 * editor of the spreadsheet can read the key (through Extensions → Apps Script, or any script
 * they add); viewers and commenters cannot. A key that must stay private belongs in a copy of
 * the spreadsheet that only you edit, or in the `api_key` argument of your own cells.
 *
 * Scope: the prompt needs script.container.ui (already there for the menu); PropertiesService
 * needs none.
 */
import { FRED_KEY_URL } from "../../sources/fred";
import { FRED_KEY_PROPERTY, type GasProperties } from "./fetcher";
import { MENU_TITLE } from "./menuItems";

export interface GasPromptResponse {
  getResponseText(): string;
  getSelectedButton(): unknown;
}

export interface GasKeyUi {
  prompt(title: string, prompt: string, buttons: unknown): GasPromptResponse;
  alert(title: string, prompt: string, buttons: unknown): unknown;
  ButtonSet: { OK: unknown; OK_CANCEL: unknown };
  Button: { OK: unknown };
}

export interface GasKeyServices {
  SpreadsheetApp: { getUi(): GasKeyUi };
  PropertiesService: { getDocumentProperties(): GasProperties };
}

declare const SpreadsheetApp: GasKeyServices["SpreadsheetApp"];
declare const PropertiesService: GasKeyServices["PropertiesService"];

function keyServices(): GasKeyServices {
  return { SpreadsheetApp, PropertiesService };
}

/** FRED keys are 32 lower-case letters and digits (FRED API docs, "api_key"). */
export const FRED_KEY_FORMAT = /^[a-z0-9]{32}$/;

export type KeyOutcome = "saved" | "removed" | "cancelled" | "refused";

/** Menu item: set, replace or remove the spreadsheet's FRED key. Returns what happened (for tests). */
export function setFredApiKey(services: GasKeyServices = keyServices()): KeyOutcome {
  const ui = services.SpreadsheetApp.getUi();
  const props = services.PropertiesService.getDocumentProperties();
  const current = props.getProperty(FRED_KEY_PROPERTY);
  const title = `${MENU_TITLE}: FRED API key`;
  const now = current ? `A key ending …${current.slice(-4)} is set now. ` : "No key is set yet. ";
  const answer = ui.prompt(
    title,
    `${now}Paste your FRED API key (free: ${FRED_KEY_URL}). It is kept in this spreadsheet's document properties: ` +
      "every editor of the spreadsheet can read it through a script; viewers cannot. Leave the box empty and press OK to remove the key.",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return "cancelled";
  const key = answer.getResponseText().trim();
  if (key === "") {
    props.deleteProperty(FRED_KEY_PROPERTY);
    ui.alert(title, "The FRED key was removed from this spreadsheet.", ui.ButtonSet.OK);
    return "removed";
  }
  if (!FRED_KEY_FORMAT.test(key)) {
    ui.alert(title, "That does not look like a FRED API key (32 lower-case letters and digits). Nothing was saved.", ui.ButtonSet.OK);
    return "refused";
  }
  props.setProperty(FRED_KEY_PROPERTY, key);
  ui.alert(
    title,
    "Saved. Cells that showed \"FRED needs an API key\" keep that answer until they recalculate: select them, press Delete, then Undo (Ctrl+Z / ⌘Z).",
    ui.ButtonSet.OK,
  );
  return "saved";
}

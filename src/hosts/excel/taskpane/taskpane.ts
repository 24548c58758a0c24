/// <reference types="office-js" />
/**
 * The task pane: one button that inserts the live scenario model. Also the page that keeps
 * a browser runtime for the add-in (the JavaScript-only custom-functions runtime needs the
 * add-in to have one).
 */
import { insertModelSheet } from "./insertModelSheet";

function status(text: string, isError = false): void {
  const el = document.getElementById("status");
  if (!el) return;
  el.textContent = text;
  el.className = isError ? "error" : "";
}

Office.onReady((info) => {
  const button = document.getElementById("insert-model") as HTMLButtonElement | null;
  if (!button) return;
  if (info.host !== Office.HostType.Excel) {
    status("Open this pane in Excel to insert the model sheet.");
    return;
  }
  button.disabled = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    status("Inserting…");
    Excel.run((context) => insertModelSheet(context))
      .then((name) => status(`Inserted the sheet "${name}". Edit the blue inputs in column B; every table recalculates.`))
      .catch((e: unknown) => status(`Could not insert the model sheet: ${e instanceof Error ? e.message : String(e)}`, true))
      .finally(() => {
        button.disabled = false;
      });
  });
});

/// <reference types="office-js" />
/**
 * The task pane: inserts the scenario model (with or without its live block), keeps the
 * per-user proxy URL the live functions use, and refreshes live data (./refreshLiveData.ts). Also the page that keeps a browser runtime for the
 * add-in (the JavaScript-only custom-functions runtime needs the add-in to have one).
 *
 * The proxy URL goes to OfficeRuntime.storage, which the custom-functions runtime reads
 * (src/hosts/excel/fetcher.ts): the two runtimes share nothing else.
 */
import { modelSheet } from "../../../model/modelSheet";
import { DEFAULT_PROXY_URL, PROXY_URL_KEY, checkProxyUrl } from "../proxySetting";
import { CHART_API, insertModelSheet } from "./insertModelSheet";
import { type SharedStorage, refreshLiveData } from "./refreshLiveData";
import { INPUT_LOOK_NAME } from "../../../model/styles";
import { wireCopyAsValues } from "./copyAsValues";

function say(id: string, text: string, isError = false): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = text;
  el.className = isError ? "error" : "";
}

const sharedStorage = (): SharedStorage | undefined => (globalThis as { OfficeRuntime?: { storage?: SharedStorage } }).OfficeRuntime?.storage;

function wireInsert(buttonId: string, live: boolean): void {
  const button = document.getElementById(buttonId) as HTMLButtonElement | null;
  if (!button) return;
  button.disabled = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    say("status", "Inserting…");
    const charts = Office.context.requirements.isSetSupported(CHART_API.set, CHART_API.version);
    Excel.run((context) => insertModelSheet(context, modelSheet({ live }), charts))
      .then((name) =>
        say(
          "status",
          live
            ? `Inserted the sheet "${name}". Column L takes four inputs from FRED, the MoF and TIC through the proxy below; the rest follow column B.`
            : `Inserted the sheet "${name}". Edit the inputs (${INPUT_LOOK_NAME}) in column B or in a scenario column; every table and the chart recalculate.${charts ? "" : " This Excel cannot draw the chart (it needs ExcelApi 1.8)."}`,
        ),
      )
      .catch((e: unknown) => say("status", `Could not insert the model sheet: ${e instanceof Error ? e.message : String(e)}`, true))
      .finally(() => {
        button.disabled = false;
      });
  });
}

/** Ask the proxy's /healthz whether it answers this add-in and holds a FRED key. */
async function checkProxy(url: string): Promise<string> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 5000);
  try {
    const res = await fetch(`${url}/healthz`, { signal: ctl.signal });
    if (!res.ok) return `Saved, but the proxy answered HTTP ${res.status}.`;
    const j = (await res.json()) as { fred_key?: boolean };
    return j.fred_key ? "Saved. The proxy answers and holds a FRED key." : "Saved. The proxy answers but has no FRED key: restart it with FRED_API_KEY set (TIC and JGB functions work without).";
  } catch {
    return `Saved, but ${url} does not answer this add-in: is \`npm run proxy\` running, with ADDIN_ORIGIN set to this add-in's address?`;
  } finally {
    clearTimeout(timer);
  }
}

async function wireProxySetting(): Promise<void> {
  const input = document.getElementById("proxy-url") as HTMLInputElement | null;
  const save = document.getElementById("save-proxy") as HTMLButtonElement | null;
  const storage = sharedStorage();
  if (!input || !save) return;
  if (!storage) {
    say("proxy-status", "This Excel has no shared storage for add-ins (OfficeRuntime.storage): the live functions use the default proxy URL.", true);
    return;
  }
  input.value = (await storage.getItem(PROXY_URL_KEY).catch(() => null)) ?? DEFAULT_PROXY_URL;
  input.disabled = false;
  save.disabled = false;
  save.addEventListener("click", () => {
    const checked = checkProxyUrl(input.value);
    if (!checked.ok) {
      say("proxy-status", checked.message, true);
      return;
    }
    input.value = checked.url;
    save.disabled = true;
    storage
      .setItem(PROXY_URL_KEY, checked.url)
      .then(() => checkProxy(checked.url))
      .then((text) => say("proxy-status", `${text} Refresh live data to ask again.`))
      .catch((e: unknown) => say("proxy-status", `Could not save the proxy URL: ${e instanceof Error ? e.message : String(e)}`, true))
      .finally(() => {
        save.disabled = false;
      });
  });
}

function wireRefresh(): void {
  const button = document.getElementById("refresh-live") as HTMLButtonElement | null;
  const storage = sharedStorage();
  if (!button) return;
  if (!storage) {
    say("refresh-status", "This Excel has no shared storage for add-ins (OfficeRuntime.storage): recalculate with Ctrl+Alt+F9 instead.", true);
    return;
  }
  button.disabled = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    say("refresh-status", "Refreshing…");
    // Finding the refresh cells needs ExcelApi 1.9; without it the full recalculation still asks every live cell again.
    const canFind = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
    Excel.run((context) => refreshLiveData(context, storage, new Date(), canFind))
      .then((n) => say("refresh-status", `Asked every live cell again${n > 0 ? ` (${n} refresh cell${n === 1 ? "" : "s"} set to now)` : ""}: new values arrive as the sources answer.`))
      .catch((e: unknown) => say("refresh-status", `Could not refresh: ${e instanceof Error ? e.message : String(e)}`, true))
      .finally(() => {
        button.disabled = false;
      });
  });
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    say("status", "Open this pane in Excel to insert the model sheet.");
    return;
  }
  wireInsert("insert-model", false);
  wireInsert("insert-live-model", true);
  const copyButton = document.getElementById("copy-as-values") as HTMLButtonElement | null;
  if (copyButton) wireCopyAsValues(copyButton, (text, isError) => say("snapshot-status", text, isError));
  void wireProxySetting();
  wireRefresh();
});

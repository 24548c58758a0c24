/**
 * Headless Chromium (Debian's, driven by playwright-core) for the Excel browser tests, offline:
 * requests to 127.0.0.1 go through, Microsoft's CDN scripts are answered from the
 * @microsoft/office-js package, anything else is refused and recorded.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { ROOT } from "../../../scripts/generated";

const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** The flags that run Debian's Chromium headless in a container with no network. */
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface OfflineChromium {
  context: BrowserContext;
  /** URLs off 127.0.0.1 that were refused. */
  offline: string[];
  close(): Promise<void>;
}

export async function launchOfflineChromium(executablePath: string): Promise<OfflineChromium> {
  const profile = mkdtempSync(join(tmpdir(), "jpust-chromium-"));
  const offline: string[] = [];
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      const file = join(OFFICE_DIST, url.pathname.replace(/^\/lib\/[^/]+\/hosted\//, ""));
      if (existsSync(file)) return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
    }
    offline.push(url.href);
    return route.abort();
  });
  return {
    context,
    offline,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The development certificate of `npm run dev-server`, made without installing anything:
 * office-addin-dev-certs' own `getHttpsServerOptions` also installs its CA into the system
 * store, which needs root (`sudo`) on Linux and fails in containers. Here the CA and the
 * localhost certificate are generated into ~/.office-addin-dev-certs (the folder
 * `npx office-addin-dev-certs install` uses) and reused while they are valid. On Windows and a
 * Mac, where Excel desktop needs the CA in the system store, `trustOnDesktop` still installs it
 * the way office-addin-dev-certs does (one password prompt); elsewhere trusting the CA is left to
 * the developer's browser (docs/excel.md, "Excel on the web from Linux").
 */
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ensureCertificatesAreInstalled, generateCertificates, verifyCertificates } from "office-addin-dev-certs";
import { Failure } from "./cli";

/** Where office-addin-dev-certs keeps them (its defaults, computed here so that HOME is read now). */
export const devCertDir = () => join(homedir(), ".office-addin-dev-certs");

/** Days a new certificate is valid (office-addin-dev-certs' default). */
const VALID_DAYS = 30;
/** Renew when less than this is left, so that a long session does not run into the expiry. */
const RENEW_WITHIN_MS = 24 * 3600 * 1000;

export interface DevCerts {
  dir: string;
  ca: string;
  cert: string;
  key: string;
  /** The localhost certificate's end of validity. */
  validTo: Date;
  /** True when this call made them. */
  generated: boolean;
}

function read(dir: string): Omit<DevCerts, "generated"> | undefined {
  const files = { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
  if (!Object.values(files).every((f) => existsSync(f))) return undefined;
  try {
    const [ca, cert, key] = [files.ca, files.cert, files.key].map((f) => readFileSync(f, "utf8"));
    const x509 = new X509Certificate(cert);
    const validTo = new Date(x509.validTo);
    const usable =
      x509.verify(new X509Certificate(ca).publicKey) &&
      x509.checkHost("localhost") !== undefined &&
      validTo.getTime() - Date.now() > RENEW_WITHIN_MS &&
      new Date(x509.validFrom).getTime() <= Date.now();
    return usable ? { dir, ca, cert, key, validTo } : undefined;
  } catch {
    return undefined; // unreadable or not a certificate: make new ones
  }
}

/** The certificate for https://localhost, made in `dir` when missing, expiring or broken. Never installs. */
export async function devCertificates(dir = devCertDir()): Promise<DevCerts> {
  const found = read(dir);
  if (found) return { ...found, generated: false };
  try {
    mkdirSync(dir, { recursive: true });
    // generateCertificates never overwrites an existing ca.crt: clear the old set first.
    for (const f of ["ca.crt", "localhost.crt", "localhost.key"]) rmSync(join(dir, f), { force: true });
    const log = console.log;
    console.log = () => undefined; // its "have been generated" line; we say it ourselves
    try {
      await generateCertificates(join(dir, "ca.crt"), join(dir, "localhost.crt"), join(dir, "localhost.key"), VALID_DAYS);
    } finally {
      console.log = log;
    }
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split("\n").pop();
    throw new Failure(`cannot make the development certificate in ${dir} (${reason}): make that folder writable, or set HOME to a folder you can write`);
  }
  const made = read(dir);
  if (!made) throw new Failure(`the development certificate made in ${dir} does not verify: delete that folder and run this again`);
  return { ...made, generated: true };
}

/**
 * Windows and macOS only (Excel desktop reads the system store): make sure the CA is installed
 * there, as `npx office-addin-dev-certs install` does. True when it is; false on other systems.
 */
export async function trustOnDesktop(platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== "win32" && platform !== "darwin") return false;
  try {
    if (!verifyCertificates()) await ensureCertificatesAreInstalled();
    return true;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new Failure(`could not install the development certificate (${reason}): run \`npx office-addin-dev-certs install\` once, then run this again`);
  }
}

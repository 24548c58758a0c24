/**
 * `npm run dev-server`: the add-in over https on localhost (webpack dev server, rebuilds on
 * change). Checks first what would otherwise fail with a stack trace: the port is free and
 * the development certificate exists (made without installing it, ./devCerts.ts). A failure
 * is one line and exit 1.
 *
 *   npm run dev-server                  https://localhost:3000 (the committed manifest's host)
 *   npm run dev-server -- --port 3001   another port; the served manifest.xml names it
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./generated";
import { Failure, UsageError, readOptions, runMain } from "./cli";
import { devCertificates, trustOnDesktop } from "./devCerts";
import { DEV_ADDIN_URL } from "../src/hosts/excel/urls";

const PROGRAM = "dev-server";
export const DEFAULT_PORT = Number(new URL(DEV_ADDIN_URL).port);

/** Resolves when `port` can be listened on at localhost, else a Failure saying what to do. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        new Failure(
          e.code === "EADDRINUSE"
            ? `port ${port} is in use (another dev server?): stop it, or run \`npm run dev-server -- --port ${port + 1}\``
            : `cannot listen on localhost:${port} (${e.code ?? e.message})`,
        ),
      ),
    );
    probe.listen(port, "localhost", () => probe.close(() => resolve()));
  });
}

runMain(PROGRAM, async () => {
  const options = readOptions(PROGRAM, process.argv.slice(2), { values: { port: "PORT" } });
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${options.port}: a port number from 1 to 65535`);
  await checkPortFree(port);
  const trusted = await trustOnDesktop();
  const certs = await devCertificates();
  console.log(
    `${certs.generated ? "Made" : "Using"} the development certificate in ${certs.dir} (valid to ${certs.validTo.toISOString().slice(0, 10)})` +
      (trusted ? ", trusted by this system." : `, not installed: to trust it see docs/excel.md, "Excel on the web from Linux".`),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, DEV_SERVER_PORT: String(port) };
  // A port other than the committed manifest's: the served manifest names it.
  if (port !== DEFAULT_PORT) env.ADDIN_URL = `https://localhost:${port}`;
  const child = spawn(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "serve", "--mode", "development"], { cwd: ROOT, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  if (code) throw new Failure(`webpack stopped with exit code ${code}: its messages are above`);
});

/**
 * `npm run demo`: the note's chain computed by the real functions in a real spreadsheet
 * engine, with no Excel, no Google account and no network. See docs/demo.md.
 *
 * Exit codes: 0 done, 2 a bad option or value (message on stderr), 1 anything unexpected.
 */
import { runDemo } from "./run";

// npm passes the arguments after `--`; tolerate a literal leading `--` too.
const argv = process.argv.slice(2);
const out = runDemo(argv[0] === "--" ? argv.slice(1) : argv);
if (out.stdout.length) process.stdout.write(out.stdout.join("\n") + "\n");
if (out.stderr.length) process.stderr.write(out.stderr.join("\n") + "\n");
process.exitCode = out.code;

import { runIsms } from "./program";

// The `isms` executable: runs the CLI on this process's arguments, streams and environment.

// A reader that stops early (`isms check | head`) is not an error; a full disk is, in one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`isms: cannot write the output: ${error.message}\n`);
  process.exit(2);
});

runIsms(process.argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});

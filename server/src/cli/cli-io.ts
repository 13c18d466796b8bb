/**
 * What one run of `isms` writes to and reads from its surroundings: the process's own streams and
 * environment in `main.ts`; buffers and a given environment when tests run the CLI in-process.
 */
export interface CliIo {
  /** Reports and findings. `isTTY` true allows colours. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  /** Usage errors, notes and warnings, one line each. */
  stderr: { write(text: string): unknown };
  /** Environment variables read: `ISMS_TODAY`, `NO_COLOR`. */
  env: Readonly<Record<string, string | undefined>>;
}

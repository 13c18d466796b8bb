/** Where log lines go (the connection's console in the server, an array in tests). */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

/** At most this many distinct problems are logged; later ones are counted, not logged. */
const MAX_DISTINCT = 200;

/**
 * The server's log: one line per problem. `once` logs a given problem a single time, so an error
 * repeated on every keystroke does not flood the output channel.
 */
export class Logger {
  private readonly seen = new Set<string>();
  private suppressed = 0;

  constructor(private readonly sink: LogSink) {}

  info(message: string): void {
    this.write("info", message);
  }

  warn(message: string): void {
    this.write("warn", message);
  }

  error(message: string): void {
    this.write("error", message);
  }

  /** Logs `message` the first time `key` (default: the message) is seen; later calls are dropped. */
  once(level: "info" | "warn" | "error", message: string, key: string = message): void {
    if (this.seen.has(key)) return;
    if (this.seen.size >= MAX_DISTINCT) {
      if (this.suppressed++ === 0) this.write("warn", "Too many distinct problems: further ones are not logged.");
      return;
    }
    this.seen.add(key);
    this.write(level, message);
  }

  /** Logs an unexpected error once per (context, message). */
  failure(context: string, error: unknown): void {
    const message = describeError(error);
    this.once("error", `${context} failed: ${message}`, `${context}\u0000${message}`);
  }

  private write(level: "info" | "warn" | "error", message: string): void {
    const line = message.replace(/\s*\n\s*/g, " ").slice(0, 2000);
    try {
      this.sink[level](line);
    } catch {
      // The connection may be gone (client exited): nothing sensible is left to do.
    }
  }
}

/** One line describing an error, with the top stack frame when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split("\n").find((l) => l.trim().startsWith("at "));
    return `${error.message}${frame ? ` (${frame.trim()})` : ""}`;
  }
  return String(error);
}

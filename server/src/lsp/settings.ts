import type { Connection } from "vscode-languageserver";
import { ruleById, type ConfiguredSeverity, type LocalDate } from "../core";
import { resolveToday as resolveTodayOf } from "../node/today";
import type { Logger } from "./logger";

/** The editor settings of section `isms` that the server uses (`isms.trace.server` is the client's). */
export interface IsmsSettings {
  /** `isms.today`: today for overdue checks; "" = `ISMS_TODAY` from the environment, else the local date. */
  today: string;
  /** `isms.rules`: rule id → severity, winning over `isms.yaml` `rules:`. */
  rules: Record<string, ConfiguredSeverity>;
}

/** Settings resolved for one check run. */
export interface ResolvedSettings {
  today: LocalDate;
  severities: Record<string, ConfiguredSeverity>;
}

const SEVERITIES: readonly string[] = ["error", "warning", "info", "off"];

/**
 * Reads raw `isms` settings (any JSON) into {@link IsmsSettings}, dropping what is invalid with one
 * log line per problem.
 */
export function readSettings(raw: unknown, log?: Logger): IsmsSettings {
  const settings: IsmsSettings = { today: "", rules: {} };
  if (!isObject(raw)) return settings;
  if (typeof raw.today === "string") settings.today = raw.today.trim();
  else if (raw.today !== undefined && raw.today !== null) log?.once("warn", `Setting isms.today must be a date string YYYY-MM-DD; ignored.`);
  if (isObject(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      const severity = typeof value === "string" ? value.trim().toLowerCase() : value;
      if (typeof severity === "string" && SEVERITIES.includes(severity)) {
        settings.rules[id] = severity as ConfiguredSeverity;
        if (!ruleById(id)) log?.once("warn", `Setting isms.rules names "${id}", which is not a rule of ISMS Workbench.`);
      } else {
        log?.once("warn", `Setting isms.rules.${id} must be "error", "warning", "info" or "off"; ignored.`);
      }
    }
  } else if (raw.rules !== undefined && raw.rules !== null) {
    log?.once("warn", "Setting isms.rules must be an object mapping rule ids to severities; ignored.");
  }
  return settings;
}

/**
 * Today for a run: `isms.today` when set, else the `ISMS_TODAY` environment variable, else the
 * machine's local date. An invalid date is logged once and skipped.
 */
export function resolveToday(setting: string, env: Record<string, string | undefined>, now: Date, log?: Logger): LocalDate {
  const candidates = [
    { given: setting, source: "Setting isms.today" },
    { given: env.ISMS_TODAY, source: "Environment variable ISMS_TODAY" },
  ];
  return resolveTodayOf(candidates, now, (given, source) => log?.once("warn", `${source} "${given}" is not a date YYYY-MM-DD; ignored.`));
}

/**
 * The `isms` settings per scope (a workspace folder URI, a document URI, or `undefined` for the
 * global settings), pulled with `workspace/configuration` when the client supports it and cached
 * until `workspace/didChangeConfiguration`. Without that support the settings pushed with
 * `didChangeConfiguration` are used for every scope.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<IsmsSettings>>();
  private pushed: IsmsSettings = { today: "", rules: {} };
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly canPull: boolean,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  /**
   * The settings of a scope. Never rejects: a failed or unanswered request yields the
   * pushed/default settings, kept for that scope until `didChangeConfiguration`.
   */
  get(scopeUri: string | undefined): Promise<IsmsSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    const cacheKey = scopeUri ?? "";
    let cached = this.cache.get(cacheKey);
    if (!cached) {
      cached = withTimeout(this.connection.workspace.getConfiguration({ scopeUri, section: "isms" }), CONFIGURATION_TIMEOUT_MS).then(
        (raw: unknown) => readSettings(raw, this.log),
        (error: unknown) => {
          // Keep the fallback until the settings change: asking again on every edit would make
          // each re-check wait for a client that does not answer.
          this.log.failure("Reading the isms settings (the defaults are used until the settings change)", error);
          return this.pushed;
        },
      );
      this.cache.set(cacheKey, cached);
    }
    return cached;
  }

  /** Settings resolved for a check run of a scope (today as a date, severities). */
  async resolve(scopeUri: string | undefined, now: Date = new Date()): Promise<ResolvedSettings> {
    const settings = await this.get(scopeUri);
    return { today: resolveToday(settings.today, this.env, now, this.log), severities: settings.rules };
  }

  /**
   * Handles `workspace/didChangeConfiguration`: forgets the cached settings (and keeps the pushed
   * ones for clients that cannot be asked), then tells the listeners.
   */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    if (isObject(pushedSettings) && "isms" in pushedSettings) this.pushed = readSettings(pushedSettings.isms, this.log);
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every settings change. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** A client that does not answer `workspace/configuration` within this time gets the default settings. */
const CONFIGURATION_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the client did not answer workspace/configuration within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

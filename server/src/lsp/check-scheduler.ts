import { localDate } from "../node/today";
import type { Logger } from "./logger";

/** A check run: does the work, and stops early (returns) when `current()` turns false. */
export type CheckRun = (current: () => boolean) => Promise<void>;

export interface CheckSchedulerOptions {
  log: Logger;
  /** The check run started after a quiet time. */
  run: CheckRun;
  /** Quiet time after the last change before a run (ms, at least 0). */
  debounceMs: number;
  /** A run starts at the latest this long after the first change of a burst (ms; at least `debounceMs`). */
  maxWaitMs: number;
  /** Called when the local date changes (overdue checks depend on it). */
  onNewDay?: () => void;
  /** Today's local date (`YYYY-MM-DD`); default: the machine's. */
  today?: () => string;
  /** How often to look at the date (ms); default one minute. */
  dayCheckMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_MAX_WAIT_MS = 1000;

/**
 * When checks run: a change ({@link schedule}) starts a debounce timer, and a burst of changes
 * waits at most `maxWaitMs`; a change during a run makes the run stale (its `current()` turns
 * false, it stops at its next step) and runs again after it. Disk reading ({@link io}) runs tasks
 * one after the other, and no run starts while a task is pending (checking half a read workspace
 * would show references to the unread files as broken). A timer looks at the date every minute
 * and calls `onNewDay` when it changed.
 *
 * Holds no data of the checks; never throws (a failing task or run is logged).
 */
export class CheckScheduler {
  private readonly options: CheckSchedulerOptions;
  private readonly maxWaitMs: number;
  private readonly today: () => string;

  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerStartedAt = 0;
  private running = false;
  private rerun = false;
  private pendingIo = 0;
  private waitingForIo = false;
  private ioChain: Promise<void> = Promise.resolve();
  private idleWaiters: (() => void)[] = [];
  private readonly dayTimer: ReturnType<typeof setInterval>;
  private day: string;
  private disposed = false;

  constructor(options: CheckSchedulerOptions) {
    this.options = { ...options, debounceMs: Math.max(0, options.debounceMs) };
    this.maxWaitMs = Math.max(this.options.debounceMs, options.maxWaitMs);
    this.today = options.today ?? (() => localDate(new Date()));
    this.day = this.today();
    this.dayTimer = setInterval(() => this.checkDate(), options.dayCheckMs ?? 60_000);
    this.dayTimer.unref?.();
  }

  /** A change happened: make any run in progress stale and (re)start the debounce timer. */
  schedule(): void {
    if (this.disposed) return;
    this.generation++;
    const now = Date.now();
    if (this.timer) {
      if (now - this.timerStartedAt >= this.maxWaitMs) return; // a burst: let the pending run start
      clearTimeout(this.timer);
    } else {
      this.timerStartedAt = now;
    }
    this.startTimer(this.options.debounceMs);
  }

  /** Runs disk work in order, one task after the other; no check runs until every task is done. */
  io(task: () => Promise<void>): Promise<void> {
    this.pendingIo++;
    const run = this.ioChain.then(task).catch((error: unknown) => this.options.log.failure("Reading ISMS files", error));
    this.ioChain = run.finally(() => {
      this.pendingIo--;
      if (this.pendingIo === 0 && this.waitingForIo) {
        this.waitingForIo = false;
        if (!this.timer && !this.running && !this.disposed) this.startTimer(0);
      }
      this.resolveIdle();
    });
    return this.ioChain;
  }

  /** Resolves when no change is waiting to be read or checked (at once after {@link dispose}). */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Looks at the date now: calls `onNewDay` when it changed since the last look. */
  checkDate(): void {
    const today = this.today();
    if (today === this.day) return;
    this.day = today;
    this.options.onNewDay?.();
  }

  /** Stops the timers; later calls schedule nothing. */
  dispose(): void {
    this.disposed = true;
    clearInterval(this.dayTimer);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.resolveIdle();
  }

  private startTimer(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, delay);
  }

  private async start(): Promise<void> {
    if (this.running) {
      this.rerun = true; // the run in progress stops at its next step (the generation changed)
      return;
    }
    if (this.pendingIo > 0) {
      this.waitingForIo = true;
      return;
    }
    this.running = true;
    const generation = this.generation;
    try {
      await this.options.run(() => generation === this.generation);
    } catch (error) {
      this.options.log.failure("Checking the ISMS", error);
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        if (!this.timer && !this.disposed) this.startTimer(0);
      }
      this.resolveIdle();
    }
  }

  private isIdle(): boolean {
    return this.disposed || (!this.timer && !this.running && this.pendingIo === 0);
  }

  private resolveIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

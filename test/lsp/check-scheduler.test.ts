import * as assert from "node:assert/strict";
import { CheckScheduler, type CheckRun } from "../../server/src/lsp/check-scheduler";
import { Logger } from "../../server/src/lsp/logger";

function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = { error: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m), log: (m: string) => lines.push(m) };
  return { log: new Logger(sink), lines };
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A scheduler without a debounce (0 ms: no test waits for wall-clock time), with `run` as its check run. */
function scheduler(run: CheckRun, extra: { today?: () => string; onNewDay?: () => void } = {}): { s: CheckScheduler; lines: string[] } {
  const { log, lines } = memoryLogger();
  const s = new CheckScheduler({ log, run, debounceMs: 0, maxWaitMs: 0, ...extra });
  return { s, lines };
}

describe("lsp/check-scheduler", () => {
  const made: CheckScheduler[] = [];
  afterEach(() => made.splice(0).forEach((s) => s.dispose()));
  const track = (x: { s: CheckScheduler; lines: string[] }) => (made.push(x.s), x);

  it("runs once for a burst of changes, and is settled after the run", async () => {
    let runs = 0;
    const { s } = track(scheduler(async () => void runs++));
    await s.settled();
    assert.equal(runs, 0, "nothing scheduled, nothing run");
    s.schedule();
    s.schedule();
    s.schedule();
    await s.settled();
    assert.equal(runs, 1);
  });

  it("makes a run stale when a change comes during it, and runs again after it", async () => {
    const first = gate();
    const seen: boolean[] = [];
    let runs = 0;
    const { s } = track(
      scheduler(async (current) => {
        runs++;
        if (runs === 1) await first.opened;
        seen.push(current());
      }),
    );
    s.schedule();
    // Wait until the first run has started (it is then waiting on the gate).
    while (runs === 0) await new Promise((resolve) => setImmediate(resolve));
    s.schedule();
    let settled = false;
    const done = s.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, "not settled while a run is in progress");
    first.open();
    await done;
    assert.deepEqual(seen, [false, true], "the first run was stale, the re-run current");
    assert.equal(runs, 2);
  });

  it("starts no run while files are being read, and runs the reading tasks in order", async () => {
    const reading = gate();
    const order: string[] = [];
    const { s } = track(scheduler(async () => void order.push("run")));
    void s.io(async () => {
      await reading.opened;
      order.push("read 1");
    });
    void s.io(async () => void order.push("read 2"));
    s.schedule();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, [], "the run waits for the reading");
    reading.open();
    await s.settled();
    assert.deepEqual(order, ["read 1", "read 2", "run"]);
  });

  it("logs a failing run or reading task and keeps going", async () => {
    let runs = 0;
    const { s, lines } = track(
      scheduler(async () => {
        runs++;
        throw new Error("boom");
      }),
    );
    await s.io(async () => {
      throw new Error("unreadable");
    });
    s.schedule();
    await s.settled();
    s.schedule();
    await s.settled();
    assert.equal(runs, 2);
    assert.equal(lines.length, 2, lines.join("\n"));
    assert.match(lines[0], /^Reading ISMS files failed: unreadable/);
    assert.match(lines[1], /^Checking the ISMS failed: boom/);
  });

  it("calls onNewDay when the local date changes, not before", () => {
    let today = "2026-11-30";
    let newDays = 0;
    const { s } = track(scheduler(async () => {}, { today: () => today, onNewDay: () => newDays++ }));
    s.checkDate();
    assert.equal(newDays, 0);
    today = "2026-12-01";
    s.checkDate();
    s.checkDate();
    assert.equal(newDays, 1);
  });

  it("schedules nothing once disposed, and is settled", async () => {
    let runs = 0;
    const { s } = track(scheduler(async () => void runs++));
    s.schedule();
    s.dispose();
    s.schedule();
    await s.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(runs, 0);
  });
});

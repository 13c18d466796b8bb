import * as assert from "node:assert/strict";
import { checkParsed, checkSteps, parseFile, type CheckSteps } from "../../server/src/core";
import { wasConsumed } from "../../server/src/core/parse/incremental-parse";
import { DocumentStore } from "../../server/src/lsp/document-store";
import { Logger } from "../../server/src/lsp/logger";
import { generateIsms, scaledCounts } from "../../scripts/generate-isms";
import { dumpParsedFile } from "../core/parse/parse-dump";
import { writeFiles } from "./lsp-client";
import { WorkspaceIndex, type WorkspaceIndexOptions } from "../../server/src/lsp/workspace-index";
import { UriMap } from "../../server/src/lsp/uri";
import type { SettingsStore } from "../../server/src/lsp/settings";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const TODAY = "2026-11-30";

/** Runs every step, counting them. */
function stepsOf<T>(steps: CheckSteps<T>): { count: number; result: T } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { count, result: step.value };
    count++;
  }
}

/** A workspace index that checks at once (no debounce) with `today` fixed, and `options`. */
function indexOf(options: Pick<WorkspaceIndexOptions, "checkSliceMs" | "onCheckPause">): WorkspaceIndex {
  return new WorkspaceIndex({
    log: new Logger({ error() {}, warn() {}, info() {}, log() {} }),
    settings: { resolve: async () => ({ today: TODAY, severities: {} }) } as unknown as SettingsStore,
    uris: new UriMap(),
    debounceMs: 0,
    maxWaitMs: 0,
    ...options,
  });
}

describe("checks in steps (the server answers requests while a large ISMS is checked)", function () {
  this.timeout(120_000);

  it("a check in steps pauses once per model and rule, and gives what a check at once gives", () => {
    const files = [...generateIsms(scaledCounts(0.05))].map(([file, text]) => parseFile(file, text));
    const { count, result } = stepsOf(checkSteps(files, { today: TODAY }));
    const whole = checkParsed(files, { today: TODAY });
    assert.ok(count > 50, `a step per rule, at least: ${count}`);
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.file, f.range, f.message]),
      whole.findings.map((f) => [f.rule, f.file, f.range, f.message]),
    );
  });

  it("a parse that a running check reads is not re-used for a newer text (its nodes stay as they were)", () => {
    const store = new DocumentStore(new Logger({ error() {}, warn() {}, info() {}, log() {} }));
    const key = "file:///isms/risks.yaml";
    const text = "apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n  - id: R-1\n    owner: cto\n  - id: R-2\n    owner: ciso\n";
    store.open(key, text, 1);
    const checked = store.modelParsed(key)!;
    const unpin = store.pin([checked]);
    const second = text.replace("owner: cto", "owner: coo");
    store.change(key, second, 2);
    const during = store.parsed(key)!;
    assert.equal(wasConsumed(checked), false, "the pinned parse is intact");
    assert.deepEqual(dumpParsedFile(checked), dumpParsedFile(parseFile(key, text)));
    assert.deepEqual(dumpParsedFile(during), dumpParsedFile(parseFile(key, second)));
    unpin();
    store.change(key, second.replace("owner: ciso", "owner: cfo"), 3);
    store.parsed(key);
    assert.equal(wasConsumed(during), true, "once let go, a parse is re-used item by item again");
  });

  it("an edit that arrives while a check runs is checked by the next run (it is not cleared with the edit before it)", async () => {
    const files = Object.fromEntries(generateIsms(scaledCounts(0.05)));
    const dir = mkdtempSync(join(tmpdir(), "isms-steps-"));
    try {
      writeFiles(dir, files);
      const plan = Object.keys(files).find((f) => /kind: ActionPlan/.test(files[f]))!;
      // The second edit arrives at the first pause of the check of the first (every step pauses).
      const pauses = { armed: false, count: 0 };
      const index = indexOf({
        checkSliceMs: 0,
        onCheckPause: () => {
          if (pauses.armed && ++pauses.count === 1) index.changeDocument(key, second, 3);
        },
      });
      await index.setFolders([{ uri: pathToFileURL(dir).href }]);
      await index.settled();
      const key = index.keys().find((k) => k.endsWith(plan))!;
      const text = files[plan];
      const owners = [...text.matchAll(/^ {4}owner: (\S+)$/gm)];
      const first = text.replace(owners[0][0], "    owner: nobody-first");
      const second = first.replace(owners[1][0], "    owner: nobody-second");
      index.openDocument(key, text, 1);
      await index.settled();
      pauses.armed = true;
      index.changeDocument(key, first, 2);
      await index.settled();
      assert.ok(pauses.count > 1, "the check paused");
      const check = index.fileCheck(key)!;
      const unresolved = check.findings.filter((f) => f.rule === "ref/unresolved").map((f) => f.message);
      assert.equal(check.version, 3, "the findings shown are of the last version");
      assert.ok(unresolved.some((m) => m.includes("nobody-first")) && unresolved.some((m) => m.includes("nobody-second")), unresolved.join(" | "));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("pauses before a check's first step, and lets the reply of a request answered during a pause out before it goes on", async () => {
    const files = Object.fromEntries(generateIsms(scaledCounts(0.02)));
    const dir = mkdtempSync(join(tmpdir(), "isms-steps-"));
    try {
      writeFiles(dir, files);
      // Slices far longer than any check: the only pause comes before the first step.
      const events: string[] = [];
      let pauses = 0;
      let answer = false;
      const index = indexOf({
        checkSliceMs: 3_600_000,
        onCheckPause: () => {
          pauses++;
          if (!answer) return;
          // As the protocol library does: the request is handled at a turn of the event loop after
          // the check paused, and its reply written at a later turn.
          setImmediate(() =>
            setImmediate(() => {
              index.answered();
              setImmediate(() => events.push("reply written"));
            }),
          );
        },
      });
      index.onDidCheck(() => events.push("checked"));
      await index.setFolders([{ uri: pathToFileURL(dir).href }]);
      await index.settled();
      const plan = Object.keys(files).find((f) => /kind: ActionPlan/.test(files[f]))!;
      const key = index.keys().find((k) => k.endsWith(plan))!;
      index.openDocument(key, files[plan], 1);
      await index.settled();
      const edit = async (version: number) => {
        pauses = 0;
        events.length = 0;
        index.changeDocument(key, files[plan].replace(/^ {4}owner: \S+$/m, `    owner: p-edit-${version}`), version);
        await index.settled();
        await new Promise((resolve) => setImmediate(resolve));
      };
      await edit(2);
      assert.equal(pauses, 1, "one pause, before the first step");
      answer = true;
      await edit(3);
      assert.deepEqual(events, ["reply written", "checked"], "the reply went out before the check went on");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

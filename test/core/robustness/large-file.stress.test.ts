/**
 * The largest file the size limit admits is checked within 2 GB of memory: a register just under
 * MAX_FILE_BYTES, checked by the built CLI in a Node.js process whose heap is capped well below 2 GB
 * (it aborts, and the test fails, if the check needs more).
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_FILE_BYTES } from "../../../server/src/node/isms-files";
import { buildCli } from "../../cli/cli-helpers";

const REPO = join(__dirname, "..", "..", "..");

/** A valid risk register of just under `bytes` bytes. */
function register(bytes: number): string {
  const parts = ["apiVersion: isms/v1\nkind: RiskRegister\nrisks:\n"];
  let size = parts[0].length;
  for (let i = 0; ; i++) {
    const risk = `  - id: R-${String(i).padStart(6, "0")}\n    title: Risk number ${i} to the customer data held in the production database\n    owner: ciso\n    likelihood: 3\n    impact: 4\n    treatment: mitigate\n    controls: [A.5.15, A.8.5]\n    reviewed: 2026-01-20\n`;
    if (size + risk.length > bytes) break;
    parts.push(risk);
    size += risk.length;
  }
  return parts.join("");
}

describe("size limit (stress)", () => {
  before(() => buildCli());

  it("a register at the size limit is checked with a heap capped at 1.5 GB", () => {
    const dir = mkdtempSync(join(tmpdir(), "isms-large-"));
    try {
      cpSync(join(REPO, "examples", "starter"), dir, { recursive: true });
      writeFileSync(join(dir, "risks.yaml"), register(MAX_FILE_BYTES - 1024));
      const run = spawnSync(process.execPath, ["--max-old-space-size=1536", join(REPO, "dist", "cli.js"), "check", dir, "--today", "2026-11-30", "--format", "json"], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(run.signal, null, `the check was killed: ${run.stderr.slice(-500)}`);
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(-500)}`);
      const findings = JSON.parse(run.stdout).findings as { rule: string; message: string }[];
      // 10,000 records is the schema's bound for one list: one finding says so.
      assert.ok(findings.some((f) => f.rule === "schema/invalid" && /risks holds [\d,]+ items/.test(f.message)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

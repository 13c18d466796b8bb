import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "../cli/cli-helpers";

/** The shell functions of scripts/install-code-server.sh that wait for a held apt lock. */
function functions(): string {
  const script = readFileSync(path.join(REPO, "scripts", "install-code-server.sh"), "utf8");
  const grab = (name: string) => {
    const match = new RegExp(`^${name}\\(\\) \\{[\\s\\S]*?^\\}`, "m").exec(script);
    assert.ok(match, `${name} is not in install-code-server.sh`);
    return match[0];
  };
  return ["log", "apt_lock_holders", "wait_for_apt"].map(grab).join("\n");
}

/**
 * `npm start` on a machine where another package manager runs (unattended-upgrades on a fresh
 * VM): the install waits for it and says so, and explains what to do when it does not finish.
 * A process named `dpkg` (a copy of `sleep`) stands in for the other package manager.
 */
describe("install-code-server.sh with the apt lock held", function () {
  this.timeout(60_000);
  if (process.platform !== "linux") return;
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "isms-apt-"));
    copyFileSync("/bin/sleep", path.join(dir, "dpkg"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("waits while dpkg runs, naming it, and goes on once it is done", async () => {
    const dpkg = spawn(path.join(dir, "dpkg"), ["3"]);
    const exited = new Promise((done) => dpkg.on("exit", done));
    const run = spawnSync("bash", ["-c", `set -euo pipefail\n${functions()}\nwait_for_apt && echo proceeding`], { encoding: "utf8", env: { ...process.env, ISMS_APT_WAIT: "50" } });
    await exited;
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`waiting for the apt lock: held by (\\d+ \\S+ )*${dpkg.pid} dpkg `));
    assert.match(run.stdout, /proceeding\n$/);
  });

  it("gives up after ISMS_APT_WAIT seconds with what to do", async () => {
    const dpkg = spawn(path.join(dir, "dpkg"), ["30"]);
    try {
      const run = spawnSync("bash", ["-c", `set -euo pipefail\n${functions()}\nwait_for_apt`], { encoding: "utf8", env: { ...process.env, ISMS_APT_WAIT: "1" } });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /still holds the apt lock after 1s: .*dpkg/);
      assert.match(run.stdout, /let it finish \(or stop it\), then run npm start again/);
    } finally {
      dpkg.kill();
    }
  });
});

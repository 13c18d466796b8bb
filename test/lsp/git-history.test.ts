import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commitAll } from "../helpers/git";
import { minimalIsms } from "../helpers/minimal-isms";
import { useServerSuite, withCode } from "./lsp-client";

describe("language server: git history of the risk registers (6.1.3 f)", function () {
  const server = useServerSuite();

  it("reports an approval older than a committed change of the treatment, and reads the history again when the file changes", async () => {
    const ws = server.workspace(minimalIsms()); // R-001 approved on 2026-06-01
    const risks = join(ws.dir, "risks.yaml");
    commitAll(ws.dir, "2026-06-01", true);
    writeFileSync(risks, readFileSync(risks, "utf8").replace("controls: [A.5.15]", "controls: [A.5.15, A.8.5]"));
    commitAll(ws.dir, "2026-07-15");

    const c = await server.start({ folders: [ws.dir] });
    const [finding] = await c.waitForDiagnostics(ws.uri("risks.yaml"), (d) => withCode(d, "risk/treatment-not-approved").length === 1).then((d) => withCode(d, "risk/treatment-not-approved"));
    assert.match(finding.message, /changed on 2026-07-15 \(commit [0-9a-f]{7}\), after its approval on 2026-06-01/);
    assert.equal(finding.range.start.line, 11);

    // Approved again, then the actions change: the finding names the new change and approval.
    writeFileSync(risks, readFileSync(risks, "utf8").replace("date: 2026-06-01 }", "date: 2026-07-20 }"));
    commitAll(ws.dir, "2026-07-20");
    writeFileSync(risks, readFileSync(risks, "utf8").replace("actions: [ACT-1]", "actions: [ACT-1, ACT-2]"));
    commitAll(ws.dir, "2026-08-01");
    await c.filesChanged([{ uri: ws.uri("risks.yaml"), type: 2 }]);
    const [again] = await c
      .waitForDiagnostics(ws.uri("risks.yaml"), (d) => withCode(d, "risk/treatment-not-approved").some((f) => f.message.includes("2026-08-01")))
      .then((d) => withCode(d, "risk/treatment-not-approved"));
    assert.match(again.message, /changed on 2026-08-01 \(commit [0-9a-f]{7}\), after its approval on 2026-07-20/);
  });

  it("compares with the plan as approved: a plan only written another way is no change", async () => {
    const ws = server.workspace(minimalIsms());
    const risks = join(ws.dir, "risks.yaml");
    commitAll(ws.dir, "2026-06-01", true);
    writeFileSync(risks, readFileSync(risks, "utf8").replace("controls: [A.5.15]", 'controls:\n      - "A.5.15"'));
    commitAll(ws.dir, "2026-07-15");

    const c = await server.start({ folders: [ws.dir] });
    // First the committed change is a candidate (its lines changed after the approval); once the
    // server has read the register as approved from git, the plans compare equal and it goes.
    const flagged = () => c.publications.some((p) => p.uri === ws.uri("risks.yaml") && withCode(p.diagnostics, "risk/treatment-not-approved").length === 1);
    await c.waitForDiagnostics(ws.uri("risks.yaml"), (d) => flagged() && withCode(d, "risk/treatment-not-approved").length === 0);
  });
});

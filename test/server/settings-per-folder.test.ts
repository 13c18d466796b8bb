import * as assert from "node:assert/strict";
import { minimalIsms } from "../helpers/minimal-isms";
import { useServerSuite, withCode } from "./lsp-client";

/**
 * `isms.today` and `isms.rules` have `scope: resource` in the manifest: in a multi-root workspace
 * each folder may set its own, and the server asks for them with the folder as `scopeUri`.
 */
describe("language server: settings per workspace folder", function () {
  this.timeout(60_000);
  const server = useServerSuite();

  it("checks each folder's ISMS with that folder's isms.today and isms.rules", async () => {
    const a = server.workspace(minimalIsms());
    const earlier = server.workspace(minimalIsms());
    const ruleOff = server.workspace(minimalIsms());
    const folder = (ws: { uri(path: string): string }) => ws.uri("").replace(/\/$/, "");
    const scopes = new Set<string | undefined>();
    const c = await server.start({
      folders: [a.dir, earlier.dir, ruleOff.dir],
      settings: (scopeUri: string | undefined) => {
        scopes.add(scopeUri);
        // ACT-1 is due on 2027-03-31: overdue in A; not yet in the folder whose today is earlier;
        // overdue but switched off in the last one.
        if (scopeUri === folder(earlier)) return { today: "2026-11-30", rules: {} };
        if (scopeUri === folder(ruleOff)) return { today: "2027-06-01", rules: { "action/overdue": "off" } };
        return { today: "2027-06-01", rules: {} };
      },
    });
    await c.waitForDiagnostics(a.uri("actions.yaml"), (ds) => withCode(ds, "action/overdue").length === 1);
    await c.request("isms/checkWorkspace", {});
    assert.deepEqual(withCode(c.diagnosticsOf(earlier.uri("actions.yaml")), "action/overdue"), []);
    assert.deepEqual(withCode(c.diagnosticsOf(ruleOff.uri("actions.yaml")), "action/overdue"), []);
    assert.ok(withCode(c.diagnosticsOf(a.uri("actions.yaml")), "action/overdue").length === 1);
    for (const ws of [a, earlier, ruleOff]) assert.ok(scopes.has(folder(ws)), [...scopes].join(", "));
  });
});

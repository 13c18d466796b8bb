import * as assert from "node:assert/strict";
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { edit } from "../helpers/annotations";
import { minimalIsms } from "../helpers/minimal-isms";
import { FULL_CAPABILITIES, useServerSuite, withCode, writeFiles } from "./lsp-client";

/** A client like Neovim 0.7 to 0.9: it cannot register file watchers for the server. */
const NO_FILE_WATCHING = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: false } } };

describe("language server: watches the disk itself when the client cannot", function () {
  this.timeout(60_000);
  const server = useServerSuite();

  it("re-checks closed files changed, created and deleted on disk, in the ISMS root and below", async () => {
    const ws = server.workspace({ "docs/readme.txt": "not YAML", ...Object.fromEntries(Object.entries(minimalIsms()).map(([file, text]) => [`isms/${file}`, text])) });
    const c = await server.start({ folders: [ws.dir], capabilities: NO_FILE_WATCHING });
    await c.waitForNotification("isms/modelChanged");
    const risks = ws.uri("isms/risks.yaml");
    assert.deepEqual(withCode(c.diagnosticsOf(risks), "ref/unresolved"), []);

    // A closed file changed on disk: the unknown owner is reported.
    writeFileSync(join(ws.dir, "isms", "risks.yaml"), edit(minimalIsms(), "risks.yaml", "    owner: ops\n", "    owner: ghost\n")["risks.yaml"]);
    await c.waitForDiagnostics(risks, (ds) => withCode(ds, "ref/unresolved").length === 1);

    // A new file in a new subfolder of the root joins the ISMS.
    mkdirSync(join(ws.dir, "isms", "more"));
    writeFileSync(join(ws.dir, "isms", "more", "people.yaml"), "apiVersion: isms/v1\nkind: Nonsense\n");
    await c.waitForDiagnostics(ws.uri("isms/more/people.yaml"), (ds) => withCode(ds, "schema/invalid").length > 0);

    // Deleted: its findings are cleared.
    unlinkSync(join(ws.dir, "isms", "more", "people.yaml"));
    await c.waitForDiagnostics(ws.uri("isms/more/people.yaml"), (ds) => ds.length === 0);
  });

  it("finds an ISMS root created after start (an isms.yaml written into the workspace folder)", async () => {
    const files = minimalIsms();
    const ws = server.workspace({ "placeholder.txt": "" });
    const c = await server.start({ folders: [ws.dir], capabilities: NO_FILE_WATCHING });
    await c.waitForNotification("isms/modelChanged").catch(() => undefined);
    writeFiles(ws.dir, Object.fromEntries(Object.entries(files).filter(([file]) => file !== "isms.yaml")));
    writeFileSync(join(ws.dir, "isms.yaml"), files["isms.yaml"]);
    // Once the root exists, a change below it is seen too.
    await c.waitForNotification("isms/modelChanged");
    rmSync(join(ws.dir, "actions.yaml"));
    await c.waitForDiagnostics(ws.uri("risks.yaml"), (ds) => withCode(ds, "ref/unresolved").length > 0);
  });
});

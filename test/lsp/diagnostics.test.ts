import * as assert from "node:assert/strict";
import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { checkWorkspace } from "../../server/src/core";
import { ruleDocsUrl } from "../../server/src/core/rules/docs-url";
import type { CheckWorkspaceResult, ModelChangedParams } from "@protocol";
import { minimalIsms, type Files } from "../helpers/minimal-isms";
import { fileUri, FULL_CAPABILITIES, LspClient, removeDir, textAt, useServerSuite, withCode, writeFiles, type StartOptions } from "./lsp-client";

const LAST_GOOD = "Cross-file checks use the last version of this file that parsed";

/** Diagnostics of rule `ref/unresolved` about id `id`. */
function unresolved(diagnostics: Diagnostic[], id: string): Diagnostic[] {
  return withCode(diagnostics, "ref/unresolved").filter((d) => (d.data as { id?: string } | undefined)?.id === id);
}

function replaceOnce(text: string, search: string, replacement: string): string {
  assert.ok(text.includes(search), `fixture text holds ${JSON.stringify(search)}`);
  return text.replace(search, replacement);
}

describe("language server: live diagnostics", function () {
  const server = useServerSuite();
  let client: LspClient | undefined;

  /** A temporary workspace folder holding `files`; returns its path and a URI maker. */
  function workspace(files: Files = minimalIsms()) {
    return server.workspace(files);
  }

  async function start(folders: string[], options: Partial<StartOptions> = {}): Promise<LspClient> {
    client = await server.start({ folders, ...options });
    return client;
  }

  it("publishes diagnostics of closed files on start, with code, link, source and data", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const c = await start([ws.dir]);
    const [diagnostic] = await c.waitForDiagnostics(ws.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1).then((d) => unresolved(d, "nobody"));
    assert.equal(diagnostic.source, "isms");
    assert.equal(diagnostic.code, "ref/unresolved");
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.codeDescription, { href: ruleDocsUrl("ref/unresolved") });
    assert.equal(textAt(files["risks.yaml"], diagnostic.range), "nobody");
    assert.equal((diagnostic.data as { rule: string }).rule, "ref/unresolved");
    assert.equal(c.diagnostics.get(ws.uri("risks.yaml"))?.version, undefined, "a closed file has no version");
    const summary = await c.waitForNotification<ModelChangedParams>("isms/modelChanged", (p) => p.roots.length === 1);
    assert.equal(summary.roots[0].root, fileUri(ws.dir));
    assert.equal(summary.roots[0].isRoot, true);
    assert.equal(summary.roots[0].organization, "Fixture Ltd");
    assert.equal(summary.roots[0].files, Object.keys(files).length);
    assert.ok(summary.roots[0].errors >= 1);
    assert.ok(
      c.registrations.some((r) => r.method === "workspace/didChangeWatchedFiles"),
      "the server registers a file watcher",
    );
  });

  it("updates the diagnostics of an edited open file, with the document's version", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    const uri = ws.uri("risks.yaml");
    const text = minimalIsms()["risks.yaml"];
    await c.waitForNotification("isms/modelChanged");
    await c.open(uri, text);
    const version = await c.change(uri, replaceOnce(text, "owner: ops", "owner: opps"));
    const [diagnostic] = await c.waitForDiagnostics(uri, (d, p) => p?.version === version && unresolved(d, "opps").length === 1).then((d) => unresolved(d, "opps"));
    assert.match(diagnostic.message, /Did you mean ops\?/);
    assert.deepEqual((diagnostic.data as { candidates: string[] }).candidates, ["ops"]);
    const fixed = await c.change(uri, text);
    await c.waitForDiagnostics(uri, (d, p) => p?.version === fixed && withCode(d, "ref/unresolved").length === 0);
  });

  it("re-checks other files of the root: renaming an action breaks the closed risks.yaml, reverting clears it", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    const actions = ws.uri("actions.yaml");
    const risks = ws.uri("risks.yaml");
    const text = minimalIsms()["actions.yaml"];
    await c.open(actions, text);
    await c.change(actions, replaceOnce(text, "id: ACT-1", "id: ACT-9"));
    const [diagnostic] = await c.waitForDiagnostics(risks, (d) => unresolved(d, "ACT-1").length === 1).then((d) => unresolved(d, "ACT-1"));
    assert.equal(textAt(minimalIsms()["risks.yaml"], diagnostic.range), "ACT-1");
    assert.equal(c.diagnostics.get(risks)?.version, undefined);
    await c.change(actions, text);
    await c.waitForDiagnostics(risks, (d) => unresolved(d, "ACT-1").length === 0);
  });

  it("keeps the last version that parsed for cross-file checks and says so at the syntax error", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    const actions = ws.uri("actions.yaml");
    const risks = ws.uri("risks.yaml");
    const text = minimalIsms()["actions.yaml"];
    const broken = replaceOnce(text, "  - id: ACT-1", '  - id: "ACT-1');
    // Without the last good version, the actions would be gone and ACT-1 unresolved in risks.yaml:
    const direct = checkWorkspace(
      Object.entries({ ...minimalIsms(), "actions.yaml": broken }).map(([file, t]) => ({ file, text: t })),
      { today: "2026-11-30" },
    );
    assert.ok(
      direct.findings.some((f) => f.rule === "ref/unresolved" && f.data?.id === "ACT-1"),
      "the broken text alone loses ACT-1",
    );

    await c.open(actions, text);
    await c.waitForNotification("isms/modelChanged");
    const version = await c.change(actions, broken);
    const shown = await c.waitForDiagnostics(actions, (d, p) => p?.version === version && d.some((x) => x.message.startsWith(LAST_GOOD)));
    const syntax = withCode(shown, "yaml/syntax");
    assert.ok(syntax.length >= 1, "the syntax error of the new text is shown");
    const info = shown.find((d) => d.message.startsWith(LAST_GOOD));
    assert.equal(info?.severity, 3);
    assert.equal(info?.source, "isms");
    const first = [...syntax].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    assert.deepEqual(info?.range.start, first.range.start, "the note sits at the first syntax error");
    assert.deepEqual(
      shown.filter((d) => d.code !== "yaml/syntax" && d !== info),
      [],
      "findings computed on the older text are not shown on the new text",
    );
    assert.deepEqual(unresolved(c.diagnosticsOf(risks), "ACT-1"), [], "risks.yaml still resolves ACT-1");

    const fixed = await c.change(actions, text);
    await c.waitForDiagnostics(actions, (d, p) => p?.version === fixed && !d.some((x) => x.message.startsWith(LAST_GOOD) || x.code === "yaml/syntax"));
  });

  it("indexes a file created on disk and clears a deleted file's diagnostics", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    await c.waitForNotification("isms/modelChanged");
    const path = join(ws.dir, "more", "extra-risks.yaml");
    writeFiles(ws.dir, {
      "more/extra-risks.yaml": `apiVersion: isms/v1
kind: RiskRegister
risks:
  - id: R-009
    title: Laptop theft
    owner: ghost
    likelihood: 2
    impact: 2
    treatment: accept
    reviewed: 2026-06-01
`,
    });
    const uri = fileUri(path);
    await c.filesChanged([{ uri, type: 1 }]);
    await c.waitForDiagnostics(uri, (d) => unresolved(d, "ghost").length === 1);

    unlinkSync(path);
    await c.filesChanged([{ uri, type: 3 }]);
    await c.waitForDiagnostics(uri, (d, p) => p !== undefined && d.length === 0);
  });

  it("re-reads a changed file and handles a deleted folder", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    await c.waitForNotification("isms/modelChanged");
    const risks = ws.uri("risks.yaml");
    writeFileSync(join(ws.dir, "risks.yaml"), replaceOnce(minimalIsms()["risks.yaml"], "owner: ops", "owner: nobody"));
    await c.filesChanged([{ uri: risks, type: 2 }]);
    await c.waitForDiagnostics(risks, (d) => unresolved(d, "nobody").length === 1);

    // The methodology lives in a sub-folder: deleting the folder drops its file (one event for the folder).
    removeDir(join(ws.dir, "risk"));
    await c.filesChanged([{ uri: fileUri(join(ws.dir, "risk")), type: 3 }]);
    await c.waitForNotification<ModelChangedParams>("isms/modelChanged", (p) => p.roots[0]?.files === Object.keys(minimalIsms()).length - 1);
  });

  it("checks several workspace folders and several roots in a folder separately", async () => {
    const a = workspace();
    const b1 = minimalIsms();
    b1["risks.yaml"] = replaceOnce(b1["risks.yaml"], "owner: ops", "owner: nobody");
    const bFiles: Files = {};
    for (const [path, text] of Object.entries(b1)) bFiles[`one/${path}`] = text;
    for (const [path, text] of Object.entries(minimalIsms())) bFiles[`two/${path}`] = text;
    const b = workspace(bFiles);
    const c = await start([a.dir, b.dir]);

    await c.waitForDiagnostics(b.uri("one/risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
    const summary = await c.waitForNotification<ModelChangedParams>("isms/modelChanged", (p) => p.roots.length === 3);
    assert.deepEqual(summary.roots.map((r) => r.root).sort(), [fileUri(a.dir), fileUri(join(b.dir, "one")), fileUri(join(b.dir, "two"))].sort());
    for (const [uri, diagnostics] of c.diagnostics) {
      assert.deepEqual(withCode(diagnostics.diagnostics, "ref/duplicate-id"), [], `roots are checked separately (${uri})`);
      if (uri !== b.uri("one/risks.yaml")) assert.deepEqual(withCode(diagnostics.diagnostics, "ref/unresolved"), [], `no unresolved reference in ${uri}`);
    }

    const actions = b.uri("two/actions.yaml");
    const text = minimalIsms()["actions.yaml"];
    await c.open(actions, text);
    await c.change(actions, replaceOnce(text, "id: ACT-1", "id: ACT-9"));
    await c.waitForDiagnostics(b.uri("two/risks.yaml"), (d) => unresolved(d, "ACT-1").length === 1);
    assert.deepEqual(unresolved(c.diagnosticsOf(b.uri("one/risks.yaml")), "ACT-1"), []);
    assert.deepEqual(unresolved(c.diagnosticsOf(a.uri("risks.yaml")), "ACT-1"), []);
  });

  it("follows workspace folders being added and removed", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const a = workspace(files);
    const b = workspace(files);
    const c = await start([a.dir]);
    await c.waitForDiagnostics(a.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
    await c.changeFolders([b.dir], [a.dir]);
    await c.waitForDiagnostics(b.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
    await c.waitForDiagnostics(a.uri("risks.yaml"), (d) => d.length === 0);
  });

  it("finds the ISMS root above a file opened outside every workspace folder", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const c = await start([]);
    const risks = ws.uri("risks.yaml");
    await c.open(risks, files["risks.yaml"]);
    const shown = await c.waitForDiagnostics(risks, (d) => unresolved(d, "nobody").length === 1);
    assert.deepEqual(withCode(shown, "isms/no-root"), []);
    assert.deepEqual(unresolved(shown, "ACT-1"), [], "the other files of the root were read");
  });

  it("applies isms.rules: off removes a rule's diagnostics, a severity changes them", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const c = await start([ws.dir]);
    const risks = ws.uri("risks.yaml");
    await c.waitForDiagnostics(risks, (d) => unresolved(d, "nobody").length === 1);

    await c.setSettings({ today: "2026-11-30", rules: { "ref/unresolved": "off" } });
    await c.waitForDiagnostics(risks, (d) => withCode(d, "ref/unresolved").length === 0);

    await c.setSettings({ today: "2026-11-30", rules: { "ref/unresolved": "warning" } });
    const [diagnostic] = await c.waitForDiagnostics(risks, (d) => unresolved(d, "nobody").length === 1).then((d) => unresolved(d, "nobody"));
    assert.equal(diagnostic.severity, 2);
  });

  it("reads isms settings per workspace folder", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const a = workspace(files);
    const b = workspace(files);
    const off = fileUri(a.dir);
    const c = await start([a.dir, b.dir], {
      settings: (scope: string | undefined) => ({ today: "2026-11-30", rules: scope === off ? { "ref/unresolved": "off" } : {} }),
    });
    await c.waitForDiagnostics(b.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
    await c.waitForNotification<ModelChangedParams>("isms/modelChanged", (p) => p.roots.length === 2);
    assert.deepEqual(withCode(c.diagnosticsOf(a.uri("risks.yaml")), "ref/unresolved"), []);
  });

  it("uses pushed settings for clients without workspace/configuration", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const capabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, configuration: false } };
    const c = await start([ws.dir], { capabilities });
    const risks = ws.uri("risks.yaml");
    await c.waitForDiagnostics(risks, (d) => unresolved(d, "nobody").length === 1);
    await c.setSettings(undefined, { isms: { today: "2026-11-30", rules: { "ref/unresolved": "off" } } });
    await c.waitForDiagnostics(risks, (d) => withCode(d, "ref/unresolved").length === 0);
    assert.equal(c.configurationRequests, 0);
  });

  it("asks for settings that failed once only until they change: edits do not wait for the client again", async () => {
    const files = minimalIsms();
    const ws = workspace(files);
    const c = await start([ws.dir], {
      settings: () => {
        throw new Error("no settings here");
      },
    });
    const risks = ws.uri("risks.yaml");
    await c.waitForNotification("isms/modelChanged");
    const asked = c.configurationRequests;
    assert.ok(asked >= 1);
    await c.open(risks, files["risks.yaml"]);
    for (const owner of ["nobody-1", "nobody-2", "nobody-3"]) {
      const version = await c.change(risks, replaceOnce(files["risks.yaml"], "owner: ops", `owner: ${owner}`));
      await c.waitForDiagnostics(risks, (d, p) => p?.version === version && unresolved(d, owner).length === 1);
    }
    assert.equal(c.configurationRequests, asked);
    // A settings change asks again, and the answer is used.
    await c.setSettings({ today: "2026-11-30", rules: { "ref/unresolved": "off" } });
    await c.waitForDiagnostics(risks, (d) => withCode(d, "ref/unresolved").length === 0);
    assert.ok(c.configurationRequests > asked);
  });

  it("works over --node-ipc", async () => {
    const files = minimalIsms();
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const c = await start([ws.dir], { transport: "ipc" });
    await c.waitForDiagnostics(ws.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
  });

  it("uses isms.today, else ISMS_TODAY, for overdue checks", async () => {
    const ws = workspace();
    const actions = ws.uri("actions.yaml");
    const overdueAct1 = (d: Diagnostic[]) => withCode(d, "action/overdue").filter((x) => (x.data as { id?: string }).id === "ACT-1");

    const c = await start([ws.dir], { settings: { today: "2026-11-30" } });
    const first = await c.waitForNotification<ModelChangedParams>("isms/modelChanged");
    assert.equal(first.roots[0].today, "2026-11-30");
    assert.deepEqual(overdueAct1(c.diagnosticsOf(actions)), []);

    await c.setSettings({ today: "2027-04-30" });
    await c.waitForDiagnostics(actions, (d) => overdueAct1(d).length === 1);
    await c.waitForNotification<ModelChangedParams>("isms/modelChanged", (p) => p.roots[0]?.today === "2027-04-30");
    await c.shutdown();

    const fromEnv = await start([ws.dir], { settings: { today: "" }, env: { ...process.env, ISMS_TODAY: "2027-04-30" } });
    await fromEnv.waitForDiagnostics(actions, (d) => overdueAct1(d).length === 1);
  });

  it("answers isms/checkWorkspace after re-reading the disk", async () => {
    const ws = workspace();
    const c = await start([ws.dir]);
    await c.waitForNotification("isms/modelChanged");
    // Changed on disk without a watcher event: only a full re-index sees it.
    writeFileSync(join(ws.dir, "risks.yaml"), replaceOnce(minimalIsms()["risks.yaml"], "owner: ops", "owner: nobody"));
    const before = (await c.request<CheckWorkspaceResult>("isms/checkWorkspace", {})).errors;
    const risks = c.diagnosticsOf(ws.uri("risks.yaml"));
    assert.equal(unresolved(risks, "nobody").length, 1, "the re-check ran before the answer");
    const result = await c.request<CheckWorkspaceResult>("isms/checkWorkspace", {});
    assert.equal(result.roots.length, 1);
    assert.equal(result.roots[0].root, fileUri(ws.dir));
    assert.equal(result.errors, before);
    assert.equal(result.errors, result.roots[0].errors);
    assert.equal(result.files, Object.keys(minimalIsms()).length);
  });

  it("a merge conflict in isms.yaml on disk keeps the ISMS: its markers are errors, the other files are still checked in the root", async () => {
    const files = minimalIsms();
    files["isms.yaml"] = replaceOnce(files["isms.yaml"], "organization: Fixture Ltd\n", "<<<<<<< HEAD\norganization: Fixture Ltd\n=======\norganization: Fixture Limited\n>>>>>>> rename\n");
    files["risks.yaml"] = replaceOnce(files["risks.yaml"], "owner: ops", "owner: nobody");
    const ws = workspace(files);
    const c = await start([ws.dir]);
    const risks = await c.waitForDiagnostics(ws.uri("risks.yaml"), (d) => unresolved(d, "nobody").length === 1);
    assert.deepEqual(withCode(risks, "isms/no-root"), []);
    const isms = await c.waitForDiagnostics(ws.uri("isms.yaml"), (d) => withCode(d, "yaml/syntax").length === 3);
    assert.deepEqual(
      isms.map((d) => d.range.start.line),
      [2, 4, 6],
    );
  });

  it("survives odd input: conflict markers, binary text, bad ranges, unknown documents, odd URIs and settings", async () => {
    const ws = workspace();
    const c = await start([ws.dir], { settings: { today: 42, rules: "all" } });
    await c.waitForNotification("isms/modelChanged");
    const actions = ws.uri("actions.yaml");
    const text = minimalIsms()["actions.yaml"];
    await c.open(actions, text);
    await c.change(actions, `<<<<<<< HEAD\n${text}=======\n${text}>>>>>>> other\n`);
    await c.waitForDiagnostics(actions, (d) => withCode(d, "yaml/syntax").length > 0);
    await c.change(actions, "\u0000\u0001binary\u0000");
    await c.edit(actions, { start: { line: 99, character: 5 }, end: { line: 1, character: 0 } }, "x");
    await c.edit(actions, { start: { line: -1, character: -4 }, end: { line: 0, character: 2 } }, "kind: ActionPlan\n");
    await c.connection.sendNotification("textDocument/didChange", { textDocument: { uri: ws.uri("nowhere.yaml"), version: 3 }, contentChanges: [{ text: "x: 1" }] });
    await c.connection.sendNotification("textDocument/didClose", { textDocument: { uri: ws.uri("nowhere.yaml") } });
    await c.open("untitled:Untitled-1", "kind: ISMS\n");
    await c.open("git:/x/isms.yaml?ref", "kind: ISMS\n");
    await c.open(fileUri(join(ws.dir, "notes.txt")), "kind: ISMS\n", 1, "plaintext");
    await c.filesChanged([
      { uri: "not a uri", type: 1 },
      { uri: "https://example.com/a.yaml", type: 2 },
      { uri: ws.uri("missing.yaml"), type: 2 },
      { uri: ws.uri("node_modules/x/isms.yaml"), type: 1 },
    ]);
    await c.connection.sendNotification("workspace/didChangeConfiguration", { settings: { isms: ["odd"] } });
    await c.change(actions, text);
    await c.waitForDiagnostics(actions, (d) => withCode(d, "yaml/syntax").length === 0);
    const result = await c.request<CheckWorkspaceResult>("isms/checkWorkspace", {});
    assert.equal(result.roots.length, 1);
    assert.ok(c.alive);
    assert.deepEqual(
      c.logs.filter((l) => /failed|Unhandled|Uncaught/.test(l)),
      [],
    );
    assert.ok(c.logs.length <= 6, `a few log lines, not a flood:\n${c.logs.join("\n")}`);
  });
});

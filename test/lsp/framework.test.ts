import * as assert from "node:assert/strict";
import type { Finding } from "../../server/src/core";
import { diagnosticData, diagnosticSupport, findingToDiagnostic } from "../../server/src/lsp/diagnostics";
import { Logger } from "../../server/src/lsp/logger";
import { readSettings, resolveToday } from "../../server/src/lsp/settings";
import { mergeInto } from "../../server/src/lsp/start-server";
import { inFolder, isYamlKey, normalizeUri, pathToKey, UriMap } from "../../server/src/lsp/uri";
import { folderOf, isUnder } from "../../server/src/core/workspace";

function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = { error: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m), log: (m: string) => lines.push(m) };
  return { log: new Logger(sink), lines };
}

describe("language server framework (units)", () => {
  describe("settings", () => {
    it("reads isms.today and isms.rules and drops invalid values with one log line each", () => {
      const { log, lines } = memoryLogger();
      const raw = { today: " 2026-11-30 ", rules: { "ref/unresolved": "Off", "risk/unrated": "fatal", "no/such-rule": "error" } };
      assert.deepEqual(readSettings(raw, log), { today: "2026-11-30", rules: { "ref/unresolved": "off", "no/such-rule": "error" } });
      readSettings(raw, log);
      assert.equal(lines.length, 2, lines.join("\n"));
      assert.deepEqual(readSettings(null), { today: "", rules: {} });
      assert.deepEqual(readSettings({ today: 5, rules: [] }), { today: "", rules: {} });
    });
    it("resolves today from the setting, else ISMS_TODAY, else the local date", () => {
      const now = new Date(2026, 0, 2, 23, 59);
      assert.equal(resolveToday("2026-11-30", { ISMS_TODAY: "2027-01-01" }, now), "2026-11-30");
      assert.equal(resolveToday("", { ISMS_TODAY: "2027-01-01" }, now), "2027-01-01");
      assert.equal(resolveToday("", {}, now), "2026-01-02");
      const { log, lines } = memoryLogger();
      assert.equal(resolveToday("2026-02-30", { ISMS_TODAY: "soon" }, now, log), "2026-01-02");
      assert.equal(lines.length, 2);
    });
  });

  describe("keys and URIs", () => {
    it("uses normalised file URIs as keys that the engine's folder functions understand", () => {
      const key = pathToKey("/tmp/my isms/risks/a.yaml");
      assert.equal(key, "file:///tmp/my%20isms/risks/a.yaml");
      assert.equal(normalizeUri("file:///tmp/my isms/risks/a.yaml"), key);
      assert.equal(normalizeUri("file:///tmp/ws/"), "file:///tmp/ws");
      assert.equal(folderOf(key), "file:///tmp/my%20isms/risks");
      assert.ok(isUnder(key, "file:///tmp/my%20isms"));
      assert.ok(!isUnder(key, "file:///tmp/my"));
      assert.ok(inFolder("file:///tmp/ws", "file:///tmp/ws"));
      assert.ok(!inFolder("file:///tmp/ws2/a.yaml", "file:///tmp/ws"));
      assert.ok(isYamlKey("file:///a/B.YML") && !isYamlKey("file:///a/b.json"));
    });
    it("answers with the client's spelling of a URI", () => {
      const uris = new UriMap();
      const key = uris.toKey("file:///c:/ISMS/risks.yaml");
      assert.equal(key, "file:///c%3A/ISMS/risks.yaml");
      assert.equal(uris.toUri(key), "file:///c:/ISMS/risks.yaml");
      assert.equal(uris.toUri("file:///other.yaml"), "file:///other.yaml");
    });
  });

  describe("findings as diagnostics", () => {
    const finding: Finding = {
      rule: "ref/unresolved",
      severity: "warning",
      message: "No person has the id x.",
      file: "file:///ws/risks.yaml",
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
      related: [{ file: "file:///ws/isms.yaml", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: "people" }],
      tags: ["unnecessary"],
      data: { id: "x", candidates: [] },
    };
    it("maps severity, code, link, related information, tags and data", () => {
      const support = diagnosticSupport({ textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } } } });
      const d = findingToDiagnostic(finding, support, (k) => k.replace("file:///ws", "file:///WS"));
      assert.equal(d.severity, 2);
      assert.equal(d.source, "isms");
      assert.equal(d.code, "ref/unresolved");
      assert.match(d.codeDescription?.href ?? "", /docs\/rules\/ref\/unresolved\.md$/);
      assert.deepEqual(d.relatedInformation?.[0].location.uri, "file:///WS/isms.yaml");
      assert.deepEqual(d.tags, [1]);
      assert.deepEqual(d.data, { id: "x", candidates: [], rule: "ref/unresolved" });
      assert.deepEqual(diagnosticData(d), { id: "x", candidates: [], rule: "ref/unresolved" });
    });
    it("leaves out what the client does not support", () => {
      const d = findingToDiagnostic({ ...finding, rule: "isms/rule-failure" }, diagnosticSupport({}), (k) => k);
      assert.equal(d.codeDescription, undefined);
      assert.equal(d.relatedInformation, undefined);
      assert.equal(d.tags, undefined);
    });
  });

  it("merges the capabilities of features", () => {
    const target: Record<string, unknown> = { textDocumentSync: 2, workspace: { workspaceFolders: { supported: true } } };
    mergeInto(target, { hoverProvider: true, workspace: { fileOperations: { didRename: {} } }, executeCommandProvider: { commands: ["a"] } });
    mergeInto(target, { executeCommandProvider: { commands: ["b", "a"] } });
    assert.deepEqual(target, {
      textDocumentSync: 2,
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true }, fileOperations: { didRename: {} } },
      executeCommandProvider: { commands: ["a", "b"] },
    });
  });
});

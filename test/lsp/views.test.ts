import * as assert from "node:assert/strict";
import { join } from "node:path";
import { IsmsViewRequest, type IsmsViewResult } from "@protocol";
import { minimalIsms } from "../helpers/minimal-isms";
import { fileUri, useServerSuite } from "./lsp-client";

describe("language server: isms/views", function () {
  const server = useServerSuite();

  it("answers the views of every ISMS root from the latest check, with records located by URI", async () => {
    const files = minimalIsms();
    files["actions.yaml"] = files["actions.yaml"].replace("due: 2027-03-31", "due: 2026-11-01");
    const { dir } = server.workspace({ ...files, "notes/other.yaml": "kind: Unrelated\n" });
    const client = await server.start({ folders: [dir] });
    const result = await client.request<IsmsViewResult>(IsmsViewRequest.method, {});

    assert.deepEqual(
      result.roots.map((r) => [r.root, r.organization, r.today]),
      [[fileUri(dir), "Fixture Ltd", "2026-11-30"]],
    );
    const [views] = result.roots;
    assert.deepEqual([views.overview.findings.warnings, views.actions.overdue.map((a) => a.id)], [1, ["ACT-1"]]);
    const risk = views.risks.find((g) => g.level === "High")?.risks[0];
    assert.equal(risk?.id, "R-001");
    assert.equal(risk?.location.uri, fileUri(join(dir, "risks.yaml")));
    assert.equal(risk?.location.range.start.line, 3);
    const finding = views.overview.findings.phases.find((p) => p.phase === "Do")?.areas[0].findings[0];
    assert.equal(finding?.location.uri, fileUri(join(dir, "actions.yaml")));
  });

  it("answers no roots when the workspace has no isms.yaml", async () => {
    const { dir } = server.workspace({ "risks.yaml": minimalIsms()["risks.yaml"] });
    const client = await server.start({ folders: [dir] });
    assert.deepEqual(await client.request<IsmsViewResult>(IsmsViewRequest.method, {}), { roots: [] });
  });
});

import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { IsmsTreeViews, ViewNode } from "../../client/src/views";
import { IsmsViewRequest, type IsmsViewResult, type RootViews } from "@protocol";
import { fileUri, waitFor, workspaceRoot } from "./vscode-helpers";

interface ScreenshotHost {
  screenshot(name: string): Promise<string>;
}

/** What `activate` returns. */
interface ExtensionApi {
  client: LanguageClient;
  views: IsmsTreeViews;
}

const TODAY = "2026-11-30";

/** The views of the workspace's ISMS (examples/acme), among the roots the server knows. */
function acmeOf(roots: readonly RootViews[]): RootViews | undefined {
  const root = workspaceRoot().toString();
  return roots.find((r) => r.root === root && r.today === TODAY);
}

/** The labels of rows. */
function labels(nodes: readonly ViewNode[]): string[] {
  return nodes.map((n) => n.label);
}

describe("ISMS tree views in VS Code", () => {
  let api: ExtensionApi;

  before(async () => {
    await vscode.workspace.getConfiguration("isms").update("today", TODAY, vscode.ConfigurationTarget.Workspace);
    const extension = vscode.extensions.getExtension<ExtensionApi>("isms-workbench.isms-workbench");
    assert.ok(extension, "the ISMS Workbench extension is installed");
    api = await extension.activate();
    assert.ok(api.views, "activate returns the tree views");
    await waitFor("the views of examples/acme", () => acmeOf(api.views.store.roots));
  });

  /** The top rows of a view for the acme root (below its root row when other roots are open too). */
  function top(key: keyof IsmsTreeViews["providers"]): ViewNode[] {
    const provider = api.views.providers[key];
    const nodes = provider.getChildren();
    if (nodes.every((n) => n.contextValue !== "root")) return nodes;
    const acme = nodes.find((n) => n.key === workspaceRoot().toString());
    assert.ok(acme, `a row for the acme root in ${key}`);
    return provider.getChildren(acme);
  }

  it("answers isms/views with acme's risks, controls, actions, audits, reviews, nonconformities and registers", async () => {
    const result = await api.client.sendRequest<IsmsViewResult>(IsmsViewRequest.method, {});
    const acme = acmeOf(result.roots);
    assert.ok(acme, `acme among ${result.roots.map((r) => r.root).join(", ")}`);
    assert.equal(acme.organization, "Acme Cloud Ltd");

    assert.equal(
      acme.risks.reduce((n, g) => n + g.risks.length, 0),
      33,
    );
    assert.deepEqual(
      acme.risks.map((g) => [g.level, g.tone, g.risks.length]),
      [
        ["Critical", "red", 0],
        ["High", "orange", 19],
        ["Medium", "yellow", 12],
        ["Low", "green", 1],
        ["Unrated", undefined, 1],
      ],
    );
    assert.deepEqual([acme.risks[1].risks[0].id, acme.risks[1].risks[0].inherent.score], ["R-005", 16]);

    const controls = acme.soa.themes.flatMap((t) => t.controls);
    assert.equal(controls.length, 93);
    assert.deepEqual(
      controls.filter((c) => c.untraced).map((c) => c.control),
      ["A.5.6"],
    );
    assert.deepEqual(
      controls.filter((c) => c.applicable === false).map((c) => c.control),
      ["A.7.6", "A.7.12", "A.8.30"],
    );
    assert.deepEqual([acme.overview.controls.applicable, acme.overview.controls.implemented, acme.overview.controls.partiallyImplemented], [90 + 4, 78 + 4, 12]);

    assert.deepEqual(
      acme.actions.overdue.map((a) => [a.id, a.daysUntilDue]),
      [["ACT-004", -46]],
    );
    assert.deepEqual(
      acme.actions.dueSoon.map((a) => a.id),
      ["ACT-014"],
    );
    assert.deepEqual(
      acme.timeline.map((t) => `${t.id} ${t.state}`),
      ["AUD-2027-1 planned", "MR-2026-1 completed", "AUD-2026-2 completed", "AUD-2026-1 completed", "MR-2025-2 completed"],
    );
    assert.deepEqual([acme.overview.managementReview.nextDue, acme.overview.internalAudit.nextDue], ["2027-06-18", "2027-05-13"]);
    assert.deepEqual(acme.overview.improvement, { since: "2025-11-30", nonconformitiesRaised: 4, correctiveActionsCompleted: 2 });
    assert.deepEqual(
      [acme.nonconformities.open.map((n) => n.id), acme.nonconformities.closed.map((n) => n.id)],
      [
        ["NC-003", "NC-004"],
        ["NC-002", "NC-001"],
      ],
    );
    assert.deepEqual(
      acme.soa.catalogs.map((c) => [c.id, c.controls.length]),
      [["ISO27017", 4]],
    );
    assert.deepEqual(
      acme.registers.groups.map((g) => [g.key, g.items.length, g.items.filter((i) => i.attention).length]),
      [
        ["competence", 4, 0],
        ["awareness", 2, 0],
        ["measures", 5, 0],
        ["suppliers", 6, 0],
        ["incidents", 3, 0],
      ],
    );
    const soaArea = acme.overview.findings.phases.flatMap((p) => p.areas).find((a) => a.area === "soa");
    assert.ok(soaArea?.findings.some((f) => f.rule === "soa/untraced-control" && f.location.uri === fileUri("soa.yaml").toString()));
  });

  it("shows the expected rows in every view", () => {
    assert.deepEqual(labels(top("overview")), [
      "Certification readiness",
      "Plan",
      "Do",
      "Check",
      "Act",
      "Documented information",
      "Next management review",
      "Next internal audit",
      "Nonconformities raised",
      "Corrective actions completed",
      "Leadership",
      "Controls implemented",
      "Risks by level",
    ]);
    const risks = top("risks");
    assert.deepEqual(
      risks.map((n) => `${n.label}: ${n.description}`),
      ["Critical: 0 risks", "High: 19 risks", "Medium: 12 risks", "Low: 1 risk", "Unrated: 1 risk"],
    );
    assert.equal(risks[1].children?.[0].label, "R-005 Compromised or vulnerable open-source dependency (npm supply chain)");
    const soa = top("soa");
    assert.deepEqual(labels(soa), ["A.5 Organizational", "A.6 People", "A.7 Physical", "A.8 Technological", "ISO/IEC 27017:2015 cloud services"]);
    assert.deepEqual(
      soa[4].children?.map((n) => n.key),
      ["CLD.6.3.1", "CLD.8.1.5", "CLD.9.5.1", "CLD.12.4.5"],
    );
    const a56 = soa[0].children?.find((n) => n.key === "A.5.6");
    assert.equal(a56?.icon?.id, "warning");
    assert.match(a56?.description ?? "", /^untraced/);
    assert.equal(soa[0].children?.find((n) => n.key === "A.5.1")?.icon?.id, "pass-filled");

    const actions = top("actions");
    assert.deepEqual(labels(actions), ["Overdue", "Due within 30 days", "Open", "Done"]);
    assert.match(actions[0].children?.[0].label ?? "", /^ACT-004 /);
    assert.match(actions[0].children?.[0].description ?? "", /due 2026-10-15, 46 days overdue/);
    assert.deepEqual(
      top("timeline").map((n) => n.recordId),
      ["AUD-2027-1", "MR-2026-1", "AUD-2026-2", "AUD-2026-1", "MR-2025-2"],
    );
    const ncs = top("nonconformities");
    assert.deepEqual(labels(ncs), ["Open", "Closed"]);
    assert.deepEqual(
      ncs[0].children?.map((n) => n.recordId),
      ["NC-003", "NC-004"],
    );
    const registers = top("registers");
    assert.deepEqual(
      registers.map((n) => `${n.label}: ${n.description}`),
      ["Competence: 4 · 7.2", "Awareness: 2 · 7.3", "Measures: 5 · 9.1", "Suppliers: 6 · A.5.19-A.5.22", "Incidents: 3 · A.5.24-A.5.28"],
    );
    const incident = registers[4].children?.find((n) => n.recordId === "INC-2026-03");
    assert.equal(incident?.description, "high, closed 2026-10-22");
    assert.equal(incident?.contextValue, "record.incidents");
  });

  it("reveals a record's YAML on click: the row's command opens the file and selects the record", async () => {
    const overdue = top("actions")[0].children?.[0];
    assert.ok(overdue);
    const item = api.views.providers.actions.getTreeItem(overdue);
    assert.equal(item.command?.command, "isms.revealInFile");
    assert.equal(item.contextValue, "record.action");
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor("actions.yaml in the editor", () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === fileUri("actions.yaml").fsPath ? vscode.window.activeTextEditor : undefined,
    );
    const document = editor.document;
    const line = document.getText().split(/\r?\n/).indexOf("  - id: ACT-004");
    assert.ok(line > 0);
    assert.equal(editor.selection.start.line, line);
    assert.ok(editor.selection.end.line > line, "the whole record is selected");
    assert.match(document.getText(editor.selection), /^id: ACT-004\n[\s\S]*status: in-progress/);
  });

  it("shows the ISMS container with the Risks view expanded", async () => {
    await vscode.commands.executeCommand("workbench.view.extension.isms");
    // The view may be refreshing (a re-check just ended): reveal the current High row until it takes.
    await waitFor(
      "the High row revealed and expanded",
      async () => {
        const high = top("risks").find((n) => n.label === "High");
        assert.ok(high);
        await api.views.treeViews.risks.reveal(high, { expand: true, select: true, focus: true });
        return true;
      },
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(api.views.treeViews.risks.visible, true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const host = require(path.join(__dirname, "..", "..", "..", "test", "e2e", "mocha-in-host.js")) as ScreenshotHost;
    await host.screenshot("tree-views");
  });
});

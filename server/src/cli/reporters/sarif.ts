import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { RULE_FAILURE, type Finding, type Range, type Rule, type Severity } from "../../core";
import { ruleDocsUrl } from "../../core/rules/docs-url";
import { version as PACKAGE_VERSION } from "../../../../package.json";
import type { Reporter } from "./reporter";

/** Home page of the tool, for `tool.driver.informationUri`. */
export const INFORMATION_URI = "https://github.com/isms-workbench/isms-workbench";

/** The base id that artifact URIs are relative to: the repository root (git top level or `--root`). */
export const SRCROOT = "SRCROOT";

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : PACKAGE_VERSION;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: "error", warning: "warning", info: "note" };

/** The descriptor of the engine's own failure finding (a rule that threw), added when one occurs. */
const RULE_FAILURE_DESCRIPTOR: Sarif.ReportingDescriptor = {
  id: RULE_FAILURE,
  name: ruleName(RULE_FAILURE),
  shortDescription: { text: "A check failed on this ISMS and was skipped." },
  defaultConfiguration: { level: "warning" },
  properties: { tags: ["isms"] },
};

/**
 * SARIF 2.1.0 output for code scanning (GitHub, GitLab, Azure DevOps): one run whose driver lists
 * every rule with its documentation, and one result per finding. Artifact URIs are relative to
 * the repository root (`uriBaseId` SRCROOT, declared in `originalUriBaseIds`), as GitHub code
 * scanning resolves them; regions are 1-based with UTF-16 columns, the end column exclusive.
 */
export const sarifReporter: Reporter = ({ result, rules, base, today }) => {
  const descriptors = rules.map(ruleDescriptor);
  const indexById = new Map(rules.map((r, i) => [r.id, i]));
  if (result.findings.some((f) => !indexById.has(f.rule) && f.rule === RULE_FAILURE)) {
    indexById.set(RULE_FAILURE, descriptors.length);
    descriptors.push(RULE_FAILURE_DESCRIPTOR);
  }
  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "isms", fullName: "ISMS Workbench", informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(base), description: { text: "The repository root (git top level or --root)." } } },
        columnKind: "utf16CodeUnits",
        results: result.findings.map((f) => sarifResult(f, indexById.get(f.rule))),
        properties: { today },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const area = rule.id.split("/")[0];
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description, markdown: rule.docs },
    help: { text: rule.docs, markdown: rule.docs },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [...new Set(["isms", area, `ISO/IEC 27001:2022 ${rule.clause}`])], clause: rule.clause },
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined): Sarif.Result {
  return {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.file, f.range) }],
    ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r.file, r.range), message: { text: r.message } })) } : {}),
  };
}

function physicalLocation(file: string, range: Range): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A '/'-separated relative file key as a relative URI reference (each segment percent-encoded). */
function fileUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * A rule's `name` as SARIF viewers show it: the id in PascalCase (`soa/untraced-control` →
 * `SoaUntracedControl`).
 */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
}

/**
 * The absolute `file:` URI of a folder, ending in '/' as SARIF requires for a base. A Windows
 * path (`C:\repo` or `\\server\share\repo`) gives `file:///C:/repo/` or `file://server/share/repo/`
 * on any platform.
 */
export function folderUri(folder: string): string {
  const windows = /^(?:([A-Za-z]):|\\\\([^\\/]+))[\\/]/.exec(folder);
  let href: string;
  if (windows) {
    const segments = folder
      .slice(windows[0].length)
      .split(/[\\/]+/)
      .filter(Boolean)
      .map(encodeURIComponent);
    href = windows[1] ? `file:///${windows[1].toUpperCase()}:/${segments.join("/")}` : `file://${windows[2]}/${segments.join("/")}`;
  } else {
    href = pathToFileURL(resolve(folder)).href;
  }
  return href.endsWith("/") ? href : href + "/";
}

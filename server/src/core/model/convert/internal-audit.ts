import type { YAMLMap } from "yaml";
import type { IsmsModel } from "../isms-model";
import type { Audit } from "../types";
import type { YamlReader } from "../yaml-reader";
import { NONCONFORMITY, PERSON, REPORTED_TO } from "./targets";
import { append } from "../../append";

/** Reads an `InternalAudit` document (9.2): audits with their scope, auditor, reporting and findings. */
export function convertInternalAudit(r: YamlReader, root: YAMLMap, m: IsmsModel): void {
  for (const map of r.maps(root, "audits")) {
    const scope = r.map(map, "scope");
    const reported = r.map(map, "reported");
    const audit: Audit = {
      ...r.located(map),
      recordKind: "audit",
      id: r.text(map, "id"),
      title: r.text(map, "title"),
      planned: r.date(map, "planned"),
      performed: r.date(map, "performed"),
      auditor: r.ref(map, "auditor", PERSON, "audits[].auditor"),
      scopeClauses: r.texts(scope, "clauses"),
      scopeControls: r.controls(scope, "controls", "audits[].scope.controls", true),
      scopeRange: scope ? r.rangeOf(scope) : undefined,
      criteria: r.text(map, "criteria"),
      status: r.text(map, "status"),
      reported: reported ? { ...r.located(reported), to: r.ref(reported, "to", REPORTED_TO, "audits[].reported.to"), date: r.date(reported, "date") } : undefined,
      findings: [],
    };
    for (const f of r.maps(map, "findings")) {
      audit.findings.push({
        ...r.located(f),
        recordKind: "finding",
        audit,
        id: r.text(f, "id"),
        type: r.text(f, "type"),
        clause: r.text(f, "clause"),
        control: r.control(f, "control", "audits[].findings[].control"),
        nonconformity: r.ref(f, "nonconformity", NONCONFORMITY, "audits[].findings[].nonconformity"),
      });
    }
    m.audits.push(audit);
    append(m.findings, audit.findings);
  }
}

import { CATALOG_2022 } from "../../server/src/core";

/**
 * A small ISMS that is clean under every rule on {@link FIXTURE_TODAY}: tests copy it and change
 * one thing. Keys are file paths under the root, values their YAML text.
 */
export const FIXTURE_TODAY = "2026-11-30";

export type Files = Record<string, string>;

/**
 * The requirement an SoA entry is traced to, by theme, so that no requirement traces more than half
 * of the controls (which `soa/untraced-control` reports as a weak, generic trace).
 */
function sourceOf(id: string): string {
  const [, theme, n] = /^A\.(\d)\.(\d+)$/.exec(id) ?? [];
  if (theme === "5" || (theme === "8" && Number(n) < 10)) return "REQ-ISO";
  return theme === "8" ? "REQ-PRIV" : "REQ-MSA";
}

const soaEntries = CATALOG_2022.controls
  .map(
    (c) => `  - control: ${c.id}
    applicable: true
    justification: Needed to meet the certification requirement for ${c.title.toLowerCase()}.
    status: implemented
    sources: [${c.id === "A.5.15" ? "R-001" : sourceOf(c.id)}]
    owner: ciso
    evidence: [policies/is.md]`,
  )
  .join("\n");

/** Returns a fresh copy of the minimal clean ISMS. */
export function minimalIsms(): Files {
  return {
    "isms.yaml": `apiVersion: isms/v1
kind: ISMS
organization: Fixture Ltd
standard: ISO/IEC 27001:2022
scope:
  statement: The provision of the Fixture web service from the London office.
  boundaries: [London office, AWS eu-west-2 production account]
  interfaces: [Payment provider]
  exclusions: []
context:
  internal_issues: [Small team]
  external_issues: [Customer security questionnaires]
  climate_change:
    relevant: false
    rationale: Cloud-hosted service with no climate-exposed facilities.
  interested_parties:
    - id: IP-CUST
      name: Customers
      requirements: [Confidentiality of their data]
requirements:
  - id: REQ-ISO
    title: Certification to ISO/IEC 27001:2022
    type: business
  - id: REQ-PRIV
    title: UK GDPR security of processing (Art. 32)
    type: legal
  - id: REQ-MSA
    title: Security schedule of the customer master services agreement
    type: contractual
people:
  - { id: ceo, name: Chief Executive, role: Top management }
  - { id: ciso, name: Security Lead, role: ISMS manager }
  - { id: ops, name: Operations Lead, role: Operations }
  - { id: auditor, name: Internal Auditor, role: Internal audit }
`,
    "risk/methodology.yaml": `apiVersion: isms/v1
kind: RiskMethodology
likelihood:
  - { level: 1, label: Rare }
  - { level: 2, label: Unlikely }
  - { level: 3, label: Possible }
  - { level: 4, label: Likely }
  - { level: 5, label: Almost certain }
impact:
  - { level: 1, label: Negligible }
  - { level: 2, label: Minor }
  - { level: 3, label: Moderate }
  - { level: 4, label: Major }
  - { level: 5, label: Severe }
scoring: multiply
levels:
  - { name: Low, max: 4 }
  - { name: Medium, max: 9 }
  - { name: High, max: 16 }
  - { name: Critical, max: 25 }
acceptance: { max_score: 6 }
`,
    "risks.yaml": `apiVersion: isms/v1
kind: RiskRegister
risks:
  - id: R-001
    title: Unauthorised access to customer data
    owner: ops
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.5.15]
    actions: [ACT-1]
    residual: { likelihood: 2, impact: 3 }
    reviewed: 2026-06-01
  - id: R-002
    title: Office power cut
    owner: ops
    likelihood: 1
    impact: 2
    treatment: accept
    reviewed: 2026-06-01
`,
    "soa.yaml": `apiVersion: isms/v1
kind: StatementOfApplicability
approved: { by: ceo, date: 2026-02-01 }
controls:
${soaEntries}
`,
    "actions.yaml": `apiVersion: isms/v1
kind: ActionPlan
actions:
  - id: ACT-1
    title: Enforce SSO for the admin console
    type: treatment
    owner: ops
    due: 2027-03-31
    status: open
  - id: ACT-2
    title: Add the audit schedule to the ISMS calendar
    type: corrective
    owner: ops
    due: 2026-05-15
    status: done
    completed: 2026-05-01
    verification: { by: ciso, date: 2026-06-01, effective: true }
  - id: ACT-3
    title: Automate access reviews
    type: improvement
    owner: ciso
    due: 2026-08-01
    status: done
    completed: 2026-07-01
`,
    "audits.yaml": `apiVersion: isms/v1
kind: InternalAudit
audits:
  - id: AUD-1
    planned: 2026-04-01
    performed: 2026-04-02
    auditor: auditor
    scope:
      clauses: ["4", "5", "6", "7", "8", "9", "10"]
      controls: [A.5, A.6, A.7, A.8]
    criteria: ISO/IEC 27001:2022 and the ISMS policies
    status: completed
    reported: { to: MR-1, date: 2026-05-01 }
    findings:
      - id: F-1
        type: minor
        clause: "9.2"
        description: The audit programme was not scheduled.
        nonconformity: NC-1
`,
    "reviews.yaml": `apiVersion: isms/v1
kind: ManagementReview
reviews:
  - id: MR-1
    date: 2026-05-01
    attendees: [ceo, ciso]
    inputs:
      previous_actions: None open from the previous review.
      context_changes: New payment provider.
      interested_party_needs: Customers ask for SSO.
      performance:
        nonconformities: NC-1 raised and closed.
        monitoring: Access review completed monthly.
        audit_results: AUD-1 found one minor nonconformity.
        objectives: OBJ-1 on track.
      interested_party_feedback: No complaints.
      risk_assessment: R-001 remains High until ACT-1 is done.
      improvement_opportunities: Automate access reviews.
    decisions:
      - Approve ACT-3 to automate access reviews.
    actions: [ACT-3]
`,
    "nonconformities.yaml": `apiVersion: isms/v1
kind: NonconformityLog
nonconformities:
  - id: NC-1
    raised: 2026-04-02
    source: F-1
    description: The audit programme was not scheduled.
    correction: Audit scheduled.
    root_cause: No owner for the audit calendar.
    similar_elsewhere: Checked the review calendar; it has an owner.
    actions: [ACT-2]
    status: closed
    closed: 2026-06-01
`,
    "objectives.yaml": `apiVersion: isms/v1
kind: Objectives
objectives:
  - id: OBJ-1
    title: All staff complete security awareness training
    target: 100% of staff
    measure: LMS completion report
    owner: ciso
    due: 2027-06-30
    status: on-track
`,
    "policies.yaml": `apiVersion: isms/v1
kind: PolicyRegister
policies:
  - id: POL-1
    title: Information security policy
    path: policies/is.md
    owner: ciso
    approved: { by: ceo, date: 2026-02-01 }
    review_months: 12
`,
  };
}

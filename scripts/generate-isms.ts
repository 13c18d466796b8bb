// A deterministic, realistic ISMS of any size, for benchmarks and scale tests.
//
// `generateIsms(counts)` returns every file (path relative to the ISMS root → YAML text) of an
// ISMS shaped like examples/acme: people, requirements and interested parties in isms.yaml, a
// methodology, an asset inventory, risk registers over many files (one large register plus many
// of 200 risks), all 93 Annex A controls in the SoA, treatment, corrective and improvement actions,
// internal audits with findings, management reviews, nonconformities, objectives and policies.
// Records reference each other (risks → assets, owners, controls, actions; actions → their source;
// audits → auditor and reviews; findings ↔ nonconformities ↔ corrective actions), carry comments,
// and a small fixed share of them has a defect so most rules have findings (see DEFECTS below).
// The same counts and seed always give the same bytes. Dates are relative to BENCH_TODAY.
import annexA from "../server/src/core/catalog/annex-a-2022.json";

/** The day the generated ISMS is meant to be checked on (`isms check --today`). */
export const BENCH_TODAY = "2026-11-30";

/** How many records of each kind. */
export interface IsmsCounts {
  risks: number;
  assets: number;
  actions: number;
  audits: number;
  reviews: number;
  nonconformities: number;
  people: number;
}

/** The named sizes of `npm run bench:gen -- --size`: S = 1,000 risks, M = 10,000 risks, L = M x5. */
export const SIZES: Record<"S" | "M" | "L", IsmsCounts> = {
  S: { risks: 1_000, assets: 1_000, actions: 500, audits: 10, reviews: 10, nonconformities: 100, people: 40 },
  M: { risks: 10_000, assets: 10_000, actions: 5_000, audits: 100, reviews: 100, nonconformities: 1_000, people: 200 },
  L: { risks: 50_000, assets: 50_000, actions: 25_000, audits: 500, reviews: 500, nonconformities: 5_000, people: 1_000 },
};

/** The counts of size S multiplied by `factor` (at least one of each record). */
export function scaledCounts(factor: number): IsmsCounts {
  const s = SIZES.S;
  const n = (v: number, min = 1) => Math.max(min, Math.round(v * factor));
  return { risks: n(s.risks), assets: n(s.assets), actions: n(s.actions), audits: n(s.audits, 2), reviews: n(s.reviews, 2), nonconformities: n(s.nonconformities, 4), people: n(s.people, 12) };
}

/** Risks per file of the risk registers after the first, largest one (which holds a tenth of them, at least 200). */
const RISKS_PER_FILE = 200;
const ASSETS_PER_FILE = 500;
const ACTIONS_PER_FILE = 250;
const AUDITS_PER_FILE = 10;
const REVIEWS_PER_FILE = 10;
const NCS_PER_FILE = 250;

/** mulberry32: a small, fast, seeded generator with a uniform output in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONTROLS: string[] = (annexA as { id: string }[]).map((c) => c.id);
/** Excluded in the SoA (A.7.6 with a justification, A.7.12 without one: soa/missing-justification). */
const EXCLUDED = ["A.7.6", "A.7.12"];
/** Applicable but traced to nothing (soa/untraced-control): no risk lists it, its entry has no sources. */
const UNTRACED = "A.5.6";
/** The controls risks are treated with. */
const RISK_CONTROLS = CONTROLS.filter((c) => !EXCLUDED.includes(c) && c !== UNTRACED);

const CATEGORIES = ["Cloud", "Application", "Availability", "Supply chain", "People", "Physical", "Legal", "Supplier", "Endpoint", "Data"];
const THREATS = [
  "Opportunistic scanning of cloud storage and services",
  "Credential stuffing with breach corpora",
  "Ransomware delivered by phishing",
  "Malicious or vulnerable open-source package",
  "Insider copying data before leaving",
  "Supplier outage or insolvency",
  "Theft of an unattended laptop",
  "Misconfiguration during an emergency change",
];
const VULNERABILITIES = [
  "Console access for emergency changes; drift between Terraform and reality",
  "MFA optional per tenant",
  "Untested restore procedures",
  "No cooling-off period for new dependency versions",
  "Leaver access removed by hand",
  "Single hosting region",
  "Local admin rights on some laptops",
];
const ASSET_TYPES = ["information", "software", "service", "hardware", "people"];
const CLASSES = ["Internal", "Confidential", "Restricted"];
const PAD = (n: number, width: number) => String(n).padStart(width, "0");

/** The files of a generated ISMS, by path relative to its root. */
export function generateIsms(counts: IsmsCounts, seed = 27001): Map<string, string> {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const width = String(Math.max(counts.risks, counts.assets, counts.actions, counts.nonconformities)).length + 1;
  const riskId = (i: number) => `R-${PAD(i + 1, width)}`;
  const assetId = (i: number) => `AS-${PAD(i + 1, width)}`;
  const actionId = (i: number) => `ACT-${PAD(i + 1, width)}`;
  const ncId = (i: number) => `NC-${PAD(i + 1, width)}`;
  const auditId = (i: number) => `AUD-${PAD(i + 1, 4)}`;
  const reviewId = (i: number) => `MR-${PAD(i + 1, 4)}`;
  const date = (year: number, month: number, day: number) => `${year}-${PAD(month, 2)}-${PAD(day, 2)}`;
  const recent = () => date(2026, int(1, 10), int(1, 28));

  // People: a tenth are independent internal auditors (ia-*), who own nothing; the rest own records.
  const auditors = Math.max(2, Math.round(counts.people / 10));
  const owners = Array.from({ length: counts.people - auditors }, (_, i) => `p-${PAD(i + 1, 4)}`);
  const independent = Array.from({ length: auditors }, (_, i) => `ia-${PAD(i + 1, 3)}`);
  const owner = () => pick(owners);
  const files = new Map<string, string>();

  // Which record answers which: treatment actions are sourced from risks, corrective ones from
  // nonconformities, improvement ones from reviews.
  const corrective = Math.min(counts.actions, counts.nonconformities);
  const improvement = Math.min(counts.actions - corrective, counts.reviews);
  const treatment = counts.actions - corrective - improvement;
  const actionOfRisk = new Map<number, number>();
  for (let a = 0; a < treatment; a++) actionOfRisk.set(Math.floor((a * counts.risks) / Math.max(1, treatment)), a);

  // ---------------------------------------------------------------- isms.yaml
  const isms: string[] = [
    "apiVersion: isms/v1",
    "kind: ISMS",
    "# Generated ISMS for benchmarks: a fictional group running many product lines.",
    "organization: Benchmark Group plc",
    "standard: ISO/IEC 27001:2022",
    "scope:",
    "  statement: >-",
    "    The information security management system of Benchmark Group plc covering the design,",
    "    development, operation and support of its software-as-a-service products.",
    "  boundaries:",
    '    - "Organisation: all employees and contractors of Benchmark Group plc."',
    '    - "Cloud: the production, staging and backup accounts of the group."',
    "  interfaces:",
    '    - "Cloud providers: physical security under the shared responsibility model (A.5.23)."',
    "context:",
    "  internal_issues:",
    '    - "Fast growth stretches onboarding and access management."',
    "  external_issues:",
    '    - "Customers require ISO/IEC 27001 certification."',
    "  climate_change:",
    "    relevant: true",
    "    rationale: Extreme weather may close offices; covered by remote working and continuity plans.",
    "  interested_parties:",
    "    - id: IP-CUSTOMERS",
    "      name: Customers",
    "      relevant_to_isms: true",
    "      requirements:",
    '        - "Confidentiality of their data."',
    "    - id: IP-REGULATORS",
    "      name: Data protection authorities",
    "      relevant_to_isms: true",
    "      requirements:",
    '        - "Compliance with GDPR processor obligations."',
    "requirements:",
    "  - id: REQ-GDPR",
    "    title: GDPR",
    "    type: legal",
    "  - id: REQ-DPA",
    "    title: Customer data processing agreement",
    "    type: contractual",
    "  - id: REQ-ISO27001",
    "    title: Maintain ISO/IEC 27001:2022 certification",
    "    type: business",
    "people:",
    "  - { id: ceo, name: Chief Executive, role: Top management }",
    ...owners.map((id, i) => `  - { id: ${id}, name: Person ${i + 1}, role: "${pick(["Engineering", "Operations", "Finance", "People", "Support"])} lead" }`),
    ...independent.map((id, i) => `  - { id: ${id}, name: Auditor ${i + 1}, role: Internal auditor who owns no risk or control }`),
    "cadence:",
    "  management_review: 12",
    "  internal_audit: 12",
    "  risk_review: 12",
  ];
  files.set("isms.yaml", isms.join("\n") + "\n");

  files.set(
    "risk/methodology.yaml",
    [
      "apiVersion: isms/v1",
      "kind: RiskMethodology",
      "approved: { by: ceo, date: 2026-01-10 }",
      "likelihood:",
      ...[1, 2, 3, 4, 5].map((l) => `  - { level: ${l}, label: L${l}, criteria: Likelihood level ${l} }`),
      "impact:",
      ...[1, 2, 3, 4, 5].map((l) => `  - { level: ${l}, label: I${l}, criteria: Impact level ${l} }`),
      "scoring: multiply",
      "levels:",
      '  - { name: Low, max: 4, color: "#2e7d32" }',
      '  - { name: Medium, max: 9, color: "#f9a825" }',
      '  - { name: High, max: 16, color: "#ef6c00" }',
      '  - { name: Critical, max: 25, color: "#c62828" }',
      "acceptance:",
      "  max_score: 6",
      "  rationale: Risks scoring 6 or less may be retained by their owner without further treatment.",
      "",
    ].join("\n"),
  );

  // ---------------------------------------------------------------- assets
  for (let start = 0, f = 1; start < counts.assets; start += ASSETS_PER_FILE, f++) {
    const out = ["apiVersion: isms/v1", "kind: AssetInventory", `# Asset inventory, part ${f}.`, "assets:"];
    for (let i = start; i < Math.min(counts.assets, start + ASSETS_PER_FILE); i++) {
      out.push(`  - id: ${assetId(i)}`, `    name: Asset ${i + 1}`, `    type: ${pick(ASSET_TYPES)}`, `    owner: ${owner()}`, `    classification: ${pick(CLASSES)}`);
    }
    files.set(`assets/inventory-${PAD(f, 3)}.yaml`, out.join("\n") + "\n");
  }

  // ---------------------------------------------------------------- risks
  const riskOwner: string[] = [];
  const riskControls: string[][] = [];
  const largest = Math.min(counts.risks, Math.max(RISKS_PER_FILE, Math.round(counts.risks / 10)));
  const riskFiles: [number, number][] = [[0, largest]];
  for (let start = largest; start < counts.risks; start += RISKS_PER_FILE) riskFiles.push([start, Math.min(counts.risks, start + RISKS_PER_FILE)]);
  riskFiles.forEach(([start, end], f) => {
    const out = [
      "apiVersion: isms/v1",
      "kind: RiskRegister",
      `# Risk register, part ${f + 1}: risks ${riskId(start)} to ${riskId(end - 1)}.`,
      "# Scores: likelihood x impact (risk/methodology.yaml); acceptance threshold 6.",
      "risks:",
    ];
    for (let i = start; i < end; i++) {
      const who = owner();
      riskOwner[i] = who;
      const controls = Array.from(new Set(Array.from({ length: int(2, 6) }, () => pick(RISK_CONTROLS))));
      riskControls[i] = controls;
      let likelihood: number | undefined = int(1, 5);
      let impact: number | undefined = int(1, 5);
      let treatmentWord: string | undefined = likelihood * impact > 6 ? pick(["mitigate", "mitigate", "mitigate", "transfer", "avoid"]) : pick(["mitigate", "accept"]);
      let residual = `{ likelihood: 1, impact: ${Math.min(impact, 3)} }`;
      let reviewed = recent();
      let ownerLine: string | undefined = `    owner: ${who}`;
      let assets = [assetId(int(0, counts.assets - 1)), assetId(int(0, counts.assets - 1))];
      let acceptance: string | undefined;
      const extra: string[] = [];
      const before: string[] = [];
      // DEFECTS: a small share of risks has one gap each, so most risk rules report something.
      const defect = rnd();
      if (defect < 0.003)
        ownerLine = undefined; // risk/no-owner
      else if (defect < 0.006)
        impact = undefined; // risk/unrated
      else if (defect < 0.008)
        likelihood = 7; // risk/rating-out-of-scale
      else if (defect < 0.01)
        residual = `{ likelihood: 5, impact: 5 }`; // risk/residual-above-inherent (and acceptance-missing)
      else if (defect < 0.015)
        reviewed = "2025-01-10"; // risk/review-overdue
      else if (defect < 0.017)
        [likelihood, impact, treatmentWord] = [4, 4, undefined]; // risk/untreated
      else if (defect < 0.019)
        [treatmentWord, controls.length] = ["mitigate", 0]; // risk/mitigate-without-controls
      else if (defect < 0.022)
        [likelihood, impact, treatmentWord] = [4, 3, "accept"]; // risk/acceptance-missing
      else if (defect < 0.023)
        assets = [`AS-MISSING-${i}`]; // ref/unresolved
      else if (defect < 0.024)
        [before[0], reviewed] = ["    # isms-disable-next-line risk/review-overdue", "2025-02-01"]; // isms/suppression-without-reason
      else if (defect < 0.025)
        extra.push("    severity: high"); // schema/invalid (unknown field)
      else if (treatmentWord === "accept" && likelihood * (impact ?? 0) > 6) acceptance = `{ by: ${who}, date: ${recent()}, expires: 2027-06-30 }`;
      if (i === start + 1 && f === 0) controls.push("A.7.6"); // soa/excluded-but-used
      const controlText = controls.join(", ") + (i === start + 2 && f === 0 ? ", 5.10" : ""); // yaml/numeric-control-id
      const id = i === start + 3 && f === 0 ? riskId(start) : riskId(i); // ref/duplicate-id
      out.push(`  - id: ${id}`);
      out.push(`    title: ${pick(THREATS)} affects asset ${assets[0]}`);
      if (i % 10 === 0) out.push("    # Reviewed with the asset owner at the quarterly risk workshop.");
      out.push(`    category: ${pick(CATEGORIES)}`, `    assets: [${assets.join(", ")}]`);
      out.push(i % 97 === 5 ? "    threat: <describe the threat>" : `    threat: ${pick(THREATS)}`); // isms/placeholder-text
      out.push(`    vulnerability: ${pick(VULNERABILITIES)}`);
      if (ownerLine) out.push(ownerLine);
      if (likelihood !== undefined) out.push(`    likelihood: ${likelihood}`);
      if (impact !== undefined) out.push(`    impact: ${impact}`);
      if (treatmentWord) out.push(`    treatment: ${treatmentWord}`);
      out.push(`    controls: [${controlText}]`);
      const action = actionOfRisk.get(i);
      if (action !== undefined) out.push(`    actions: [${actionId(action)}]`);
      if (impact !== undefined && treatmentWord !== "accept") out.push(`    residual: ${residual}`);
      if (acceptance) out.push(`    acceptance: ${acceptance}`);
      out.push(...extra, ...before, `    reviewed: ${reviewed}`);
      out.push("");
    }
    files.set(`risks/register-${PAD(f + 1, 3)}.yaml`, out.join("\n"));
  });

  // ---------------------------------------------------------------- nonconformities, audits (findings)
  // Findings of audits raise nonconformities: NC i comes from finding i of the audits while there are findings.
  const findingsPerAudit = 3;
  const ncOfFinding = new Map<string, number>();
  const findingOfNc = new Map<number, string>();
  for (let a = 0, n = 0; a < counts.audits; a++) {
    for (let k = 0; k < findingsPerAudit; k++) {
      const fid = `F-${PAD(a + 1, 4)}-${k + 1}`;
      if (k < 2 && n < counts.nonconformities && !(a === 0 && k === 1)) {
        // finding F-0001-2: audit/finding-without-nonconformity
        ncOfFinding.set(fid, n);
        findingOfNc.set(n, fid);
        n++;
      }
    }
  }
  const reviewOfAudit = (a: number) => reviewId(Math.min(counts.reviews - 1, Math.floor((a * counts.reviews) / counts.audits)));
  for (let start = 0, f = 1; start < counts.audits; start += AUDITS_PER_FILE, f++) {
    const out = ["apiVersion: isms/v1", "kind: InternalAudit", `# Internal audit programme, part ${f}.`, "programme: Every clause and theme is audited within each 12-month cycle.", "audits:"];
    for (let a = start; a < Math.min(counts.audits, start + AUDITS_PER_FILE); a++) {
      const themes = a % 2 === 0 ? ["A.5", "A.6"] : ["A.7", "A.8"];
      const scope = a % 3 === 0 ? Array.from(new Set(Array.from({ length: 6 }, () => pick(RISK_CONTROLS)))) : themes;
      // audit/auditor-not-independent: every 20th audit is audited by someone who owns risks.
      const auditor = a % 20 === 7 ? riskOwner[int(0, counts.risks - 1)] : pick(independent);
      out.push(
        `  - id: ${auditId(a)}`,
        `    title: Audit ${a + 1} of ${scope.join(", ")}`,
        `    planned: ${date(2026, 1 + (a % 9), 10)}`,
        `    performed: ${date(2026, 1 + (a % 9), 12)}`,
        `    auditor: ${auditor}`,
      );
      out.push("    scope:", `      clauses: [${(a % 2 === 0 ? ["4", "5", "6", "9", "10"] : ["7", "8", "9", "10"]).map((c) => `"${c}"`).join(", ")}]`, `      controls: [${scope.join(", ")}]`);
      out.push("    status: completed");
      if (a !== start + 1) out.push(`    reported: { to: ${reviewOfAudit(a)}, date: ${date(2026, 1 + (a % 9), 20)} }`); // audit/not-reported
      out.push("    findings:");
      for (let k = 0; k < findingsPerAudit; k++) {
        const fid = `F-${PAD(a + 1, 4)}-${k + 1}`;
        const nc = ncOfFinding.get(fid);
        out.push(
          `      - id: ${fid}`,
          `        type: ${k < 2 ? "minor" : "observation"}`,
          `        control: ${pick(scope.length > 2 ? scope : RISK_CONTROLS.filter((c) => c.startsWith(`${themes[0]}.`)))}`,
          `        description: Finding ${k + 1} of audit ${a + 1}.`,
        );
        if (nc !== undefined) out.push(`        nonconformity: ${ncId(nc)}`);
      }
      out.push("");
    }
    files.set(`audits/programme-${PAD(f, 3)}.yaml`, out.join("\n"));
  }

  // Actions: corrective ones first (one per nonconformity), then improvement (one per review), then treatment.
  const correctiveOfNc = (n: number) => (n < corrective ? actionId(n) : undefined);
  for (let start = 0, f = 1; start < counts.nonconformities; start += NCS_PER_FILE, f++) {
    const out = ["apiVersion: isms/v1", "kind: NonconformityLog", `# Nonconformities and corrective action (10.2), part ${f}.`, "nonconformities:"];
    for (let n = start; n < Math.min(counts.nonconformities, start + NCS_PER_FILE); n++) {
      const closed = n % 2 === 0;
      const action = correctiveOfNc(n);
      out.push(
        `  - id: ${ncId(n)}`,
        `    raised: ${recent()}`,
        `    source: ${findingOfNc.get(n) ?? "incident"}`,
        `    description: Nonconformity ${n + 1}, a control that did not operate as documented.`,
        "    correction: Corrected on the day it was found.",
      );
      if (n % 50 !== 3) out.push("    root_cause: The procedure depended on a manual step with no reminder."); // nc/no-root-cause (open), nc/closed-incomplete (closed)
      if (n % 50 !== 4) out.push("    similar_elsewhere: Checked the other manual steps; none found.");
      if (action && n % 50 !== 5) out.push(`    actions: [${action}]`); // nc/no-corrective-action when open and the action does not name it either
      out.push(`    status: ${closed ? "closed" : "open"}`);
      if (closed) out.push(`    closed: ${date(2026, 11, int(1, 28))}`);
      out.push("");
    }
    files.set(`nonconformities/log-${PAD(f, 3)}.yaml`, out.join("\n"));
  }

  for (let start = 0, f = 1; start < counts.actions; start += ACTIONS_PER_FILE, f++) {
    const out = ["apiVersion: isms/v1", "kind: ActionPlan", `# Risk treatment plan, corrective and improvement actions, part ${f}.`, "actions:"];
    for (let a = start; a < Math.min(counts.actions, start + ACTIONS_PER_FILE); a++) {
      let type: string;
      let source: string | undefined;
      let status: string;
      const lines: string[] = [];
      if (a < corrective) {
        type = "corrective";
        source = a % 50 === 5 ? undefined : ncId(a); // the nonconformity lists no action: nc/no-corrective-action
        status = a % 2 === 0 ? "done" : pick(["open", "in-progress"]);
        if (status === "done") {
          lines.push(`    completed: ${date(2026, 9, int(1, 28))}`);
          if (a % 50 !== 8) lines.push(`    verification: { by: ${pick(independent)}, date: ${date(2026, 10, int(1, 28))}, effective: true }`); // action/unverified, nc/closed-incomplete
        }
      } else if (a < corrective + improvement) {
        type = "improvement";
        source = reviewId(a - corrective);
        status = pick(["open", "in-progress", "done"]);
        if (status === "done") lines.push(`    completed: ${date(2026, 8, int(1, 28))}`);
      } else {
        type = "treatment";
        source = riskId(Math.floor(((a - corrective - improvement) * counts.risks) / Math.max(1, treatment)));
        status = pick(["open", "in-progress", "in-progress", "done"]);
        if (status === "done") lines.push(`    completed: ${date(2026, 7, int(1, 28))}`);
      }
      const who = type === "treatment" && source ? (riskOwner[Number(source.slice(2)) - 1] ?? owner()) : owner();
      const defect = rnd();
      let due: string | undefined = status === "done" ? date(2026, 9, 30) : date(2027, int(1, 6), int(1, 28));
      let ownerLine: string | undefined = `    owner: ${who}`;
      if (status !== "done" && defect < 0.01)
        due = undefined; // action/no-due-date
      else if (defect < 0.02)
        ownerLine = undefined; // action/no-owner
      else if (status !== "done" && defect < 0.04) due = date(2026, int(1, 10), int(1, 28)); // action/overdue
      out.push(`  - id: ${actionId(a)}`, `    title: ${type === "treatment" ? "Treat" : type === "corrective" ? "Remove the cause of" : "Improve"} ${source ?? "the process"}`, `    type: ${type}`);
      if (source) out.push(`    source: ${source}`);
      if (ownerLine) out.push(ownerLine);
      if (due) out.push(`    due: ${due}`);
      out.push(`    status: ${status}`, ...lines);
    }
    files.set(`actions/plan-${PAD(f, 3)}.yaml`, out.join("\n") + "\n");
  }

  // ---------------------------------------------------------------- management reviews (one YAML document each)
  for (let start = 0, f = 1; start < counts.reviews; start += REVIEWS_PER_FILE, f++) {
    const docs: string[] = [];
    for (let r = start; r < Math.min(counts.reviews, start + REVIEWS_PER_FILE); r++) {
      const out = [
        "apiVersion: isms/v1",
        "kind: ManagementReview",
        "reviews:",
        `  - id: ${reviewId(r)}`,
        `    date: ${date(2026, 1 + (r % 10), 18)}`,
        "    chair: ceo",
        `    attendees: [ceo, ${owners[r % owners.length]}, ${owners[(r + 1) % owners.length]}]`,
        "    inputs:",
      ];
      out.push(
        "      previous_actions: All actions of the previous review are done or on schedule.",
        "      context_changes: No change to the scope or context.",
        "      interested_party_needs: Customers ask for SSO enforcement.",
      );
      out.push(
        "      performance:",
        "        nonconformities: Two minor nonconformities, both with corrective action.",
        "        monitoring: Availability 99.95%.",
        "        audit_results: Two internal audits completed.",
        "        objectives: Four of five objectives achieved.",
      );
      if (r % 25 !== 2) out.push("      interested_party_feedback: Questionnaires answered within target."); // review/missing-input
      out.push("      risk_assessment: Risk register reviewed; every risk above the threshold is treated.", "      improvement_opportunities: Automate evidence collection.");
      if (r % 25 !== 3) out.push("    decisions:", '      - "Scope and acceptance threshold confirmed."'); // review/no-decisions
      const improvementAction = r < improvement ? actionId(corrective + r) : undefined;
      if (improvementAction) out.push(`    actions: [${improvementAction}]`);
      docs.push(out.join("\n") + "\n");
    }
    files.set(`reviews/reviews-${PAD(f, 3)}.yaml`, docs.join("---\n"));
  }

  // ---------------------------------------------------------------- SoA: every Annex A control
  const soa = [
    "apiVersion: isms/v1",
    "kind: StatementOfApplicability",
    "# All 93 controls of ISO/IEC 27001:2022 Annex A in catalog order.",
    'version: "1.0"',
    "approved: { by: ceo, date: 2026-07-02 }",
    "controls:",
  ];
  for (const control of CONTROLS) {
    soa.push(`  - control: ${control}`);
    if (control === "A.7.6") soa.push("    applicable: false", "    justification: No secure areas in the offices; production runs with a cloud provider.");
    else if (control === "A.7.12") soa.push("    applicable: false");
    else {
      soa.push(
        "    applicable: true",
        "    justification: Called for by the risks and requirements listed under sources.",
        `    status: ${pick(["implemented", "implemented", "partially-implemented"])}`,
      );
      soa.push(control === UNTRACED ? "    sources: []" : `    sources: [${riskId(int(0, counts.risks - 1))}, REQ-ISO27001]`);
    }
    soa.push(`    owner: ${owner()}`);
  }
  files.set("soa.yaml", soa.join("\n") + "\n");

  // ---------------------------------------------------------------- objectives and policies
  const objectives = ["apiVersion: isms/v1", "kind: Objectives", "objectives:"];
  for (let o = 0; o < 10; o++) {
    objectives.push(`  - id: OBJ-${o + 1}`, `    title: Objective ${o + 1}`, "    target: At least 95% every month.", "    measure: Monthly report.", `    owner: ${owner()}`);
    objectives.push(o === 3 ? "    due: 2026-06-30" : "    due: 2027-06-30", "    status: on-track"); // objective/overdue
  }
  files.set("objectives.yaml", objectives.join("\n") + "\n");
  const policies = ["apiVersion: isms/v1", "kind: PolicyRegister", "policies:"];
  for (let p = 0; p < 10; p++) {
    policies.push(`  - id: POL-${p + 1}`, `    title: Policy ${p + 1}`, `    owner: ${owner()}`, `    approved: { by: ceo, date: ${p === 4 ? "2025-01-15" : "2026-04-14"} }`, "    review_months: 12"); // policy/review-overdue
  }
  files.set("policies.yaml", policies.join("\n") + "\n");
  return files;
}

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// Named export: `require("ajv").Ajv` under tsx's CommonJS transform and a real named export when
// Node loads ajv from ESM, so this works whichever module mode the test runs in.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

type Json = Record<string, unknown>;

const SCHEMA_DIR =
  typeof __dirname !== "undefined" ? path.resolve(__dirname, "../../schemas") : path.resolve("schemas");
const BASE = "https://isms-workbench.dev/schemas/";

function loadSchemas(): Map<string, Json> {
  const out = new Map<string, Json>();
  // isms-document.schema.json only dispatches to these by kind: test/schemas/dispatcher.test.ts.
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json") && f !== "isms-document.schema.json").sort()) {
    out.set(file, JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as Json);
  }
  return out;
}

function newAjv(schemas: Map<string, Json>): Ajv {
  const ajv = new Ajv({
    strict: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: true,
    strictTuples: true,
    strictRequired: true,
    allErrors: true,
  });
  ajv.addKeyword("markdownEnumDescriptions");
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Visits every subschema with a JSON-pointer-like location. */
function walk(schema: unknown, at: string, visit: (s: Json, at: string, role: string) => void, role = "root"): void {
  if (!isObject(schema)) return;
  visit(schema, at, role);
  for (const key of ["properties", "patternProperties", "definitions"]) {
    const map = schema[key];
    if (isObject(map)) for (const [name, sub] of Object.entries(map)) walk(sub, `${at}/${key}/${name}`, visit, key);
  }
  for (const key of ["items", "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains"]) {
    if (isObject(schema[key])) walk(schema[key], `${at}/${key}`, visit, key);
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => walk(sub, `${at}/${key}/${i}`, visit, key));
  }
}

/** Deep copy of `doc` with `key: value` set on the object found at `where` ("risks/0/residual"). */
function mutate(doc: Json, where: string, key: string, value: unknown): Json {
  const copy = structuredClone(doc);
  let target: unknown = copy;
  for (const step of where.split("/").filter(Boolean)) {
    target = Array.isArray(target) ? target[Number(step)] : (target as Json)[step];
  }
  assert.ok(isObject(target), `mutation target ${where} is not an object`);
  target[key] = value;
  return copy;
}

function errorsText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("\n");
}

interface Case {
  file: string;
  kind: string;
  valid: Json;
  /** [object path, misspelt key] */
  typo: [string, string];
  /** [object path, key, wrong value] for an enum field; null when the kind has no enum. */
  badEnum: [string, string, string] | null;
}

const head = (kind: string): Json => ({ apiVersion: "isms/v1", kind });

const CASES: Case[] = [
  {
    file: "isms.schema.json",
    kind: "ISMS",
    valid: {
      ...head("ISMS"),
      organization: "Example Ltd",
      standard: "ISO/IEC 27001:2022",
      scope: {
        statement: "Development and operation of the Example SaaS platform.",
        boundaries: ["Berlin office", "Production AWS account"],
        interfaces: ["AWS (hosting)"],
        exclusions: [{ item: "Retail shops", justification: "No customer data processed there." }],
      },
      context: {
        internal_issues: ["Small security team"],
        external_issues: ["Ransomware targeting SaaS vendors"],
        climate_change: { relevant: false, rationale: "Hosting is multi-region." },
        interested_parties: [
          { id: "IP-CUSTOMERS", name: "Customers", requirements: ["Security clauses in MSA"], relevant_to_isms: true },
        ],
      },
      requirements: [
        { id: "REQ-GDPR", title: "GDPR", type: "legal", description: "Art. 32 security of processing", reference: "EU 2016/679" },
      ],
      people: [
        { id: "ciso", name: "Jane Doe", role: "CISO", email: "jane@example.com" },
        { id: "ext-auditor", name: "Max Mustermann", role: "Internal auditor", external: true, organization: "Audit GmbH" },
      ],
      cadence: { management_review: 12, internal_audit: 12, risk_review: 6 },
      rules: { "soa/untraced-control": "warning", "action/overdue": "off" },
      "x-owner-team": "security",
    },
    typo: ["cadence", "managment_review"],
    badEnum: ["requirements/0", "type", "statutory"],
  },
  {
    file: "risk-methodology.schema.json",
    kind: "RiskMethodology",
    valid: {
      ...head("RiskMethodology"),
      approved: { by: "ceo", date: "2026-01-10" },
      likelihood: [
        { level: 1, label: "Rare", criteria: "Less than once in 10 years" },
        { level: 2, label: "Likely", criteria: "About once a year" },
      ],
      impact: [
        { level: 1, label: "Negligible", criteria: "No customer impact" },
        { level: 2, label: "Severe", criteria: "Loss of customer data" },
      ],
      scoring: "matrix",
      matrix: [
        [1, 2],
        [2, 4],
      ],
      levels: [
        { name: "Low", max: 1, color: "#4caf50" },
        { name: "Medium", max: 2 },
        { name: "High", max: 4, color: "#d32f2f" },
      ],
      acceptance: { max_score: 2, rationale: "Board appetite statement 2026." },
    },
    typo: ["likelihood/0", "lable"],
    badEnum: ["", "scoring", "add"],
  },
  {
    file: "asset-inventory.schema.json",
    kind: "AssetInventory",
    valid: {
      ...head("AssetInventory"),
      assets: [
        {
          id: "AS-CRM",
          name: "CRM database",
          type: "information",
          owner: "ciso",
          classification: "Confidential",
          description: "Customer contacts and contracts",
          location: "AWS eu-central-1",
        },
      ],
    },
    typo: ["assets/0", "clasification"],
    badEnum: ["assets/0", "type", "data"],
  },
  {
    file: "risk-register.schema.json",
    kind: "RiskRegister",
    valid: {
      ...head("RiskRegister"),
      risks: [
        {
          id: "R-001",
          title: "Unauthorized access to CRM",
          description: "Stolen credentials used to export customer data.",
          assets: ["AS-CRM"],
          threat: "Phishing",
          vulnerability: "No MFA",
          owner: "ciso",
          category: "Access",
          likelihood: 4,
          impact: 5,
          treatment: "mitigate",
          controls: ["A.5.15", "A.8.5", "5.17"],
          actions: ["ACT-007"],
          residual: { likelihood: 2, impact: 5 },
          acceptance: { by: "ceo", date: "2026-01-20", expires: "2027-01-20" },
          reviewed: "2026-01-20",
          "x-ticket": "SEC-12",
        },
        { id: "R-002", treatment: "retain" },
      ],
    },
    typo: ["risks/0", "likelyhood"],
    badEnum: ["risks/0", "treatment", "mitigation"],
  },
  {
    file: "statement-of-applicability.schema.json",
    kind: "StatementOfApplicability",
    valid: {
      ...head("StatementOfApplicability"),
      approved: { by: "ceo", date: "2026-02-01" },
      version: "1.3",
      controls: [
        {
          control: "A.5.15",
          applicable: true,
          justification: "Treats R-001; GDPR Art. 32",
          status: "partially-implemented",
          sources: ["R-001", "REQ-GDPR"],
          owner: "ciso",
          evidence: ["docs/access-policy.md", "https://wiki.example.com/access"],
          implementation: "Role-based access in Okta",
          notes: "MFA rollout pending",
        },
        { control: "A.7.1", applicable: false, justification: "No offices" },
      ],
    },
    typo: ["controls/0", "justfication"],
    badEnum: ["controls/0", "status", "done"],
  },
  {
    file: "action-plan.schema.json",
    kind: "ActionPlan",
    valid: {
      ...head("ActionPlan"),
      actions: [
        {
          id: "ACT-007",
          title: "Enforce MFA on VPN",
          description: "Roll out hardware keys",
          type: "treatment",
          owner: "ciso",
          due: "2026-03-31",
          status: "done",
          completed: "2026-03-20",
          verification: { by: "ceo", date: "2026-04-15", effective: false, notes: "Two accounts exempted" },
          follow_up: "ACT-008",
          source: "R-001",
        },
        { id: "ACT-008", type: "corrective", status: "in-progress" },
      ],
    },
    typo: ["actions/0/verification", "efective"],
    badEnum: ["actions/0", "status", "closed"],
  },
  {
    file: "internal-audit.schema.json",
    kind: "InternalAudit",
    valid: {
      ...head("InternalAudit"),
      programme: "Annual audit covering all clauses and Annex A themes over three years.",
      audits: [
        {
          id: "AUD-2026-1",
          title: "2026 ISMS audit",
          planned: "2026-05-10",
          performed: "2026-05-12",
          auditor: "ext-auditor",
          scope: { clauses: ["4.1", "9.2", "6.1.3", "10"], controls: ["A.5.15", "A.8", "5.17"] },
          criteria: "ISO/IEC 27001:2022",
          status: "completed",
          reported: { to: "MR-2026-1", date: "2026-06-01" },
          findings: [
            {
              id: "F-2026-1-1",
              type: "minor",
              clause: "9.3",
              control: "A.5.15",
              description: "Access reviews not documented",
              nonconformity: "NC-004",
            },
            { id: "F-2026-1-2", type: "opportunity" },
          ],
        },
      ],
    },
    typo: ["audits/0/findings/0", "nonconformty"],
    badEnum: ["audits/0/findings/0", "type", "critical"],
  },
  {
    file: "management-review.schema.json",
    kind: "ManagementReview",
    valid: {
      ...head("ManagementReview"),
      reviews: [
        {
          id: "MR-2026-1",
          date: "2026-06-01",
          chair: "ceo",
          attendees: ["ceo", "ciso"],
          inputs: {
            previous_actions: "All 2025 actions closed",
            context_changes: "New NIS2 obligations",
            interested_party_needs: "Customers ask for SOC 2",
            performance: {
              nonconformities: "3 minor, down from 5",
              monitoring: "Patch SLA met 97 %",
              audit_results: "No major findings",
              objectives: "2 of 3 on track",
            },
            interested_party_feedback: "One complaint about response time",
            risk_assessment: "2 high risks remain; treatment plan 80 % done",
            improvement_opportunities: "Automate access reviews",
          },
          decisions: ["Extend scope to the Paris office"],
          actions: ["ACT-020"],
          minutes: "reviews/2026-06-01-minutes.pdf",
        },
      ],
    },
    typo: ["reviews/0/inputs/performance", "audit_result"],
    badEnum: null,
  },
  {
    file: "nonconformity-log.schema.json",
    kind: "NonconformityLog",
    valid: {
      ...head("NonconformityLog"),
      nonconformities: [
        {
          id: "NC-004",
          raised: "2026-05-12",
          source: "F-2026-1-1",
          description: "Access reviews not documented",
          clause: "9.3",
          control: "A.5.18",
          correction: "Reviews performed and recorded",
          root_cause: "No owner for the review process",
          similar_elsewhere: "Checked other quarterly controls: none",
          actions: ["ACT-031"],
          status: "closed",
          closed: "2026-07-01",
        },
        { id: "NC-005", source: "incident", status: "open" },
      ],
    },
    typo: ["nonconformities/0", "rootcause"],
    badEnum: ["nonconformities/0", "status", "resolved"],
  },
  {
    file: "objectives.schema.json",
    kind: "Objectives",
    valid: {
      ...head("Objectives"),
      objectives: [
        {
          id: "OBJ-1",
          title: "Reduce phishing click rate",
          target: "Below 3 %",
          measure: "Quarterly simulation click rate",
          owner: "ciso",
          due: "2026-12-31",
          status: "on-track",
          evaluation: "CISO reports quarterly to management review",
        },
      ],
    },
    typo: ["objectives/0", "meassure"],
    badEnum: ["objectives/0", "status", "ontrack"],
  },
  {
    file: "policy-register.schema.json",
    kind: "PolicyRegister",
    valid: {
      ...head("PolicyRegister"),
      policies: [
        {
          id: "POL-AC",
          title: "Access control policy",
          path: "policies/access.md",
          owner: "ciso",
          version: "2.1",
          approved: { by: "ceo", date: "2026-01-15" },
          review_months: 12,
          communicated_to: "All staff via intranet",
        },
      ],
    },
    typo: ["policies/0", "review_month"],
    badEnum: null,
  },
  {
    file: "control-catalog.schema.json",
    kind: "ControlCatalog",
    valid: {
      ...head("ControlCatalog"),
      id: "ISO27017",
      title: "ISO/IEC 27017:2015 cloud services",
      controls: [{ id: "CLD.6.3.1", title: "Shared roles and responsibilities within a cloud computing environment", maps_to: ["A.5.23"] }],
    },
    typo: ["controls/0", "map_to"],
    badEnum: null,
  },
];

describe("JSON Schemas (schemas/*.schema.json)", () => {
  const schemas = loadSchemas();
  let ajv: Ajv;
  const validators = new Map<string, ValidateFunction>();

  function validator(file: string): ValidateFunction {
    const v = validators.get(file);
    assert.ok(v, `no validator for ${file}`);
    return v;
  }

  before(() => {
    ajv = newAjv(schemas);
    for (const file of schemas.keys()) {
      const v = ajv.getSchema(BASE + file);
      assert.ok(v, `ajv did not register ${file}`);
      validators.set(file, v);
    }
  });

  it("has common.schema.json plus one schema per kind, each with a test case", () => {
    const kinds = CASES.map((c) => c.file).sort();
    assert.deepEqual([...schemas.keys()].sort(), ["common.schema.json", ...kinds].sort());
  });

  it("compiles every schema in ajv strict mode", () => {
    for (const file of schemas.keys()) {
      assert.equal(typeof validator(file), "function", file);
    }
    // The definitions in common.schema.json must compile on their own too.
    const common = schemas.get("common.schema.json") as Json;
    for (const name of Object.keys(common.definitions as Json)) {
      assert.ok(ajv.getSchema(`${BASE}common.schema.json#/definitions/${name}`), `common definition ${name}`);
    }
  });

  it("names each schema's $id after its file and declares draft-07, a title and a description", () => {
    for (const [file, schema] of schemas) {
      assert.equal(schema.$id, BASE + file, file);
      assert.equal(schema.$schema, "http://json-schema.org/draft-07/schema#", file);
      assert.ok(typeof schema.title === "string" && schema.title.trim() !== "", `${file}: title`);
      assert.ok(typeof schema.description === "string" && schema.description.trim() !== "", `${file}: description`);
    }
  });

  it("gives every property, item and definition at every depth a non-empty description", () => {
    const missing: string[] = [];
    for (const [file, schema] of schemas) {
      walk(schema, file + "#", (s, at) => {
        if (typeof s.description !== "string" || s.description.trim() === "") missing.push(at);
      });
    }
    assert.deepEqual(missing, []);
  });

  it("pairs every enum with a markdownEnumDescriptions array of the same length", () => {
    const problems: string[] = [];
    for (const [file, schema] of schemas) {
      walk(schema, file + "#", (s, at) => {
        if (!("enum" in s) && !("markdownEnumDescriptions" in s)) return;
        const values = s.enum;
        const docs = s.markdownEnumDescriptions;
        if (!Array.isArray(values) || !Array.isArray(docs) || values.length !== docs.length) {
          problems.push(`${at}: enum/markdownEnumDescriptions mismatch`);
        } else if (docs.some((d) => typeof d !== "string" || d.trim() === "")) {
          problems.push(`${at}: empty enum description`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it("closes every object with properties (additionalProperties: false) but allows x- extension keys", () => {
    const problems: string[] = [];
    for (const [file, schema] of schemas) {
      walk(schema, file + "#", (s, at) => {
        if (!isObject(s.properties)) return;
        if (s.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
        if (!isObject(s.patternProperties) || !("^x-" in s.patternProperties)) problems.push(`${at}: no ^x- patternProperties`);
        for (const key of (s.required as string[] | undefined) ?? []) {
          if (!(key in s.properties)) problems.push(`${at}: required ${key} is not a property`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it("puts no minItems on arrays (missing records are reported by rules, not the schema)", () => {
    const found: string[] = [];
    for (const [file, schema] of schemas) {
      walk(schema, file + "#", (s, at) => {
        if ("minItems" in s) found.push(at);
      });
    }
    assert.deepEqual(found, []);
  });

  for (const c of CASES) {
    describe(c.kind, () => {
      it("declares apiVersion and kind as its only required top-level fields", () => {
        const schema = schemas.get(c.file) as Json;
        assert.deepEqual(schema.required, ["apiVersion", "kind"]);
        const kind = (schema.properties as Json).kind as Json;
        assert.equal(kind.const, c.kind);
      });

      it("accepts a valid document", () => {
        const v = validator(c.file);
        assert.ok(v(c.valid), errorsText(v.errors));
      });

      it("accepts a minimal document (apiVersion and kind only)", () => {
        const v = validator(c.file);
        assert.ok(v(head(c.kind)), errorsText(v.errors));
      });

      it("rejects a misspelt key", () => {
        const v = validator(c.file);
        const [where, key] = c.typo;
        assert.equal(v(mutate(c.valid, where, key, "x")), false, `${where}.${key} was accepted`);
        assert.ok(
          (v.errors ?? []).some((e) => e.keyword === "additionalProperties" && e.params.additionalProperty === key),
          errorsText(v.errors),
        );
      });

      it("accepts x- extension keys", () => {
        const v = validator(c.file);
        const [where] = c.typo;
        assert.ok(v(mutate(c.valid, where, "x-custom", { any: ["thing"] })), errorsText(v.errors));
      });

      if (c.badEnum) {
        const [where, key, value] = c.badEnum;
        it(`rejects an unknown ${key} value`, () => {
          const v = validator(c.file);
          assert.equal(v(mutate(c.valid, where, key, value)), false, `${key}: ${value} was accepted`);
          assert.ok((v.errors ?? []).some((e) => e.keyword === "enum"), errorsText(v.errors));
        });
      }

      it("rejects a document of another kind or apiVersion", () => {
        const v = validator(c.file);
        assert.equal(v({ ...c.valid, kind: c.kind === "ISMS" ? "RiskRegister" : "ISMS" }), false);
        assert.equal(v({ ...c.valid, apiVersion: "isms/v2" }), false);
        assert.equal(v({ kind: c.kind }), false, "apiVersion is required");
      });
    });
  }

  describe("common definitions", () => {
    const check = (def: string, value: unknown): boolean => {
      const v = ajv.getSchema(`${BASE}common.schema.json#/definitions/${def}`);
      assert.ok(v, def);
      return v(value) as boolean;
    };

    it("controlRef accepts A.5.15 and quoted 5.15, rejects other forms", () => {
      for (const ok of ["A.5.15", "A.8.34", "5.15", "A.6.1"]) assert.ok(check("controlRef", ok), ok);
      for (const bad of ["A.9.1", "A.5", "a.5.15", "A.5.15.1", "A5.15", 5.1]) assert.equal(check("controlRef", bad), false, String(bad));
    });

    it("controlScopeRef also accepts a whole theme", () => {
      for (const ok of ["A.5", "A.8", "A.5.15", "7.4"]) assert.ok(check("controlScopeRef", ok), ok);
      for (const bad of ["A.9", "A.", "Annex A"]) assert.equal(check("controlScopeRef", bad), false, bad);
    });

    it("clauseRef accepts quoted clause numbers 4-10", () => {
      for (const ok of ["4", "9.2", "6.1.3", "10.2", "9.3.2"]) assert.ok(check("clauseRef", ok), ok);
      for (const bad of ["3", "11", "A.5.1", "9.", "6.1.3.4", 9.2]) assert.equal(check("clauseRef", bad), false, String(bad));
    });

    it("date takes YYYY-MM-DD strings", () => {
      assert.ok(check("date", "2026-03-31"));
      for (const bad of ["2026-3-31", "31.03.2026", "2026-03-31T00:00:00Z", 20260331]) assert.equal(check("date", bad), false, String(bad));
    });

    it("id rejects spaces and leading punctuation", () => {
      for (const ok of ["R-001", "ciso", "IP-CUSTOMERS", "F-2026-1-1", "a.b_c:d"]) assert.ok(check("id", ok), ok);
      for (const bad of ["R 001", "-R1", "", "R/1"]) assert.equal(check("id", bad), false, bad);
    });
  });

  describe("field-specific constraints", () => {
    it("rejects an audit finding control written as a theme (only scope takes themes)", () => {
      const c = CASES.find((x) => x.kind === "InternalAudit") as Case;
      const v = validator(c.file);
      assert.equal(v(mutate(c.valid, "audits/0/findings/0", "control", "A.5")), false);
    });

    it("rejects a rules key that is not a rule id and an unknown severity", () => {
      const c = CASES.find((x) => x.kind === "ISMS") as Case;
      const v = validator(c.file);
      assert.equal(v(mutate(c.valid, "rules", "Soa/Untraced", "warning")), false);
      assert.equal(v(mutate(c.valid, "rules", "soa/untraced-control", "fatal")), false);
    });

    it("rejects non-integer or zero ratings and cadences", () => {
      const risk = CASES.find((x) => x.kind === "RiskRegister") as Case;
      assert.equal(validator(risk.file)(mutate(risk.valid, "risks/0", "likelihood", 2.5)), false);
      assert.equal(validator(risk.file)(mutate(risk.valid, "risks/0/residual", "impact", 0)), false);
      const isms = CASES.find((x) => x.kind === "ISMS") as Case;
      assert.equal(validator(isms.file)(mutate(isms.valid, "cadence", "internal_audit", 0)), false);
    });

    it("requires the fields that define a record", () => {
      const pairs: [string, string, Json][] = [
        ["StatementOfApplicability", "controls", { applicable: true }],
        ["RiskRegister", "risks", { title: "no id" }],
        ["InternalAudit", "audits", { title: "no id" }],
        ["ManagementReview", "reviews", { id: "MR-X" }],
        ["RiskMethodology", "levels", { name: "Low" }],
        ["RiskMethodology", "likelihood", { label: "Rare" }],
      ];
      for (const [kind, list, record] of pairs) {
        const c = CASES.find((x) => x.kind === kind) as Case;
        const v = validator(c.file);
        assert.equal(v({ ...head(kind), [list]: [record] }), false, `${kind}.${list}`);
        assert.ok((v.errors ?? []).some((e) => e.keyword === "required"), errorsText(v.errors));
      }
      const audit = CASES.find((x) => x.kind === "InternalAudit") as Case;
      assert.equal(validator(audit.file)({ ...head("InternalAudit"), audits: [{ id: "A1", findings: [{ id: "F1" }] }] }), false);
    });
  });
});

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { IsmsModel } from "../../model/isms-model";
import { count } from "./action-facts";
import { inPeriod, recordAt, sinceWords } from "./period";
import type { PackPeriod, PackRow, PackSection, PackTable, RecordAt } from "./types";

/** What the files cannot say about changes, and where to look instead. */
function historyNote(period: PackPeriod, what: string): string {
  const when = period.since ?? "the previous review";
  return `isms.yaml carries no dates for its ${what}, so what was added, removed or changed ${sinceWords(period)} cannot be known from the files as they are now: compare isms.yaml with its version of ${when} (for example git log -p --since=${when} -- isms.yaml). Listed here: what the ISMS records today.`;
}

/**
 * 9.3.2 b: changes in external and internal issues (4.1): the issues and the climate change
 * determination as recorded now, and the documents approved in the period (SoA, policies), the
 * only dated changes of the context the files carry.
 */
export function contextSection(model: IsmsModel, period: PackPeriod): PackSection {
  const isms = model.isms;
  const rows: PackRow[] = [];
  const context = isms ? mapAt(isms.node, "context") : undefined;
  const lines = isms ? model.files.find((f) => f.file === isms.file)?.lines : undefined;
  const at = (node: Node | undefined): RecordAt | undefined => {
    if (!isms || !lines || !node?.range) return undefined;
    const p = lines.positionAt(node.range[0]);
    return { file: isms.file, line: p.line, character: p.character };
  };
  const issues = { internal: 0, external: 0 };
  for (const [key, label, side] of [
    ["internal_issues", "Internal", "internal"],
    ["external_issues", "External", "external"],
  ] as const) {
    const seq = context?.get(key, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items as Node[]) {
      const text = issueText(item);
      if (text === undefined) continue;
      issues[side]++;
      rows.push({ at: at(item), cells: [{ text: label }, { text }] });
    }
  }
  if (isms?.climateChange) {
    const cc = isms.climateChange;
    rows.push({
      at: recordAt(cc),
      cells: [
        { text: "Climate change (4.1, Amd 1:2024)" },
        { text: `${cc.relevant?.value === true ? "Relevant" : cc.relevant?.value === false ? "Not relevant" : "Relevance not stated"}${cc.rationale ? `: ${cc.rationale.value}` : ""}` },
      ],
    });
  }

  const approved: PackRow[] = [];
  for (const soa of model.statements) {
    if (soa.approved?.date && inPeriod(period, soa.approved.date.value)) {
      approved.push({
        at: recordAt(soa.approved),
        cells: [{ text: "Statement of Applicability" }, { text: `approved on ${soa.approved.date.value}${soa.approved.by ? ` by ${soa.approved.by.id}` : ""}` }],
      });
    }
  }
  for (const policy of model.policies) {
    if (policy.approved?.date && inPeriod(period, policy.approved.date.value)) {
      approved.push({
        at: recordAt(policy),
        cells: [
          { text: `${policy.id?.value ?? "Policy"}${policy.title ? `: ${policy.title.value}` : ""}` },
          { text: `approved on ${policy.approved.date.value}${policy.approved.by ? ` by ${policy.approved.by.id}` : ""}` },
        ],
      });
    }
  }
  const tables: PackTable[] = [
    {
      id: "pack-context",
      caption: "Internal and external issues (4.1) as recorded now",
      columns: ["Issue", "Text"],
      rows,
      empty: isms ? "isms.yaml records no internal or external issues (context.internal_issues, context.external_issues)." : "The ISMS has no isms.yaml definition.",
      notes: [historyNote(period, "internal and external issues")],
    },
    {
      id: "pack-approved",
      caption: "Documents approved in the period (Statement of Applicability, policies)",
      columns: ["Document", "Approval"],
      rows: approved,
      empty: "No Statement of Applicability or policy approval is dated in the period.",
    },
  ];
  return {
    input: "context_changes",
    clause: "9.3.2 b",
    title: "Changes in external and internal issues",
    summary: `${count(issues.internal, "internal issue")} and ${count(issues.external, "external issue")} recorded in isms.yaml (check the changes ${sinceWords(period)} against its history); ${count(approved.length, "document")} approved in the period.`,
    tables,
  };
}

/**
 * 9.3.2 c: changes in needs and expectations of interested parties (4.2): the interested parties
 * and the legal, regulatory and contractual requirements as recorded now.
 */
export function interestedPartiesSection(model: IsmsModel, period: PackPeriod): PackSection {
  const parties: PackRow[] = model.interestedParties.map((p) => ({
    at: recordAt(p),
    cells: [{ text: p.id?.value ?? "(no id)" }, { text: p.name?.value ?? "—" }, { text: p.requirements.length === 0 ? "none recorded" : p.requirements.map((r) => r.value).join(" • ") }],
  }));
  const requirements: PackRow[] = model.requirements.map((r) => ({
    at: recordAt(r),
    cells: [{ text: r.id?.value ?? "(no id)" }, { text: r.title?.value ?? "—" }, { text: r.type?.value ?? "—" }],
  }));
  return {
    input: "interested_party_needs",
    clause: "9.3.2 c",
    title: "Changes in needs and expectations of interested parties",
    summary: `${count(model.interestedParties.length, "interested party", "interested parties")} and ${count(model.requirements.length, "requirement")} (legal, regulatory, contractual) recorded in isms.yaml; check the changes ${sinceWords(period)} against its history.`,
    tables: [
      {
        id: "pack-interested-parties",
        caption: "Interested parties (4.2) and their requirements as recorded now",
        columns: ["Party", "Name", "Requirements"],
        rows: parties,
        empty: "isms.yaml records no interested parties (context.interested_parties).",
        notes: [historyNote(period, "interested parties and requirements")],
      },
      {
        id: "pack-requirements",
        caption: "Legal, regulatory, contractual and business requirements as recorded now",
        columns: ["Requirement", "Title", "Type"],
        rows: requirements,
        empty: "isms.yaml records no requirements.",
      },
    ],
  };
}

/**
 * 9.3.2 e: feedback from interested parties. The format keeps no record of feedback, so the
 * section says so and lists the parties to gather it from.
 */
export function feedbackSection(model: IsmsModel, period: PackPeriod): PackSection {
  return {
    input: "interested_party_feedback",
    clause: "9.3.2 e",
    title: "Feedback from interested parties",
    summary: `No feedback is recorded in the ISMS files: to complete with what was received ${sinceWords(period)} (customer questionnaires and complaints, regulator or insurer contact, staff feedback).`,
    tables: [
      {
        id: "pack-feedback",
        caption: "Interested parties to gather feedback from",
        columns: ["Party", "Name"],
        rows: model.interestedParties.map((p) => ({ at: recordAt(p), cells: [{ text: p.id?.value ?? "(no id)" }, { text: p.name?.value ?? "—" }] })),
        empty: "isms.yaml records no interested parties.",
        notes: [
          "The ISMS format has no record of feedback from interested parties (questionnaires, complaints, regulator contact): gather it from where it is kept and summarize it in the review's interested_party_feedback input.",
        ],
      },
    ],
  };
}

function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  const value = map.get(key, true);
  return isMap(value) ? value : undefined;
}

/** The text of an issue: a string, or the first text field of a mapping (`issue`, `title`, `description`). */
function issueText(node: Node): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? undefined : String(node.value);
  if (isMap(node)) {
    for (const key of ["issue", "title", "description", "text"]) {
      const value = node.get(key, true);
      if (isScalar(value) && value.value !== null) return String(value.value);
    }
  }
  return undefined;
}

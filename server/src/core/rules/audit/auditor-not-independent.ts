import { compareModelOrder, modelIndex } from "../../model/model-index";
import type { RelatedLocation } from "../../findings";
import type { IsmsModel } from "../../model/isms-model";
import type { Action, Risk } from "../../model/types";
import type { Range } from "../../text/range";
import { anyOf, list, nullable, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";

/** `data` of its findings: the audit's id and its missing auditor, or the auditor and the risks, controls and actions they own. */
const data = anyOf(
  shape({ id: optional(text), missing: list(text) }),
  shape({
    id: optional(text),
    auditor: text,
    risks: list(optional(nullable(text))),
    controls: list(text),
    actions: list(optional(nullable(text))),
    processes: optional(list(text)),
  }),
);
export type AuditorNotIndependentData = DataOf<typeof data>;

/** `audit/auditor-not-independent`: an auditor who audits their own work, or a completed audit with no auditor. */
export const rule: Rule<AuditorNotIndependentData> = {
  id: "audit/auditor-not-independent",
  severity: "error",
  clause: "9.2.2 b",
  reads: ["files", "definitions", "risks", "soaEntries", "actions", "audits", "objectives", "policies"],
  description: "An internal audit's auditor holds a 5.3 responsibility for the ISMS or owns a process, risk, control or action within the audit's scope, or a completed audit names no auditor.",
  docs: `For every internal audit that is not cancelled, checks that the \`auditor\` does not audit
their own work. When the audit's \`scope.clauses\` cover clauses 4 to 10, the auditor must not:

- hold a 5.3 responsibility of \`isms.yaml\` \`responsibilities\` (\`conformance\`, \`reporting\`): the
  ISMS manager runs the processes of clauses 4 to 10, so auditing any of them is auditing their
  own work;
- own a policy when the scope covers 5.2, or an objective when it covers 6.2.

Within the audit's \`scope.controls\`, the auditor must not be the \`owner\` of:

- a risk whose \`controls\` include a control within the scope (a control or a whole theme such as
  \`A.8\`);
- a Statement of Applicability entry for a control within that scope;
- an action of such a risk (listed in the risk's \`actions\`, or naming the risk as its \`source\`).

It also reports a completed audit that names no \`auditor\`: then nobody can show the audit was
objective.

9.2.2 b reads: the organization shall "select auditors and conduct audits that ensure objectivity
and the impartiality of the audit process". The ISMS manager auditing the ISMS they run is the most
common independence finding, especially in small organizations.

An auditor id that names no person is reported by \`ref/unresolved\`.

**Fix:** choose an auditor who owns nothing in the scope (another team, an external auditor), or
split the scope so that the records the auditor owns are audited by someone else.`,
  data,
  check({ model, report }) {
    const index = modelIndex(model);
    const risksByOwner = index.risksByOwner;
    const soaEntriesByOwner = index.soaEntriesByOwner;
    const actionsByOwner = index.actionsByOwner;
    for (const audit of model.audits) {
      const status = audit.status?.value;
      if (status === "cancelled") continue;
      const name = audit.id ? `Internal audit ${audit.id.value}` : "This internal audit";
      const auditor = audit.auditor;
      if (!auditor) {
        if (status === "completed") {
          report({
            file: audit.file,
            range: audit.id?.range ?? audit.range,
            message: `${name} is completed but names no auditor, so its objectivity and impartiality cannot be shown: add auditor: <person id> (9.2.2 b).`,
            data: { id: audit.id?.value, missing: ["auditor"] },
          });
        }
        continue;
      }
      if (!auditor.resolved) continue;
      const who = auditor.id;
      const processes = processesRun(
        model,
        who,
        audit.scopeClauses.map((c) => c.value.trim().split(/\s+/)[0]),
      );
      const inScope = scopeTest(audit.scopeControls);

      // Only what the auditor owns can impair independence: look it up by owner, then test the scope.
      const scoped = (r: Risk) => r.controls.some((c) => inScope(c.id));
      const ownedRisks = (risksByOwner.get(who) ?? []).filter(scoped);
      const ownedEntries = (soaEntriesByOwner.get(who) ?? []).filter((e) => e.control && inScope(e.control.id));
      const ownedActions: { action: Action; risk: Risk }[] = [];
      for (const action of actionsByOwner.get(who) ?? []) {
        // The first risk in model order, among those listing the action and its source, that is in the scope.
        const source = action.source?.resolved;
        const candidates = source?.recordKind === "risk" ? [...index.risksListing(action), source as Risk] : index.risksListing(action);
        let risk: Risk | undefined;
        for (const r of candidates) if (scoped(r) && (!risk || compareModelOrder(model, r, risk) < 0)) risk = r;
        if (risk) ownedActions.push({ action, risk });
      }
      if (processes.length + ownedRisks.length + ownedEntries.length + ownedActions.length === 0) continue;

      const related: RelatedLocation[] = [];
      const parts: string[] = [];
      for (const p of processes) {
        parts.push(p.words);
        related.push({ file: p.at.file, range: p.at.range, message: `${who} ${p.words} (in the audit's clause scope).` });
      }
      if (ownedRisks.length > 0) {
        parts.push(`${ownedRisks.length === 1 ? "risk" : "risks"} ${ownedRisks.map((r) => r.id?.value ?? "(no id)").join(", ")}`);
        for (const r of ownedRisks) {
          const controls = r.controls.filter((c) => inScope(c.id)).map((c) => c.id);
          related.push({ file: r.file, range: r.owner!.range, message: `${who} owns risk ${r.id?.value ?? ""}, treated with ${controls.join(", ")} (in the audit scope).` });
        }
      }
      if (ownedEntries.length > 0) {
        const ids = ownedEntries.map((e) => e.control!.id);
        parts.push(`${ids.length === 1 ? "the SoA control" : `${ids.length} SoA controls`} ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`);
        for (const e of ownedEntries) related.push({ file: e.file, range: e.owner!.range, message: `${who} owns control ${e.control!.id} (in the audit scope).` });
      }
      if (ownedActions.length > 0) {
        parts.push(
          `${ownedActions.length === 1 ? "action" : "actions"} ${ownedActions.map(({ action, risk }) => `${action.id?.value ?? "(no id)"} of risk ${risk.id?.value ?? "(no id)"}`).join(", ")}`,
        );
        for (const { action, risk } of ownedActions)
          related.push({ file: action.file, range: action.owner!.range, message: `${who} owns action ${action.id?.value ?? ""} treating risk ${risk.id?.value ?? ""} (in the audit scope).` });
      }
      report({
        file: auditor.file,
        range: auditor.range,
        message: `${name} is audited by ${who}, who owns what it audits: ${joinWords(parts)}. Select an auditor independent of the audited controls, or move those controls to an audit by someone else (9.2.2 b).`,
        related,
        data: {
          id: audit.id?.value,
          auditor: who,
          risks: ownedRisks.map((r) => r.id?.value),
          controls: ownedEntries.map((e) => e.control!.id),
          actions: ownedActions.map(({ action }) => action.id?.value),
          ...(processes.length > 0 ? { processes: processes.map((p) => p.words) } : {}),
        },
      });
    }
  },
};

/** Whether a control id lies within an audit's control scope: one of its controls, or a control of one of its themes (`A.8` holds `A.8.1`). */
function scopeTest(scope: readonly { id: string; theme: boolean }[]): (id: string) => boolean {
  const controls = new Set<string>();
  const themes: string[] = [];
  for (const c of scope) {
    if (c.theme) themes.push(`${c.id}.`);
    else controls.add(c.id);
  }
  return (id) => controls.has(id) || themes.some((theme) => id.startsWith(theme));
}

/** A process of clauses 4 to 10 the auditor runs, in words ("holds the 5.3 responsibility …"), and where that shows. */
interface RunProcess {
  words: string;
  at: { file: string; range: Range };
}

/**
 * The processes of clauses 4 to 10 within `scope` (clause ids as written: "4", "9.2", "6.1.3") that
 * `who` runs: a 5.3 responsibility of isms.yaml (conformance, reporting: the whole ISMS, any clause),
 * the ownership of a policy (5.2) or of an objective (6.2).
 */
function processesRun(model: IsmsModel, who: string, scope: string[]): RunProcess[] {
  if (scope.length === 0) return [];
  const inScope = (clause: string) => scope.some((s) => s === clause || clause.startsWith(`${s}.`) || s.startsWith(`${clause}.`));
  const run: RunProcess[] = [];
  const clausesInScope = scope.some((s) => /^(?:[4-9]|10)(?:\.|$)/.test(s));
  for (const r of model.isms?.responsibilities?.holders ?? []) {
    if (clausesInScope && r.holder.id === who) run.push({ words: `holds the 5.3 responsibility "${r.key}" for the ISMS`, at: r.holder });
  }
  if (inScope("5.2")) {
    const policies = model.policies.filter((p) => p.owner?.id === who);
    if (policies.length > 0) run.push({ words: `owns ${policies.length === 1 ? "policy" : "policies"} ${policies.map((p) => p.id?.value ?? "(no id)").join(", ")} (5.2)`, at: policies[0].owner! });
  }
  if (inScope("6.2")) {
    const objectives = model.objectives.filter((o) => o.owner?.id === who);
    if (objectives.length > 0)
      run.push({ words: `owns ${objectives.length === 1 ? "objective" : "objectives"} ${objectives.map((o) => o.id?.value ?? "(no id)").join(", ")} (6.2)`, at: objectives[0].owner! });
  }
  return run;
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")} and ${items[items.length - 1]}`;
}

import { knownControl } from "../../model/controls";
import { isTraced, risksByControl } from "../../model/tracing";
import type { IsmsModel } from "../../model/isms-model";
import type { Risk, SoaEntry } from "../../model/types";
import { flag, list, optional, shape, text, type DataOf } from "../data-shape";
import type { Rule } from "../rule";
import { fixes } from "./untraced-control.fix";

/** At most this many candidate sources are offered for the quick-fix. */
const MAX_CANDIDATES = 10;

/**
 * `data` of its findings: the entry's control and the risks, then requirements, it could be traced
 * to; for a weak trace, `weak: true` and the generic sources it is traced to.
 */
const data = shape({ control: text, candidates: list(text), weak: optional(flag), generic: optional(list(text)) });
export type UntracedControlData = DataOf<typeof data>;

/** `soa/untraced-control`: an applicable control that no risk, requirement or interested party calls for. */
export const rule: Rule<UntracedControlData> = {
  id: "soa/untraced-control",
  severity: "warning",
  clause: "6.1.3 d",
  reads: ["requirements", "risks", "soaEntries", "catalogControls"],
  description:
    "An applicable SoA control is traced to nothing (no risk lists it, its sources name nothing), or only weakly: only to a generic source that traces more than half of the applicable controls.",
  docs: `6.1.3 d reads: the organization shall "produce a Statement of Applicability that contains: the
necessary controls (see 6.1.3 b) and c)); justification for their inclusion; …", and 6.1.3 b-c say
where controls come from: the risk treatment, or requirements of interested parties (4.2), laws and
contracts. An applicable control is **traced** when at least one risk lists it under \`controls\`,
or its own \`sources\` name a risk, requirement or interested party that exists. An auditor samples
SoA entries and asks "why is this control here?"; an untraced control has no answer in the ISMS,
and may be included out of habit rather than need.

A control is **weakly traced** when no risk lists it and every one of its \`sources\` is generic: a
source of more than half of the applicable controls (with at least ten applicable), such as
"maintain the certification". Such a trace says nothing about why this control is needed, which is
what the auditor asks; it is reported too, naming the generic source.

Entries whose \`sources\` name an id that does not exist are left to \`ref/unresolved\`.

**Fix:** add the risk or requirement that calls for the control to the entry's \`sources\` (the
quick-fix offers the risks and requirements of the ISMS), list the control under a risk's
\`controls\`, or reconsider whether it is applicable.`,
  data,
  fixes,
  check({ model, report }) {
    const risks = risksByControl(model);
    const applicable = model.soaEntries.filter((e) => e.control && e.applicable?.value === true && knownControl(model, e.control.id)); // else soa/unknown-control
    const generic = genericSources(applicable);
    let found: string[] | undefined;
    const candidates = () => (found ??= traceCandidates(model, generic));
    for (const entry of applicable) {
      const control = entry.control!;
      if (isTraced(entry, risks)) {
        const listedByRisk = (risks.get(control.id)?.length ?? 0) > 0;
        if (listedByRisk || !entry.sources.every((s) => generic.has(s.id))) continue;
        const names = [...new Set(entry.sources.map((s) => s.id))];
        report({
          file: control.file,
          range: control.range,
          message: `${control.id} is only weakly traced: ${names.map((n) => `${n} is a source of ${generic.get(n)} of the ${applicable.length} applicable controls`).join("; ")}, so it does not say why this control is needed. Add the risk or specific requirement that calls for it to sources (6.1.3 d).`,
          data: { control: control.id, candidates: candidates(), weak: true, generic: names },
        });
        continue;
      }
      report({
        file: control.file,
        range: control.range,
        message: `${control.id} is applicable but traced to nothing: no risk lists it under controls and its sources name no risk, requirement or interested party. Add what calls for it to sources (6.1.3 d).`,
        data: { control: control.id, candidates: candidates() },
      });
    }
  },
};

/**
 * What an untraced control could be traced to, for the quick-fix: the ids of treated (mitigated,
 * transferred) risks, then of the other risks, then of requirements, each once, leaving out generic
 * sources; at most {@link MAX_CANDIDATES}, read only as far as needed.
 */
function traceCandidates(model: IsmsModel, generic: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (id: string | undefined): boolean => {
    if (id === undefined || seen.has(id)) return out.length < MAX_CANDIDATES;
    seen.add(id);
    if (!generic.has(id)) out.push(id);
    return out.length < MAX_CANDIDATES;
  };
  const treated = (r: Risk) => r.treatment?.value === "mitigate" || r.treatment?.value === "transfer";
  for (const r of model.risks) if (treated(r) && !add(r.id?.value)) return out;
  for (const r of model.risks) if (!treated(r) && !add(r.id?.value)) return out;
  for (const q of model.requirements) if (!add(q.id?.value)) return out;
  return out;
}

/** Below this many applicable controls, no source is called generic. */
const MIN_APPLICABLE_FOR_GENERIC = 10;

/**
 * The sources that trace more than half of the applicable controls ("maintain certification"),
 * with the number of controls each traces: a trace to them alone says nothing about why a control
 * is needed. Counted once over the entries.
 */
function genericSources(applicable: readonly SoaEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of applicable) {
    for (const id of new Set(entry.sources.map((s) => s.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const generic = new Map<string, number>();
  if (applicable.length < MIN_APPLICABLE_FOR_GENERIC) return generic;
  for (const [id, n] of counts) if (n > applicable.length / 2) generic.set(id, n);
  return generic;
}

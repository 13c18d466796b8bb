import type { IsmsModel } from "../model/isms-model";
import { ACTION_STATUSES, ACTION_TYPES, TREATMENT_OPTIONS } from "./add-record";

/** A person a form may name as owner. */
export interface PersonOption {
  id: string;
  name?: string;
  role?: string;
}

/** A level of a likelihood or impact scale, with its label when the methodology gives one. */
export interface LevelOption {
  level: number;
  label?: string;
}

/** What the "Add Risk" / "Add Action" forms offer for one ISMS root. */
export interface FormOptions {
  /** `organization:` of isms.yaml. */
  organization?: string;
  /** People of `isms.yaml` `people`, in file order. */
  people: PersonOption[];
  /** The methodology's scales (empty when the ISMS has no RiskMethodology). */
  likelihood: LevelOption[];
  impact: LevelOption[];
  /** The four treatment options in ISO/IEC 27001 terms. */
  treatments: string[];
  actionTypes: string[];
  actionStatuses: string[];
  /** Risks by id and title, e.g. for the source of a treatment action. */
  risks: { id: string; title?: string }[];
}

/** The choices of the record forms, read from the model of one ISMS root. */
export function formOptions(model: IsmsModel): FormOptions {
  const seen = new Set<string>();
  const people: PersonOption[] = [];
  for (const p of model.people) {
    if (!p.id || seen.has(p.id.value)) continue;
    seen.add(p.id.value);
    people.push({ id: p.id.value, name: p.name?.value, role: p.role?.value });
  }
  const scale = (levels: readonly LevelOption[]) => [...levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, label: l.label }));
  return {
    organization: model.isms?.organization?.value,
    people,
    likelihood: scale(model.methodology?.likelihood ?? []),
    impact: scale(model.methodology?.impact ?? []),
    treatments: TREATMENT_OPTIONS.slice(0, 4),
    actionTypes: [...ACTION_TYPES],
    actionStatuses: [...ACTION_STATUSES],
    risks: model.risks.flatMap((r) => (r.id ? [{ id: r.id.value, title: r.title?.value }] : [])),
  };
}

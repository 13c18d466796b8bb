import annexA2022 from "./annex-a-2022.json";
import clauses2022 from "./clauses-2022.json";

/** An Annex A control of ISO/IEC 27001:2022, e.g. `{ id: "A.5.15", theme: "Organizational", title: "Access control" }`. */
export interface AnnexAControl {
  id: string;
  theme: ControlTheme;
  title: string;
}

/** The four Annex A themes of ISO/IEC 27001:2022 (A.5 to A.8). */
export type ControlTheme = "Organizational" | "People" | "Physical" | "Technological";

/** A clause of the main body (4 to 10), e.g. `{ id: "9.2.2", title: "Internal audit programme" }`. */
export interface Clause {
  id: string;
  title: string;
}

/** Theme prefix (`A.5`) → theme name. */
export const THEMES: Record<string, ControlTheme> = {
  "A.5": "Organizational",
  "A.6": "People",
  "A.7": "Physical",
  "A.8": "Technological",
};

/** Titles of the top-level clauses 4 to 10. */
export const TOP_LEVEL_CLAUSES: Clause[] = [
  { id: "4", title: "Context of the organization" },
  { id: "5", title: "Leadership" },
  { id: "6", title: "Planning" },
  { id: "7", title: "Support" },
  { id: "8", title: "Operation" },
  { id: "9", title: "Performance evaluation" },
  { id: "10", title: "Improvement" },
];

/**
 * The built-in catalog of ISO/IEC 27001:2022: the 93 Annex A controls in catalog order and the
 * clauses 4 to 10. Lookups are by canonical id (`A.5.15`, `9.2`).
 */
export class Catalog {
  readonly controls: readonly AnnexAControl[];
  readonly clauses: readonly Clause[];
  private readonly controlById: Map<string, AnnexAControl>;
  private readonly clauseById: Map<string, Clause>;

  constructor(controls: AnnexAControl[], clauses: Clause[]) {
    this.controls = controls;
    this.clauses = [...TOP_LEVEL_CLAUSES, ...clauses];
    this.controlById = new Map(controls.map((c) => [c.id, c]));
    this.clauseById = new Map(this.clauses.map((c) => [c.id, c]));
  }

  /** The control with canonical id `id`, if the catalog has it. */
  control(id: string): AnnexAControl | undefined {
    return this.controlById.get(id);
  }

  /** The clause `id` ("9", "9.2", "9.2.1"); "9.2" is known even though only 9.2.1/9.2.2 are listed. */
  clause(id: string): Clause | undefined {
    const exact = this.clauseById.get(id);
    if (exact) return exact;
    const child = this.clauses.find((c) => c.id.startsWith(id + "."));
    return child ? { id, title: child.title.replace(/:.*$/, "") } : undefined;
  }

  /** Index of the control in catalog order, or -1. */
  orderOf(id: string): number {
    return this.controls.findIndex((c) => c.id === id);
  }
}

/** The ISO/IEC 27001:2022 catalog (Annex A and clauses 4 to 10). */
export const CATALOG_2022 = new Catalog(annexA2022 as AnnexAControl[], clauses2022 as Clause[]);

/**
 * Normalises a control id as written to the canonical `A.5.15` form: `A.5.15`, `a.5.15`,
 * `5.15`, and `A 5.15` are accepted. Returns `undefined` when the text is not shaped like an
 * Annex A control id at all. Whether the control exists is a catalog lookup.
 */
export function canonicalControlId(text: string): string | undefined {
  const match = /^\s*(?:A\s*\.?\s*)?([5-8])\.(\d{1,2})\s*$/i.exec(text);
  return match ? `A.${match[1]}.${Number(match[2])}` : undefined;
}

/** `A.5` → "Organizational" for a theme id (audit scopes may name a whole theme). */
export function themeOf(text: string): ControlTheme | undefined {
  const match = /^\s*(?:A\.)?([5-8])\s*$/i.exec(text);
  return match ? THEMES[`A.${match[1]}`] : undefined;
}

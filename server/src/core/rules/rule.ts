import type { Catalog } from "../catalog/catalog";
import type { LocalDate } from "../dates";
import type { LineHistory, PriorTexts } from "../history/line-history";
import type { FixContext, QuickFix } from "../fixes/types";
import type { FindingInput, FindingOf, Severity } from "../findings";
import type { IsmsModel } from "../model/isms-model";
import type { FindingData, Guard } from "./data-shape";
import type { ModelList } from "../model/model-lists";
import type { RulePart } from "./reads";

/** What a rule sees: the model of one ISMS root, today's date and a way to report findings with `data` of shape `D`. */
export interface RuleContext<D extends FindingData = FindingData> {
  model: IsmsModel;
  catalog: Catalog;
  /** Today as a local calendar date (overridable for reproducible runs). */
  today: LocalDate;
  /** Every rule id the engine knows (the registry and the rules being run), for checks of settings that name rules. */
  ruleIds: ReadonlySet<string>;
  /**
   * Files and folders that exist under this ISMS root: paths relative to the root, '/'-separated,
   * Unicode NFC. `undefined` when the caller did not list them (then nothing is said about whether
   * a cited file exists).
   */
  existingFiles?: ReadonlySet<string>;
  /** When each line of a file (by its key) last changed in version control; undefined or without the file when there is no history. */
  lineHistory?: ReadonlyMap<string, LineHistory>;
  /** Texts of files at earlier commits, when the caller read those a rule asked for. */
  priorTexts?: PriorTexts;
  report(finding: FindingInput<D>): void;
}

/**
 * A check of the ISMS, one per file under `rules/<area>/<name>.ts`, id `<area>/<name>`.
 * `clause` names the part of ISO/IEC 27001:2022 it serves ("9.2", "6.1.3 d", "A.5.31").
 * `docs` is Markdown: what the rule checks, why an auditor cares, and how to fix it.
 *
 * `D` is the shape of its findings' `data`, declared as a guard in `data` (see `data-shape.ts`)
 * by every rule whose findings carry data. Quick-fixes live beside the check, in
 * `rules/<area>/<name>.fix.ts`, and are set as `fixes`; their finding's `data` is checked against
 * `data` once before they run.
 */
export interface Rule<D extends FindingData = FindingData> {
  id: string;
  severity: Severity;
  clause: string;
  description: string;
  docs: string;
  /** True for rules about single files (syntax, schema) that also run on files outside any ISMS root. */
  fileLevel?: boolean;
  /**
   * True for rules whose findings can be neither turned off nor suppressed (syntax errors: a file
   * that cannot be read hides records from every other check).
   */
  unsuppressible?: boolean;
  /**
   * What this rule's findings depend on (see `rules/reads.ts`): the model lists whose records it
   * reads, directly, through `index`, or through a reference's `resolved` (`model.isms` is a
   * record of `definitions`, `model.methodology` of `methodologies`), and the check inputs it uses.
   * Which record a reference resolves to belongs to the record holding the reference (when an edit
   * elsewhere makes it name another record, the build counts that record's list as changed), as
   * does the target's `recordKind`: a rule that only tests `resolved` (is it there, is it this
   * record, of which kind) does not read the target's list; reading any other field of it does.
   * A re-check after an edit runs the rule again only when one of them changed, and keeps its
   * earlier findings otherwise. Undefined: everything (the rule runs on every check). A test reads
   * every rule's reads on many ISMSs and fails on one not declared.
   */
  reads?: readonly RulePart[];
  /**
   * With `reads`: the list whose records the rule checks one at a time, each finding depending on
   * its record alone (and on the other `reads`). After an edit that changed only records of that
   * list, the rule runs again on the records of the changed files only. A test checks that running
   * it per file gives the findings of one run on the whole model.
   */
  perRecord?: ModelList;
  /** The shape of the `data` of this rule's findings (required when they carry data, and with `fixes`). */
  data?: Guard<D>;
  check(context: RuleContext<D>): void;
  /** The quick-fixes of one finding of this rule, whose `data` has been checked against `data`; none when the fix no longer applies. */
  fixes?(finding: FindingOf<D>, context: FixContext): QuickFix[];
}

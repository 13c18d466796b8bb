import { isScalar, type Node, type Pair } from "yaml";
import type { Person } from "../../model/types";
import type { FixProvider, QuickFix } from "../../fixes/types";
import { columnOf, insertLinesAfter, labelOf, pairEnd, pairOf, WorkspaceEditor, yamlString } from "../../yaml-edit";
import type { ResponsibilitiesUnassignedData } from "./responsibilities-unassigned";

/** At most this many people are offered (one action each). */
const MAX_CANDIDATES = 8;

/**
 * `isms/responsibilities-unassigned`: "Assign the 5.3 responsibilities to ciso (Security Lead)",
 * one action per person of the ISMS (top management last, as they usually assign rather than
 * hold these roles). Only when the `responsibilities` block is missing: adds it after `people`
 * (else at the end of isms.yaml's mapping), indented like the file's other blocks.
 */
export const fixes: FixProvider<ResponsibilitiesUnassignedData> = (finding, context) => {
  const isms = context.model.isms;
  if (!isms || !finding.data.people || isms.node.flow || pairOf(isms.node, "responsibilities") || isms.node.items.length === 0) return [];
  const people = finding.data.people
    .map((id) => context.model.index.get<Person>("person", id))
    .filter((p): p is Person => p?.id !== undefined)
    .sort((a, b) => Number(a.topManagement) - Number(b.topManagement))
    .slice(0, MAX_CANDIDATES);
  const anchor = (pairOf(isms.node, "people") ?? isms.node.items[isms.node.items.length - 1]) as Pair<Node, Node | null>;
  const actions: QuickFix[] = [];
  for (const person of people) {
    const ws = new WorkspaceEditor(context);
    const ed = ws.file(isms.file);
    if (!ed) return [];
    const keyNode = anchor.key as Node;
    if (!isScalar(keyNode) || !keyNode.range) return [];
    const col = " ".repeat(columnOf(ed.text, keyNode.range[0]));
    const step = " ".repeat(indentStep(ed.text, anchor, columnOf(ed.text, keyNode.range[0])));
    const id = yamlString(person.id?.value ?? "", false);
    insertLinesAfter(ed, pairEnd(ed.text, anchor), [`${col}responsibilities:`, `${col}${step}conformance: ${id}`, `${col}${step}reporting: ${id}`]);
    const edit = ws.build();
    if (edit) actions.push({ title: `Assign the 5.3 responsibilities (conformance, reporting) to ${labelOf(person.id?.value ?? "", person)}`, ruleId: finding.rule, edit });
  }
  return actions;
};

/** How far the file indents a block under a key (2 by default): from the first indented line after `anchor`'s key. */
function indentStep(text: string, anchor: Pair<Node, Node | null>, keyColumn: number): number {
  const start = (anchor.key as Node).range?.[1] ?? 0;
  const match = /\r?\n([ ]+)\S/.exec(text.slice(start, start + 2000));
  const width = match ? match[1].length - keyColumn : 0;
  return width > 0 && width <= 8 ? width : 2;
}

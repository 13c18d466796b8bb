import type { LocalDate } from "../../dates";
import type { IsmsModel } from "../../model/isms-model";
import { count, isOpen, isOverdue } from "./action-facts";
import { recordAt } from "./period";
import type { PackRow, PackSection } from "./types";

/**
 * Adequacy of resources (5.1 c, 7.1): the files hold no budget or staffing, but the load of open
 * actions per owner, and the overdue ones, show where people are short.
 */
export function resourcesSection(model: IsmsModel, today: LocalDate): PackSection {
  const byOwner = new Map<string, { open: number; overdue: number }>();
  for (const action of model.actions) {
    if (!isOpen(action) || !action.owner) continue;
    const entry = byOwner.get(action.owner.id) ?? { open: 0, overdue: 0 };
    entry.open++;
    if (isOverdue(action, today)) entry.overdue++;
    byOwner.set(action.owner.id, entry);
  }
  const people = new Map(model.people.flatMap((p) => (p.id ? [[p.id.value, p] as const] : [])));
  const rows: PackRow[] = [...byOwner]
    .sort((a, b) => b[1].overdue - a[1].overdue || b[1].open - a[1].open)
    .map(([owner, n]) => {
      const person = people.get(owner);
      return {
        at: person ? recordAt(person) : undefined,
        cells: [
          { text: owner },
          { text: person?.name?.value ?? "—" },
          { text: person?.role?.value ?? "—" },
          { text: String(n.open) },
          { text: String(n.overdue), tone: n.overdue > 0 ? "bad" : undefined },
        ],
      };
    });
  const overloaded = rows.filter((r) => r.cells[4].text !== "0").map((r) => r.cells[0].text);
  return {
    input: "resources",
    clause: "5.1 c, 7.1",
    title: "Adequacy of resources",
    summary: `To assess: people, skills, budget and tools for the ISMS. ${count(rows.length, "person", "people")} ${rows.length === 1 ? "owns" : "own"} open actions${overloaded.length > 0 ? `; ${overloaded.join(", ")} ${overloaded.length === 1 ? "has" : "have"} overdue ones` : ", none overdue"}.`,
    tables: [
      {
        id: "pack-resources",
        caption: "Open actions by owner (where people may be short)",
        columns: ["Owner", "Name", "Role", "Open actions", "Overdue"],
        rows,
        empty: "No one owns an open action.",
        notes: ["The ISMS files record no budget, staffing or tooling: top management states whether the resources needed for the ISMS are available (5.1 c) and what to provide (7.1)."],
      },
    ],
  };
}

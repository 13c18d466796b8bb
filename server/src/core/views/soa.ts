import type { ControlTheme } from "../catalog/catalog";
import type { IsmsModel } from "../model/isms-model";
import type { Grouping } from "../model/grouped";
import type { Risk, SoaEntry } from "../model/types";
import { isTraced, risksByControl } from "../model/tracing";
import { personOf } from "../report/people";
import { catalogName, knownControl } from "../model/controls";
import type { Location } from "../text/range";
import type { Locate, SoaControlItem, SoaThemeView, SoaView } from "./types";

const THEME_PREFIXES: [string, ControlTheme][] = [
  ["A.5", "Organizational"],
  ["A.6", "People"],
  ["A.7", "Physical"],
  ["A.8", "Technological"],
];

/**
 * The Statement of Applicability by Annex A theme (6.1.3 d): every catalog control in catalog
 * order with its decision and status, flagged when it is missing from the SoA or applicable but
 * traced to nothing (the definition `soa/untraced-control` uses). A control listed twice appears
 * twice. Entries that name no Annex A control are listed under `other`.
 */
export function soaView<L = Location>(model: IsmsModel, locate: Locate<L>): SoaView<L> {
  const catalog = model.catalog;
  const tracedBy = risksByControl(model);
  const byControl = new Map<string, SoaEntry[]>();
  const byCatalogControl = new Map<string, SoaEntry[]>();
  const other: SoaControlItem<L>[] = [];
  for (const entry of model.soaEntries) {
    const id = entry.control?.id;
    const known = id !== undefined ? knownControl(model, id) : undefined;
    if (id !== undefined && known?.source === "annex-a") byControl.set(id, [...(byControl.get(id) ?? []), entry]);
    else if (id !== undefined && known?.source === "catalog") byCatalogControl.set(id, [...(byCatalogControl.get(id) ?? []), entry]);
    else other.push(entryItem(entry, entry.control?.written ?? "", undefined, tracedBy, locate));
  }
  const catalogs: SoaView<L>["catalogs"] = [];
  for (const source of model.controlCatalogs) {
    const controls: SoaControlItem<L>[] = [];
    for (const control of source.controls) {
      const id = control.id?.value;
      const known = id !== undefined ? knownControl(model, id) : undefined;
      if (id === undefined || known?.source !== "catalog" || known.control !== control) continue;
      for (const entry of byCatalogControl.get(id) ?? []) controls.push(entryItem(entry, id, control.title?.value, tracedBy, locate));
    }
    if (controls.length > 0) catalogs.push({ id: source.id?.value, title: catalogName(source), controls });
  }

  const soa = model.statements.find((s) => s.controlsKeyRange) ?? model.statements[0];
  const insertAt = soa ? locate({ file: soa.file, range: soa.controlsKeyRange ?? soa.range }) : undefined;
  const themes: SoaThemeView<L>[] = THEME_PREFIXES.map(([prefix, theme]) => ({ theme, prefix, applicable: 0, implemented: 0, controls: [] }));
  for (const control of catalog.controls) {
    const group = themes.find((g) => g.theme === control.theme);
    if (!group) continue;
    const entries = byControl.get(control.id);
    if (!entries) {
      const risks = riskIds(tracedBy.get(control.id));
      group.controls.push({ control: control.id, title: control.title, missing: true, untraced: false, sources: [], risks, location: insertAt });
      continue;
    }
    for (const entry of entries) {
      const item = entryItem(entry, control.id, control.title, tracedBy, locate);
      group.controls.push(item);
      if (item.applicable === true) group.applicable++;
      if (item.applicable === true && item.status === "implemented") group.implemented++;
    }
  }
  return { themes, catalogs, other };
}

function entryItem<L>(entry: SoaEntry, control: string, title: string | undefined, tracedBy: Grouping<string, Risk>, locate: Locate<L>): SoaControlItem<L> {
  const applicable = entry.applicable?.value;
  return {
    control,
    title,
    missing: false,
    applicable,
    status: entry.status?.value,
    justification: entry.justification?.value,
    untraced: applicable === true && !isTraced(entry, tracedBy),
    owner: personOf(entry.owner),
    sources: entry.sources.map((s) => s.id),
    risks: riskIds(entry.control ? tracedBy.get(entry.control.id) : undefined),
    location: locate({ file: entry.file, range: entry.range }),
  };
}

function riskIds(risks: readonly Risk[] | undefined): string[] {
  return (risks ?? []).map((r) => r.id?.value ?? "").filter((id) => id !== "");
}

import type { ReportKind } from "@protocol";

/** What the page shows above the report: the SoA filters, the heat map's rating switch, or the review pack's draft button. */
export interface ToolbarOptions {
  /** Heat map: the residual rating is shown. */
  residual?: boolean;
}

const SOA_FILTERS = `<form class="toolbar" aria-label="Filter the controls" role="search">
<label>Theme <select data-filter="theme">
<option value="">All themes</option>
<option value="organizational">A.5 Organizational</option>
<option value="people">A.6 People</option>
<option value="physical">A.7 Physical</option>
<option value="technological">A.8 Technological</option>
<option value="catalog">Other control catalogs</option>
<option value="other">Not an Annex A or catalog control</option>
</select></label>
<label>Status <select data-filter="status">
<option value="">Any status</option>
<option value="implemented">Implemented</option>
<option value="partially-implemented">Partially implemented</option>
<option value="planned">Planned</option>
<option value="not-implemented">Not implemented</option>
<option value="none">No status</option>
</select></label>
<label>Applicable <select data-filter="applicable">
<option value="">Any</option>
<option value="yes">Applicable</option>
<option value="no">Excluded</option>
<option value="undecided">No decision</option>
<option value="missing">Not in the SoA</option>
</select></label>
<label class="check"><input type="checkbox" data-filter="traced" value="no"> Untraced only</label>
<label>Text <input type="search" data-filter="text" placeholder="Control, title, justification…"></label>
<button type="button" id="filter-reset">Clear filters</button>
</form>
<p id="filter-status" class="status" role="status" aria-live="polite"></p>`;

function heatMapToolbar(residual: boolean): string {
  return `<div class="toolbar" role="group" aria-label="Rating shown">
<span>Rating:</span>
<button type="button" data-residual="false" aria-pressed="${String(!residual)}">Inherent</button>
<button type="button" data-residual="true" aria-pressed="${String(residual)}">Residual</button>
<button type="button" id="cell-show-all">Show every cell's risks</button>
</div>
<p id="cell-selection" class="status" role="status" aria-live="polite"></p>`;
}

const REVIEW_PACK_TOOLBAR = `<div class="toolbar" role="group" aria-label="Management review">
<button type="button" id="insert-draft">Insert as review draft</button>
<span class="status">Appends a new management review whose inputs summarize these facts, for you to edit before the meeting.</span>
</div>`;

/** The static controls above a report (no workspace text: nothing to escape). */
export function toolbarHtml(kind: ReportKind, options: ToolbarOptions = {}): string {
  if (kind === "soa") return SOA_FILTERS;
  if (kind === "review-pack") return REVIEW_PACK_TOOLBAR;
  if (kind === "heatmap") return heatMapToolbar(options.residual === true);
  return "";
}

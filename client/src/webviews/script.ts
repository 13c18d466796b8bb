/**
 * The script of every report webview, run under the page's nonce. Plain ES2020 for the webview's
 * browser (this file only holds it as text). What it does:
 * - opens: a click on an element with `data-open` (a link, a row), or Enter on a focused row,
 *   posts `{ type: "open", key }`; the extension looks the key up in the report's targets;
 * - filters the SoA rows by their `data-theme`, `data-status`, `data-applicable`, `data-traced`
 *   and text, hides tables left empty, and announces the count;
 * - selects a heat-map cell (`data-cell`, click or Enter/Space): only that cell's row of the
 *   "risks by cell" table stays visible; the inherent/residual buttons post `{ type: "setResidual" }`;
 * - the review pack's "Insert as review draft" button posts `{ type: "insertDraft" }`;
 * - keeps the filters, the selected cell and the scroll position with `setState`, so they survive
 *   the page being hidden (no retained context) or re-rendered after a change;
 * - posts `{ type: "ready", rows }` (rows shown) once the page is set up.
 */
export const WEBVIEW_SCRIPT = String.raw`
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  const state = Object.assign({ filters: {}, cell: "", scrollY: 0 }, vscode.getState() || {});
  const save = () => vscode.setState(state);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  // ---------------------------------------------------------------- opening records
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-open]") : null;
    if (target) {
      event.preventDefault();
      vscode.postMessage({ type: "open", key: target.getAttribute("data-open") });
      return;
    }
    const cell = event.target instanceof Element ? event.target.closest("[data-cell]") : null;
    if (cell && cell.tagName !== "TR") selectCell(cell.getAttribute("data-cell"));
  });
  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (!(el instanceof Element)) return;
    if (event.key === "Enter" && el.tagName === "TR" && el.hasAttribute("data-open")) {
      event.preventDefault();
      vscode.postMessage({ type: "open", key: el.getAttribute("data-open") });
    } else if ((event.key === "Enter" || event.key === " ") && el.tagName === "TD" && el.hasAttribute("data-cell")) {
      event.preventDefault();
      selectCell(el.getAttribute("data-cell"));
    }
  });

  // ---------------------------------------------------------------- SoA filters
  const filters = $$("[data-filter]");
  const rows = $$("tr[data-theme]");
  const status = document.getElementById("filter-status");
  function valueOf(input) {
    return input.type === "checkbox" ? (input.checked ? input.value : "") : input.value;
  }
  function applyFilters() {
    const wanted = {};
    for (const input of filters) wanted[input.getAttribute("data-filter")] = valueOf(input).trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      let visible = true;
      for (const name of Object.keys(wanted)) {
        const value = wanted[name];
        if (!value) continue;
        if (name === "text") visible = visible && row.textContent.toLowerCase().includes(value);
        else visible = visible && row.getAttribute("data-" + name) === value;
      }
      row.hidden = !visible;
      if (visible) shown++;
    }
    for (const table of $$("[data-table]")) {
      const own = $$("tr[data-theme]", table);
      if (own.length > 0) table.hidden = own.every((row) => row.hidden);
    }
    if (status && rows.length > 0) status.textContent = shown === rows.length ? "Showing all " + rows.length + " controls." : "Showing " + shown + " of " + rows.length + " controls.";
    state.filters = {};
    for (const input of filters) state.filters[input.getAttribute("data-filter")] = valueOf(input);
    save();
    return shown;
  }
  for (const input of filters) {
    const saved = state.filters[input.getAttribute("data-filter")];
    if (typeof saved === "string") {
      if (input.type === "checkbox") input.checked = saved === input.value;
      else input.value = saved;
    }
    input.addEventListener(input.tagName === "SELECT" || input.type === "checkbox" ? "change" : "input", applyFilters);
  }
  const reset = document.getElementById("filter-reset");
  if (reset) {
    reset.addEventListener("click", () => {
      for (const input of filters) {
        if (input.type === "checkbox") input.checked = false;
        else input.value = "";
      }
      applyFilters();
    });
  }

  // ---------------------------------------------------------------- heat map
  const cellRows = $$("tr[data-cell]");
  const selection = document.getElementById("cell-selection");
  function selectCell(key) {
    state.cell = state.cell === key ? "" : key || "";
    showCell();
    save();
    const list = document.querySelector("[data-table='heat-map-cells']");
    if (state.cell && list) list.scrollIntoView({ block: "nearest" });
  }
  function showCell() {
    let found = false;
    for (const row of cellRows) {
      row.hidden = !!state.cell && row.getAttribute("data-cell") !== state.cell;
      if (!row.hidden && state.cell) found = true;
    }
    for (const td of $$("td[data-cell]")) {
      if (td.getAttribute("data-cell") === state.cell) td.setAttribute("aria-current", "true");
      else td.removeAttribute("aria-current");
    }
    if (state.cell && !found) {
      state.cell = "";
      for (const row of cellRows) row.hidden = false;
    }
    if (selection) {
      const label = state.cell ? document.querySelector("td[data-cell='" + CSS.escape(state.cell) + "'] .visually-hidden") : null;
      selection.textContent = label ? "Showing the risks of " + label.textContent + "." : "Showing the risks of every cell. Select a cell to list only its risks.";
    }
  }
  const showAll = document.getElementById("cell-show-all");
  if (showAll) showAll.addEventListener("click", () => selectCell(""));
  for (const button of $$("[data-residual]")) {
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-pressed") === "true") return;
      vscode.postMessage({ type: "setResidual", residual: button.getAttribute("data-residual") === "true" });
    });
  }

  // ---------------------------------------------------------------- review pack
  const insertDraft = document.getElementById("insert-draft");
  if (insertDraft) insertDraft.addEventListener("click", () => vscode.postMessage({ type: "insertDraft" }));

  // ---------------------------------------------------------------- set-up
  const shown = rows.length > 0 ? applyFilters() : $$("tbody tr").length;
  if (cellRows.length > 0) showCell();
  let scrollTimer = 0;
  window.addEventListener("scroll", () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scrollY = window.scrollY;
      save();
    }, 150);
  });
  if (state.scrollY > 0) window.scrollTo(0, state.scrollY);
  vscode.postMessage({ type: "ready", rows: shown });
})();
`;

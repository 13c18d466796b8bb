// Small helpers that drive the VS Code web workbench like a user: keyboard, command palette,
// Quick Open, views and webviews. Used by checks.mjs (see test/e2e/README.md, --ui).

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value (returned) or `timeoutMs` passes (throws `what`). */
export async function until(what, fn, timeoutMs = 30_000, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message})` : ""}`);
}

/** Closes any open quick input, notification toast or hover with Escape. */
export async function escape(page, times = 2) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press("Escape");
    await sleep(100);
  }
}

/** The visible quick input (command palette, Quick Open, input box). */
export function quickInput(page) {
  return page.locator(".quick-input-widget:visible");
}

/**
 * Runs a command through the command palette (F1), by typing its title and pressing Enter on
 * the row whose label is exactly `title`.
 */
export async function runCommand(page, title) {
  await escape(page, 1);
  await page.keyboard.press("F1");
  const input = quickInput(page).locator("input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = quickInput(page)
    .locator(".monaco-list-row", { has: page.locator(".label-name", { hasText: title }) })
    .first();
  await until(`the command "${title}" in the command palette`, async () => (await row.count()) > 0, 15_000);
  const rows = quickInput(page).locator(".monaco-list-row");
  const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector(".label-name")?.textContent?.trim() ?? ""));
  const index = labels.findIndex((l) => l === title);
  if (index < 0) throw new Error(`no command titled "${title}" (palette shows: ${labels.slice(0, 8).join(" | ")})`);
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

/** Opens a workspace file by its name through Quick Open (Ctrl+P). */
export async function quickOpen(page, relativePath) {
  await escape(page, 1);
  await page.keyboard.press("Control+P");
  const input = quickInput(page).locator("input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(relativePath);
  const name = relativePath.split("/").pop();
  await until(`${relativePath} in Quick Open`, async () => (await quickInput(page).locator(".monaco-list-row", { hasText: name }).count()) > 0, 15_000);
  await page.keyboard.press("Enter");
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"], .tabs-container .tab.active:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
}

/** Moves the cursor of the active editor to `line` (1-based) with Go to Line (Ctrl+G). */
export async function goToLine(page, line) {
  await page.keyboard.press("Control+G");
  const input = quickInput(page).locator("input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press("Enter");
  await sleep(300);
}

/** Text and aria-labels of the rows a list or tree currently renders (virtualised: only the visible ones). */
export async function rowLabels(locator) {
  return locator.locator(".monaco-list-row").evaluateAll((els) =>
    els.map((e) => ({
      label: (e.querySelector(".label-name, .monaco-highlighted-label")?.textContent ?? e.textContent ?? "").trim(),
      aria: e.getAttribute("aria-label") ?? "",
      level: Number(e.getAttribute("aria-level") ?? 0),
      expanded: e.getAttribute("aria-expanded"),
    })),
  );
}

/** The inner frame (`iframe.webview` → `iframe#active-frame`) of the webview whose page holds `contentSelector`. */
export async function webviewFrame(page, contentSelector, timeoutMs = 30_000) {
  return until(
    `a webview showing ${contentSelector}`,
    async () => {
      for (const outer of page.frames()) {
        if (!/\/webview\/|index\.html/.test(outer.url()) || outer === page.mainFrame()) continue;
        for (const inner of outer.childFrames()) {
          if (
            (await inner
              .locator(contentSelector)
              .count()
              .catch(() => 0)) > 0
          )
            return inner;
        }
      }
      return undefined;
    },
    timeoutMs,
    500,
  );
}

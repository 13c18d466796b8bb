// End-to-end checks of the packaged extension THROUGH THE REAL UI of VS Code (code-server +
// headless Chromium, driven by playwright): what a user sees on the Acme example with
// isms.today = 2026-11-30. Run by test/e2e/ui/run.mjs via the launcher's --ui option.
import fs from "node:fs";
import path from "node:path";
import { escape, goToLine, quickInput, quickOpen, rowLabels, runCommand, sleep, until, webviewFrame } from "./workbench.mjs";

/** What the Acme example shows on 2026-11-30 (examples/acme/README.md, "Deliberate gaps"). */
const EXPECTED = { errors: 5, warnings: 3, controls: 93 };

/** @param {import('playwright-core').Page} page */
export async function ui(page, { test, screenshot, log, workspace }) {
  // The extension activates on isms.yaml; the status bar shows the counts once the first check ran.
  await test("the status bar shows the counts: ISMS item 5 errors, Problems item 5 errors and 3 warnings", async () => {
    const item = page.locator(".statusbar-item", { hasText: /ISMS/ });
    const text = await until(
      "the ISMS status bar item with counts",
      async () => {
        const t = (await item.allTextContents()).join(" ");
        return /\d+ errors?/.test(t) ? t.trim() : undefined;
      },
      90_000,
    );
    const problems = page.locator('[id="status.problems"]');
    const counts = await until(
      "the Problems status bar item",
      async () => {
        const t = (await problems.textContent().catch(() => "")) ?? "";
        const n = t.match(/\d+/g)?.map(Number);
        return n && n.length >= 2 ? n : undefined;
      },
      30_000,
    );
    log(`status bar: "${text}", problems item: ${counts.join(" ")} (${await problems.getAttribute("aria-label").catch(() => "")})`);
    if (!text.startsWith(`ISMS: ${EXPECTED.errors} errors`)) throw new Error(`the ISMS item says "${text}"`);
    if (counts[0] !== EXPECTED.errors || counts[1] !== EXPECTED.warnings) throw new Error(`the Problems item counts ${counts.join(", ")}`);
  });

  await test("the Problems panel lists 5 errors and 3 warnings", async () => {
    await page
      .locator(".monaco-workbench")
      .click({ position: { x: 800, y: 400 } })
      .catch(() => {});
    await escape(page);
    await page.keyboard.press("Control+Shift+M");
    const panel = page.locator(".markers-panel");
    await panel.waitFor({ state: "visible", timeout: 15_000 });
    // room for every row (the list is virtualised): maximise the panel
    await runCommand(page, "View: Toggle Maximized Panel").catch((e) => log(`maximize: ${e.message}`));
    const markers = await until(
      "8 marker rows",
      async () => {
        const rows = await rowLabels(panel);
        const found = rows.filter((r) => /^(Error|Warning|Info)\b/i.test(r.aria) || r.level === 2);
        return found.length >= EXPECTED.errors + EXPECTED.warnings ? found : undefined;
      },
      30_000,
    ).catch(async (e) => {
      log(JSON.stringify(await rowLabels(panel), null, 1));
      throw e;
    });
    const errors = markers.filter((r) => /^Error\b/i.test(r.aria) || /error/i.test(r.aria.split(" ")[0])).length;
    const warnings = markers.filter((r) => /^Warning\b/i.test(r.aria)).length;
    const badge = (
      await page
        .locator(".part.panel .composite-bar .action-item", { hasText: /Problems/i })
        .locator(".badge-content")
        .first()
        .textContent()
        .catch(() => "")
    )?.trim();
    log(`problems: ${markers.length} rows (${errors} errors, ${warnings} warnings), badge "${badge}"`);
    for (const m of markers) log(`  ${m.aria.slice(0, 140)}`);
    await screenshot("problems");
    await runCommand(page, "View: Toggle Maximized Panel").catch(() => {});
    await page.keyboard.press("Control+J"); // hide the panel again
    if (errors !== EXPECTED.errors || warnings !== EXPECTED.warnings) throw new Error(`Problems shows ${errors} errors and ${warnings} warnings`);
    if (badge && badge !== String(EXPECTED.errors + EXPECTED.warnings)) throw new Error(`Problems badge says ${badge}`);
  });

  await test("a hover over A.5.15 in soa.yaml explains the control", async () => {
    const soa = fs.readFileSync(path.join(workspace, "soa.yaml"), "utf8").split(/\r?\n/);
    const line = soa.findIndex((l) => /control:\s*A\.5\.15\b/.test(l)) + 1;
    if (line === 0) throw new Error("soa.yaml has no control A.5.15");
    await quickOpen(page, "soa.yaml");
    await goToLine(page, line);
    // Code lenses arrive after the text and move the lines down: hover once the token stays put.
    const hover = page.locator(".monaco-hover:visible, .monaco-resizable-hover:visible").first();
    const text = await until(
      "a hover about A.5.15 (Access control)",
      async () => {
        const token = page
          .locator(".monaco-editor .view-lines .view-line", { hasText: /control:\s*A\.5\.15\b/ })
          .locator("span", { hasText: /^A\.5\.15$/ })
          .first();
        const a = await token.boundingBox();
        await sleep(300);
        const b = await token.boundingBox();
        if (!a || !b || a.y !== b.y || a.x !== b.x) return undefined;
        await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
        for (let i = 0; i < 10; i++) {
          await sleep(200);
          const t = await hover.textContent().catch(() => "");
          if (t && /A\.5\.15/.test(t) && /access control/i.test(t)) return t;
        }
        await page.mouse.move(5, 500); // away, so that the next try starts a new hover
        return undefined;
      },
      30_000,
      100,
    );
    log(`hover: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
    await sleep(1000); // let the hover finish fading in before the picture
    await screenshot("hover");
    await escape(page);
  });

  await test("the ISMS activity bar view lists the risks", async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label*="ISMS"], .activitybar .action-item[aria-label*="ISMS"]').first();
    if ((await icon.count()) === 0) throw new Error('FAIL: no ISMS icon in the activity bar (the tree views, views "isms.*", are not contributed yet)');
    await icon.click();
    const header = page.locator(".pane-header", { hasText: /^Risks|Risks/ }).first();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    const pane = page.locator(".pane", { has: header });
    const rows = await until(
      "risk rows",
      async () => {
        const r = await rowLabels(pane);
        return r.length > 0 ? r : undefined;
      },
      20_000,
    );
    log(
      `risks view: ${rows
        .map((r) => r.label)
        .slice(0, 12)
        .join(" | ")}`,
    );
    // widen the side bar by dragging its sash, as a user would, so the labels are readable
    const bar = await page.locator(".part.sidebar").boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width - 1, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(bar.x + 560, bar.y + bar.height / 2, { steps: 8 });
      await page.mouse.up();
      await sleep(300);
    }
    await screenshot("tree-views");
    const risks = rows.filter((r) => /^R-\d{3} /.test(r.label));
    if (risks.length === 0) throw new Error(`the Risks view shows no risk: ${rows.map((r) => r.label).join(" | ")}`);
    if (!rows.some((r) => /^(Critical|High|Medium|Low)$/.test(r.label))) throw new Error(`the Risks view shows no risk level: ${rows.map((r) => r.label).join(" | ")}`);
  });

  await test('"ISMS: Preview Statement of Applicability" shows all 93 controls', async () => {
    // the preview alone on screen, for the screenshot: no other editor, no side bar
    await runCommand(page, "View: Close All Editors").catch((e) => log(`close editors: ${e.message}`));
    await runCommand(page, "View: Toggle Primary Side Bar Visibility").catch((e) => log(`side bar: ${e.message}`));
    await runCommand(page, "ISMS: Preview Statement of Applicability").catch((e) => {
      throw new Error(`FAIL: cannot run "ISMS: Preview Statement of Applicability" (the SoA webview, isms.previewSoa, is not contributed yet?): ${e.message}`);
    });
    const frame = await webviewFrame(page, "table tr", 45_000);
    const rows = await until(
      "control rows",
      async () => {
        const cells = await frame.locator("tr").evaluateAll((trs) => trs.map((tr) => (tr.querySelector("th, td")?.textContent ?? "").trim()));
        return cells.length > EXPECTED.controls ? cells : undefined;
      },
      30_000,
    );
    const controls = rows.filter((c) => /^A\.[5-8]\.\d+\b/.test(c));
    log(`SoA webview: ${rows.length} tr, ${controls.length} control rows`);
    await frame
      .locator("table")
      .first()
      .evaluate((table) => {
        (table.previousElementSibling ?? table).scrollIntoView({ block: "start" });
      });
    await sleep(300);
    await screenshot("soa-preview");
    await runCommand(page, "View: Toggle Primary Side Bar Visibility").catch(() => {});
    if (new Set(controls.map((c) => c.split(/\s/)[0])).size !== EXPECTED.controls) throw new Error(`the SoA shows ${controls.length} control rows, expected ${EXPECTED.controls}`);
  });

  await test('"ISMS: Add Risk" writes a new risk through the form', async () => {
    await escape(page);
    await runCommand(page, "ISMS: Add Risk");
    const input = quickInput(page).locator("input");
    const step = async (title) =>
      until(
        `the form step "${title}"`,
        async () =>
          (
            (await quickInput(page)
              .locator(".quick-input-title")
              .textContent()
              .catch(() => "")) ?? ""
          ).includes(title),
        15_000,
      );
    await step("(1/5)");
    await input.fill("Laptop stolen from a car");
    await page.keyboard.press("Enter");
    await step("(2/5)");
    await input.fill("cto");
    await sleep(300);
    await page.keyboard.press("Enter");
    await step("(3/5)");
    await input.fill("Unlikely");
    await sleep(300);
    await page.keyboard.press("Enter");
    await step("(4/5)");
    await input.fill("Major");
    await sleep(300);
    await page.keyboard.press("Enter");
    await step("(5/5)");
    await input.fill("mitigate");
    await sleep(300);
    await page.keyboard.press("Enter");
    const file = path.join(workspace, "risks", "platform.yaml");
    const text = await until(
      "the new risk saved in risks/platform.yaml",
      async () => {
        const t = fs.readFileSync(file, "utf8");
        return /- id: R-034\n\s+title: Laptop stolen from a car\n\s+owner: cto\n\s+likelihood: 2\n\s+impact: 4\n\s+treatment: mitigate\n\s+reviewed: 2026-11-30\n/.test(t) ? t : undefined;
      },
      20_000,
    );
    log(`risks/platform.yaml ends with:\n${text.split("\n").slice(-9).join("\n")}`);
    await until("risks/platform.yaml in the active editor", async () => /platform\.yaml/.test((await page.locator(".editor-group-container.active .tab.active").first().textContent()) ?? ""), 10_000);
    await until(
      "the new risk R-034 on screen",
      async () => (await page.locator(".editor-group-container.active .monaco-editor .view-lines .view-line", { hasText: /-\s+id:\s+R-034/ }).count()) > 0,
      10_000,
    );
    await screenshot("add-risk");
  });

  await test('"ISMS: Export Statement of Applicability…" writes the file, and its progress notification closes', async () => {
    await escape(page);
    await runCommand(page, "ISMS: Export Statement of Applicability…");
    const input = quickInput(page).locator("input");
    await until("the format choice", async () => (await quickInput(page).locator(".monaco-list-row", { hasText: "Markdown" }).count()) > 0, 15_000);
    await input.fill("Markdown");
    await sleep(300);
    await page.keyboard.press("Enter");
    // code-server's save dialog is a quick input holding the path of the file
    const target = path.join(workspace, "exported-soa-ui.md");
    await until("the save dialog", async () => /statement-of-applicability\.md$/.test(await input.inputValue().catch(() => "")), 15_000);
    await input.fill(target);
    await sleep(300);
    await page.keyboard.press("Enter");
    await until("the exported file", async () => fs.existsSync(target) && /A\.8\.34/.test(fs.readFileSync(target, "utf8")), 30_000);
    const toasts = page.locator(".notifications-toasts .notification-toast");
    await until('the "exported" message', async () => (await toasts.filter({ hasText: /exported the Statement of Applicability/ }).count()) > 0, 15_000);
    await until("the progress notification closed", async () => (await toasts.filter({ hasText: /exporting the Statement of Applicability/ }).count()) === 0, 15_000);
    log(`exported ${path.basename(target)}: ${fs.statSync(target).size} bytes; no progress notification left`);
    await screenshot("export");
  });

  await test('the walkthrough "Get Started with ISMS Workbench" shows its steps', async () => {
    await escape(page);
    await runCommand(page, "Welcome: Open Walkthrough...");
    const input = quickInput(page).locator("input");
    await input.fill("ISMS Workbench");
    await until("the ISMS walkthrough in the list", async () => (await quickInput(page).locator(".monaco-list-row", { hasText: "Get Started with ISMS Workbench" }).count()) > 0, 15_000);
    await page.keyboard.press("Enter");
    const steps = page.locator(".gettingStartedContainer .getting-started-step");
    const titles = await until(
      "the walkthrough steps",
      async () => {
        const t = (await steps.locator(".step-title").allTextContents()).map((x) => x.trim()).filter(Boolean);
        return t.length >= 4 ? t : undefined;
      },
      20_000,
    );
    log(`walkthrough steps: ${titles.join(" | ")}`);
    const expected = ["Open the example ISMS", "Read a finding", "Apply a quick-fix", "Preview the Statement of Applicability", "Start your own ISMS"];
    const missing = expected.filter((t) => !titles.includes(t));
    await sleep(500);
    await screenshot("walkthrough");
    if (missing.length > 0) throw new Error(`the walkthrough lacks the steps ${missing.join(", ")} (has ${titles.join(", ")})`);
  });
}

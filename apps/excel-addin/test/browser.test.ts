import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generateFinanceWorkbook, type PlantedFinding } from "@houqin/samples";
import type { MemoryWorkbookSpec } from "@houqin/workbook";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestHostState } from "../src/testing/testHostState.js";
import { bundleTestHost } from "./support/bundleTestHost.js";
import { type ServedDir, serveDir } from "./support/serveDir.js";
import { workbookSpec } from "./support/workbookSpec.js";

const CHROMIUM = "/usr/bin/chromium";
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../test-output/", import.meta.url));
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
/** A task pane in Excel desktop is about this wide. */
const PANE = { width: 350, height: 900 };
const TIMEOUT = 60_000;
/** How long each `context.sync()` of the in-memory Excel takes. */
const SYNC_DELAY_MS = 15;

const missing = !existsSync(CHROMIUM);
// On a developer's machine without Chromium the test is skipped, saying so; in CI it must run.
const skip = missing && !process.env.CI;
if (skip) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium); CI runs it`);

const key = (f: { rule?: string; sheet?: string; cell?: string }) => `${f.sheet}!${f.cell} ${f.rule}`;

/** The state of the in-memory Excel behind the page. */
function hostState(page: Page): Promise<TestHostState> {
  return page.evaluate(() =>
    (window as unknown as { __houqinTestHost: { state(): TestHostState } }).__houqinTestHost.state(),
  );
}

/** The findings the pane lists, as their data attributes say. */
function listedFindings(page: Page): Promise<{ rule: string; sheet: string; cell: string }[]> {
  return page.$$eval('[data-testid="finding"]', (items) =>
    items.map((item) => {
      const data = (item as HTMLElement).dataset;
      return { rule: data.rule ?? "", sheet: data.sheet ?? "", cell: data.cell ?? "" };
    }),
  );
}

describe.skipIf(skip)("the task pane in Chromium, over an in-memory Excel", () => {
  let browser: Browser;
  let served: ServedDir;
  let page: Page;
  let planted: PlantedFinding[];
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${DIST}taskpane.html`))
      throw new Error(
        `${DIST}taskpane.html is missing: build the add-in first (npm run build -w apps/excel-addin)`,
      );
    const sample = generateFinanceWorkbook();
    planted = sample.planted;
    const bytes = new Uint8Array(await sample.workbook.xlsx.writeBuffer());
    const spec: MemoryWorkbookSpec = await workbookSpec(bytes);
    const [hostScript, server] = await Promise.all([bundleTestHost(), serveDir(DIST)]);
    served = server;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({ viewport: PANE, serviceWorkers: "block", locale: "zh-CN" });
    // Nothing leaves the machine: the page's own server, Office.js replaced by the test host, the rest refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(served.url)) return route.continue();
      if (url.startsWith(OFFICE_CDN))
        return route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: hostScript,
        });
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    await context.addInitScript(
      ({ s, delay }) => {
        const w = window as unknown as { __HOUQIN_TEST_SPEC__: unknown; __HOUQIN_TEST_SYNC_DELAY__: number };
        w.__HOUQIN_TEST_SPEC__ = s;
        // Each round trip to "Excel" takes a little while, as it does in Excel: the progress bar must show.
        w.__HOUQIN_TEST_SYNC_DELAY__ = delay;
      },
      { s: spec, delay: SYNC_DELAY_MS },
    );
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${served.url}taskpane.html`);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it(
    "lists every planted finding after Check, selects a finding's cell on click and on Enter, and switches to English",
    async () => {
      await page.getByTestId("tab-check").click();
      const checkButton = page.getByTestId("check-button");
      await expect.poll(() => checkButton.textContent()).toBe("检查");
      expect(await hostState(page)).toMatchObject({
        functions: expect.arrayContaining(["ISSCHOOLDAY", "FEN"]),
      });

      await checkButton.click();
      // The pane stays responsive while the sheets are read: the bar and its phase label paint.
      await page.getByTestId("progress").waitFor({ timeout: 10_000 });
      expect(await page.getByTestId("progress").textContent()).toMatch(/正在读取|正在检查|正在准备/);
      await mkdir(OUTPUT, { recursive: true });
      await page.screenshot({ path: `${OUTPUT}taskpane-progress.png` });
      await page
        .getByTestId("finding")
        .or(page.getByTestId("check-error"))
        .first()
        .waitFor({ timeout: 30_000 });
      // A failed run says why in its message bar: show that rather than a timeout.
      expect(
        await page.getByTestId("check-error").count(),
        await page.getByTestId("check-error").allTextContents().then(String),
      ).toBe(0);

      const listed = await listedFindings(page);
      const listedKeys = new Set(listed.map(key));
      expect(planted.length).toBeGreaterThan(1);
      const missed = planted.filter((p) => !listedKeys.has(key(p)));
      expect(missed).toEqual([]);
      // The summary counts what the list shows (every group starts open).
      const counts = await Promise.all(
        ["error", "warning", "info"].map(async (s) =>
          Number(await page.getByTestId(`summary-${s}`).getAttribute("data-count")),
        ),
      );
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(listed.length);

      // A click selects the finding's cell, on its sheet.
      const first = await hostState(page);
      const target =
        planted.find((p) => p.sheet !== first.selection?.sheet) ?? (planted[0] as PlantedFinding);
      const item = page.locator(
        `[data-testid="finding"][data-sheet="${target.sheet}"][data-cell="${target.cell}"][data-rule="${target.rule}"]`,
      );
      await item.click();
      await expect
        .poll(async () => (await hostState(page)).selection)
        .toEqual({ sheet: target.sheet, cell: target.cell });
      await expect.poll(() => item.getAttribute("aria-current")).toBe("true");

      // The keyboard does the same: a focused finding, Enter.
      const other = planted.find((p) => p.sheet !== target.sheet || p.cell !== target.cell) as PlantedFinding;
      const otherItem = page.locator(
        `[data-testid="finding"][data-sheet="${other.sheet}"][data-cell="${other.cell}"][data-rule="${other.rule}"]`,
      );
      await otherItem.focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(async () => (await hostState(page)).selection)
        .toEqual({ sheet: other.sheet, cell: other.cell });
      await item.click();
      await page.screenshot({ path: `${OUTPUT}taskpane.png`, fullPage: false });

      // The chrome switches at once; the findings keep their language until checked again.
      await page.getByTestId("lang-switch").click();
      await expect.poll(() => checkButton.textContent()).toBe("Check");
      expect(await page.getByRole("tab", { name: "Tables", exact: true }).count()).toBe(1);
      expect(await page.getByRole("tab", { name: "表格", exact: true }).count()).toBe(0);
      expect(await page.getByTestId("lang-stale").isVisible()).toBe(true);
      await page.screenshot({ path: `${OUTPUT}taskpane-en.png`, fullPage: false });

      // The choice is remembered.
      await page.reload();
      await page.getByTestId("check-button").waitFor();
      expect(await page.getByTestId("check-button").textContent()).toBe("Check");

      expect(pageErrors).toEqual([]);
      expect(blocked).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "lists the recognised tables, saves a column mapping into 设置, and generates the bank reconciliation as a new sheet",
    async () => {
      await page.getByTestId("tab-tables").click();
      const table = page.locator('[data-testid="table"][data-sheet="现金盘点"]');
      await table.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("table").count()).toBeGreaterThanOrEqual(10);
      await table.getByRole("button").first().click();
      const field = table.locator('[data-testid="field"]').last();
      const before = await field.getAttribute("data-column");
      expect(before).toMatch(/^[A-Z]+$/);
      const moved = before === "D" ? "E" : "D";
      await field.locator("input").fill(moved.toLowerCase());
      await table.getByTestId("save-mapping").click();
      await table.getByTestId("save-result").waitFor({ timeout: 30_000 });
      expect(await table.getByTestId("save-result").textContent()).toMatch(
        /^(Saved in the 设置 sheet|已保存到“设置”工作表)/,
      );
      // The list is read again with the correction applied.
      await expect.poll(() => field.getAttribute("data-column"), { timeout: 30_000 }).toBe(moved);

      await page.getByTestId("tab-generate").click();
      const sheetsBefore = (await hostState(page)).sheets;
      await page.getByTestId("generate-reconciliation").click();
      const result = page.getByTestId("generator-reconciliation").getByTestId("generate-result");
      await result.or(page.getByTestId("generate-error")).first().waitFor({ timeout: 30_000 });
      const written = ((await result.getAttribute("data-sheets")) ?? "").split("|").filter(Boolean);
      expect(written.length).toBeGreaterThan(0);
      const sheetsAfter = (await hostState(page)).sheets;
      for (const name of written) {
        expect(sheetsAfter).toContain(name);
        expect(sheetsBefore).not.toContain(name);
      }
      expect(pageErrors).toEqual([]);
      expect(blocked).toEqual([]);
    },
    TIMEOUT,
  );
});

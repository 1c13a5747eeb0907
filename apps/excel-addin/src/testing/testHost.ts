// The browser test host: bundled into one classic script and served in place of Office.js from
// Microsoft's CDN, it gives the built task pane an `Office` that is ready at once in Excel, an `Excel`
// whose `run` works on an in-memory workbook (the fake Excel, from the spec the test puts at
// `window.__HOUQIN_TEST_SPEC__`), and a `CustomFunctions` that records what the page associates.
// The test reads the fake's state through `window.__houqinTestHost.state()`.

import type { ExcelContext, ExcelRun } from "../office/excelApi.js";
import { createFakeExcel, type FakeExcelSpec } from "./fakeExcel.js";
import type { TestHostState } from "./testHostState.js";

/** What the test puts on the page before it loads, and what this script puts there for it. */
interface TestWindow {
  __HOUQIN_TEST_SPEC__?: FakeExcelSpec;
  /** Milliseconds each `context.sync()` takes (Excel's round trip); 0 still yields to the page. */
  __HOUQIN_TEST_SYNC_DELAY__?: number;
  __houqinTestHost?: { state(): TestHostState };
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const page = globalThis as unknown as TestWindow;
const spec: FakeExcelSpec = page.__HOUQIN_TEST_SPEC__ ?? { sheets: [{ name: "Sheet1", rows: [] }] };
const delay = page.__HOUQIN_TEST_SYNC_DELAY__ ?? 0;
const excel = createFakeExcel(spec);
const functions: string[] = [];

/**
 * The fake's context with a `sync()` that first gives the page a turn, as a round trip to Excel does:
 * the fake alone answers in a microtask, and the pane would never repaint during a long read.
 */
function withRoundTrip(context: ExcelContext): ExcelContext {
  const sync = async () => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    return context.sync();
  };
  return new Proxy(context, {
    get(target, property) {
      if (property === "sync") return sync;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const run: ExcelRun = (batch) => excel.run((context) => batch(withRoundTrip(context)));

page.Excel = { run };

page.Office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  context: {
    requirements: { isSetSupported: () => true },
    displayLanguage: "zh-CN",
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
};

page.CustomFunctions = {
  associate(id: string | Record<string, unknown>, _fn?: unknown) {
    if (typeof id === "string") functions.push(id);
    else functions.push(...Object.keys(id));
  },
};

page.__houqinTestHost = {
  state: () => ({
    selection: excel.selection && { sheet: excel.selection.sheet, cell: excel.selection.address },
    syncCount: excel.syncCount,
    functions: [...functions],
    sheets: excel.sheetNames(),
  }),
};

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateFinanceWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin check on a finance workbook, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-finance-"));
    input = join(dir, "财务管理.xlsx");
    const sample = generateFinanceWorkbook();
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted defects of the cash journal, income, budget, publicity and the fixed-asset account", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--json"], io)).toBe(1);
    const json = JSON.parse(io.out());
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(planted.map(key).sort());
    const ids = json.reports.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["finance.cash-daily", "finance.budget-execution"]));
  });

  it("writes the budget execution sheet with money as numbers", async () => {
    const out = join(dir, "checked.xlsx");
    expect(await main(["check", input, "--out", out], captureIo(dir))).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets.find((w) => w.name.startsWith("预算执行"));
    expect(sheet).toBeDefined();
    let money = 0;
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === "number" && String(cell.numFmt).includes("¥")) money++;
      });
    });
    expect(money).toBeGreaterThan(0);
  });

  it("finds nothing in the clean variant", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateFinanceWorkbook({ defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });
});

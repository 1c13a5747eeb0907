import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateAssetsWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin check on an assets workbook, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-assets-"));
    input = join(dir, "资产管理.xlsx");
    const sample = generateAssetsWorkbook();
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted defects of the ledger, stocktake, loans, repairs, buildings and projects", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--json"], io)).toBe(1);
    const json = JSON.parse(io.out());
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(planted.map(key).sort());
    const ids = json.reports.map((r: { id: string }) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(["assets.depreciation", "assets.loan-compensation", "assets.class-scores"]),
    );
  });

  it("writes the report sheets into the annotated copy", async () => {
    const out = join(dir, "checked.xlsx");
    await main(["check", input, "--out", out], captureIo(dir));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["检查结果", "资产折旧表", "账物核对表", "班级校产考评"]));
  });

  it("finds nothing in the clean variant", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateAssetsWorkbook({ defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });
});

describe("houqin plan-project", () => {
  it("plans a summer project backwards from the term and says whether it fits", async () => {
    const io = captureIo(process.cwd());
    const args = [
      "plan-project",
      "--start",
      "2024-06-01",
      "--holiday-start",
      "2024-07-06",
      "--holiday-end",
      "2024-08-31",
    ];
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toContain("专家验收须在 2024-08-30 前完成");
    expect(io.out()).toMatch(/委托代理采购\s+20\s+2024-07-03\s+2024-07-30/);
    expect(io.out()).toContain("来得及");
  });

  it("exits 1 when the stages cannot fit before the term", async () => {
    const io = captureIo(process.cwd());
    expect(
      await main(
        ["plan-project", "--start", "2024-07-20", "--holiday-end", "2024-08-31", "--lang", "en"],
        io,
      ),
    ).toBe(1);
    expect(io.out()).toContain("does not fit");
  });
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCanteenWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin check on a canteen workbook, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-canteen-"));
    input = join(dir, "食堂管理.xlsx");
    const sample = generateCanteenWorkbook();
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted defects of purchases, licences, hygiene logs, costs, assessment and dispensers", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--json"], io)).toBe(1);
    const json = JSON.parse(io.out());
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(planted.map(key).sort());
    const ids = json.reports.map((r: { id: string }) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(["canteen.settlement", "canteen.assessment-ranking", "canteen.dispensers"]),
    );
  });

  it("writes a settlement whose purchases tie to the purchase log to the fen", async () => {
    const out = join(dir, "checked.xlsx");
    expect(await main(["check", input, "--out", out], captureIo(dir))).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["检查结果", "食堂月度结算"]));
    // The purchase log's amounts, summed in fen, against the settlement's 合计 row.
    const log = wb.getWorksheet("采购验收");
    let fen = 0;
    log?.eachRow((row, n) => {
      const amount = row.getCell(8).value;
      if (n > 3 && typeof amount === "number") fen += Math.round(amount * 100);
    });
    const settlement = wb.getWorksheet("食堂月度结算");
    const header = settlement?.getRow(1).values as unknown[];
    const column = header.indexOf("本月采购");
    let total: ExcelJS.Cell | undefined;
    settlement?.eachRow((row) => {
      if (row.getCell(1).value === "合计") total = row.getCell(column);
    });
    // Written as a number in a ¥ format, so finance can add it up in Excel.
    expect(typeof total?.value).toBe("number");
    expect(Math.round((total?.value as number) * 100)).toBe(fen);
    expect(total?.numFmt).toContain("¥#,##0.00");
  });

  it("finds nothing in the clean variant", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateCanteenWorkbook({ defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { generateFeeWorkbook } from "../feeWorkbook.js";

async function bytes(seed: number) {
  return Buffer.from(await generateFeeWorkbook({ seed, charges: 60 }).workbook.xlsx.writeBuffer());
}

describe("generateFeeWorkbook", () => {
  it("gives the same workbook for the same seed and another for another seed", async () => {
    const a = generateFeeWorkbook({ seed: 5, charges: 60 });
    const b = generateFeeWorkbook({ seed: 5, charges: 60 });
    expect(a.planted).toEqual(b.planted);
    const values = (g: typeof a) => g.workbook.getWorksheet("收费明细")?.getSheetValues();
    expect(JSON.stringify(values(a))).toBe(JSON.stringify(values(b)));
    expect(JSON.stringify(values(generateFeeWorkbook({ seed: 6, charges: 60 })))).not.toBe(
      JSON.stringify(values(a)),
    );
    expect((await bytes(5)).length).toBeGreaterThan(0);
  });

  it("lays the charges out as people do: merged titles, two-row header, blank row, totals row", () => {
    const { workbook } = generateFeeWorkbook({ seed: 1, charges: 30 });
    const ws = workbook.getWorksheet("收费明细");
    if (!ws) throw new Error("no sheet");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("E4").value).toBe("缴费信息");
    expect(ws.getCell("E5").value).toBe("金额（元）");
    let totals = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "合计") totals = n;
    });
    expect(totals).toBeGreaterThan(6);
    const blankInside = Array.from({ length: totals - 6 }, (_, i) => 6 + i).filter(
      (n) => !ws.getRow(n).hasValues,
    );
    expect(blankInside).toHaveLength(1);
    const all = JSON.stringify(ws.getSheetValues());
    expect(all).toMatch(/[０-９]/); // full-width digits
    expect(all).toMatch(/\d+年\d+月\d+日/); // text dates
    expect(all).toContain("#REF!");
  });

  it("plants each fee defect at a cell that holds it", () => {
    const { workbook, planted } = generateFeeWorkbook({ seed: 2, charges: 50 });
    expect(planted.map((p) => p.rule).sort()).toEqual([
      "finance/not-publicised",
      "finance/not-publicised",
      "finance/over-standard",
      "finance/unapproved-fee",
      "workbook/error-value",
    ]);
    const value = (p: (typeof planted)[number]) => workbook.getWorksheet(p.sheet)?.getCell(p.cell).value;
    expect(value(planted.find((p) => p.rule === "finance/unapproved-fee") as (typeof planted)[number])).toBe(
      "资料费",
    );
    expect(value(planted.find((p) => p.rule === "finance/over-standard") as (typeof planted)[number])).toBe(
      650,
    );
    expect(value(planted.find((p) => p.rule === "workbook/error-value") as (typeof planted)[number])).toEqual(
      { error: "#REF!" },
    );
  });

  it("plants nothing when asked for a clean workbook", () => {
    expect(generateFeeWorkbook({ seed: 2, defects: false }).planted).toEqual([]);
  });
});

describe("generateSafetyWorkbook", () => {
  it("gives the same workbook for the same seed, with its planted findings", async () => {
    const { generateSafetyWorkbook } = await import("../safetyWorkbook.js");
    const a = generateSafetyWorkbook({ seed: 1 });
    const b = generateSafetyWorkbook({ seed: 1 });
    expect(a.planted).toEqual(b.planted);
    expect(JSON.stringify(a.workbook.getWorksheet("门卫工作记录")?.getSheetValues())).toBe(
      JSON.stringify(b.workbook.getWorksheet("门卫工作记录")?.getSheetValues()),
    );
    expect(a.planted).toHaveLength(14);
    expect(generateSafetyWorkbook({ defects: false }).planted).toEqual([]);
  });
});

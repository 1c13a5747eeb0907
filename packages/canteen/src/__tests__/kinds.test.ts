import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { meals, purchases, suppliers } from "../index.js";

const kindsOnly: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [purchases, suppliers, meals],
  checks: [],
};

describe("canteen table kinds", () => {
  it("recognises a purchase log, a supplier register and a meals table by their headers", async () => {
    const wb = new MemoryWorkbook({
      sheets: [
        {
          name: "采购验收",
          rows: [
            ["食品采购验收记录"],
            [
              "采购日期",
              "供货商",
              "品名",
              "类别",
              "数量",
              "单位",
              "单价",
              "金额",
              "验收人",
              "验收结果",
              "索证索票",
            ],
            ["2023-09-01", "绿源蔬菜", "青菜", "蔬菜", 20, "斤", 2.5, 50, "张三、李四", "合格", "是"],
          ],
        },
        {
          name: "供货商",
          rows: [
            ["供货商", "营业执照号", "营业执照有效期至", "食品经营许可证有效期至", "检验合格证存档"],
            ["绿源蔬菜", "91320100MA1XXXX", "2025-12-31", "2024-06-30", "是"],
          ],
        },
        {
          name: "就餐",
          rows: [
            ["日期", "餐次", "学生人数", "教职工人数", "餐标"],
            ["2023-09-01", "午餐", 760, 40, 6],
          ],
        },
      ],
    });
    const report = await runChecks(wb, { modules: [kindsOnly], today: "2023-09-30" });
    expect(report.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["采购验收", "canteen.purchases"],
      ["供货商", "canteen.suppliers"],
      ["就餐", "canteen.meals"],
    ]);
    expect(report.findings).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { ASSET_CLASSES, classifyAsset, depreciationLives, lifeSettingKeys } from "../categories.js";

describe("classifyAsset", () => {
  it.each([
    // [category, name, class]
    ["计算机设备", "台式电脑", "computer-office"],
    ["通用设备", "投影仪", "computer-office"],
    ["设备", "多媒体教学一体机", "computer-office"],
    ["A02010105 台式计算机", undefined, "computer-office"],
    ["车辆", "校车", "vehicle"],
    ["通用设备", "电梯", "machinery"],
    ["通用设备", "中央空调机组", "machinery"],
    ["通用设备", "挂式空调", "general-equipment"],
    ["专用设备", "钢琴", "teaching-equipment"],
    ["专用设备", "篮球架", "teaching-equipment"],
    ["专用设备", undefined, "teaching-equipment"],
    ["家具和用具", "学生课桌椅", "student-desks"],
    ["家具和用具", "文件柜", "furniture"],
    ["家具和用具", "消毒柜", "general-equipment"],
    ["家具", undefined, "furniture"],
    ["用具", "窗帘", "utensils"],
    ["房屋和构筑物", "教学楼", "steel-building"],
    ["房屋", "砖混结构宿舍", "brick-building"],
    ["房屋和构筑物", "自行车棚", "simple-building"],
    ["构筑物", "围墙", "simple-building"],
    [undefined, "风雨操场", "steel-building"],
    [undefined, "塑胶跑道", "simple-building"],
    [undefined, "教学楼电梯", "machinery"],
    ["图书和档案", "图书", "books-archives"],
    ["图书档案设备", "密集架", "general-equipment"],
    [undefined, "图书馆书架", "furniture"],
    ["文物和陈列品", "校史陈列品", "relics"],
    ["特种动植物", "古树", "plants-animals"],
    ["土地", undefined, "land"],
    ["其他", "植物标本", "teaching-equipment"],
    ["以名义金额计量的资产", "捐赠字画", "nominal"],
    ["其他", "台式电脑", "computer-office"],
    ["ＩＴ设备", "服务器", "computer-office"],
  ] as const)("reads %s / %s as %s", (category, name, expected) => {
    expect(classifyAsset(category, name)).toBe(expected);
  });

  it("says nothing when neither the category nor the name tells", () => {
    expect(classifyAsset("其他", "航拍器")).toBeUndefined();
    expect(classifyAsset(undefined, undefined)).toBeUndefined();
  });
});

describe("depreciationLives", () => {
  it("takes the guide's minimum lives unless the settings give the school's own", () => {
    const set: Record<string, number> = { [lifeSettingKeys("furniture")[0] as string]: 20 };
    const lives = depreciationLives({
      setting: <T>(names: readonly string[], _schema: unknown, fallback: T): T =>
        (names.map((n) => set[n]).find((v) => v !== undefined) as T | undefined) ?? fallback,
    });
    expect(lives).toMatchObject({
      furniture: 20,
      "student-desks": 5,
      "computer-office": 6,
      vehicle: 8,
      machinery: 10,
      "steel-building": 50,
      "brick-building": 30,
      "simple-building": 8,
      "general-equipment": 5,
      "teaching-equipment": 5,
      utensils: 5,
    });
    expect(lifeSettingKeys("furniture")).toEqual(["折旧年限:家具", "depreciation life:furniture"]);
    expect(ASSET_CLASSES.relics.lifeYears).toBeUndefined();
  });
});

describe("classifyAsset across families", () => {
  it("keeps a building a building and furniture furniture, whatever the name says", async () => {
    const { classifyAsset } = await import("../categories.js");
    expect(classifyAsset("房屋", "琴房")).toBe("steel-building");
    expect(classifyAsset("家具用具", "电脑桌")).toBe("furniture");
    expect(classifyAsset("家具和用具", "学生课桌椅")).toBe("student-desks");
  });
});

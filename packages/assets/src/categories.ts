import { type Bilingual, normalizeText } from "@houqin/core";
import { type CheckContext, cells } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The depreciation classes of 政府会计准则第3号 应用指南 (财会〔2017〕4号) a school's assets fall in. */
export type DepreciatedClass =
  | "steel-building"
  | "brick-building"
  | "simple-building"
  | "computer-office"
  | "vehicle"
  | "general-equipment"
  | "machinery"
  | "teaching-equipment"
  | "furniture"
  | "student-desks"
  | "utensils";

/** The classes that are not depreciated (政府会计准则第3号 §15): relics, plants and animals, books, land, nominal-value assets. */
export type NotDepreciatedClass = "relics" | "plants-animals" | "books-archives" | "land" | "nominal";

/** An asset class houqin knows. */
export type AssetClassId = DepreciatedClass | NotDepreciatedClass;

/** What houqin knows of an asset class. */
export interface AssetClass {
  id: AssetClassId;
  title: Bilingual;
  /** The minimum depreciation life in years (财会〔2017〕4号 表1); undefined: not depreciated. */
  lifeYears?: number;
  /** Names under which the school may set its own life: `折旧年限:家具` = 20. */
  settingNames: readonly string[];
  /** 专用设备: the higher capitalisation threshold (¥1,500) applies. */
  special?: boolean;
  /**
   * Recognised as fixed assets in batches even below the threshold (政府会计准则第3号 §2: "大批同类物资，
   * 如图书、家具等").
   */
  batch?: boolean;
}

/** Every asset class with its minimum life, in the order of the guide's table. */
export const ASSET_CLASSES: Readonly<Record<AssetClassId, AssetClass>> = {
  "steel-building": {
    id: "steel-building",
    title: t("钢结构、钢筋混凝土结构房屋", "Steel or reinforced-concrete building"),
    lifeYears: 50,
    settingNames: ["钢筋混凝土结构房屋", "钢结构房屋", "钢混结构房屋", "房屋"],
  },
  "brick-building": {
    id: "brick-building",
    title: t("砖混、砖木结构房屋", "Brick building"),
    lifeYears: 30,
    settingNames: ["砖混结构房屋", "砖木结构房屋", "砖混房屋"],
  },
  "simple-building": {
    id: "simple-building",
    title: t("简易房、房屋附属设施和构筑物", "Simple building or structure"),
    lifeYears: 8,
    settingNames: ["简易房", "构筑物", "房屋附属设施"],
  },
  "computer-office": {
    id: "computer-office",
    title: t("计算机和办公设备", "Computers and office equipment"),
    lifeYears: 6,
    settingNames: ["计算机和办公设备", "计算机设备", "办公设备", "计算机"],
  },
  vehicle: { id: "vehicle", title: t("车辆", "Vehicle"), lifeYears: 8, settingNames: ["车辆"] },
  "general-equipment": {
    id: "general-equipment",
    title: t("通用、电气、通信、广播电视设备和仪器仪表", "General, electrical, AV equipment and instruments"),
    lifeYears: 5,
    settingNames: ["通用设备", "电气设备", "广播电视设备", "仪器仪表"],
  },
  machinery: {
    id: "machinery",
    title: t("机械设备（电梯、空调机组、锅炉等）", "Machinery (lifts, HVAC plant, boilers)"),
    lifeYears: 10,
    settingNames: ["机械设备"],
  },
  "teaching-equipment": {
    id: "teaching-equipment",
    title: t("体育、文艺设备和教学仪器", "Sports, arts and teaching equipment"),
    lifeYears: 5,
    settingNames: ["专用设备", "体育文艺设备", "教学仪器", "体育设备", "文艺设备"],
    special: true,
  },
  furniture: {
    id: "furniture",
    title: t("家具", "Furniture"),
    lifeYears: 15,
    settingNames: ["家具"],
    batch: true,
  },
  "student-desks": {
    id: "student-desks",
    title: t("学生课桌椅", "Student desks and chairs"),
    lifeYears: 5,
    settingNames: ["学生课桌椅", "课桌椅"],
    batch: true,
  },
  utensils: {
    id: "utensils",
    title: t("用具、装具", "Utensils and fittings"),
    lifeYears: 5,
    settingNames: ["用具", "装具", "用具装具"],
  },
  relics: {
    id: "relics",
    title: t("文物和陈列品", "Cultural relics and exhibits"),
    settingNames: [],
    batch: true,
  },
  "plants-animals": {
    id: "plants-animals",
    title: t("特种动植物", "Plants and animals"),
    settingNames: [],
    batch: true,
  },
  "books-archives": {
    id: "books-archives",
    title: t("图书和档案", "Books and archives"),
    settingNames: [],
    batch: true,
  },
  land: { id: "land", title: t("土地", "Land"), settingNames: [], batch: true },
  nominal: {
    id: "nominal",
    title: t("以名义金额计量的资产", "Assets at nominal value"),
    settingNames: [],
    batch: true,
  },
};

/** A keyword rule: a class and the words that name it. */
type Rule = readonly [AssetClassId, RegExp];

/** Rules that name a class outright, most specific first. */
const SPECIFIC: readonly Rule[] = [
  ["nominal", /名义金额|名义价值/],
  ["land", /土地|建设用地|校园用地/],
  ["relics", /文物|陈列品|展品|艺术品|收藏品|字画|古籍/],
  // Teaching specimens and models before plants and animals.
  ["teaching-equipment", /标本|模型|教具/],
  ["plants-animals", /动植物|苗木|树木|古树|名木|盆景|花卉|绿植|动物|植物/],
  // Equipment and furniture for books before the books themselves.
  ["general-equipment", /图书档案设备|图书设备|档案设备/],
  ["furniture", /书架|书柜|档案柜|档案架|密集架|报刊架/],
  ["simple-building", /简易房|简易建筑|临时建筑|活动板房|构筑物|附属设施/],
  [
    "simple-building",
    /(板房|活动房|围墙|道路|跑道|(?<!风雨)操场|运动场|田径场|旗台|车棚|连廊|水塔|化粪池|挡土墙|雨棚|停车场)(\(.*\))?$/,
  ],
  ["brick-building", /砖混|砖木|砖结构/],
  ["steel-building", /钢结构|钢混|钢筋混凝土|混凝土结构|框架结构/],
  // A building whose structure is not named: reinforced concrete, the usual school building. Only a
  // name that ends so is a building ("教学楼", not "教学楼电梯").
  [
    "steel-building",
    /(房屋|建筑物|校舍|用房|楼|楼房|图书馆|体育馆|礼堂|风雨操场|门卫室|食堂|宿舍|车库|仓库|厕所|公厕)(\(.*\))?$/,
  ],
  ["books-archives", /图书|档案|书籍|藏书|期刊|报刊|书刊|电子出版物|^书$/],
  ["vehicle", /车辆|汽车|校车|客车|轿车|货车|面包车|皮卡|电动车|摩托车|电瓶车|观光车/],
  [
    "machinery",
    /机械设备|电梯|锅炉|中央空调|空调机组|多联机|冷水机组|热水机组|热泵|新风|暖通|发电机|水泵|风机|机床|车床|升降机|压缩机/,
  ],
  [
    "computer-office",
    /计算机|电脑|笔记本|台式机|一体机|服务器|工作站|平板电脑|打印机|复印机|扫描仪|速印机|油印机|碎纸机|传真机|投影|电子白板|交互式|触控|办公设备|显示器|存储设备|交换机|路由器|防火墙|IT设备|信息化设备/,
  ],
  // Appliances whose names end like furniture (冰柜, 消毒柜).
  ["general-equipment", /冰柜|冷柜|冷藏柜|保鲜柜|消毒柜|蒸饭柜|电热|电器|灯具|照明/],
  ["student-desks", /课桌|学生桌|学生椅|学生凳/],
  [
    "teaching-equipment",
    /专用设备|体育|文艺|娱乐设备|乐器|钢琴|电子琴|古筝|二胡|琵琶|琴|鼓|吉他|小号|长号|圆号|萨克斯|长笛|单簧管|舞台|教学仪器|实验仪器|显微镜|天平|望远镜|篮球架|乒乓球|球台|跳箱|单杠|双杠|健身|跑步机|器材/,
  ],
  ["furniture", /家具|沙发|茶几|桌|椅|凳|柜|床|屏风|讲台|实验台/],
  ["utensils", /用具|装具|器具|炊具|餐具|厨具|被服|窗帘|工具|餐车|推车/],
  [
    "general-equipment",
    /电气设备|通信设备|广播|电视|音响|功放|话筒|麦克风|摄像|照相|相机|监控|录播|仪器|仪表|空调|冰箱|饮水机|净水|热水器|洗衣机|风扇|电子设备/,
  ],
];

/** GB/T 14885-2022 top classes alone: refined by the name, else their most usual class. */
const GENERIC: readonly Rule[] = [
  ["steel-building", /^(房屋和构筑物|房屋及构筑物|房屋建筑物|房屋|建筑物)$/],
  ["furniture", /^(家具和用具|家具及用具|家具用具|家具、用具和装具|家具、用具|家具用具装具|家具和用具装具)$/],
  ["teaching-equipment", /^专用设备$/],
  ["general-equipment", /^(设备|通用设备)$/],
];

/** A category no rule names but that says 设备: the name may say more. */
const LOOSE: readonly Rule[] = [["general-equipment", /设备/]];

function matchRules(text: string, rules: readonly Rule[]): AssetClassId | undefined {
  for (const [id, re] of rules) if (re.test(text)) return id;
  return undefined;
}

/** A category or name as matched: half-width, no spaces, no leading class code ("A02010105"). */
function plain(text: string | undefined): string {
  if (text === undefined) return "";
  return normalizeText(text)
    .replace(/\s+/g, "")
    .replace(/^[A-Za-z]?\d{2,}[.-]?/, "");
}

/**
 * The asset class of a ledger line, by the keywords of its category (GB/T 14885-2022 names or the
 * school's own words) and, when the category says nothing specific, of its name.
 *
 * The category wins when it names a class ("计算机设备", "学生课桌椅"); a GB/T top class alone
 * ("设备", "家具和用具", "房屋和构筑物") is refined by the name ("投影仪" -> computers and office
 * equipment). A building whose structure is not named is taken as reinforced concrete.
 *
 * @param category - the category cell's text, if any
 * @param name - the asset's name, if any
 * @returns the class, or undefined when neither text says
 * @example
 * classifyAsset("家具和用具", "学生课桌椅") // "student-desks"
 * classifyAsset("通用设备", "投影仪") // "computer-office"
 * classifyAsset("图书") // "books-archives"
 */
export function classifyAsset(category?: string, name?: string): AssetClassId | undefined {
  const cat = plain(category);
  const nm = plain(name);
  let generic = cat === "" ? undefined : matchRules(cat, GENERIC);
  if (cat !== "" && generic === undefined) {
    const byCategory = matchRules(cat, SPECIFIC);
    if (byCategory) return byCategory;
    generic = matchRules(cat, LOOSE);
  }
  const byName = nm === "" ? undefined : matchRules(nm, SPECIFIC);
  // A building stays a building (琴房 is no piano), and a desk or chair stays furniture (电脑桌 is a
  // desk, not a computer); otherwise the name refines the category (消毒柜 is an appliance).
  if (byName !== undefined && generic !== undefined && familyOf(byName) !== familyOf(generic)) {
    if (familyOf(generic) === "building") return generic;
    if (familyOf(generic) === "furniture" && /(桌|椅|凳|床|沙发)$/.test(nm)) return generic;
  }
  return byName ?? generic;
}

/** The family a class belongs to, for telling a refinement from a contradiction. */
function familyOf(id: AssetClassId): "building" | "furniture" | "other" {
  if (/building|structure/.test(id)) return "building";
  if (/furniture|desk|utensil/.test(id)) return "furniture";
  return "other";
}

/** The lives in years of the depreciated classes, as the school sets them. */
export type DepreciationLives = Readonly<Record<DepreciatedClass, number>>;

/** The settings keys of a class's life: `折旧年限:家具`, `depreciation life:furniture`. */
export function lifeSettingKeys(id: DepreciatedClass): string[] {
  return [...ASSET_CLASSES[id].settingNames.map((name) => `折旧年限:${name}`), `depreciation life:${id}`];
}

const lifeSchema = cells.number().refine((n) => n > 0 && n <= 100 && Number.isInteger(n * 12), {
  message: "A depreciation life is a positive number of years (whole months)",
  params: {
    houqin: true,
    code: "out-of-range",
    message: t(
      "折旧年限应为正数（按整月计）",
      "A depreciation life is a positive number of years (whole months)",
    ),
  },
});

/**
 * The depreciation lives of the school: each class's minimum life from 财会〔2017〕4号, unless the
 * settings set it (`折旧年限:家具` = 20; the part after the colon is any of the class's names).
 *
 * @param ctx - the check context (its settings)
 * @returns the life in years of each depreciated class
 * @example
 * depreciationLives(ctx).furniture // 15, or the school's own setting
 */
export function depreciationLives(ctx: Pick<CheckContext, "setting">): DepreciationLives {
  const lives = {} as Record<DepreciatedClass, number>;
  for (const cls of Object.values(ASSET_CLASSES)) {
    if (cls.lifeYears === undefined) continue;
    const id = cls.id as DepreciatedClass;
    lives[id] = ctx.setting(lifeSettingKeys(id), lifeSchema, cls.lifeYears);
  }
  return lives;
}

/** Whether a class is depreciated. */
export function isDepreciated(id: AssetClassId): id is DepreciatedClass {
  return ASSET_CLASSES[id].lifeYears !== undefined;
}

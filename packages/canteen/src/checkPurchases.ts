import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  HouqinError,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import { type Check, type CheckContext, cellOf, type RecognizedTable, saysNothing } from "@houqin/workbook";
import { expiryState, isLongTerm } from "./expiry.js";
import { purchases } from "./kinds.js";
import { cleanQuantity, formatPrice, multiplyPrice, type PriceValue, priceYuanText } from "./priceCell.js";
import {
  LICENCE_EXPIRIES,
  readSupplierRegister,
  type SupplierEntry,
  type SupplierRegister,
} from "./supplierRegister.js";

const CLAUSE = "三(三)3";

const MSG = {
  noRegister: {
    "zh-CN": "工作簿中没有供货商资质档案，无法核对采购时供货商的营业执照和食品经营许可证是否有效",
    en: "The workbook has no supplier register, so the suppliers' licences cannot be checked",
  },
  notRegistered: {
    "zh-CN": "{date} 从“{supplier}”采购“{item}”，但供货商资质档案中没有这家供货商，无法确认其证照有效",
    en: "{item} was bought from {supplier} on {date}, but the supplier register does not list this supplier",
  },
  expired: {
    "zh-CN": "{date} 从“{supplier}”采购“{item}”时，其{licences}已过期（见“{sheet}”第 {row} 行）",
    en: "{item} was bought from {supplier} on {date}, after its {licences} had expired (see “{sheet}” row {row})",
  },
  expiredLicence: { "zh-CN": "{licence}（有效期至 {expires}）", en: "{licence} (valid to {expires})" },
  noLicence: {
    "zh-CN":
      "{date} 从“{supplier}”采购“{item}”，但供货商资质档案（“{sheet}”第 {row} 行）没有登记其营业执照或食品经营许可证",
    en: "{item} was bought from {supplier} on {date}, but the register (“{sheet}” row {row}) records no business or food licence for it",
  },
  seasoning: {
    "zh-CN":
      "{date} 采购的调味品“{item}”（{supplier}）：{missing}；三(三)3 要求调味品供货商提供营业执照和产品检验合格证并复印存档",
    en: "Seasoning {item} from {supplier} on {date}: {missing}; 三(三)3 requires seasoning suppliers to provide a business licence and a product inspection certificate, copied and filed",
  },
  lineNotChecked: {
    "zh-CN": "本次采购未索证索票（未查验营业执照和产品检验合格证）",
    en: "the business licence and inspection certificate were not checked on this purchase",
  },
  lineBlank: {
    "zh-CN": "“索证索票”栏空白，未记录本次是否查验营业执照和产品检验合格证",
    en: "the “certificate checked” cell is blank, so it is not recorded that the licence and inspection certificate were checked",
  },
  notOnFile: {
    "zh-CN": "供货商资质档案（“{sheet}”第 {row} 行）中没有产品检验合格证复印存档",
    en: "the supplier register (“{sheet}” row {row}) has no copy of the product inspection certificate on file",
  },
  notChecked: {
    "zh-CN":
      "{date} 采购“{item}”（{supplier}）未索证索票；《食品安全法》第五十条、第五十三条要求每次采购查验供货者的许可证和产品合格证明",
    en: "{item} from {supplier} on {date} was bought without checking the supplier's licence and certificate, which 《食品安全法》§50 and §53 require on each purchase",
  },
  notCheckedBlank: {
    "zh-CN":
      "{date} 采购“{item}”（{supplier}）的“索证索票”栏空白；《食品安全法》第五十条、第五十三条要求每次采购查验供货者的许可证和产品合格证明并记录",
    en: "{item} from {supplier} on {date}: the “certificate checked” cell is blank; 《食品安全法》§50 and §53 require checking the licence and certificate on each purchase and recording it",
  },
  noCertificateColumn: {
    "zh-CN": "采购记录没有“索证索票”一栏，无法核对每次采购是否查验了供货者的许可证和产品合格证明",
    en: "The purchase log has no “certificate checked” column, so checking of licences and certificates cannot be verified",
  },
  rejectNotHandled: {
    "zh-CN":
      "{date} 验收“{item}”（{supplier}）的结果是“{acceptance}”，但没有记录如何处理（退货、销毁或更换），请在“不合格处理”栏登记",
    en: "{item} from {supplier} on {date} failed acceptance (“{acceptance}”), but how it was handled (returned, destroyed or replaced) is not recorded",
  },
  noAcceptanceColumn: {
    "zh-CN": "采购记录没有“验收结果”一栏，无法核对不合格食品是否及时处理并记录",
    en: "The purchase log has no acceptance column, so handling of rejected goods cannot be checked",
  },
  oneInspector: {
    "zh-CN": "{date} 验收“{item}”只有 {inspectors} 一人签字，验收应由采购检验小组两人以上共同完成",
    en: "{item} on {date} was accepted by {inspectors} alone; acceptance needs two or more members of the inspection group",
  },
  noInspector: {
    "zh-CN": "{date} 验收“{item}”无人签字，验收应由采购检验小组两人以上共同完成",
    en: "No one signed the acceptance of {item} on {date}; acceptance needs two or more members of the inspection group",
  },
  noInspectorColumn: {
    "zh-CN": "采购记录没有“验收人”一栏，无法核对是否由采购检验小组两人以上验收",
    en: "The purchase log has no inspectors column, so acceptance by two or more members of the inspection group cannot be checked",
  },
  amountMismatch: {
    "zh-CN": "{date}“{item}”：金额 {amount} ≠ 数量 {quantity} × 单价 {unitPrice} = {expected}",
    en: "{date} {item}: amount {amount} ≠ quantity {quantity} × unit price {unitPrice} = {expected}",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Categories that mean seasoning: 调味品, 调料, 调味料, 干调, 佐料, 香辛料. */
const SEASONING_CATEGORY_RE = /调味|调料|干调|佐料|香辛料/;

/** Seasonings recognised anywhere in an item's name ("海天酱油" is soy sauce). */
const SEASONING_IN_NAME = [
  "酱油",
  "生抽",
  "老抽",
  "醋",
  "味精",
  "鸡精",
  "鸡粉",
  "料酒",
  "蚝油",
  "豆瓣酱",
  "花椒",
  "八角",
  "辣椒粉",
  "辣椒面",
  "胡椒粉",
  "五香粉",
  "十三香",
  "孜然",
  "食盐",
  "碘盐",
  "精制盐",
  "调味",
  "调料",
] as const;

/** Seasonings recognised only as the whole name: "盐焗鸡", "红糖馒头" are not seasonings. */
const SEASONING_WHOLE_NAME = new Set(["盐", "精盐", "糖", "白糖", "白砂糖", "绵白糖", "冰糖", "红糖"]);

/** A salt by its whole name: up to five characters ending in 盐 (食用盐, 海盐, 井盐, 加碘盐, 低钠盐). */
const SALT_NAME_RE = /^[^\d]{0,4}盐$/;

/**
 * Whether a purchase is a seasoning (调味品), for the certificate rule of 三(三)3. A non-blank
 * category decides: it is a seasoning when it says 调味/调料/干调/佐料/香辛料 — except a mixed category
 * such as 粮油调料, where the name decides as without one. Without a category the
 * item's name decides, conservatively: it contains 酱油, 生抽, 老抽, 醋, 味精, 鸡精, 鸡粉, 料酒, 蚝油,
 * 豆瓣酱, 花椒, 八角, 辣椒粉, 辣椒面, 胡椒粉, 五香粉, 十三香, 孜然, 食盐, 碘盐, 精制盐, 调味 or 调料; or,
 * brackets and a trailing size dropped, it is exactly 盐, 精盐, 糖, 白糖, 白砂糖, 绵白糖, 冰糖 or 红糖, or a
 * name of up to five characters ending in 盐 (食用盐, 海盐, 井盐, 加碘盐; not 盐焗鸡).
 * Edible oil (食用油) is not a seasoning: canteen category lists file it under 粮油.
 *
 * @param item - the item's name
 * @param category - its category, if recorded
 * @returns true for a seasoning
 * @example
 * isSeasoning("海天酱油") // true
 * isSeasoning("白糖 1kg") // true
 * isSeasoning("红糖馒头") // false
 * isSeasoning("加碘盐 400g") // true
 * isSeasoning("八角", "干货") // false: the category decides
 */
export function isSeasoning(item: string, category?: string): boolean {
  const cat = category === undefined ? "" : normalizeText(category);
  // "粮油调料" lumps oil with seasoning: the name decides then.
  if (cat !== "" && !(SEASONING_CATEGORY_RE.test(cat) && /粮|油/.test(cat)))
    return SEASONING_CATEGORY_RE.test(cat);
  const name = normalizeText(item).replace(/\s+/g, "");
  if (SEASONING_IN_NAME.some((word) => name.includes(word))) return true;
  const bare = name
    .replace(/[([【][^)\]】]*[)\]】]/g, "")
    .replace(/\d.*$/, "")
    .replace(/[-*x×/]+$/i, "");
  return SEASONING_WHOLE_NAME.has(bare) || SALT_NAME_RE.test(bare);
}

/** Defects a negation can name: 变质, 腐烂, 霉变, 不合格, 质量问题, 问题… */
const DEFECT =
  "(?:不合格|不符合|不达标|不新鲜|变质|腐烂|腐败|霉烂|霉变|发霉|生虫|虫蛀|破损|过期|超期|超过?保质期|胀袋|胀听|污染|异味|异物|质量问题|问题)";

/**
 * A negated list of defects, which means the goods passed: a leading 无, 未, 未见, 未发现, 没有, 不
 * (optionally 明显/任何) before one or more defects joined by 、 ， , 和 及 与 或 or nothing: "无异味",
 * "未变质", "无腐烂变质", "无霉变、虫蛀", "未发现不合格", "无不合格品", "无质量问题", "不过期".
 */
const NEGATED_DEFECT_RE = new RegExp(
  `(?:未发现|未见|没有|无|未|不)(?:明显|任何)?${DEFECT}(?:(?:[、,，和及与或]|以及)?(?:明显)?${DEFECT})*`,
  "g",
);

/**
 * What an acceptance result says when the goods failed: 不合格, 不符合, 不达标, 不新鲜, 变质, 腐烂, 腐败,
 * 过期, 超期, 超(过)保质期, 退货, 退回, 拒收, 异味, 霉变, 发霉, 霉烂, 生虫, 虫蛀, 异物, 破损, 胀袋, 胀听,
 * 污染, 质量问题 — unless negated (无异味, 未变质, 无腐烂变质, 无霉变、虫蛀, 未发现不合格; see
 * NEGATED_DEFECT_RE). 合格, 正常, 良好 and the like mean accepted.
 */
const FAILED_RE =
  /不合格|不符合|不达标|不新鲜|变质|腐烂|腐败|过期|超期|超过?保质期|退货|退回|拒收|异味|霉变|发霉|霉烂|生虫|虫蛀|异物|破损|胀袋|胀听|污染|质量问题/;

/** Text that records how rejected goods were handled: 退货, 退回, 拒收, 销毁, 更换, 换货, 调换, 废弃, 无害化. */
const HANDLED_RE = /退货|退回|拒收|销毁|更换|换货|调换|废弃|无害化/;

/** Disposal text that says it is not handled yet: 未处理, 待处理, 尚未, 没有… */
const PENDING_RE = /^(?:未|待|尚未|暂未|还未|没有?)(?:处理|处置)?$/;

/**
 * Whether an acceptance result says the goods failed (see the word list above).
 *
 * @param acceptance - the acceptance result as written
 * @returns true when the goods were found non-conforming
 * @example
 * acceptanceFailed("部分变质") // true
 * acceptanceFailed("新鲜，无异味") // false
 * acceptanceFailed("无霉变、虫蛀") // false
 */
export function acceptanceFailed(acceptance: string | undefined): boolean {
  if (acceptance === undefined || saysNothing(acceptance)) return false;
  return FAILED_RE.test(normalizeText(acceptance).replace(NEGATED_DEFECT_RE, ""));
}

/**
 * Whether a disposal (or acceptance) text records how rejected goods were handled: any text but
 * blank, 无, 未处理, 待处理; an acceptance text counts when it says 退货, 销毁, 更换…
 */
function disposalRecorded(text: string | undefined): boolean {
  if (text === undefined || saysNothing(text)) return false;
  return !PENDING_RE.test(normalizeText(text).replace(/\s+/g, ""));
}

const NAME_SEPARATOR_RE = /[、,，/／;；\s]+/;

/**
 * The names in an inspectors cell: split on 、 , ， / ／ ; ； and white space, and on 和, 及, 与 when
 * every part is then at least two characters long (so "张三和李四" is two people but "王和平" one).
 * Placeholders such as 无 or "-" are not names.
 *
 * @param text - the cell's text
 * @returns the names
 * @example
 * inspectorNames("张三、李四") // ["张三", "李四"]
 * inspectorNames("王和平") // ["王和平"]
 */
export function inspectorNames(text: string | undefined): string[] {
  if (text === undefined) return [];
  return normalizeText(text)
    .split(NAME_SEPARATOR_RE)
    .flatMap((part) => {
      const pieces = part.split(/[和及与]/);
      return pieces.length > 1 && pieces.every((p) => p.length >= 2) ? pieces : [part];
    })
    .filter((name) => name !== "" && !saysNothing(name));
}

/**
 * The money values of a purchase line. The unit price is a whole number of fen or, as `priceCell()`
 * reads it, an exact `UnitPrice` with sub-fen decimals (¥2.375).
 */
export interface PurchaseMoney {
  quantity?: number;
  unitPrice?: PriceValue;
  amount?: Fen;
}

/**
 * The amount of a purchase line: the amount when it is recorded, else quantity × unit price,
 * multiplied exactly and rounded once, half up, to the fen, else undefined. Cost accounting uses it
 * so the settlement ties to the purchase log to the fen.
 *
 * @param values - the line's quantity, unit price and amount
 * @returns the amount in fen, or undefined when it cannot be known
 * @example
 * purchaseAmount({ quantity: 20.5, unitPrice: 250 }) // 5125
 * purchaseAmount({ quantity: 1000, unitPrice: { numerator: 855, scale: 1 } }) // 85500 (¥0.855 × 1000)
 * purchaseAmount({ quantity: 20, unitPrice: 250, amount: 5200 }) // 5200
 */
export function purchaseAmount(values: PurchaseMoney): Fen | undefined {
  if (values.amount !== undefined) return values.amount;
  if (values.quantity === undefined || values.unitPrice === undefined) return undefined;
  return product(values.unitPrice, values.quantity);
}

/** Unit price × quantity in fen, or undefined when it is out of range. */
function product(unitPrice: PriceValue, quantity: number): Fen | undefined {
  try {
    return multiplyPrice(unitPrice, quantity);
  } catch (error) {
    if (error instanceof HouqinError) return undefined;
    throw error;
  }
}

type LicenceProblem =
  | { reason: "not-registered" }
  | { reason: "no-licence"; entry: SupplierEntry }
  | {
      reason: "expired";
      entry: SupplierEntry;
      expired: { field: string; name: Bilingual; expires: IsoDate }[];
    };

const LICENCE_FIELDS = ["licenceNo", "licenceExpiry", "foodLicenceNo", "foodLicenceExpiry"] as const;

/** Why a register row does not show a valid licence on a day, or undefined when it does (or cannot tell). */
function entryProblem(entry: SupplierEntry, date: IsoDate): LicenceProblem | undefined {
  // A register without any licence column cannot tell; checkSuppliers says so once.
  if (!LICENCE_FIELDS.some((f) => entry.has(f))) return undefined;
  const expired = LICENCE_EXPIRIES.flatMap(({ field, name }) => {
    const expires = entry.values[field];
    return expires !== undefined && !isLongTerm(expires) && expiryState(expires, date, 0) === "expired"
      ? [{ field, name, expires }]
      : [];
  });
  if (expired.length > 0) return { reason: "expired", entry, expired };
  if (!LICENCE_FIELDS.some((f) => entry.recorded(f))) return { reason: "no-licence", entry };
  return undefined;
}

/**
 * Whether a supplier had a valid licence on a day, by the register: it is listed, and one of its
 * rows has a licence number or expiry recorded and no licence expired before that day.
 */
function licenceProblem(
  register: SupplierRegister,
  supplier: string,
  date: IsoDate,
): LicenceProblem | undefined {
  const entries = register.find(supplier);
  if (entries.length === 0) return { reason: "not-registered" };
  const problems = entries.map((e) => entryProblem(e, date));
  return problems.some((p) => p === undefined) ? undefined : problems[0];
}

/**
 * Checks the purchase and acceptance log (食品采购验收记录) against 三(三)3 and 《食品安全法》§50, §53:
 * - `canteen/supplier-unlicensed` (error, supplier cell): the supplier register shows no valid
 *   licence on the purchase date: the supplier is not listed; its business or food licence expired
 *   before that day; or it has no licence number or expiry at all.
 * - `canteen/no-supplier-register` (info): once, at the first purchase log's header, when the
 *   workbook has no supplier register (licences cannot be checked).
 * - `canteen/seasoning-without-certificate` (error): a seasoning ({@link isSeasoning}) bought without
 *   checking the certificate (索证索票 no or blank) — at that cell — or from a supplier whose product
 *   inspection certificate is not on file in the register (every row of it says no or is blank; an unreadable
 *   register cell leaves it unknown and says nothing) — at the item cell.
 * - `canteen/certificate-not-checked` (warning): any other purchase whose 索证索票 cell says no or is
 *   blank; info once when the log has no such column.
 * - `canteen/reject-not-handled` (error): the acceptance result says the goods failed
 *   ({@link acceptanceFailed}) and nothing records how they were handled: the disposal cell is blank
 *   (or 无, 未处理), or, without a disposal column, at the acceptance cell. An acceptance text that
 *   itself says 退货, 拒收, 销毁, 更换… counts as handled. Info once when there is no acceptance column.
 * - `canteen/single-inspector` (error): fewer than two names in the inspectors cell
 *   ({@link inspectorNames}); info once when there is no inspectors column.
 * - `canteen/amount-mismatch` (error): amount ≠ quantity × unit price, multiplied exactly (a unit
 *   price read by `priceCell()` keeps its sub-fen decimals, ¥2.375) and rounded once, half up, to the
 *   fen (a negative amount, a return, is compared by its size).
 *
 * No settings.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkPurchases(ctx);
 */
export function checkPurchases(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const tables = ctx.tablesOf(purchases);
  const register = readSupplierRegister(ctx);
  const hasRegister = register.tables.length > 0;
  const findings: Finding[] = [];
  const saidOnce = new Set<string>();

  for (const parsed of tables) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    const header = (field: string) => ({
      sheet: table.sheet,
      cell: cellOf(table as RecognizedTable, table.headerRow, field),
      row: table.headerRow,
    });
    const once = (rule: string, when: boolean, message: Bilingual, field: string) => {
      if (!when || saidOnce.has(rule)) return;
      saidOnce.add(rule);
      findings.push({ rule, severity: "info", message: t(message), clause: CLAUSE, ...header(field) });
    };
    once("canteen/no-supplier-register", !hasRegister, MSG.noRegister, "supplier");
    once(
      "canteen/certificate-not-checked",
      columns.certificateChecked === undefined,
      MSG.noCertificateColumn,
      "supplier",
    );
    once("canteen/reject-not-handled", columns.acceptance === undefined, MSG.noAcceptanceColumn, "item");
    once("canteen/single-inspector", columns.inspectors === undefined, MSG.noInspectorColumn, "item");

    for (const { row, values, unreadable = [] } of parsed.rows) {
      const at = (field: string) => ({
        sheet: table.sheet,
        cell: cellOf(table as RecognizedTable, row, field),
        row,
      });
      const { date, supplier, item } = values;
      const readable = (field: string) => columns[field] !== undefined && !unreadable.includes(field);
      const data = { date, supplier, item };

      if (hasRegister) {
        const problem = licenceProblem(register, supplier, date);
        if (problem) {
          const where =
            problem.reason === "not-registered"
              ? {}
              : { sheet: problem.entry.table.sheet, row: problem.entry.row };
          const message =
            problem.reason === "not-registered"
              ? t(MSG.notRegistered, data)
              : problem.reason === "no-licence"
                ? t(MSG.noLicence, { ...data, ...where })
                : t(MSG.expired, {
                    ...data,
                    ...where,
                    licences: problem.expired
                      .map((e) => t(MSG.expiredLicence, { licence: t(e.name), expires: e.expires }))
                      .join(ctx.lang === "en" ? " and " : "、"),
                  });
          findings.push({
            rule: "canteen/supplier-unlicensed",
            severity: "error",
            message,
            clause: CLAUSE,
            ...at("supplier"),
            data: {
              ...data,
              reason: problem.reason,
              ...(problem.reason === "expired"
                ? { expired: problem.expired.map((e) => ({ licence: e.field, expires: e.expires })) }
                : {}),
              ...(problem.reason === "not-registered"
                ? {}
                : { registerSheet: problem.entry.table.sheet, registerRow: problem.entry.row }),
            },
          });
        }
      }

      // 索证索票: a seasoning needs the licence and inspection certificate (error); anything else
      // needs them checked (warning). Never both.
      const checked = values.certificateChecked;
      const lineMissing = readable("certificateChecked") && checked !== true;
      if (isSeasoning(item, values.category)) {
        // The register's 检验合格证存档: on file when a row says so; unknown when a row's cell is
        // unreadable (already reported there); not on file when every row says no or is blank.
        const entries = register.find(supplier).filter((e) => e.has("certificatesOnFile"));
        const onFile = entries.some((e) => e.values.certificatesOnFile === true);
        const unknown = entries.some((e) => e.unreadable.includes("certificatesOnFile"));
        const notOnFile = !onFile && !unknown ? entries[0] : undefined;
        if (lineMissing || notOnFile) {
          const missing = [
            ...(lineMissing ? [t(checked === false ? MSG.lineNotChecked : MSG.lineBlank)] : []),
            ...(notOnFile ? [t(MSG.notOnFile, { sheet: notOnFile.table.sheet, row: notOnFile.row })] : []),
          ].join(ctx.lang === "en" ? "; " : "；");
          findings.push({
            rule: "canteen/seasoning-without-certificate",
            severity: "error",
            message: t(MSG.seasoning, { ...data, missing }),
            clause: CLAUSE,
            ...at(lineMissing ? "certificateChecked" : "item"),
            data: {
              ...data,
              certificateChecked: lineMissing ? (checked ?? null) : true,
              certificatesOnFile: notOnFile ? false : onFile ? true : null,
              ...(notOnFile ? { registerSheet: notOnFile.table.sheet, registerRow: notOnFile.row } : {}),
            },
          });
        }
      } else if (lineMissing) {
        findings.push({
          rule: "canteen/certificate-not-checked",
          severity: "warning",
          message: t(checked === false ? MSG.notChecked : MSG.notCheckedBlank, data),
          clause: CLAUSE,
          ...at("certificateChecked"),
          data: { ...data, certificateChecked: checked ?? null },
        });
      }

      // Rejected goods must be handled and the handling recorded.
      const acceptance = values.acceptance;
      if (readable("acceptance") && acceptanceFailed(acceptance)) {
        const handled = HANDLED_RE.test(normalizeText(acceptance ?? "")) || disposalRecorded(values.disposal);
        if (!handled && !unreadable.includes("disposal"))
          findings.push({
            rule: "canteen/reject-not-handled",
            severity: "error",
            message: t(MSG.rejectNotHandled, { ...data, acceptance }),
            clause: CLAUSE,
            ...at(columns.disposal !== undefined ? "disposal" : "acceptance"),
            data: { ...data, acceptance, disposal: values.disposal ?? null },
          });
      }

      // Acceptance by the inspection group: two or more people.
      if (readable("inspectors")) {
        const names = inspectorNames(values.inspectors);
        if (names.length < 2)
          findings.push({
            rule: "canteen/single-inspector",
            severity: "error",
            message: t(names.length === 0 ? MSG.noInspector : MSG.oneInspector, {
              ...data,
              inspectors: names[0] ?? "",
            }),
            clause: CLAUSE,
            ...at("inspectors"),
            data: { ...data, inspectors: names },
          });
      }

      // Amount = quantity × unit price, to the fen.
      const { quantity, unitPrice, amount } = values;
      if (quantity !== undefined && unitPrice !== undefined && amount !== undefined) {
        // A return is written with a negative quantity or a negative amount (or both): compare sizes.
        const computed = product(unitPrice, quantity);
        const expected =
          computed === undefined ? undefined : amount < 0 === computed < 0 ? computed : -computed;
        if (expected !== undefined && expected !== amount) {
          const unit = values.unit ? ` ${values.unit}` : "";
          findings.push({
            rule: "canteen/amount-mismatch",
            severity: "error",
            message: t(MSG.amountMismatch, {
              ...data,
              amount: formatMoney(amount),
              quantity: `${cleanQuantity(quantity)}${unit}`,
              unitPrice: formatPrice(unitPrice),
              expected: formatMoney(expected),
            }),
            clause: CLAUSE,
            ...at("amount"),
            data: {
              ...data,
              amount,
              quantity,
              unitPrice: priceYuanText(unitPrice),
              expected,
              ...(values.unit ? { unit: values.unit } : {}),
            },
          });
        }
      }
    }
  }
  return findings;
}

/** The purchase and acceptance check as the apps run it (三(三)3). */
export const purchaseCheck: Check = {
  id: "canteen/purchases",
  title: tr("食品采购验收", "Purchases and acceptance"),
  kinds: [purchases],
  run: checkPurchases,
};

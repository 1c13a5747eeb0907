import { type Bilingual, type Finding, type IsoDate, isoToDate, localize } from "@houqin/core";
import { type Check, type CheckContext, cellOf, type RecognizedTable } from "@houqin/workbook";
import { expiryState, expiryWarningDays, isLongTerm } from "./expiry.js";
import { suppliers } from "./kinds.js";
import {
  LICENCE_EXPIRIES,
  readSupplierRegister,
  type SupplierEntry,
  type SupplierField,
  supplierKey,
} from "./supplierRegister.js";

const CLAUSE = "三(三)3";

const MSG = {
  expired: {
    "zh-CN":
      "供货商“{supplier}”的{licence}有效期至 {expires}，到 {asOf} 已过期 {days} 天，请索取新证并更新资质档案",
    en: "{supplier}'s {licence} expired on {expires}, {days} days before {asOf}; obtain the renewed licence and update the register",
  },
  expiring: {
    "zh-CN": "供货商“{supplier}”的{licence}将于 {expires} 到期，还剩 {days} 天，请提前索取新证",
    en: "{supplier}'s {licence} expires on {expires}, in {days} days; obtain the renewed licence in time",
  },
  expiresToday: {
    "zh-CN": "供货商“{supplier}”的{licence}今天（{expires}）到期，请尽快索取新证",
    en: "{supplier}'s {licence} expires today ({expires}); obtain the renewed licence now",
  },
  missing: {
    "zh-CN": "供货商“{supplier}”没有登记营业执照（证号和有效期都是空的），应索取营业执照并复印存档",
    en: "{supplier} has no business licence on record (neither number nor expiry); obtain a copy and file it",
  },
  noLicenceColumns: {
    "zh-CN": "供货商资质表没有“营业执照号”或“营业执照有效期”一栏，无法核对供货商是否登记了营业执照",
    en: "The supplier register has no business licence number or expiry column, so licences cannot be checked",
  },
  noExpiryColumns: {
    "zh-CN": "供货商资质表没有营业执照或食品经营许可证的有效期一栏，无法核对证照是否过期",
    en: "The supplier register has no licence expiry column, so expired licences cannot be found",
  },
  duplicate: {
    "zh-CN":
      "供货商“{supplier}”已在“{sheet}”第 {firstRow} 行登记，此行的资质信息与之不同（{diffs}），请核对以哪一行为准",
    en: "{supplier} is already listed on “{sheet}” row {firstRow} with different licence data ({diffs}); check which row is right",
  },
  diff: { "zh-CN": "{field}：{first} 与 {second}", en: "{field}: {first} vs {second}" },
  renewal: {
    "zh-CN":
      "供货商“{supplier}”已在“{sheet}”第 {firstRow} 行登记，此行是换证记录（{renewals}），以有效期较晚的证为准",
    en: "{supplier} is already listed on “{sheet}” row {firstRow}; this row records a renewal ({renewals}); the later licence counts",
  },
  renewed: {
    "zh-CN": "{licence}有效期 {first} → {second}",
    en: "{licence} valid to {first} → {second}",
  },
  blank: { "zh-CN": "（空）", en: "(blank)" },
  longTerm: { "zh-CN": "长期", en: "long-term" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The fields two rows of one supplier must agree on. */
const LICENCE_DATA = [
  "licenceNo",
  "licenceExpiry",
  "foodLicenceNo",
  "foodLicenceExpiry",
] as const satisfies readonly SupplierField[];

const DAY_MS = 86_400_000;

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
function daysFrom(a: IsoDate, b: IsoDate): number {
  return Math.round((isoToDate(b).getTime() - isoToDate(a).getTime()) / DAY_MS);
}

/** The licences of the register: each expiry field with its number field. */
const LICENCES = [
  { expiry: "licenceExpiry", no: "licenceNo" },
  { expiry: "foodLicenceExpiry", no: "foodLicenceNo" },
] as const satisfies readonly { expiry: SupplierField; no: SupplierField }[];

/**
 * Whether two rows of a supplier differ only by renewals: every licence whose data differ has both
 * expiries recorded and different (its number may differ too, a renewed licence may get a new one).
 */
function onlyRenewals(
  diffs: readonly { field: SupplierField }[],
  a: SupplierEntry,
  b: SupplierEntry,
): boolean {
  return LICENCES.every(({ expiry, no }) => {
    if (!diffs.some((d) => d.field === expiry || d.field === no)) return true;
    const x = a.values[expiry];
    const y = b.values[expiry];
    return x !== undefined && y !== undefined && x !== y;
  });
}

/**
 * Whether another row of the same supplier records a later expiry of the same licence that has not
 * expired on `asOf`: the supplier renewed the licence, so the old row's date is history.
 */
function renewedElsewhere(
  others: readonly SupplierEntry[],
  entry: SupplierEntry,
  field: SupplierField & ("licenceExpiry" | "foodLicenceExpiry"),
  expires: IsoDate,
  asOf: IsoDate,
): boolean {
  return others.some((other) => {
    const later = other === entry ? undefined : other.values[field];
    return later !== undefined && later > expires && expiryState(later, asOf, 0) !== "expired";
  });
}

/** A licence number as compared: no white space, upper case. */
function sameText(a: string, b: string): boolean {
  return supplierKey(a).toUpperCase() === supplierKey(b).toUpperCase();
}

/**
 * Checks the supplier register (供货商资质档案, 三(三)3; 《食品安全法》§50 requires checking each
 * supplier's licences):
 * - `canteen/licence-expired` (error): a business licence or food licence expiry before "today"
 *   (ctx.asOf); info once per register table without any expiry column.
 * - `canteen/licence-expiring` (warning): an expiry within the warning period, the setting
 *   证照到期提醒天数 (default 30 days, see `expiryWarningDays`). A licence whose expiry reads
 *   长期/永久/无固定期限 (once the kind reads it with `expiryCell()`) never expires.
 * - `canteen/licence-missing` (warning): a supplier with neither a business licence number nor its
 *   expiry, where at least one of those columns exists; info once per table with neither column.
 *   A missing food licence is not reported: sellers of edible farm produce need none (§35).
 *   A supplier listed on several rows whose licence was renewed (another row records a later expiry
 *   of the same licence that has not expired) is judged by the renewed licence: the old row's expiry
 *   is history and is not reported.
 * - `canteen/duplicate-supplier` (warning): a supplier listed again (same name after normalising)
 *   with different licence data, at the later row's supplier cell. When the only differences are
 *   renewals (a licence with another expiry date, possibly a new number), it is info (换证记录)
 *   instead: nothing is wrong, but the clerk sees which row houqin goes by.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkSuppliers(ctx);
 */
export function checkSuppliers(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const warningDays = expiryWarningDays(ctx);
  const register = readSupplierRegister(ctx);
  const findings: Finding[] = [];

  for (const { table } of register.tables) {
    const columns = table.columns as Record<string, number | undefined>;
    const header = (field: string) => ({
      sheet: table.sheet,
      cell: cellOf(table as RecognizedTable, table.headerRow, field),
      row: table.headerRow,
    });
    if (columns.licenceExpiry === undefined && columns.foodLicenceExpiry === undefined)
      findings.push({
        rule: "canteen/licence-expired",
        severity: "info",
        message: t(MSG.noExpiryColumns),
        clause: CLAUSE,
        ...header("supplier"),
      });
    if (columns.licenceNo === undefined && columns.licenceExpiry === undefined)
      findings.push({
        rule: "canteen/licence-missing",
        severity: "info",
        message: t(MSG.noLicenceColumns),
        clause: CLAUSE,
        ...header("supplier"),
      });
  }

  const firstOf = new Map<string, SupplierEntry>();
  for (const entry of register.entries) {
    const { table, row, values } = entry;
    const supplier = values.supplier;
    const at = (field: string) => ({
      sheet: table.sheet,
      cell: cellOf(table as RecognizedTable, row, field),
      row,
    });

    for (const { field, name } of LICENCE_EXPIRIES) {
      const expires = values[field];
      if (expires === undefined || isLongTerm(expires)) continue;
      const state = expiryState(expires, ctx.asOf, warningDays);
      if (state === "valid") continue;
      if (renewedElsewhere(register.find(supplier), entry, field, expires, ctx.asOf)) continue;
      const licence = t(name);
      const days = Math.abs(daysFrom(ctx.asOf, expires));
      const data = { supplier, licence: field, expires, asOf: ctx.asOf, warningDays };
      if (state === "expired")
        findings.push({
          rule: "canteen/licence-expired",
          severity: "error",
          message: t(MSG.expired, { supplier, licence, expires, asOf: ctx.asOf, days }),
          clause: CLAUSE,
          ...at(field),
          data: { ...data, daysOver: days },
        });
      else
        findings.push({
          rule: "canteen/licence-expiring",
          severity: "warning",
          message: t(days === 0 ? MSG.expiresToday : MSG.expiring, { supplier, licence, expires, days }),
          clause: CLAUSE,
          ...at(field),
          data: { ...data, daysLeft: days },
        });
    }

    if (
      (entry.has("licenceNo") || entry.has("licenceExpiry")) &&
      !entry.recorded("licenceNo") &&
      !entry.recorded("licenceExpiry")
    )
      findings.push({
        rule: "canteen/licence-missing",
        severity: "warning",
        message: t(MSG.missing, { supplier }),
        clause: CLAUSE,
        ...at(entry.has("licenceNo") ? "licenceNo" : "licenceExpiry"),
        data: { supplier },
      });

    const key = supplierKey(supplier);
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, entry);
      continue;
    }
    const diffs = LICENCE_DATA.flatMap((field) => {
      if (entry.unreadable.includes(field) || first.unreadable.includes(field)) return [];
      const a = first.values[field];
      const b = values[field];
      if (a === b || (a !== undefined && b !== undefined && sameText(a, b))) return [];
      return [{ field, first: a ?? null, second: b ?? null }];
    });
    if (diffs.length === 0) continue;
    const shown = (v: string | null) => (v === null ? t(MSG.blank) : isLongTerm(v) ? t(MSG.longTerm) : v);
    const where = { supplier, sheet: first.table.sheet, firstRow: first.row };
    const data = { supplier, firstSheet: first.table.sheet, firstRow: first.row, differences: diffs };
    if (onlyRenewals(diffs, first, entry)) {
      const renewals = LICENCE_EXPIRIES.flatMap(({ field, name }) =>
        diffs.some((d) => d.field === field)
          ? [
              t(MSG.renewed, {
                licence: t(name),
                first: shown(first.values[field] ?? null),
                second: shown(values[field] ?? null),
              }),
            ]
          : [],
      );
      findings.push({
        rule: "canteen/duplicate-supplier",
        severity: "info",
        message: t(MSG.renewal, { ...where, renewals: renewals.join(ctx.lang === "en" ? "; " : "；") }),
        clause: CLAUSE,
        ...at("supplier"),
        data: { ...data, renewal: true },
      });
      continue;
    }
    findings.push({
      rule: "canteen/duplicate-supplier",
      severity: "warning",
      message: t(MSG.duplicate, {
        ...where,
        diffs: diffs
          .map((d) =>
            t(MSG.diff, {
              field: t(suppliers.fields[d.field].title),
              first: shown(d.first),
              second: shown(d.second),
            }),
          )
          .join(ctx.lang === "en" ? "; " : "；"),
      }),
      clause: CLAUSE,
      ...at("supplier"),
      data,
    });
  }
  return findings;
}

/** The supplier register check as the apps run it (三(三)3). */
export const supplierCheck: Check = {
  id: "canteen/suppliers",
  title: tr("供货商资质", "Supplier licences"),
  kinds: [suppliers],
  run: checkSuppliers,
};

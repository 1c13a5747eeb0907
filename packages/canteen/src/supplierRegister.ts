import { type Bilingual, normalizeText } from "@houqin/core";
import type { CheckContext, ParsedTable, RecognizedTable, RowOf } from "@houqin/workbook";
import { suppliers } from "./kinds.js";

/**
 * The key suppliers are matched by: the name normalised (half-width, no white space, lower case).
 * No suffix is dropped: "绿源蔬菜" and "绿源蔬菜配送有限公司" stay two suppliers, since houqin cannot
 * tell whether they are one company.
 *
 * @param name - a supplier's name as written
 * @returns the key
 * @example
 * supplierKey("绿源　蔬菜（城南店）") // "绿源蔬菜(城南店)"
 */
export function supplierKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, "").toLowerCase();
}

/** The row values of the supplier register. */
export type SupplierValues = RowOf<(typeof suppliers)["fields"]>;

/** The fields of the supplier register. */
export type SupplierField = keyof (typeof suppliers)["fields"];

/** The licences whose expiry the register records, with their names in messages. */
export const LICENCE_EXPIRIES = [
  { field: "licenceExpiry", name: { "zh-CN": "营业执照", en: "business licence" } },
  { field: "foodLicenceExpiry", name: { "zh-CN": "食品经营许可证", en: "food licence" } },
] as const satisfies readonly { field: SupplierField; name: Bilingual }[];

/** One row of the supplier register, with where it is and what its table records. */
export interface SupplierEntry {
  /** The table the row is in. */
  table: RecognizedTable<(typeof suppliers)["fields"]>;
  /** The 1-based worksheet row. */
  row: number;
  values: SupplierValues;
  /** Fields whose cell held something unreadable (already reported by the row parser). */
  unreadable: readonly string[];
  /** Whether the row's table has a column for the field. */
  has(field: SupplierField): boolean;
  /** Whether the field's cell holds a value, readable or not (a cell the row parser could not read counts). */
  recorded(field: SupplierField): boolean;
}

/** The supplier register of a workbook, read once and shared by the purchase and supplier checks. */
export interface SupplierRegister {
  /** The register's tables; empty when the workbook has none. */
  tables: readonly ParsedTable<(typeof suppliers)["fields"]>[];
  /** Every row, in workbook order. */
  entries: readonly SupplierEntry[];
  /** The rows of a supplier, by name ({@link supplierKey}); empty when it is not in the register. */
  find(name: string): readonly SupplierEntry[];
}

/**
 * Reads the supplier register (`canteen.suppliers`) of the workbook.
 *
 * @param ctx - the check context
 * @returns the register, with its rows by supplier
 * @example
 * const register = readSupplierRegister(ctx);
 * register.find("绿源蔬菜")[0]?.values.licenceExpiry // "2025-12-31"
 */
export function readSupplierRegister(ctx: CheckContext): SupplierRegister {
  const tables = ctx.tablesOf(suppliers);
  const entries: SupplierEntry[] = [];
  const byKey = new Map<string, SupplierEntry[]>();
  for (const parsed of tables) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    for (const { row, values, unreadable = [] } of parsed.rows) {
      const entry: SupplierEntry = {
        table,
        row,
        values,
        unreadable,
        has: (field) => columns[field] !== undefined,
        recorded: (field) => values[field] !== undefined || unreadable.includes(field),
      };
      entries.push(entry);
      const key = supplierKey(values.supplier);
      byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
  }
  return { tables, entries, find: (name) => byKey.get(supplierKey(name)) ?? [] };
}

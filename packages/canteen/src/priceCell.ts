import { type Bilingual, type Fen, formatMoney, multiplyFen, normalizeText, parseMoney } from "@houqin/core";
import { type CellInput, type CellIssueParams, type CellSchema, cells } from "@houqin/workbook";
import { z } from "zod";

/**
 * A unit price read exactly, to any decimals of the fen: the price in fen is
 * `numerator / 10^scale`. ¥2.375 (237.5 fen) is `{ numerator: 2375, scale: 1 }`, ¥2.38 is
 * `{ numerator: 238, scale: 0 }`. `numerator` is a safe integer and the scale is the smallest one
 * (no trailing zero in `numerator` when `scale` > 0). Plain numbers, so a row stays JSON-safe.
 */
export interface UnitPrice {
  numerator: number;
  scale: number;
}

/** The most decimals of the fen a price keeps (10 decimals of the yuan); more are rounded half up. */
const MAX_SCALE = 8;

/** A decimal as digits and a power of ten: value = digits × 10^exponent. */
interface Decimal {
  digits: bigint;
  exponent: number;
}

/** Powers of ten of the unit words after a price, relative to the fen. */
const UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  元整: 2,
  元: 2,
  圆整: 2,
  圆: 2,
  块钱: 2,
  块: 2,
  RMB: 2,
  CNY: 2,
  万元: 6,
  万: 6,
  角: 1,
  分: 0,
};
const UNIT_RE = /\s*(元整|元|圆整|圆|块钱|块|RMB|CNY|万元|万|角|分)$/i;
const PREFIX_RE = /^(?:¥|RMB|CNY|人民币)\s*/i;
/** A per-unit suffix: "2.5元/斤", "3元每公斤", "¥12/kg". */
const PER_UNIT_RE = /\s*(?:\/|每)\s*[^\d\s/]{1,4}$/;
const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The exact decimal of a finite non-negative number's shortest round-trip text (1e-7 included). */
function decimalOfNumber(n: number): Decimal | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  // Excel keeps 15 significant digits; a formula's float noise (2.3750000000000004) goes.
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(Number(n.toPrecision(15))));
  if (!m) return undefined;
  const fraction = m[2] ?? "";
  // In yuan, so two more decimals of the fen.
  return { digits: BigInt(`${m[1] ?? "0"}${fraction}`), exponent: Number(m[3] ?? "0") - fraction.length + 2 };
}

/** Reads price text ("¥2.375", "2.375元", "1,234.5", "8角", "2.5元/斤") into decimal fen. */
function decimalOfText(text: string): Decimal | undefined {
  let rest = text.replace(PER_UNIT_RE, "");
  const prefix = PREFIX_RE.exec(rest);
  if (prefix) rest = rest.slice(prefix[0].length);
  let exponent = 2;
  const unit = UNIT_RE.exec(rest);
  if (unit) {
    exponent = UNIT_EXPONENTS[(unit[1] ?? "").toUpperCase()] ?? 2;
    rest = rest.slice(0, unit.index);
  }
  const m = NUMBER_RE.exec(rest.trim());
  if (!m) return undefined;
  const whole = (m[1] ?? "").replaceAll(",", "");
  const fraction = m[2] ?? "";
  if (whole === "" && fraction === "") return undefined;
  return { digits: BigInt(`${whole}${fraction}` || "0"), exponent: exponent - fraction.length };
}

/** A decimal in fen as the smallest exact {@link UnitPrice}, or undefined when it is out of range. */
function toUnitPrice({ digits, exponent }: Decimal): UnitPrice | undefined {
  let numerator = digits;
  let scale = 0 - exponent;
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  while (scale > 0 && (scale > MAX_SCALE || numerator > MAX_SAFE)) {
    numerator = (numerator + 5n) / 10n;
    scale -= 1;
  }
  while (scale > 0 && numerator % 10n === 0n) {
    numerator /= 10n;
    scale -= 1;
  }
  return numerator > MAX_SAFE ? undefined : { numerator: Number(numerator), scale };
}

const issue = (code: string, message: Bilingual): CellIssueParams => ({ houqin: true, code, message });

/**
 * The cell schema of a unit price (单价), read exactly: a price is often quoted to the li (¥2.375 a
 * jin), and rounding it to the fen before multiplying would put the line's amount off by up to half
 * a fen per unit. It reads what {@link cells.money} reads — numbers, "¥2.375", "2.375元", "８角",
 * full-width digits, thousands separators — plus a per-unit suffix ("2.5元/斤", "3元每公斤"), keeping
 * every decimal (up to 10 of the yuan). Forms only `parseMoney` knows ("(1.00)", "+2") are read to the
 * fen by it; anything unreadable gives its bilingual issue; a negative price is refused.
 *
 * @returns the schema, for the `unitPrice` field of `canteen.purchases`
 * @example
 * priceCell().parse({ value: "¥2.375", text: "¥2.375", dateSystem: "1900" }) // { numerator: 2375, scale: 1 }
 * priceCell().parse({ value: 2.5, text: "2.5", dateSystem: "1900" }) // { numerator: 250, scale: 0 }
 */
export function priceCell(): CellSchema<UnitPrice> {
  const money = cells.money();
  return z
    .custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v)
    .transform((cell, ctx) => {
      const raw = typeof cell.value === "number" || typeof cell.value === "string" ? cell.value : cell.text;
      const text = typeof raw === "string" ? normalizeText(raw) : undefined;
      const exact =
        typeof raw === "number"
          ? decimalOfNumber(raw)
          : text !== undefined && text !== ""
            ? decimalOfText(text)
            : undefined;
      const price = exact && toUnitPrice(exact);
      if (price) return price;
      const fallback = parseMoney(typeof raw === "number" ? raw : (text ?? "").replace(PER_UNIT_RE, ""));
      if (fallback.ok && fallback.value >= 0) return { numerator: fallback.value, scale: 0 };
      if (fallback.ok) {
        const message: Bilingual = { "zh-CN": "单价不能为负数", en: "A unit price cannot be negative" };
        ctx.addIssue({ code: "custom", message: message.en, params: { ...issue("out-of-range", message) } });
        return z.NEVER;
      }
      // Let the money schema word the issue exactly as for any amount.
      const out = money.safeParse(cell);
      for (const zodIssue of out.success ? [] : out.error.issues) {
        const params = (zodIssue as { params?: CellIssueParams }).params;
        ctx.addIssue({
          code: "custom",
          message: zodIssue.message,
          ...(params ? { params: { ...params } } : {}),
        });
      }
      if (out.success) ctx.addIssue({ code: "custom", message: "Not a unit price" });
      return z.NEVER;
    });
}

/** A unit price as a plain fen count or an exact {@link UnitPrice}. */
export type PriceValue = Fen | UnitPrice;

/** The exact form of a price, a whole fen count being `{ numerator: fen, scale: 0 }`. */
export function asUnitPrice(price: PriceValue): UnitPrice {
  return typeof price === "number" ? { numerator: price, scale: 0 } : price;
}

/**
 * Unit price × quantity, multiplied exactly and rounded once, half away from zero, to the fen
 * (through `multiplyFen`, the quantity taken as the decimal it is written as).
 *
 * @param price - the unit price, in fen or exact
 * @param quantity - the quantity
 * @returns the amount in fen
 * @throws HouqinError `MONEY_OVERFLOW` when the amount is out of range, `INVALID_ARGUMENT` for a
 *   quantity that is not finite
 * @example
 * multiplyPrice({ numerator: 2375, scale: 1 }, 100) // 23750
 * multiplyPrice({ numerator: 855, scale: 1 }, 1000) // 85500
 */
export function multiplyPrice(price: PriceValue, rawQuantity: number): Fen {
  const { numerator, scale } = asUnitPrice(price);
  const quantity = cleanQuantity(rawQuantity);
  if (scale === 0) return multiplyFen(numerator, quantity);
  // numerator × quantity × 10^-scale: hand multiplyFen the quantity already shifted, as a literal.
  const m = Number.isFinite(quantity)
    ? /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(quantity))
    : null;
  if (!m) return multiplyFen(numerator, String(quantity));
  const fraction = m[3] ?? "";
  return multiplyFen(numerator, `${m[1]}${m[2]}${fraction}e${Number(m[4] ?? "0") - fraction.length - scale}`);
}

/**
 * A quantity as Excel shows it: 15 significant digits, so that a formula's 0.7*3 (2.0999999999999996)
 * is 2.1, as the cell displays it and as the person who typed the amount read it.
 *
 * @param quantity - the quantity as stored
 * @returns the quantity to 15 significant digits
 * @example
 * cleanQuantity(0.7 * 3) // 2.1
 */
export function cleanQuantity(quantity: number): number {
  return Number.isFinite(quantity) ? Number(quantity.toPrecision(15)) : quantity;
}

/**
 * A unit price as money with all its decimals (at least two): "¥2.375", "¥1,234.50".
 *
 * @param price - the unit price, in fen or exact
 * @returns the text
 * @example
 * formatPrice({ numerator: 2375, scale: 1 }) // "¥2.375"
 * formatPrice(250) // "¥2.50"
 */
export function formatPrice(price: PriceValue): string {
  const { numerator, scale } = asUnitPrice(price);
  if (scale === 0) return formatMoney(numerator);
  const digits = String(Math.abs(numerator)).padStart(scale + 3, "0");
  const whole = digits.slice(0, -(scale + 2)).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${numerator < 0 ? "-" : ""}¥${whole}.${digits.slice(-(scale + 2))}`;
}

/**
 * A unit price in yuan as exact decimal text, for a finding's `data`: "2.375", "2.50".
 *
 * @param price - the unit price, in fen or exact
 * @returns the text, without "¥" or grouping
 */
export function priceYuanText(price: PriceValue): string {
  return formatPrice(price).replace("¥", "").replaceAll(",", "");
}

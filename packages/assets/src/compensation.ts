import { type Bilingual, type Fen, formatMoney, HouqinError, multiplyFen } from "@houqin/core";

/** What a compensation is a share of: the item's net (book) value, or its original value. */
export type CompensationBasis = "net-value" | "original-value";

/**
 * A school's compensation policy for damaged loans (三(二)3), from its settings
 * (赔偿计价 净值/原值, 赔偿系数).
 */
export interface CompensationPolicy {
  /** The value the damage share is taken of. */
  basis: CompensationBasis;
  /** The part of the damage the borrower pays, from 0 to 1 (1: all of it). */
  rate: number;
}

/** The default policy: the net value times the damage share, paid in full. */
export const DEFAULT_COMPENSATION_POLICY: CompensationPolicy = { basis: "net-value", rate: 1 };

/** What {@link compensation} is given. */
export interface CompensationInput {
  /** The item's net (book) value in fen. */
  netValue: Fen;
  /** How much of the item was damaged, from 0 to 1 (0.5 for half; 1 for lost or ruined). */
  damageShare: number;
  /** The item's original value in fen; needed by a policy on the original value. */
  originalValue?: Fen;
  /** The school's policy; {@link DEFAULT_COMPENSATION_POLICY} when absent. */
  policy?: CompensationPolicy;
}

/** A compensation and how it was worked out. */
export interface Compensation {
  /** What the borrower pays, in fen. */
  amount: Fen;
  basis: CompensationBasis;
  /** The value the share was taken of, in fen. */
  base: Fen;
  /** The working as a clerk would write it: "净值 ¥1,200.00 × 损坏比例 50% = ¥600.00". */
  working: Bilingual;
}

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** A non-negative finite number as the decimal it is written as: digits × 10^exponent. */
function decimalOf(n: number, name: string): { digits: bigint; exponent: number } {
  const m = Number.isFinite(n) && n >= 0 ? DECIMAL_RE.exec(String(n)) : null;
  if (!m) throw new HouqinError("INVALID_ARGUMENT", `${name} is not a non-negative finite number: ${n}`);
  const fraction = m[2] ?? "";
  return { digits: BigInt(`${m[1]}${fraction}`), exponent: Number(m[3] ?? 0) - fraction.length };
}

/** A share as a percentage, exactly as written: 0.5 -> "50%", 0.125 -> "12.5%". */
function percent(share: number): string {
  const { digits, exponent } = decimalOf(share, "share");
  const e = exponent + 2;
  const text = digits.toString();
  if (digits === 0n) return "0%";
  if (e >= 0) return `${text}${"0".repeat(e)}%`;
  const padded = text.padStart(-e + 1, "0");
  const whole = padded.slice(0, padded.length + e);
  const fraction = padded.slice(padded.length + e).replace(/0+$/, "");
  return `${whole.replace(/^0+(?=\d)/, "")}${fraction === "" ? "" : `.${fraction}`}%`;
}

function checkFen(value: Fen, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new HouqinError("INVALID_ARGUMENT", `${name} is not a non-negative count of fen: ${value}`);
}

/**
 * The compensation for a damaged item by the school's policy: the net value (or, by policy, the
 * original value) times the damage share, times the part the borrower pays. Computed exactly and
 * rounded once, half away from zero, to the fen.
 *
 * @param input - the values, the damage share and the policy
 * @returns the amount and its working in both languages
 * @throws HouqinError `INVALID_ARGUMENT` when a value is not a non-negative safe integer of fen, the
 *   share is not between 0 and 1, the rate is negative, or the policy needs an original value that is
 *   not given
 * @example
 * compensation({ netValue: 120000, damageShare: 0.5 }).working["zh-CN"]
 * // "净值 ¥1,200.00 × 损坏比例 50% = ¥600.00"
 */
export function compensation(input: CompensationInput): Compensation {
  const policy = input.policy ?? DEFAULT_COMPENSATION_POLICY;
  checkFen(input.netValue, "netValue");
  if (!(input.damageShare >= 0 && input.damageShare <= 1))
    throw new HouqinError("INVALID_ARGUMENT", `The damage share must be from 0 to 1: ${input.damageShare}`);
  let base = input.netValue;
  if (policy.basis === "original-value") {
    if (input.originalValue === undefined)
      throw new HouqinError("INVALID_ARGUMENT", "The policy is on the original value, which was not given");
    checkFen(input.originalValue, "originalValue");
    base = input.originalValue;
  }
  const share = decimalOf(input.damageShare, "damageShare");
  const rate = decimalOf(policy.rate, "rate");
  const amount = multiplyFen(base, `${share.digits * rate.digits}e${share.exponent + rate.exponent}`);

  const label: Bilingual =
    policy.basis === "net-value"
      ? { "zh-CN": "净值", en: "net value" }
      : { "zh-CN": "原值", en: "original value" };
  const rateText = policy.rate === 1 ? undefined : percent(policy.rate);
  const shareText = percent(input.damageShare);
  const working: Bilingual = {
    "zh-CN": [
      `${label["zh-CN"]} ${formatMoney(base)}`,
      `损坏比例 ${shareText}`,
      ...(rateText ? [`赔偿系数 ${rateText}`] : []),
    ]
      .join(" × ")
      .concat(` = ${formatMoney(amount)}`),
    en: [
      `${label.en} ${formatMoney(base)}`,
      `damage share ${shareText}`,
      ...(rateText ? [`rate ${rateText}`] : []),
    ]
      .join(" × ")
      .concat(` = ${formatMoney(amount)}`),
  };
  return { amount, basis: policy.basis, base, working };
}

import { addFen, type Fen, HouqinError, type IsoDate } from "@houqin/core";

/**
 * How purchase lines are grouped: by month ("2023-11"), by month and item, by day ("2023-11-06"), or by
 * day and item. "Item" is whatever label the lines carry: the item bought, or its category.
 */
export type RollUpBy = "month" | "month-item" | "day" | "day-item";

/** One purchase line as the roll-up reads it: its date, its item (or category) and its amount in fen. */
export interface PurchaseLine {
  readonly date: IsoDate;
  readonly item: string;
  readonly amount: Fen;
}

/** The lines of one group, added up. */
export interface RollUpGroup {
  /** The period ("2023-11" or "2023-11-06"), or the period and the item joined by a tab ("2023-11-06\t白菜"). */
  key: string;
  /** The month or the day. */
  period: string;
  /** The item, when grouped by item. */
  item?: string;
  /** The sum of the group's amounts, exact in fen. */
  amount: Fen;
  /** How many lines the group holds. */
  lines: number;
}

/** The result of {@link rollUpPurchases}. */
export interface PurchaseRollUp {
  by: RollUpBy;
  /** The groups in order of period, then item (by code point). */
  groups: RollUpGroup[];
  /** The month totals in order of month: each the sum of its groups. */
  months: RollUpGroup[];
  /** The sum of every line. */
  total: Fen;
  /** How many lines there were. */
  lines: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function overflow(): HouqinError {
  return new HouqinError("MONEY_OVERFLOW", "rollUpPurchases: a sum is outside the safe integer range of fen");
}

/** Two safe integers add exactly unless the sum leaves the safe range, which this catches. */
function addSafe(a: number, b: number): number {
  const sum = a + b;
  if (sum > MAX_SAFE || sum < -MAX_SAFE) throw overflow();
  return sum;
}

/**
 * Adds up purchase lines by month, day, and optionally item, exactly in fen. Built for a million lines:
 * one pass; a date and an item are each looked up as they are in a Map (the month of a date is cut
 * once per distinct date; an item gets an integer id that indexes its period's row of groups), so no
 * key is built and nothing is allocated per line; running sums in plain arrays, integer arithmetic
 * only. Strings are compared only to sort the distinct periods and items once at the end.
 *
 * @param lines - the lines (any iterable; read once). Dates are "YYYY-MM-DD"; amounts are safe integers
 *   of fen and may be negative (returns)
 * @param by - the grouping
 * @returns the groups and the month totals, both sorted, the grand total and the line count
 * @throws HouqinError `INVALID_ARGUMENT` when an amount is not a safe integer; `MONEY_OVERFLOW` when a
 *   running sum leaves the safe integer range (no sum is ever rounded)
 * @example
 * const { groups, months } = rollUpPurchases(
 *   [
 *     { date: "2023-11-06", item: "白菜", amount: 12_000 },
 *     { date: "2023-11-06", item: "白菜", amount: -2_000 },
 *     { date: "2023-11-07", item: "猪肉", amount: 56_050 },
 *   ],
 *   "day-item",
 * );
 * // groups: 2023-11-06 白菜 ¥100.00 (2 lines), 2023-11-07 猪肉 ¥560.50 (1 line)
 * // months: 2023-11 ¥660.50 (3 lines)
 */
export function rollUpPurchases(lines: Iterable<PurchaseLine>, by: RollUpBy): PurchaseRollUp {
  const byMonth = by === "month" || by === "month-item";
  const withItem = by === "month-item" || by === "day-item";
  /** Date -> period slot (many dates share a month's slot). */
  const slotOfDate = new Map<string, number>();
  const slotOfPeriod = new Map<string, number>();
  const periods: string[] = [];
  /** Item -> integer id, and back. */
  const idOfItem = new Map<string, number>();
  const items: string[] = [];
  /** Per period slot: item id -> group, and the item ids it holds (only when grouping by item). */
  const groupOfItem: number[][] = [];
  const itemIds: number[][] = [];
  /** Per group: running sum (fen) and line count. Without items a group is its period slot. */
  const amounts: number[] = [];
  const counts: number[] = [];

  for (const line of lines) {
    const date = line.date;
    let slot = slotOfDate.get(date);
    if (slot === undefined) {
      const period = byMonth ? date.slice(0, 7) : date;
      slot = slotOfPeriod.get(period);
      if (slot === undefined) {
        slot = periods.length;
        periods.push(period);
        slotOfPeriod.set(period, slot);
        if (withItem) {
          groupOfItem.push([]);
          itemIds.push([]);
        } else {
          amounts.push(0);
          counts.push(0);
        }
      }
      slotOfDate.set(date, slot);
    }
    let group = slot;
    if (withItem) {
      const item = line.item;
      let id = idOfItem.get(item);
      if (id === undefined) {
        id = items.length;
        items.push(item);
        idOfItem.set(item, id);
      }
      const row = groupOfItem[slot] as number[];
      const found = row[id];
      if (found === undefined) {
        group = amounts.length;
        row[id] = group;
        (itemIds[slot] as number[]).push(id);
        amounts.push(0);
        counts.push(0);
      } else group = found;
    }
    const amount = line.amount;
    if (!Number.isSafeInteger(amount))
      throw new HouqinError(
        "INVALID_ARGUMENT",
        `rollUpPurchases: not a safe integer count of fen: ${amount}`,
      );
    amounts[group] = addSafe(amounts[group] as number, amount);
    counts[group] = (counts[group] as number) + 1;
  }

  // Output in order without comparing strings per group: periods sorted once, items ranked once.
  const byText = (list: readonly string[]) => (a: number, b: number) =>
    (list[a] as string) < (list[b] as string) ? -1 : 1;
  const slots = periods.map((_, i) => i).sort(byText(periods));
  const rank = new Int32Array(items.length);
  items
    .map((_, i) => i)
    .sort(byText(items))
    .forEach((id, r) => {
      rank[id] = r;
    });
  const groups: RollUpGroup[] = [];
  for (const slot of slots) {
    const period = periods[slot] as string;
    if (!withItem) {
      groups.push({ key: period, period, amount: amounts[slot] as number, lines: counts[slot] as number });
      continue;
    }
    const row = groupOfItem[slot] as number[];
    const ids = [...(itemIds[slot] as number[])].sort((a, b) => (rank[a] as number) - (rank[b] as number));
    for (const id of ids) {
      const g = row[id] as number;
      const item = items[id] as string;
      groups.push({
        key: `${period}\t${item}`,
        period,
        item,
        amount: amounts[g] as number,
        lines: counts[g] as number,
      });
    }
  }

  const monthIndex = new Map<string, RollUpGroup>();
  const months: RollUpGroup[] = [];
  let total = 0;
  let lineCount = 0;
  for (const g of groups) {
    const month = byMonth ? g.period : g.period.slice(0, 7);
    let m = monthIndex.get(month);
    if (!m) {
      m = { key: month, period: month, amount: 0, lines: 0 };
      monthIndex.set(month, m);
      months.push(m);
    }
    m.amount = addSafe(m.amount, g.amount);
    m.lines += g.lines;
    total = addSafe(total, g.amount);
    lineCount += g.lines;
  }
  return { by, groups, months, total, lines: lineCount };
}

/**
 * A month's food cost (伙食成本) by the stock method: what was in store at the start of the month, plus
 * what was bought, less what is still in store at its end. Exact in fen.
 *
 * @param stock - opening stock value, the month's purchases and closing stock value, in fen
 * @returns opening + purchases − closing
 * @throws HouqinError `MONEY_OVERFLOW` when the result is not a safe integer
 * @example
 * monthlyCost({ opening: 1_234_560, purchases: 25_000_000, closing: 1_000_000 }) // 25_234_560
 */
export function monthlyCost(stock: { opening: Fen; purchases: Fen; closing: Fen }): Fen {
  return addFen(addFen(stock.opening, stock.purchases), -stock.closing);
}

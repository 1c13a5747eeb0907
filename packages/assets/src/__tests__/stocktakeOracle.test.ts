import { allocateFen, type Fen, multiplyFen, normalizeText, sumFen } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountedLine,
  type LedgerLine,
  type ReconcileStocktakeOptions,
  reconcileStocktake,
  type StocktakeResult,
  type StocktakeStatus,
} from "../reconcileStocktake.js";
import { reconcileStocktakePrevious } from "./stocktakePrevious.js";

// ---------------------------------------------------------------------------------------------------
// The oracle: reconcileStocktake as it was before it was made fast (commit 395ec48), a test-only copy.
// ---------------------------------------------------------------------------------------------------

/** A key that compares text as people type it: half-width, no spaces, lower case. */
function key(text: string | undefined): string {
  return text === undefined ? "" : normalizeText(text).replace(/\s+/g, "").toLowerCase();
}

/** Quantities as decimals: sums of 0.1 and 0.2 are 0.3. */
function sumQuantity(values: readonly number[]): number {
  return Math.round(values.reduce((s, v) => s + v, 0) * 1e6) / 1e6;
}

/** `part` of `whole` units of a value, exact to the fen (the value's own split when part ≤ whole). */
function shareOf(value: Fen, part: number, whole: number): Fen {
  const p = Math.round(part * 1e6);
  const w = Math.round(whole * 1e6);
  if (p === 0) return 0;
  if (p <= w) return allocateFen(value, [p, w - p])[0] ?? 0;
  // More than the whole: the value times part/whole, rounded half up.
  const num = 2n * BigInt(value) * BigInt(p) + BigInt(w);
  return Number(num / (2n * BigInt(w)));
}

interface Group {
  ledger: number[];
  counted: number[];
  matchedBy?: "number" | "name-room";
}

/** The implementation before the performance work (issue 9), kept verbatim as the oracle. */
function reconcileStocktakeReference(
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  options: ReconcileStocktakeOptions = {},
): StocktakeResult[] {
  const scope = options.scope ?? "counted-rooms";
  const ledgerDone = new Array<boolean>(ledger.length).fill(false);
  const countedDone = new Array<boolean>(counted.length).fill(false);
  const groups: Group[] = [];

  // 1. By asset number: every line of one number, on either side, in one group.
  const countedByNumber = new Map<string, number[]>();
  counted.forEach((line, i) => {
    const k = key(line.assetNo);
    if (k === "") return;
    const list = countedByNumber.get(k) ?? [];
    list.push(i);
    countedByNumber.set(k, list);
  });
  const numberGroups = new Map<string, Group>();
  ledger.forEach((line, i) => {
    const k = key(line.assetNo);
    const found = k === "" ? undefined : countedByNumber.get(k);
    if (!found) return;
    let group = numberGroups.get(k);
    if (!group) {
      group = { ledger: [], counted: found, matchedBy: "number" };
      numberGroups.set(k, group);
      groups.push(group);
      for (const c of found) countedDone[c] = true;
    }
    group.ledger.push(i);
    ledgerDone[i] = true;
  });

  // 2. By name and room, what the numbers left.
  const byNameRoom = new Map<string, Group>();
  const nameRoomKey = (name: string | undefined, room: string | undefined) =>
    `${key(name)}\u0000${key(room)}`;
  counted.forEach((line, i) => {
    if (countedDone[i] || key(line.name) === "") return;
    const k = nameRoomKey(line.name, line.room);
    const group = byNameRoom.get(k) ?? { ledger: [], counted: [], matchedBy: "name-room" };
    group.counted.push(i);
    byNameRoom.set(k, group);
  });
  ledger.forEach((line, i) => {
    if (ledgerDone[i] || key(line.room) === "") return;
    const group = byNameRoom.get(nameRoomKey(line.name, line.room));
    if (!group) return;
    if (group.ledger.length === 0) groups.push(group);
    group.ledger.push(i);
    ledgerDone[i] = true;
    for (const c of group.counted) countedDone[c] = true;
  });

  // 3. What is left: each line on its own.
  ledger.forEach((_, i) => {
    if (!ledgerDone[i]) groups.push({ ledger: [i], counted: [] });
  });
  groups.sort((a, b) => (a.ledger[0] ?? 0) - (b.ledger[0] ?? 0));
  counted.forEach((_, i) => {
    if (!countedDone[i]) groups.push({ ledger: [], counted: [i] });
  });

  const countedRooms = new Set(counted.map((line) => key(line.room)));
  return groups.map((group) => resultOf(group, ledger, counted, scope, countedRooms));
}

function resultOf(
  group: Group,
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  scope: "all" | "counted-rooms",
  countedRooms: ReadonlySet<string>,
): StocktakeResult {
  const books = group.ledger.map((i) => ledger[i] as LedgerLine);
  const found = group.counted.map((i) => counted[i] as CountedLine);
  const first = books[0];
  const bookQuantity = sumQuantity(books.map((l) => l.quantity));
  const countedQuantity = sumQuantity(found.map((l) => l.quantity));
  const difference = sumQuantity([countedQuantity, -bookQuantity]);
  const bookRoom = first?.room;
  const room = bookRoom !== undefined && key(bookRoom) !== "" ? bookRoom : (found[0]?.room ?? "");

  let status: StocktakeStatus;
  let countedRoom: string | undefined;
  if (!first) status = "surplus";
  else if (found.length === 0)
    // In a count of some rooms, an item of another room, or of no room (a building, land), was not
    // looked for: it is not counted, not short.
    status = scope === "counted-rooms" && !countedRooms.has(key(bookRoom)) ? "uncounted" : "shortage";
  else if (countedQuantity === 0 && bookQuantity > 0) status = "shortage";
  else {
    const elsewhere = found.filter((l) => key(bookRoom) !== "" && key(l.room) !== key(bookRoom));
    if (group.matchedBy === "number" && elsewhere.length > 0) {
      status = "misplaced";
      countedRoom = [...new Set(elsewhere.map((l) => l.room))].join("、");
    } else status = difference === 0 ? "matched" : "quantity";
  }

  // Values: quantity × unit price; a group of several prices at its average, split exactly.
  const prices = new Set(books.map((l) => l.unitPrice));
  const priced = books.length > 0 && !prices.has(undefined);
  let unitPrice: Fen | undefined;
  let bookValue: Fen | undefined;
  let surplusValue: Fen | undefined;
  let shortageValue: Fen | undefined;
  if (priced) {
    bookValue = sumFen(books.map((l) => multiplyFen(l.unitPrice as Fen, l.quantity)));
    if (prices.size === 1) unitPrice = first?.unitPrice;
    // Since the reference was taken: several prices and no units on the books give no value (it threw).
    const worth = (units: number): Fen | undefined =>
      unitPrice !== undefined
        ? multiplyFen(unitPrice, units)
        : bookQuantity > 0
          ? shareOf(bookValue as Fen, units, bookQuantity)
          : undefined;
    surplusValue = difference > 0 ? worth(difference) : 0;
    shortageValue = difference < 0 ? worth(-difference) : 0;
  } else if (books.length === 0) {
    const price = found.length === 1 ? found[0]?.unitPrice : undefined;
    bookValue = 0;
    shortageValue = 0;
    if (price !== undefined) {
      unitPrice = price;
      surplusValue = multiplyFen(price, countedQuantity);
    }
  }
  if (status === "uncounted") {
    surplusValue = priced ? 0 : undefined;
    shortageValue = priced ? 0 : undefined;
  }

  const assetNo = first?.assetNo ?? found.find((l) => l.assetNo !== undefined)?.assetNo;
  const name = first?.name ?? found.find((l) => l.name !== undefined)?.name ?? "";
  return {
    status,
    ...(group.matchedBy === undefined ? {} : { matchedBy: group.matchedBy }),
    ledger: [...group.ledger].sort((a, b) => a - b),
    counted: [...group.counted].sort((a, b) => a - b),
    ...(assetNo === undefined ? {} : { assetNo }),
    name,
    room,
    ...(countedRoom === undefined ? {} : { countedRoom }),
    bookQuantity,
    countedQuantity,
    difference,
    ...(unitPrice === undefined ? {} : { unitPrice }),
    ...(bookValue === undefined ? {} : { bookValue }),
    ...(surplusValue === undefined ? {} : { surplusValue }),
    ...(shortageValue === undefined ? {} : { shortageValue }),
  };
}

// ---------------------------------------------------------------------------------------------------
// The comparison.
// ---------------------------------------------------------------------------------------------------

/** What a call gives: its results as exact text (key order kept, −0 and NaN told apart), or its error. */
function outcome(run: () => StocktakeResult[]): string {
  try {
    const results = run();
    // No two results share an array: a caller may change one result without changing another.
    const arrays = results.flatMap((r) => [r.ledger, r.counted]);
    expect(new Set(arrays).size).toBe(arrays.length);
    return JSON.stringify(results, (_, v) =>
      typeof v === "number" && (Object.is(v, -0) || Number.isNaN(v))
        ? `number:${String(Object.is(v, -0) ? "-0" : v)}`
        : v,
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `throws ${(error as Error).constructor.name} ${String(code)}: ${(error as Error).message}`;
  }
}

/** Text as people type it into a count: the same thing in full width, with spaces, in another case. */
const variants = <T>(...values: T[]) => fc.constantFrom(...values);

const assetNos = fc.oneof(
  {
    weight: 6,
    arbitrary: variants("ZC-001", "zc-001", "ZC 001", "ＺＣ－００１", " ZC-001 ", "ZC-001\u3000", "zc\t-001"),
  },
  { weight: 4, arbitrary: variants("ZC-002", "Zc-002", "ZC-\u200B002", "ZC-003", "PY000001", "py000001") },
  { weight: 1, arbitrary: variants("", " ", "\u3000", "É-1", "é-1", "İ9", "i̇9", "ZC-0\u00851") },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom("A", "a", "Ａ", "ａ", " ", "\u3000", "1", "１", "-", "－", "\u00A0", "\u0000"),
      maxLength: 4,
    }),
  },
);
const names = fc.oneof(
  {
    weight: 6,
    arbitrary: variants(
      "投影仪",
      "投影 仪",
      "学生椅",
      "学生椅\u3000",
      "课桌椅",
      "Dell PC",
      "dell pc",
      "DELL　ＰＣ",
    ),
  },
  { weight: 1, arbitrary: variants("", "  ", "打印机（未登记）", "打印机(未登记)", "a\u0000b", "a") },
);
const rooms = fc.oneof(
  {
    weight: 6,
    arbitrary: variants(
      "301",
      "３０１",
      " 301",
      "三(2)班",
      "三（2）班",
      "三 (2) 班",
      "音乐室",
      "Lab A",
      "lab a",
      "LAB\u00A0A",
    ),
  },
  {
    weight: 1,
    arbitrary: variants("", " ", "\u3000", "b\u0000", "教学楼1号101", "教学楼１号１０１", "ΣΑΛΑ", "σαλα"),
  },
);
/** Quantities as parsed cells give them: mostly whole, some decimals, the odd zero, negative or huge. */
const quantities = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 50 }) },
  { weight: 2, arbitrary: variants(0.1, 0.2, 0.3, 2.5, 1e-7, 0.1234567, 1 / 3, -0, -1, 1e10, 2 ** 53) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);
/** Unit prices in fen: mostly ordinary, some 0, −0, negative, or so large a product leaves the safe range. */
const prices = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  { weight: 1, arbitrary: variants(0, -0, -500, 1, 2 ** 52, Number.MAX_SAFE_INTEGER) },
);
const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 3) => fc.option(arbitrary, { nil: undefined, freq });

const ledgerLine: fc.Arbitrary<LedgerLine> = fc
  .record({
    assetNo: optional(assetNos),
    name: names,
    room: optional(rooms, 8),
    quantity: quantities,
    unitPrice: optional(prices, 5),
  })
  .map(({ assetNo, room, unitPrice, ...rest }) => ({
    ...(assetNo === undefined ? {} : { assetNo }),
    ...rest,
    ...(room === undefined ? {} : { room }),
    ...(unitPrice === undefined ? {} : { unitPrice }),
  }));
const countedLine: fc.Arbitrary<CountedLine> = fc
  .record({
    assetNo: optional(assetNos),
    name: optional(names, 5),
    room: rooms,
    quantity: quantities,
    unitPrice: optional(prices, 1),
  })
  .map(({ assetNo, name, unitPrice, ...rest }) => ({
    ...(assetNo === undefined ? {} : { assetNo }),
    ...(name === undefined ? {} : { name }),
    ...rest,
    ...(unitPrice === undefined ? {} : { unitPrice }),
  }));

/** A count that follows the books: each ledger line counted (or not) as it is, retyped, moved or changed. */
const countOfBooks = (ledger: readonly LedgerLine[]) =>
  fc
    .array(fc.tuple(fc.nat(3), rooms, quantities), { minLength: ledger.length, maxLength: ledger.length })
    .map((plans) =>
      ledger.flatMap((line, i): CountedLine[] => {
        const [plan, room, quantity] = plans[i] ?? [0, "301", 1];
        const same = {
          ...(line.assetNo === undefined ? {} : { assetNo: line.assetNo }),
          name: line.name,
          room: line.room ?? room,
          quantity: line.quantity,
        };
        if (plan === 0) return [same];
        if (plan === 1) return [{ ...same, room }];
        if (plan === 2) return [{ ...same, quantity }];
        return [];
      }),
    );

/** The results are exactly the reference's, and exactly those of the version before the last rewrite. */
function expectAsBefore(
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  options: ReconcileStocktakeOptions,
): void {
  const now = outcome(() => reconcileStocktake(ledger, counted, options));
  expect(now).toBe(outcome(() => reconcileStocktakeReference(ledger, counted, options)));
  expect(now).toBe(outcome(() => reconcileStocktakePrevious(ledger, counted, options)));
}

const scopes = fc.constantFrom<ReconcileStocktakeOptions>({}, { scope: "all" }, { scope: "counted-rooms" });

describe("reconcileStocktake (against the reference implementation)", () => {
  it("gives exactly the reference's results on random lines", () => {
    fc.assert(
      fc.property(
        fc.array(ledgerLine, { maxLength: 30 }),
        fc.array(countedLine, { maxLength: 30 }),
        scopes,
        (ledger, counted, options) => {
          expectAsBefore(ledger, counted, options);
        },
      ),
      { seed: 20261124, numRuns: 3000 },
    );
  });

  it("gives exactly the reference's results on a count that follows the books", () => {
    const input = fc
      .array(ledgerLine, { maxLength: 40 })
      .chain((ledger) =>
        fc.tuple(fc.constant(ledger), countOfBooks(ledger), fc.array(countedLine, { maxLength: 5 }), scopes),
      );
    fc.assert(
      fc.property(input, ([ledger, followed, extra, options]) => {
        const counted = [...followed, ...extra];
        expectAsBefore(ledger, counted, options);
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });

  it("gives exactly the reference's results when every line shares a few numbers, names and rooms", () => {
    const few = <T>(...values: T[]) => fc.constantFrom(...values);
    const ledger = fc.array(
      fc.record({
        assetNo: few("A1", "a1", "Ａ１", "A2"),
        name: few("椅", "桌"),
        room: few("1", "１", "2"),
        quantity: few(0, 1, 2, 0.5),
        unitPrice: few(100, 100, 333),
      }),
      { maxLength: 12 },
    );
    const counted = fc.array(
      fc.record({
        assetNo: few("A1", "A2", "A3"),
        name: few("椅", "桌"),
        room: few("1", "2", "3"),
        quantity: few(0, 1, 3),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(ledger, counted, scopes, (l, c, options) => {
        expectAsBefore(l, c, options);
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it("matches the reference on a seeded stocktake of a few thousand lines", () => {
    const [ledger, counted] = fc.sample(
      fc.tuple(
        fc.array(ledgerLine, { minLength: 3000, maxLength: 3000 }),
        fc.array(countedLine, { minLength: 3000, maxLength: 3000 }),
      ),
      { seed: 20261127, numRuns: 1 },
    )[0] ?? [[], []];
    for (const options of [{}, { scope: "all" as const }]) {
      expectAsBefore(ledger, counted, options);
    }
  });
});

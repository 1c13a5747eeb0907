import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CountedLine, type LedgerLine, reconcileStocktake } from "../reconcileStocktake.js";

const brief = (results: ReturnType<typeof reconcileStocktake>) =>
  results.map((r) => [r.status, r.ledger, r.counted]);

describe("reconcileStocktake", () => {
  it("matches by asset number, then by name and room", () => {
    const ledger: LedgerLine[] = [
      { assetNo: "ZC-001", name: "台式电脑", room: "302", quantity: 1, unitPrice: 600000 },
      { name: "学生课桌椅", room: "三(2)班", quantity: 40, unitPrice: 30000 },
    ];
    const counted: CountedLine[] = [
      { name: "学生课桌椅", room: "三（2）班", quantity: 40 },
      { assetNo: "ＺＣ－００１", name: "电脑", room: "302", quantity: 1 },
    ];
    const results = reconcileStocktake(ledger, counted);
    expect(brief(results)).toEqual([
      ["matched", [0], [1]],
      ["matched", [1], [0]],
    ]);
    expect(results.map((r) => r.matchedBy)).toEqual(["number", "name-room"]);
    expect(results[1]).toMatchObject({ bookValue: 1200000, surplusValue: 0, shortageValue: 0 });
  });

  it("values a quantity difference at the unit price", () => {
    const [result] = reconcileStocktake(
      [{ name: "学生课桌椅", room: "三(2)班", quantity: 40, unitPrice: 29999 }],
      [{ name: "学生课桌椅", room: "三(2)班", quantity: 37 }],
    );
    expect(result).toMatchObject({
      status: "quantity",
      bookQuantity: 40,
      countedQuantity: 37,
      difference: -3,
      shortageValue: 89997,
      surplusValue: 0,
    });
  });

  it("compares the totals of several ledger lines of one name in one room", () => {
    const results = reconcileStocktake(
      [
        { name: "学生椅", room: "三(2)班", quantity: 40, unitPrice: 10000 },
        { name: "学生椅", room: "三(2)班", quantity: 5, unitPrice: 13000 },
      ],
      [{ name: "学生椅", room: "三(2)班", quantity: 44 }],
    );
    // One missing, valued at the average of ¥4,650.00 over 45: ¥103.33.
    expect(results).toMatchObject([
      { status: "quantity", ledger: [0, 1], counted: [0], difference: -1, shortageValue: 10333 },
    ]);
    expect(results[0]?.unitPrice).toBeUndefined();
  });

  it("finds an item in another room by its number", () => {
    const [result] = reconcileStocktake(
      [{ assetNo: "ZC-002", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 }],
      [{ assetNo: "ZC-002", name: "投影仪", room: "会议室", quantity: 1 }],
    );
    expect(result).toMatchObject({ status: "misplaced", room: "301", countedRoom: "会议室", difference: 0 });
  });

  it("calls what is counted and not on the books 盘盈, and what is on the books and not found 盘亏", () => {
    const results = reconcileStocktake(
      [
        { assetNo: "ZC-003", name: "打印机", room: "302", quantity: 1, unitPrice: 200000 },
        { assetNo: "ZC-004", name: "扫描仪", room: "302", quantity: 1, unitPrice: 150000 },
      ],
      [
        { name: "打印机", room: "302", quantity: 1, unitPrice: 210000 },
        { assetNo: "ZC-099", name: "碎纸机", room: "302", quantity: 2, unitPrice: 50000 },
        { assetNo: "ZC-004", room: "302", quantity: 0 },
      ],
    );
    expect(brief(results)).toEqual([
      ["matched", [0], [0]],
      ["shortage", [1], [2]],
      ["surplus", [], [1]],
    ]);
    expect(results[1]).toMatchObject({ shortageValue: 150000 });
    expect(results[2]).toMatchObject({ surplusValue: 100000, bookValue: 0, room: "302", name: "碎纸机" });
  });

  it("leaves rooms the count did not cover uncounted, unless the stocktake is of every room", () => {
    const ledger: LedgerLine[] = [
      { name: "钢琴", room: "音乐室", quantity: 1, unitPrice: 2000000 },
      { name: "讲台", room: "三(2)班", quantity: 1, unitPrice: 80000 },
    ];
    const counted: CountedLine[] = [{ name: "课桌", room: "三(2)班", quantity: 1 }];
    expect(brief(reconcileStocktake(ledger, counted))).toEqual([
      ["uncounted", [0], []],
      ["shortage", [1], []],
      ["surplus", [], [0]],
    ]);
    expect(brief(reconcileStocktake(ledger, counted, { scope: "all" }))).toEqual([
      ["shortage", [0], []],
      ["shortage", [1], []],
      ["surplus", [], [0]],
    ]);
  });
});

describe("reconcileStocktake (properties)", () => {
  const rooms = fc.constantFrom("301", "302", "三(2)班", "音乐室", "三（2）班");
  const names = fc.constantFrom("台式电脑", "学生椅", "投影仪", "钢琴", "讲台");
  const numbers = fc.option(fc.constantFrom("ZC-001", "ZC-002", "ZC-003", "ＺＣ－００１", "ZC-009"), {
    nil: undefined,
  });
  const quantity = fc.integer({ min: 0, max: 50 });
  const ledgerLine: fc.Arbitrary<LedgerLine> = fc
    .record({
      assetNo: numbers,
      name: names,
      room: fc.option(rooms, { nil: undefined }),
      quantity,
      unitPrice: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
    })
    .map(({ assetNo, room, unitPrice, ...rest }) => ({
      ...rest,
      ...(assetNo === undefined ? {} : { assetNo }),
      ...(room === undefined ? {} : { room }),
      ...(unitPrice === undefined ? {} : { unitPrice }),
    }));
  const countedLine: fc.Arbitrary<CountedLine> = fc
    .record({ assetNo: numbers, name: fc.option(names, { nil: undefined }), room: rooms, quantity })
    .map(({ assetNo, name, ...rest }) => ({
      ...rest,
      ...(assetNo === undefined ? {} : { assetNo }),
      ...(name === undefined ? {} : { name }),
    }));
  const input = fc.tuple(
    fc.array(ledgerLine, { maxLength: 25 }),
    fc.array(countedLine, { maxLength: 25 }),
    fc.constantFrom("all" as const, "counted-rooms" as const),
  );

  it("accounts for every ledger line and every counted line exactly once", () => {
    fc.assert(
      fc.property(input, ([ledger, counted, scope]) => {
        const results = reconcileStocktake(ledger, counted, { scope });
        const ledgerSeen = results.flatMap((r) => r.ledger).sort((a, b) => a - b);
        const countedSeen = results.flatMap((r) => r.counted).sort((a, b) => a - b);
        expect(ledgerSeen).toEqual(ledger.map((_, i) => i));
        expect(countedSeen).toEqual(counted.map((_, i) => i));
        for (const r of results) {
          expect(r.ledger.length + r.counted.length).toBeGreaterThan(0);
          if (r.status === "surplus") expect(r.ledger).toEqual([]);
          if (r.status === "uncounted") expect(r.counted).toEqual([]);
          expect(r.difference).toBe(r.countedQuantity - r.bookQuantity);
          if (r.surplusValue !== undefined) expect(r.surplusValue).toBeGreaterThanOrEqual(0);
          if (r.shortageValue !== undefined) expect(r.shortageValue).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 20240310, numRuns: 500 },
    );
  });

  it("gives the same results for the same lines", () => {
    fc.assert(
      fc.property(input, ([ledger, counted, scope]) => {
        expect(reconcileStocktake(ledger, counted, { scope })).toEqual(
          reconcileStocktake(structuredClone(ledger), structuredClone(counted), { scope }),
        );
      }),
      { seed: 20240311, numRuns: 200 },
    );
  });

  it("never changes its inputs", () => {
    fc.assert(
      fc.property(input, ([ledger, counted, scope]) => {
        const before = structuredClone([ledger, counted]);
        reconcileStocktake(ledger, counted, { scope });
        expect([ledger, counted]).toEqual(before);
      }),
      { seed: 20240312, numRuns: 100 },
    );
  });

  it("finds nothing wrong when the count is the books", () => {
    fc.assert(
      fc.property(fc.array(ledgerLine, { maxLength: 20 }), (ledger) => {
        const placed = ledger.filter((l) => l.room !== undefined && l.quantity > 0);
        const counted: CountedLine[] = placed.map((l) => ({
          room: l.room as string,
          name: l.name,
          quantity: l.quantity,
          ...(l.assetNo === undefined ? {} : { assetNo: l.assetNo }),
        }));
        const results = reconcileStocktake(placed, counted, { scope: "all" });
        // Lines sharing a number or a name and room are compared as one group: still no difference.
        for (const r of results) expect(r.difference === 0 || r.status === "misplaced").toBe(true);
        expect(results.some((r) => r.status === "surplus" || r.status === "shortage")).toBe(false);
      }),
      { seed: 20240313, numRuns: 200 },
    );
  });
});

describe("a group with several prices and no units on the books", () => {
  it("is found in the count without a value for what was found, instead of failing", () => {
    const ledger: LedgerLine[] = [
      { name: "椅", room: "1", quantity: 0, unitPrice: 10000 },
      { name: "椅", room: "1", quantity: 0, unitPrice: 20000 },
    ];
    const counted: CountedLine[] = [{ name: "椅", room: "1", quantity: 1 }];
    const [result] = reconcileStocktake(ledger, counted);
    expect(result).toMatchObject({ status: "quantity", bookQuantity: 0, countedQuantity: 1, bookValue: 0 });
    expect(result?.surplusValue).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { type CountedLine, type LedgerLine, reconcileStocktake } from "../reconcileStocktake.js";
import { reconcileStocktakePrevious } from "./stocktakePrevious.js";

/** Both reconciliations of the same lines, under both scopes. */
function both(ledger: LedgerLine[], counted: CountedLine[]): void {
  for (const scope of ["all", "counted-rooms"] as const) {
    const now = reconcileStocktake(ledger, counted, { scope });
    const before = reconcileStocktakePrevious(ledger, counted, { scope });
    expect(now).toStrictEqual(before);
    expect(JSON.stringify(now)).toBe(JSON.stringify(before));
  }
}

describe("reconcileStocktake", () => {
  it("matches a name and room joined with U+0000 as the previous version does", () => {
    both(
      [
        { name: "a\u0000b", room: "c", quantity: 2, unitPrice: 100 },
        { name: "x", room: "y\u0000z", quantity: 1 },
      ],
      [
        { name: "a", room: "b\u0000c", quantity: 2 },
        { name: "x\u0000y", room: "z", quantity: 1, unitPrice: 50 },
      ],
    );
  });

  it("matches a name typed as a number with the same name as text", () => {
    both(
      [{ name: 5 as unknown as string, room: "301", quantity: 3, unitPrice: 10 }],
      [{ name: "5", room: "301", quantity: 2 }],
    );
  });

  it("tells one room typed several ways apart from the rooms the count did not cover", () => {
    both(
      [
        { assetNo: "A1", name: "投影仪", room: "ＲＯＯＭ 301", quantity: 1, unitPrice: 450000 },
        { assetNo: "A2", name: "投影仪", room: "Room301", quantity: 1, unitPrice: 450000 },
        { assetNo: "A3", name: "空调", room: "302", quantity: 1, unitPrice: 300000 },
        { assetNo: "A4", name: "空调", quantity: 1, unitPrice: 300000 },
        { name: "课桌椅", room: "room301", quantity: 40, unitPrice: 20000 },
        { name: "课桌椅", room: "ROOM301", quantity: 5 },
      ],
      [
        { assetNo: "a1", name: "投影仪", room: "room301", quantity: 1 },
        { assetNo: "A2", room: "303", quantity: 1 },
        { assetNo: "A4", room: " ", quantity: 0 },
        { name: "课桌椅", room: "Room 301", quantity: 44 },
        { assetNo: "B1", name: "打印机", room: "", quantity: 1, unitPrice: 150000 },
      ],
    );
  });

  it("makes the result of a one-to-one match as the general case does, price or not", () => {
    both(
      [
        { assetNo: "A1", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 },
        { assetNo: "A2", name: "投影仪", room: "301", quantity: 1 },
        { name: "书柜", room: "302", quantity: 2, unitPrice: 8000 },
        { assetNo: "A3", name: "钢琴", room: "301", quantity: 0.3, unitPrice: 999 },
        { assetNo: "A5", name: "空调", room: "301", quantity: 1, unitPrice: 300000 },
      ],
      [
        { assetNo: "A1", room: "302", quantity: 1 },
        { assetNo: "A2", name: "投影仪", room: "301", quantity: 2 },
        { name: "书柜", room: "302", quantity: 1 },
        { assetNo: "A3", room: "301", quantity: 0.1 },
        { assetNo: "A5", room: "302", quantity: 0 },
      ],
    );
  });
});

import { describe, expect, it } from "vitest";
import { type CountedLine, type LedgerLine, reconcileStocktake } from "../reconcileStocktake.js";
import { reconcileStocktakePrevious } from "./stocktakePrevious.js";

describe("reconcileStocktake's priced results", () => {
  it("names the room a misplaced pair was counted in as it always has, a room left out as empty", () => {
    const ledger: LedgerLine[] = [
      { assetNo: "A1", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 },
      { assetNo: "A2", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 },
      { assetNo: "A3", name: "投影仪", room: "301", quantity: 2, unitPrice: 450000 },
      { assetNo: "A4", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 },
    ];
    // Rooms as a file can hand them over, whatever the type says.
    const counted = [
      { assetNo: "A1", name: "投影仪", room: undefined, quantity: 1 },
      { assetNo: "A2", name: "投影仪", room: "302", quantity: 1 },
      { assetNo: "A3", name: "投影仪", room: 302, quantity: 1 },
      { assetNo: "A4", name: "投影仪", room: "", quantity: 0 },
    ] as unknown as CountedLine[];
    const results = reconcileStocktake(ledger, counted);
    const previous = reconcileStocktakePrevious(ledger, counted);
    expect(results).toStrictEqual(previous);
    expect(results.map((r) => Object.keys(r))).toEqual(previous.map((r) => Object.keys(r)));
    expect(results.map((r) => [r.status, r.countedRoom])).toEqual([
      ["misplaced", ""],
      ["misplaced", "302"],
      ["misplaced", "302"],
      ["shortage", undefined],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { findingPlace } from "../findingPlace.js";

describe("findingPlace", () => {
  it("writes a finding's place as Excel does, sheet!cell", () => {
    expect(findingPlace({ sheet: "收费明细", cell: "E5" })).toBe("收费明细!E5");
  });

  it("gives the sheet alone for a finding about a whole sheet", () => {
    expect(findingPlace({ sheet: "收费明细" })).toBe("收费明细");
  });

  it("gives nothing for a finding about the whole workbook", () => {
    expect(findingPlace({})).toBe("");
  });
});

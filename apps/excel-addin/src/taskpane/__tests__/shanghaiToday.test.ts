import { describe, expect, it } from "vitest";
import { shanghaiToday } from "../shanghaiToday.js";

describe("shanghaiToday", () => {
  it("is already the next day in Shanghai at 16:30 UTC", () => {
    expect(shanghaiToday(new Date("2023-12-28T16:30:00Z"))).toBe("2023-12-29");
  });

  it("is still the same day in Shanghai at 15:59 UTC", () => {
    expect(shanghaiToday(new Date("2023-12-28T15:59:59Z"))).toBe("2023-12-28");
  });

  it("crosses a year end by Shanghai's clock", () => {
    expect(shanghaiToday(new Date("2023-12-31T16:00:00Z"))).toBe("2024-01-01");
  });
});

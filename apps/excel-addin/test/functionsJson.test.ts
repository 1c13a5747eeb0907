import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CUSTOM_FUNCTIONS, registerFunctions } from "../src/functions/register.js";

const APP = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPT = join(APP, "scripts", "functions-metadata.mjs");
const SOURCE = join(APP, "src", "functions", "functions.ts");

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string };
}

/** Runs the script as the build does: `node scripts/functions-metadata.mjs <outDir> [input]`. */
function runScript(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: APP, encoding: "utf8" });
}

const CJK = /[\u4e00-\u9fff]/;
const ENGLISH = /[A-Za-z]{3,}/;

let work: string;
let functions: FunctionMetadata[];
const byId = (id: string) => functions.find((f) => f.id === id) as FunctionMetadata;
const signature = (id: string) =>
  byId(id).parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type ?? "any"}`);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "houqin-functions-json-"));
  const run = runScript(join(work, "dist"));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const file = join(work, "dist", "functions.json");
  functions = (JSON.parse(readFileSync(file, "utf8")) as { functions: FunctionMetadata[] }).functions;
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("functions.json", () => {
  it("lists every HOUQIN function by an upper-case id that is also its name", () => {
    expect(functions.map((f) => f.id)).toEqual([
      "ISSCHOOLDAY",
      "NEXTSCHOOLDAY",
      "DEPRECIATION",
      "NETVALUE",
      "NEXTDUE",
      "FEN",
    ]);
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it("gives each function its parameters: names, types, and which are optional", () => {
    expect(signature("ISSCHOOLDAY")).toEqual(["date: any"]);
    expect(signature("NEXTSCHOOLDAY")).toEqual(["date: any", "n?: number"]);
    const asset = ["cost: any", "category: any", "acquired: any", "asOf: any", "start?: string"];
    expect(signature("DEPRECIATION")).toEqual(asset);
    expect(signature("NETVALUE")).toEqual(asset);
    expect(signature("NEXTDUE")).toEqual(["cadence: string", "last: any"]);
    expect(signature("FEN")).toEqual(["text: any"]);
  });

  it("gives the result types: TRUE/FALSE for ISSCHOOLDAY, numbers for the rest", () => {
    expect(byId("ISSCHOOLDAY").result.type).toBe("boolean");
    for (const id of ["NEXTSCHOOLDAY", "DEPRECIATION", "NETVALUE", "NEXTDUE", "FEN"]) {
      expect(byId(id).result.type).toBe("number");
    }
  });

  it("describes each function and parameter in Chinese first, with English after", () => {
    const texts = functions.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)]);
    expect(texts).toHaveLength(6 + 16);
    for (const text of texts) {
      expect(text).toMatch(CJK);
      expect(text?.charAt(0)).toMatch(CJK);
      expect(text).toMatch(ENGLISH);
      expect(text?.search(CJK)).toBeLessThan(text?.search(ENGLISH) ?? 0);
      expect(text).not.toMatch(/@|\{@link/);
    }
    expect(byId("ISSCHOOLDAY").description).toContain("是否上学日（Is it a school day?）");
  });

  it("is what the generator's library makes of functions.ts, with the source's function names", async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.metadataJson).functions).toEqual(functions);
    expect(result.associate.map((a) => [a.id, a.functionName])).toEqual([
      ["ISSCHOOLDAY", "isSchoolDay"],
      ["NEXTSCHOOLDAY", "nextSchoolDay"],
      ["DEPRECIATION", "depreciation"],
      ["NETVALUE", "netValue"],
      ["NEXTDUE", "nextDueDate"],
      ["FEN", "fen"],
    ]);
  });
});

describe("registerFunctions", () => {
  const global = globalThis as { CustomFunctions?: unknown };
  afterEach(() => {
    delete global.CustomFunctions;
  });

  it("associates exactly the ids of functions.json, each with the function the JSDoc tags", async () => {
    const associate = vi.fn();
    global.CustomFunctions = { associate };
    const ids = registerFunctions();
    expect(ids).toEqual(functions.map((f) => f.id));
    expect(associate.mock.calls.map(([id]) => id)).toEqual(functions.map((f) => f.id));
    const { associate: tagged } = await generateCustomFunctionsMetadata(SOURCE);
    for (const [id, fn] of associate.mock.calls as [string, { name: string }][]) {
      expect(fn).toBe(CUSTOM_FUNCTIONS[id]);
      expect(fn.name).toBe(tagged.find((a) => a.id === id)?.functionName);
    }
  });

  it("does nothing outside Excel, where there is no CustomFunctions global", () => {
    expect(registerFunctions()).toEqual([]);
  });
});

describe("scripts/functions-metadata.mjs", () => {
  it("fails loudly, writing nothing, when the generator reports an error", () => {
    const input = join(work, "bad.ts");
    writeFileSync(
      input,
      [
        "/**",
        " * 坏函数（A bad one）",
        " * @customfunction BAD",
        " * @param when 日期（a date）",
        " */",
        "export function bad(when: Date): number {",
        "  return when.getTime();",
        "}",
        "",
      ].join("\n"),
    );
    const out = join(work, "bad-out");
    const run = runScript(out, input);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("1 error(s)");
    expect(run.stderr).toContain('does not support type "Date"');
    expect(existsSync(join(out, "functions.json"))).toBe(false);
  });

  it("fails when the source has no custom function", () => {
    const input = join(work, "empty.ts");
    writeFileSync(input, "export const nothing = 1;\n");
    const run = runScript(join(work, "empty-out"), input);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("no @customfunction");
  });
});

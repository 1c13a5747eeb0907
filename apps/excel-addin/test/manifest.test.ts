import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { OfficeAddinManifest } from "office-addin-manifest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(appDir, "dist");
const manifestPath = join(appDir, "manifest.xml");
const PLACEHOLDER = "https://localhost:3000/";
const packageVersion: string = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")).version;

// A real XML parser: office-addin-manifest reads manifests with xml2js (sax in strict mode underneath).
interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: RawNode[];
  _?: string;
}
type ParseString = (
  xml: string,
  options: { explicitChildren: true; preserveChildrenOrder: true; explicitRoot: true },
  callback: (error: Error | null, result: Record<string, RawNode>) => void,
) => void;
const xml2js = createRequire(createRequire(import.meta.url).resolve("office-addin-manifest"))("xml2js") as {
  parseString: ParseString;
};

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function toNode(raw: RawNode | string, name = ""): XmlNode {
  if (typeof raw === "string") return { name, attrs: {}, children: [], text: raw.trim() };
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    children: (raw.$$ ?? []).map((child) => toNode(child)),
    text: (raw._ ?? "").trim(),
  };
}

function parseXml(text: string): Promise<XmlNode> {
  return new Promise((resolve, reject) => {
    xml2js.parseString(
      text,
      { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true },
      (error, result) => {
        if (error) return reject(error);
        const [name, root] = Object.entries(result)[0] ?? [];
        if (name === undefined || root === undefined) return reject(new Error("empty document"));
        resolve(toNode(root, name));
      },
    );
  });
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}

function path(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(child, node);
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The resource kinds of Resources, by the element that defines them. */
const RESOURCE_SECTIONS = {
  image: "bt:Images",
  url: "bt:Urls",
  short: "bt:ShortStrings",
  long: "bt:LongStrings",
} as const;
type ResourceKind = keyof typeof RESOURCE_SECTIONS;

/** What kind of resource an element's resid must name, from the element and its parent. */
function residKind(node: XmlNode): ResourceKind {
  if (node.name === "bt:Image") return "image";
  if (["Runtime", "SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(node.name)) return "url";
  if (node.name === "Description") return "long"; // in GetStarted and Supertip
  return "short"; // Label, Title, Namespace
}

function residUses(
  node: XmlNode,
  parent?: XmlNode,
): { resid: string; kind: ResourceKind; element: string }[] {
  const own =
    node.attrs.resid !== undefined && parent
      ? [{ resid: node.attrs.resid, kind: residKind(node), element: `${parent.name}/${node.name}` }]
      : [];
  return [...own, ...node.children.flatMap((c) => residUses(c, node))];
}

function resources(manifest: XmlNode): Map<string, { kind: ResourceKind; node: XmlNode }> {
  const section = path(manifest, "VersionOverrides", "Resources");
  const defined = new Map<string, { kind: ResourceKind; node: XmlNode }>();
  for (const [kind, name] of Object.entries(RESOURCE_SECTIONS) as [ResourceKind, string][]) {
    for (const node of child(section, name).children) {
      const id = node.attrs.id ?? "";
      if (defined.has(id)) throw new Error(`resource ${id} defined twice`);
      defined.set(id, { kind, node });
    }
  }
  return defined;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The concatenated, inflated IDAT data of a PNG: its filtered scanlines. */
function pngScanlines(file: string): Buffer {
  const bytes = readFileSync(file);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.subarray(at + 4, at + 8).toString("ascii") === "IDAT")
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(idat));
}

function runNode(args: string[], env: Record<string, string | undefined>) {
  const { HOUQIN_ADDIN_URL: _ignored, ...inherited } = process.env;
  return spawnSync(process.execPath, args, { cwd: appDir, env: { ...inherited, ...env }, encoding: "utf8" });
}

/** The base URL of a built manifest: where its task pane page lives. */
function baseOf(manifest: XmlNode): string {
  const page = path(manifest, "DefaultSettings", "SourceLocation").attrs.DefaultValue ?? "";
  expect(page).toMatch(/taskpane\.html$/);
  return page.replace(/taskpane\.html$/, "");
}

/** Every URL in a manifest's attributes. */
function urlsOf(manifest: XmlNode): string[] {
  return descendants(manifest)
    .flatMap((node) => [node.attrs.DefaultValue, node.attrs.Value])
    .filter((value): value is string => value !== undefined && /^[a-z]+:\/\//i.test(value));
}

function expectFilesForUrls(manifest: XmlNode, outDir: string) {
  const base = baseOf(manifest);
  const urls = urlsOf(manifest);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(base), `${url} is under ${base}`).toBe(true);
    const file = join(outDir, ...url.slice(base.length).split("/"));
    expect(existsSync(file), `${url} → ${file}`).toBe(true);
  }
}

describe("manifest.xml", () => {
  let manifest: XmlNode;
  beforeAll(async () => {
    manifest = await parseXml(readFileSync(manifestPath, "utf8"));
  });

  it("is well-formed XML, and the parser rejects XML that is not", async () => {
    expect(manifest.name).toBe("OfficeApp");
    const text = readFileSync(manifestPath, "utf8");
    await expect(parseXml(text.replace("</Permissions>", "</Permission>"))).rejects.toThrow();
    await expect(parseXml(text.slice(0, text.length / 2))).rejects.toThrow();
  });

  it("reads through Office's own manifest reader as an Excel task pane add-in in zh-CN", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.providerName).toBeTruthy();
    expect(info.defaultSettings?.sourceLocation).toBe(`${PLACEHOLDER}taskpane.html`);
    expect(info.iconUrl).toBe(`${PLACEHOLDER}assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${PLACEHOLDER}assets/icon-64.png`);
    expect(info.supportUrl).toMatch(/^https:\/\//);
  });

  it("keeps the schema's element order at the top level", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const names = manifest.children.map((c) => c.name);
    expect(names.every((name) => order.includes(name))).toBe(true);
    const positions = names.map((name) => order.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("asks only for ReadWriteDocument", () => {
    const permissions = manifest.children.filter((c) => c.name === "Permissions");
    expect(permissions.map((p) => p.text)).toEqual(["ReadWriteDocument"]);
  });

  it("gives the display name and description in zh-CN with an en-US override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const node = child(manifest, name);
      expect(node.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const overrides = node.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(overrides[0]?.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    expect((child(manifest, "Description").attrs.DefaultValue ?? "").length).toBeLessThanOrEqual(250);
  });

  it("requires SharedRuntime 1.1, CustomFunctionsRuntime 1.1 and an ExcelApi that Excel 2021 has", () => {
    const sets = path(manifest, "Requirements", "Sets").children.filter((c) => c.name === "Set");
    const minVersion = new Map(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(minVersion.get("SharedRuntime")).toBe("1.1");
    expect(minVersion.get("CustomFunctionsRuntime")).toBe("1.1");
    const excelApi = minVersion.get("ExcelApi") ?? "";
    expect(excelApi).toMatch(/^1\.\d+$/);
    // Excel 2021 (volume-licensed) supports ExcelApi up to 1.14; a higher minimum would lock it out.
    expect(Number(excelApi.split(".")[1])).toBeLessThanOrEqual(14);
  });

  it("runs the task pane, the ribbon and the custom functions in one long-lived runtime", () => {
    const host = path(manifest, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    expect(host.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const runtimes = child(host, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlNode;
    expect(runtime.attrs.lifetime).toBe("long");
    const shared = runtime.attrs.resid;
    expect(shared).toBeTruthy();

    const functions = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(functions.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(functions.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(path(functions, "Page", "SourceLocation").attrs.resid).toBe(shared);
    expect(path(functions, "Script", "SourceLocation").attrs.resid).not.toBe(shared);

    const desktop = child(host, "DesktopFormFactor");
    expect(desktop.children.map((c) => c.name)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(child(desktop, "FunctionFile").attrs.resid).toBe(shared);

    const actions = descendants(desktop).filter((n) => n.name === "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
      expect(child(action, "TaskpaneId").text).toBe("Houqin.Taskpane");
      expect(child(action, "SourceLocation").attrs.resid).toBe(shared);
    }

    // The shared runtime's page is the one DefaultSettings opens.
    const url = resources(manifest).get(shared ?? "")?.node.attrs.DefaultValue;
    expect(url).toBe(path(manifest, "DefaultSettings", "SourceLocation").attrs.DefaultValue);
  });

  it("puts a button on the Home tab with 16, 32 and 80 px icons", () => {
    const surface = descendants(manifest).find(
      (n) => n.name === "ExtensionPoint" && n.attrs["xsi:type"] === "PrimaryCommandSurface",
    );
    expect(surface).toBeDefined();
    const tab = child(surface as XmlNode, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group");
    const button = child(group, "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    for (const node of [group, button]) {
      expect(child(node, "Icon").children.map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
    }
  });

  it("names its custom functions' namespace HOUQIN in every language", () => {
    const namespace = descendants(manifest).find((n) => n.name === "Namespace");
    const resource = resources(manifest).get(namespace?.attrs.resid ?? "");
    expect(resource?.kind).toBe("short");
    expect(resource?.node.attrs.DefaultValue).toBe("HOUQIN");
    expect(resource?.node.children).toEqual([]);
  });

  it("defines every resid it uses, of the right kind, and uses every one it defines", () => {
    const defined = resources(manifest);
    const uses = residUses(child(manifest, "VersionOverrides"));
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses) {
      expect(defined.get(use.resid)?.kind, `${use.element} resid="${use.resid}"`).toBe(use.kind);
      expect(use.resid.length).toBeLessThanOrEqual(32);
    }
    const used = new Set(uses.map((u) => u.resid));
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("gives every string but the namespace in zh-CN with an en-US override, within Office's lengths", () => {
    for (const [id, { kind, node }] of resources(manifest)) {
      if (kind !== "short" && kind !== "long") continue;
      const limit = kind === "short" ? 125 : 250;
      const values = [node.attrs.DefaultValue ?? "", ...node.children.map((o) => o.attrs.Value ?? "")];
      for (const value of values) expect(value.length, id).toBeLessThanOrEqual(limit);
      if (id === "Functions.Namespace") continue;
      expect(node.attrs.DefaultValue, id).toMatch(/[\u4e00-\u9fff]/);
      expect(
        node.children.map((o) => [o.name, o.attrs.Locale]),
        id,
      ).toEqual([["bt:Override", "en-US"]]);
    }
  });

  it("puts every URL under the placeholder base, over HTTPS", () => {
    const urls = urlsOf(manifest);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(PLACEHOLDER), url).toBe(true);
  });

  it("draws its icons at the sizes their names and the manifest say", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(appDir, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    for (const image of descendants(manifest).filter((n) => n.name === "bt:Image" && n.attrs.id)) {
      const size = /icon-(\d+)\.png$/.exec(image.attrs.DefaultValue ?? "")?.[1];
      expect(image.attrs.id).toBe(`Icon.${size}x${size}`);
    }
  });
});

describe("scripts/make-icons.mjs", () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "houqin-icons-"));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("draws the committed icons pixel for pixel", () => {
    const run = runNode(["scripts/make-icons.mjs", outDir], {});
    expect(run.status, run.stderr).toBe(0);
    for (const size of [16, 32, 64, 80, 128]) {
      const name = `icon-${size}.png`;
      expect(pngScanlines(join(outDir, name)).equals(pngScanlines(join(appDir, "assets", name))), name).toBe(
        true,
      );
    }
  });
});

describe("dist/manifest.xml", () => {
  it("names files that the build put in dist/, icons of the declared sizes", async () => {
    const built = join(distDir, "manifest.xml");
    expect(existsSync(built), "run `npm run build -w @houqin/excel-addin` first").toBe(true);
    const manifest = await parseXml(readFileSync(built, "utf8"));
    expectFilesForUrls(manifest, distDir);
    const base = baseOf(manifest);
    for (const image of descendants(manifest).filter((n) => n.name === "bt:Image" && n.attrs.id)) {
      const file = join(distDir, ...(image.attrs.DefaultValue ?? "").slice(base.length).split("/"));
      const size = Number(/Icon\.(\d+)x/.exec(image.attrs.id ?? "")?.[1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const [name, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const url = child(manifest, name).attrs.DefaultValue ?? "";
      expect(pngSize(join(distDir, ...url.slice(base.length).split("/")))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it("carries the package's version", async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(distDir, "manifest.xml"));
    expect(info.version).toBe(`${packageVersion}.0`);
  });
});

describe("scripts/build-extras.mjs", () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "houqin-addin-"));
    // The task pane's bundle, as vite built it; build-extras adds the rest.
    cpSync(join(distDir, "taskpane.html"), join(outDir, "taskpane.html"));
    mkdirSync(join(outDir, "assets"));
    cpSync(join(distDir, "assets", "taskpane.js"), join(outDir, "assets", "taskpane.js"));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes the manifest for HOUQIN_ADDIN_URL, with no localhost left", async () => {
    const run = runNode(["scripts/build-extras.mjs", "--out", outDir], {
      HOUQIN_ADDIN_URL: "https://houqin.example.edu.cn/excel",
    });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(outDir, "manifest.xml"), "utf8");
    expect(text).not.toMatch(/localhost/i);
    const manifest = await parseXml(text);
    expect(baseOf(manifest)).toBe("https://houqin.example.edu.cn/excel/");
    expectFilesForUrls(manifest, outDir);
    expect(existsSync(join(outDir, "functions.json"))).toBe(true);
    // The structure is the template's: only the URLs and the version differ.
    const template = await parseXml(readFileSync(manifestPath, "utf8"));
    expect(descendants(manifest).map((n) => n.name)).toEqual(descendants(template).map((n) => n.name));
  });

  it("refuses a base URL that is not HTTPS and writes nothing", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "houqin-addin-http-"));
    try {
      const run = runNode(["scripts/build-extras.mjs", "--out", elsewhere], {
        HOUQIN_ADDIN_URL: "http://houqin.example.edu.cn/",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("https://");
      expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(existsSync(join(elsewhere, "manifest.xml"))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("fails, naming the files, when the task pane was not built", () => {
    const empty = mkdtempSync(join(tmpdir(), "houqin-addin-empty-"));
    try {
      const run = runNode(["scripts/build-extras.mjs", "--out", empty], {});
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("taskpane.html");
      expect(run.stderr).toContain("assets/taskpane.js");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

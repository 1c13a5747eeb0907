import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const distDir = fileURLToPath(new URL("../dist/", import.meta.url));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The attributes of every `<tag …>` in an HTML text, in order. */
function tags(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "gi"))].map((match) => {
    const attrs: Record<string, string> = {};
    for (const [, name, , quoted, bare] of (match[1] ?? "").matchAll(
      /([\w-]+)(\s*=\s*(?:"([^"]*)"|(\S+)))?/g,
    )) {
      if (name) attrs[name.toLowerCase()] = quoted ?? bare ?? "";
    }
    return attrs;
  });
}

/** A Content-Security-Policy's directives, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe("dist/taskpane.html", () => {
  let html: string;
  beforeAll(() => {
    const file = join(distDir, "taskpane.html");
    if (!existsSync(file))
      throw new Error("dist/taskpane.html is missing: run `npm run build -w @houqin/excel-addin`");
    html = readFileSync(file, "utf8");
  });

  it("is a zh-CN page with the root the task pane renders into", () => {
    expect(tags(html, "html")[0]?.lang).toBe("zh-CN");
    expect(tags(html, "div").some((div) => div.id === "root")).toBe(true);
  });

  it("loads Office.js from Microsoft's CDN as a plain script, before the app's module", () => {
    const scripts = tags(html, "script");
    expect(scripts.map((s) => s.src)).toEqual([OFFICE_JS, expect.stringMatching(/^\.\/assets\/.+\.js$/)]);
    const [office, app] = scripts;
    expect(office?.type).toBeUndefined();
    expect(office && ("async" in office || "defer" in office)).toBe(false);
    expect(app?.type).toBe("module");
  });

  it("refers to its own files by relative paths that exist in dist/", () => {
    const refs = [...tags(html, "script").map((s) => s.src), ...tags(html, "link").map((l) => l.href)].filter(
      (ref): ref is string => ref !== undefined && ref !== OFFICE_JS,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, "relative to the page (vite base ./)").toMatch(/^\.\//);
      expect(existsSync(join(distDir, ref)), ref).toBe(true);
    }
  });

  it("ships the app as assets/taskpane.js, the manifest's Functions.Script.Url, with its source map", () => {
    expect(tags(html, "script")[1]?.src).toBe("./assets/taskpane.js");
    const bundle = readFileSync(join(distDir, "assets", "taskpane.js"), "utf8");
    expect(bundle).toContain("sourceMappingURL=taskpane.js.map");
    expect(existsSync(join(distDir, "assets", "taskpane.js.map"))).toBe(true);
  });

  it("ships a bundle that opens no connection of its own", () => {
    const bundle = readFileSync(join(distDir, "assets", "taskpane.js"), "utf8");
    for (const api of ["fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon"]) {
      expect(bundle.includes(api), api).toBe(false);
    }
  });

  it("allows scripts only from itself and the Office CDN, and connections only to itself", () => {
    const metas = tags(html, "meta").filter(
      (m) => m["http-equiv"]?.toLowerCase() === "content-security-policy",
    );
    expect(metas).toHaveLength(1);
    const policy = directives(metas[0]?.content ?? "");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      if (name !== "style-src") expect(sources, name).not.toContain("'unsafe-inline'");
      expect(
        sources.filter((s) => /^https?:/.test(s) && s !== "https://appsforoffice.microsoft.com"),
      ).toEqual([]);
    }
  });
});

describe("dist/functions.json", () => {
  it("is the custom functions' metadata, beside the page", () => {
    const file = join(distDir, "functions.json");
    expect(existsSync(file), "run `npm run build -w @houqin/excel-addin`").toBe(true);
    const metadata = JSON.parse(readFileSync(file, "utf8")) as { functions?: unknown };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect((metadata.functions as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("dist/manifest.xml", () => {
  it("is written beside the page, with every URL over HTTPS", () => {
    const text = readFileSync(join(distDir, "manifest.xml"), "utf8");
    const urls = [...text.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });
});

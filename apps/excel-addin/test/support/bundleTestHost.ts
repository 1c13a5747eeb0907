import { fileURLToPath } from "node:url";
import { build } from "vite";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("../../src/testing/testHost.ts", import.meta.url));

/**
 * Bundles the browser test host (src/testing/testHost.ts: `Office`, `Excel` over the in-memory
 * Excel) into one classic script, served in place of Office.js from Microsoft's CDN.
 *
 * @returns the script's source
 * @example await page.route("https://appsforoffice.microsoft.com/**", (r) => r.fulfill({ body: script }));
 */
export async function bundleTestHost(): Promise<string> {
  const result = await build({
    configFile: false,
    root: appDir,
    logLevel: "warn",
    publicDir: false,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: "es2022",
      lib: { entry, formats: ["iife"], name: "houqinTestHost", fileName: () => "testHost.js" },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!("output" in output)) continue;
    const chunk = output.output.find((item) => item.type === "chunk" && item.isEntry);
    if (chunk && chunk.type === "chunk") return chunk.code;
  }
  throw new Error("vite produced no test host script");
}

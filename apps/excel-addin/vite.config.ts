import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const appDir = fileURLToPath(new URL(".", import.meta.url));

/** The port Office expects the add-in on in development (the manifest's placeholder base URL). */
export const DEV_PORT = 3000;

/**
 * The HTTPS key and certificate for https://localhost:3000, as `npx office-addin-dev-certs install` writes them
 * (trusted by the system, so Excel loads the page). Undefined when they are not installed.
 */
function devCerts(): { key: Buffer; cert: Buffer } | undefined {
  const dir = process.env.HOUQIN_DEV_CERTS_DIR ?? join(homedir(), ".office-addin-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  if (!existsSync(key) || !existsSync(cert)) return undefined;
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * The page's Content-Security-Policy is for the built add-in. Vite's dev server injects inline scripts (React
 * refresh), so in `vite` (serve) the policy is left out; `vite preview` serves the built page with it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: "houqin:dev-without-csp",
    apply: "serve",
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ""),
  };
}

export default defineConfig(({ command }) => {
  const https = command === "serve" ? devCerts() : undefined;
  if (command === "serve" && https === undefined) {
    console.warn(
      `未找到开发证书，将以 http 提供服务；Excel 只加载 https。请先运行 npx office-addin-dev-certs install。\n` +
        `No dev certificates found, serving over http; Excel loads https only. Run npx office-addin-dev-certs install first.`,
    );
  }
  const server = { port: DEV_PORT, strictPort: true, host: "localhost", ...(https ? { https } : {}) };
  return {
    root: appDir,
    // Relative URLs: the built files work under any base URL (HOUQIN_ADDIN_URL), on any HTTPS server.
    base: "./",
    // Icons and the help page are copied by scripts/build-extras.mjs, which also writes the manifest.
    publicDir: false,
    plugins: [react(), devWithoutCsp()],
    build: {
      outDir: "dist",
      emptyOutDir: true,
      sourcemap: true,
      // Edge WebView2 on Windows, Safari's WebKit on the Mac (macOS 11 and later), browsers for Excel on the web.
      target: ["es2020", "chrome100", "edge100", "firefox100", "safari14"],
      // One page loaded once per session from the school's own server: one bundle is fine.
      chunkSizeWarningLimit: 4096,
      // No preload polyfill: it would be the bundle's only fetch(), and one bundle has nothing to preload.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: resolve(appDir, "taskpane.html"),
        output: {
          // The entry keeps a fixed name: the manifest's Functions.Script.Url points at assets/taskpane.js.
          entryFileNames: "assets/[name].js",
          chunkFileNames: "assets/[name]-[hash].js",
          assetFileNames: "assets/[name]-[hash][extname]",
        },
      },
    },
    server,
    preview: server,
    clearScreen: false,
  };
});

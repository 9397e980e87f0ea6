// Vite builds the single-page app into packages/web/dist, which the Oars server serves. In
// development the dev server proxies /api to a running `oars serve` on port 5170 (OARS_API_URL to change).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": { target: process.env.OARS_API_URL ?? "http://127.0.0.1:5170", changeOrigin: false },
    },
  },
});

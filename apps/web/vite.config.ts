import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console is served by the API under /console (apps/api/src/plugins/external/console.ts), same origin as
// /api, so the session cookie works and CORS can stay closed. `npm run dev -w @baken/web` proxies /api to a
// locally running API for the same reason.
export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000", "/console/config.json": "http://127.0.0.1:3000" },
  },
});

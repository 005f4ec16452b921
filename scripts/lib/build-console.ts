import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const ROOT = new URL("../..", import.meta.url).pathname;
export const CONSOLE_INDEX = `${ROOT}apps/web/dist/index.html`;

/** Builds the staff console (apps/web → apps/web/dist) unless `onlyIfMissing` and a build exists. */
export async function buildConsole({ onlyIfMissing = false, quiet = false } = {}): Promise<"built" | "present"> {
  if (onlyIfMissing && existsSync(CONSOLE_INDEX)) return "present";
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await new Promise<void>((resolve, reject) => {
    const child = spawn(npm, ["run", "build", "-w", "@baken/web"], {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`building the console failed (exit ${code})`)),
    );
  });
  return "built";
}

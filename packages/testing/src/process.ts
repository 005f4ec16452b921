import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type RunningProcess = {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<Exit>;
  /** Waits until stdout matches, and returns the match; fails early if the process exits first. */
  waitForOutput(pattern: RegExp, timeout?: number): Promise<RegExpMatchArray>;
  stop(): Promise<Exit>;
};

/**
 * Starts an entry point of the repo in the test's environment plus `env`: TypeScript
 * (`apps/api/src/server.ts`) through tsx's loader, as `npm run start:*` does, JavaScript
 * (`apps/api/dist/server.mjs`) with plain node, as the image does. One process either way (node with tsx
 * imported, not tsx's CLI, which runs node as a child): a signal or a SIGKILL reaches the program itself.
 * Standard input is closed, output captured.
 */
export function startProcess(
  script: string,
  env: Record<string, string | undefined> = {},
  args: string[] = [],
): RunningProcess {
  const entry = script.endsWith(".ts") ? ["--import", "tsx", script] : ["--enable-source-maps", script];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exit: Exit | undefined;
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve) =>
    child.on("close", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async waitForOutput(pattern, timeout = 20_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        // `exit` is set once the output is complete: nothing more will come.
        if (exit)
          throw new Error(
            `process exited (${exit.code ?? exit.signal}) before printing ${pattern}:\n${stderr}${stdout}`,
          );
        if (Date.now() > deadline)
          throw new Error(`timed out after ${timeout} ms waiting for ${pattern}:\n${stderr}${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (!exit) child.kill("SIGKILL");
      return exited;
    },
  };
}

/** Runs an entry point (as `startProcess`) to its end. */
export async function runProcess(script: string, env: Record<string, string | undefined> = {}, args: string[] = []) {
  const running = startProcess(script, env, args);
  const exit = await running.exited;
  return { ...exit, stdout: running.stdout, stderr: running.stderr };
}

import { startProcess, type RunningProcess } from "@baken/testing";
import { afterEach, describe, expect, it } from "vitest";

const FIXTURE = "packages/runtime/test/fixtures/closing-process.ts";

describe("closeGracefully", () => {
  let proc: RunningProcess | undefined;
  afterEach(() => proc?.stop());

  const start = async (behaviour: string, deadlineMs = 20_000) => {
    proc = startProcess(FIXTURE, {}, [behaviour, String(deadlineMs)]);
    await proc.waitForOutput(/^ready$/m);
    return proc;
  };
  const steps = (p: RunningProcess) => p.stdout.match(/^step \w+$/gm);

  it("runs the steps once, in order, then exits 0, whatever other signals come", async () => {
    const p = await start("ok");
    p.child.kill("SIGTERM");
    await p.waitForOutput(/^step first$/m);
    p.child.kill("SIGINT");
    p.child.kill("SIGTERM");
    await p.waitForOutput(/"signal":"SIGTERM","msg":"already shutting down"/);
    p.child.kill("SIGUSR2");
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(steps(p)).toEqual(["step first", "step second", "step third"]);
    expect(p.stdout).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  });

  it("goes on after a step that fails, and exits 1", async () => {
    const p = await start("fail");
    p.child.kill("SIGINT");
    await p.waitForOutput(/^step first$/m);
    p.child.kill("SIGUSR2");
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(steps(p)).toEqual(["step first", "step second", "step third"]);
    expect(p.stdout).toMatch(/"err":"the second step broke","step":"second"/);
  });

  it("exits 1 at the deadline, naming the step still running", async () => {
    const p = await start("hang", 1_000);
    p.child.kill("SIGTERM");
    await p.waitForOutput(/^step first$/m);
    p.child.kill("SIGUSR2");
    expect(await p.exited).toEqual({ code: 1, signal: null });
    expect(steps(p)).toEqual(["step first", "step second"]);
    expect(p.stdout).toMatch(/"deadlineMs":1000,"step":"second","msg":"shutdown took too long; exiting"/);
  });

  it("exits 1 on an uncaught exception", async () => {
    proc = startProcess(FIXTURE, {}, ["throw"]);
    expect(await proc.exited).toEqual({ code: 1, signal: null });
    expect(proc.stdout).toMatch(/"level":"fatal".*"msg":"uncaught exception"/);
    expect(steps(proc)).toBeNull();
  });
});

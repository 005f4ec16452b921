import { loadConfig } from "@baken/config";
import { createDb, withClientTransaction } from "@baken/db";
import { ripeDump } from "@baken/testing";
import { expect, test } from "@playwright/test";
import { randomInt, randomUUID } from "node:crypto";
import { adminApi, signIn, stat, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

// Issue 14: an admin uploads a RIPE dump through the console; the page follows the worker's import to its
// counts, and a list's hosts in the dump's ranges then reach an abuse contact. The dump is the test-data
// builder's, over a /16 of this run's own (10/8) with an aggregate covering it, so every address of the /16
// has a contact; it replaces any active import, as console-reach's does.
test("an admin imports a RIPE dump in the console and follows it to its counts", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // Above 10.19: console-signals and console-bounces register networks in 10.18 and 10.19.
  const second = randomInt(32, 255);
  const files = ripeDump({
    seed: second,
    inetnum: 120,
    inet6num: 20,
    autNum: 10,
    organisation: 20,
    role: 20,
    space: [[((10 << 24) | (second << 16)) >>> 0, 65_536]],
    cover: true,
  }).map((f) => ({ name: f.name, mimeType: "text/plain", buffer: Buffer.concat([...f.chunks()]) }));

  await signIn(page, E2E.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "RIPE imports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "RIPE imports" })).toBeVisible();
  await page.getByLabel("Dump files").setInputFiles(files);
  await expect(page.getByRole("list", { name: "Chosen files" }).getByRole("listitem")).toHaveCount(files.length);

  // Hold the import at its last step: a lock on the ranges' table keeps its COPY waiting, so the page shows
  // it running (a small dump is read in a few milliseconds), until the lock goes.
  const db = createDb(loadConfig({ ...process.env, ...E2E.env }).databaseUrl, { max: 1 });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const lock = withClientTransaction(db.pool, async (c) => {
    await c.query(`LOCK TABLE "ripe_prefix" IN SHARE MODE`);
    locked();
    await released;
  });
  try {
    await holding;
    await page.getByRole("button", { name: "Upload and import" }).click();
    const underway = page.getByTestId("ripe-underway");
    await expect(underway.getByRole("progressbar", { name: "Import" })).toHaveAttribute(
      "aria-valuetext",
      /writing the ranges/,
    );
    await expect(underway).toContainText("running");
    const history = page.getByRole("table", { name: "RIPE imports" });
    await expect(history.getByRole("row").nth(1)).toContainText("running");
    await step(page, testInfo, "the import running", async () => {
      await expect(underway).toContainText("ripe.db.inetnum");
    });
  } finally {
    release();
    await lock;
    await db.close();
  }

  // The page stops following it and shows its counts in the history; the form is ready for the next dump.
  await expect(page.getByTestId("ripe-underway")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByLabel("Dump files")).toHaveValue("");
  const row = page.getByRole("table", { name: "RIPE imports" }).getByRole("row").nth(1);
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText("in use");
  await expect(row).toContainText(E2E.admin.email);
  await expect(row).toContainText("inetnum ");
  await expect(row).toContainText("role 20");
  await expect(row).toContainText(/[\d,]+ with an abuse contact/);
  await row.getByText(/\d+ malformed/).click();
  await step(page, testInfo, "the import's counts", async () => {
    await expect(row.getByRole("listitem").first()).toContainText(/ripe\.db\.\S+ line \d+: /);
  });

  // A list's hosts in the /16 reach an abuse contact; one outside it reaches nobody.
  const api = await adminApi();
  const tag = randomUUID().slice(0, 8);
  const csv = [
    "ip,port",
    `10.${second}.0.1,443`,
    `10.${second}.200.9,443`,
    `10.${second}.255.254,22`,
    `10.${second + 1}.7.7,80`,
  ];
  const list = await api.uploadList(csv.join("\n"), `ripe-${tag}.csv`);
  await page.goto(`/console/lists/${list.id}`);
  await expect(page.getByTestId("list-coverage").getByTestId("coverage-abuse-contact")).toHaveText("3");
  expect(await stat(page, "coverage-nobody")).toBe(1);
  await expect(page.getByTestId("ripe-data-hint")).toHaveCount(0);

  // A viewer sees the history, not the upload.
  const viewer = await browser.newPage();
  try {
    await signIn(viewer, E2E.viewer);
    await viewer.goto("/console/ripe-imports");
    await expect(viewer.getByRole("table", { name: "RIPE imports" }).getByRole("row").nth(1)).toContainText("in use");
    await expect(viewer.getByRole("heading", { name: "Import a RIPE dump" })).toHaveCount(0);
    await expect(viewer.getByLabel("Dump files")).toHaveCount(0);
    // On a phone the history's rows are cards: each cell says its column.
    await viewer.setViewportSize({ width: 390, height: 900 });
    await step(viewer, testInfo, "the history on a phone", async () => {
      const cell = viewer.getByRole("table", { name: "RIPE imports" }).locator("td[data-label='Ranges']").first();
      await expect(cell).toBeVisible();
      expect(await cell.evaluate((td) => getComputedStyle(td).display)).not.toBe("table-cell");
    });
  } finally {
    await viewer.close();
  }
});

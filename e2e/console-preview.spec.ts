import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

// An export whose header names two candidate addresses (its sensor's `ip` and the source's `src_ip`): the
// preview says so before anything is stored, the analyst marks the sensor's column as data, the preview
// follows, and the upload stores what it showed.
test("the upload previews a file and lets the analyst set the column roles before storing", async ({
  page,
}, testInfo) => {
  const run = randomUUID().slice(0, 8);
  const csv =
    "sensor,ip,src_ip,port,hostname\n" +
    `s1,203.0.113.61,198.51.100.61,443,victim-${run}.source.example\n` +
    `s1,203.0.113.62,198.51.100.62,8443,\n`;
  await signIn(page, E2E.analyst);
  // Sign-in lands on the signals; lists are a click away.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lists" }).click();

  await step(page, testInfo, "choose a file: the preview says it is ambiguous", async () => {
    await page.getByLabel("List file").setInputFiles({
      name: `export-${run}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This file would be refused");
    await expect(alert).toContainText("ambiguous");
    await expect(page.getByLabel("Role of column src_ip")).toHaveValue("ip");
    await expect(page.getByLabel("Role of column ip", { exact: true })).toHaveValue("ip");
    await expect(page.getByLabel("Role of column sensor")).toHaveValue("ignore");
    await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeDisabled();
  });

  await step(page, testInfo, "mark the sensor's address as data: the preview shows the rows", async () => {
    await page.getByLabel("Role of column ip", { exact: true }).selectOption("ignore");
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByTestId("preview-read-as")).toContainText("CSV (comma)");
    const rows = page.getByRole("table", { name: "The first rows, as they would be stored" });
    await expect(rows).toContainText("198.51.100.61");
    await expect(rows).toContainText(`victim-${run}.source.example`);
    await expect(rows).not.toContainText("203.0.113.61");
    await expect(page.getByLabel("Role of column ip", { exact: true })).toHaveValue("ignore");
  });

  await step(page, testInfo, "upload: the list holds what the preview showed", async () => {
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page).toHaveURL(/\/console\/lists\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("accepted")).toHaveText("2");
    const id = page.url().split("/").pop()!;
    const exposures = await (await page.request.get(`/api/lists/${id}/exposures`)).json();
    expect(exposures.exposures.map((e: { ip: string }) => e.ip)).toEqual(["198.51.100.61", "198.51.100.62"]);
  });
});

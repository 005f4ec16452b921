import { expect, test } from "@playwright/test";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("a file with no address column is refused in the preview, with the reason and the line", async ({
  page,
}, testInfo) => {
  await signIn(page, E2E.analyst);
  // Sign-in lands on the signals; lists are a click away.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lists" }).click();
  await step(page, testInfo, "choose a broken file", async () => {
    await page.getByLabel("List file").setInputFiles({
      name: "not-a-scan.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("owner,severity,remark\nsomeone,high,no address anywhere\n"),
    });
    await expect(page.getByText("Chosen: not-a-scan.csv")).toBeVisible();
  });
  await step(page, testInfo, "refused with the reason before anything is stored", async () => {
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This file would be refused");
    await expect(alert).toContainText(/address column/i);
    await expect(alert).toContainText("line 1");
    await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeDisabled();
    // Nothing stored: the page stays on the lists, and no list appeared.
    await expect(page).toHaveURL(/\/console\/lists$/);
    const lists = await (await page.request.get("/api/lists")).json();
    expect(JSON.stringify(lists)).not.toContain("not-a-scan.csv");
  });
});

test("a file dropped on the upload area is chosen as one picked in the file chooser", async ({ page }) => {
  await signIn(page, E2E.analyst);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lists" }).click();
  // A drop as the browser makes one: a DataTransfer holding the file, dragged over, then dropped.
  const zone = page.getByTestId("list-file-drop");
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["owner,remark\nsomeone,no address\n"], "dropped.csv", { type: "text/csv" }));
    return transfer;
  });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(zone).toHaveClass(/\bover\b/);
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(zone).not.toHaveClass(/\bover\b/);
  await expect(page.getByText("Chosen: dropped.csv")).toBeVisible();
});

// Tactical planning in a real browser, on the demo organisation: the director splits next year's
// revenue over quarters and regions, a team manager splits the region's part over months and reps
// with the new salesperson ramping until the gap reads zero, a manager over-books a rep and is
// warned, and the new salesperson sees her week.
import type { Browser, Page } from "@playwright/test";
import { expect, test, type OarsServer } from "./fixtures";

async function signedIn(browser: Browser, oars: OarsServer, who: string): Promise<Page> {
  const page = await browser.newPage({ baseURL: oars.url });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`${who}@northwind.example`);
  await page.getByLabel("Password", { exact: true }).fill(`demo-${who}-oars`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

async function openTacticalPlan(page: Page, title: RegExp): Promise<void> {
  await page.getByRole("link", { name: "Tactics" }).first().click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("split-grid")).toBeVisible();
}

const amount = async (page: Page, label: string) =>
  Number((await page.getByLabel(label, { exact: true }).inputValue()).replace(/[^\d.]/g, ""));

test("the director splits over quarters and teams, a manager over months and reps with a ramp", async ({
  browser,
  oars,
}) => {
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);

  const dana = await signedIn(browser, oars, "dana");
  await openTacticalPlan(dana, /^Northwind Sales · Q/);
  const grid = dana.getByTestId("split-grid");
  await dana.getByLabel("Columns").selectOption("quarter");
  await dana.getByLabel("Over rows").selectOption("capacity");
  for (const team of ["East", "Central", "West"])
    await expect(grid.getByRole("rowheader", { name: team })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /^Q1 FY/ })).toBeVisible();
  await expect(dana.getByTestId("gap-value")).toHaveText("0");
  await dana.getByTestId("save-grid").click();
  await expect(dana.getByText("Saved 12 milestones.")).toBeVisible();
  await dana.close();

  const marcus = await signedIn(browser, oars, "marcus");
  await openTacticalPlan(marcus, /^East · Q/);
  await expect(marcus.getByTestId("parent-select")).toContainText(/Our part of FY\d{4}-Q1/);
  // The department's new split moved East's part: reshaping the grid recomputes it from the new total.
  await marcus.getByLabel("Columns").selectOption("month");
  await marcus.getByLabel("Over rows").selectOption("capacity");
  await marcus.getByLabel("Ramp for Nina Patel").selectOption("standard");
  const firstMonth =
    (await marcus.getByTestId("split-grid").getByRole("columnheader").nth(2).textContent()) ?? "";
  expect(await amount(marcus, `Nina Patel, ${firstMonth}`)).toBeLessThan(
    await amount(marcus, `Omar Haddad, ${firstMonth}`),
  );
  await expect(marcus.getByTestId("gap-value")).toHaveText("0");

  // Typing into a cell opens a gap; undo closes it again.
  const omar = marcus.getByLabel(`Omar Haddad, ${firstMonth}`, { exact: true });
  await omar.click();
  await omar.fill("1000");
  await omar.press("Enter");
  await expect(marcus.getByTestId("gap-value")).not.toHaveText("0");
  await marcus.keyboard.press("Control+z");
  await expect(marcus.getByTestId("gap-value")).toHaveText("0");
  // A block pasted from a spreadsheet lands from the focused cell on, as one step.
  await marcus.getByLabel(`Lena Fischer, ${firstMonth}`, { exact: true }).evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "100\t200\n");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(marcus.getByLabel(`Lena Fischer, ${firstMonth}`, { exact: true })).toHaveValue("100");
  await marcus.getByRole("button", { name: "Undo" }).click();
  await expect(marcus.getByTestId("gap-value")).toHaveText("0");
  await marcus.getByTestId("save-grid").click();
  await expect(marcus.getByText("Saved 9 milestones.")).toBeVisible();
  await marcus.close();
});

test("booking a rep beyond her week warns the manager", async ({ browser, oars }) => {
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const tom = await signedIn(browser, oars, "tom");
  await openTacticalPlan(tom, /^West · Q/);
  await tom.getByRole("link", { name: "Actions", exact: true }).click();
  await tom.getByRole("button", { name: "New action" }).click();
  const dialog = tom.getByTestId("action-dialog");
  await dialog.getByLabel("Title").fill("Prepare the partner summit");
  await dialog.getByLabel("Owner", { exact: true }).selectOption({ label: "Diego Alvarez" });
  await dialog.getByLabel("Owner's hours a week").fill("45");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(tom.getByText(/Diego Alvarez is allocated 45 hours/).first()).toBeVisible();
  await expect(tom.getByTestId("capacity-warnings")).toContainText("Diego Alvarez");
  await tom.close();
});

test("the new salesperson sees her week", async ({ browser, oars }) => {
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const nina = await signedIn(browser, oars, "nina");
  await nina.getByRole("link", { name: "My week" }).first().click();
  await expect(nina.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
  const targets = nina.getByTestId("activity-targets");
  await expect(targets).toContainText("calls");
  await expect(nina.getByRole("progressbar", { name: "calls this week" })).toBeVisible();
  await expect(nina.getByRole("region", { name: "This week", exact: true })).toBeVisible();
  // Ticking an item off marks that day's occurrence done (found by name: the list re-sorts).
  const item = nina
    .getByRole("region", { name: "This week", exact: true })
    .locator(".week-item:not(.week-item-done)")
    .first();
  if ((await item.count()) > 0) {
    const name = ((await item.locator("label").textContent()) ?? "").trim();
    const box = nina
      .getByRole("region", { name: "This week", exact: true })
      .getByRole("checkbox", { name })
      .first();
    await box.click();
    await expect(box).toBeChecked();
  }
  await nina.getByRole("button", { name: "Get the address" }).click();
  await expect(nina.getByLabel("Subscribe to this address")).toHaveValue(/\/api\/v1\/calendar\/[\w-]+\.ics$/);
  await nina.close();
});

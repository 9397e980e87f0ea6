// Strategic planning's golden path in a real browser: the demo director creates a department plan
// from the director template, answers the refinement questions, edits an objective, aligns a team
// objective under it, and the strategy map shows the cascade.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A tab of the plan page (the overview's own links go to the same places). */
const tab = (page: Page, name: string | RegExp) =>
  page.getByRole("navigation", { name: "Plan sections" }).getByRole("link", { name });

async function signIn(page: Page, who: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`${who}@northwind.example`);
  await page.getByLabel("Password", { exact: true }).fill(`demo-${who}-oars`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("the director plans the department from the template and the map shows the cascade", async ({
  page,
  oars,
}) => {
  test.setTimeout(90_000);
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  await signIn(page, "dana");

  // Create the department plan from the director template, with her own numbers.
  await page.getByRole("link", { name: "Plans", exact: true }).click();
  await page.getByRole("button", { name: "New plan" }).click();
  const dialog = page.getByRole("dialog", { name: "New plan" });
  await dialog.getByText("Overhaul a sales department").click();
  await dialog.getByLabel("Title").fill("Sales department: next two years");
  await expect(dialog.getByLabel("Owner")).toHaveValue(/^team:/);
  await expect(dialog.getByLabel("Owner").locator("option:checked")).toHaveText("Sales (team)");
  await dialog.getByLabel("Revenue growth to reach by the end (%)").fill("30");
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("plan-title")).toHaveText("Sales department: next two years");
  await expect(page.getByTestId("toasts")).toContainText("Overhaul a sales department");

  // The refinement questions: answer every required one; the plan checks then find nothing.
  await tab(page, "Refinement").click();
  const required = page
    .locator("[data-testid^=question-]")
    .filter({ has: page.getByText("Required", { exact: true }) });
  // count() does not wait: let the refinement tab load before counting its questions.
  await expect(required.first()).toBeVisible();
  const count = await required.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const question = required.nth(i);
    await question.getByRole("textbox").fill(`Our answer, number ${i + 1}.`);
    await question.getByRole("button", { name: "Save answer" }).click();
    await expect(question.getByText(/Last saved/)).toBeVisible();
  }
  await tab(page, /^Checks/).click();
  await expect(page.getByTestId("checks-clear")).toBeVisible();

  // Edit an objective: the revenue target.
  await tab(page, "Objectives").click();
  const revenue = page.getByTestId("objective").filter({ hasText: "Grow revenue by 30%" });
  await revenue.getByRole("button", { name: "Edit" }).click();
  const editor = page.getByTestId("objective-editor");
  await editor.getByLabel("Target").fill("16000000");
  await editor.getByRole("button", { name: "Save objective" }).click();
  await expect(revenue).toContainText("USD 16,000,000.00");

  // Align East's revenue objective under the new department objective.
  await page.getByRole("link", { name: "Plans", exact: true }).first().click();
  await page.getByRole("link", { name: "East: our part of the overhaul" }).click();
  await tab(page, "Objectives").click();
  const east = page.getByTestId("objective").filter({ hasText: "East: win USD 4.1M a year" });
  await east.getByRole("button", { name: "Edit" }).click();
  await editor
    .getByLabel("Aligned under")
    .selectOption({ label: "Grow revenue by 30% to USD 13,000,000 a year" });
  await editor.getByRole("button", { name: "Save objective" }).click();
  await expect(
    east.getByRole("link", { name: "Grow revenue by 30% to USD 13,000,000 a year" }),
  ).toBeVisible();

  // The strategy map, filtered to the new plan, shows the cascade: the department goal, East's
  // objective under it, and Nina's personal objective under East's.
  await page.getByRole("link", { name: "Strategy map" }).click();
  await page
    .getByRole("search", { name: "Filter the map" })
    .getByLabel("Plan")
    .selectOption({ label: "Sales department: next two years" });
  const top = page
    .getByTestId("cascade")
    .locator(":scope > ul > li")
    .filter({ hasText: "Grow revenue by 30%" });
  await expect(top.locator(":scope > [data-testid=map-node]")).toContainText("Target USD 16,000,000.00");
  const under = top.locator(":scope > ul > li");
  await expect(under.locator(":scope > [data-testid=map-node]")).toContainText("East: win USD 4.1M a year");
  await expect(under.locator(":scope > ul > li")).toContainText("Win USD 420,000 in the first year");
});

test("a rep reads the department plan but cannot edit it, and prints it", async ({ page, oars }) => {
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  await signIn(page, "nina");
  await page.getByRole("link", { name: "Plans", exact: true }).click();
  await page.getByRole("link", { name: "Northwind Sales: two-year overhaul" }).click();
  await expect(page.getByText("Read only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  await page.getByRole("link", { name: "Print" }).click();
  const doc = page.getByTestId("plan-document");
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText("Northwind Sales: two-year overhaul");
  await expect(doc).toContainText("What will we stop doing?");
  await expect(doc).toContainText("Analyse current sales methodologies and metrics");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".sidebar")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
});

test("an @mention in a comment reaches the person's bell", async ({ page, oars, browser }) => {
  test.setTimeout(60_000);
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  await signIn(page, "dana");
  await page.getByRole("link", { name: "Plans", exact: true }).click();
  await page.getByRole("link", { name: "Northwind Sales: two-year overhaul" }).click();
  const box = page.getByLabel("Add a comment");
  await box.fill("Thanks for the numbers, @Pri");
  await page
    .getByRole("listbox", { name: "People to mention" })
    .getByRole("button", { name: "Priya Shah" })
    .click();
  await expect(box).toHaveValue("Thanks for the numbers, @Priya Shah ");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.locator(".comment-list mark")).toHaveText("@Priya Shah");

  const priya = await browser.newPage({ baseURL: oars.url });
  await signIn(priya, "priya");
  await priya.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await priya
    .getByRole("button", { name: /Dana Reyes mentioned you on “Northwind Sales: two-year overhaul”/ })
    .click();
  await expect(priya.getByTestId("plan-title")).toHaveText("Northwind Sales: two-year overhaul");
  await expect(priya.getByRole("button", { name: "Notifications" })).toBeVisible();
  await priya.close();
});

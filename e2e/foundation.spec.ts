// The foundation's golden paths in a real browser: first-run set-up, sign-in, inviting a person
// who then sets their password, and moving a team in the tree.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("first run: create the organisation and its admin, land signed in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Organisation name").fill("Harbour Sales");
  await page.getByLabel("Your name").fill("Hana Harbour");
  await page.getByLabel("Email").fill("hana@harbour.example");
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByRole("button", { name: "Create organisation" }).click();
  // A common password is refused next to the field, before anything is created.
  await expect(page.getByText(/common password/i)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("lighthouse keeps the bay");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hana");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hana");
});

test("sign in as the demo director; a wrong password is refused", async ({ page, oars }) => {
  const seeded = await oars.cli(["seed", "--demo"]);
  expect(seeded.code).toBe(0);
  await signIn(page, "dana@northwind.example", "not her password");
  await expect(page.getByRole("alert").first()).toContainText(/wrong/i);
  await signIn(page, "dana@northwind.example", "demo-dana-oars");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dana");
});

test("an admin invites a person, who sets a password from the link", async ({ page, oars, browser }) => {
  await oars.cli(["seed", "--demo"]);
  await signIn(page, "avery@northwind.example", "demo-avery-oars");
  await page.getByRole("link", { name: "Team" }).first().click();
  await page.getByRole("button", { name: "Invite person" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Ivy Invitee");
  await dialog.getByLabel("Email").fill("ivy@northwind.example");
  await dialog.getByRole("button", { name: "Send invite" }).click();
  const link = page.getByLabel("Set-password link");
  await expect(link).toBeVisible();
  const url = await link.inputValue();
  expect(url).toMatch(/\/set-password\?token=/);

  const invitee = await browser.newPage({ baseURL: oars.url });
  await invitee.goto(url);
  await invitee.getByLabel("New password").fill("ivy grows on old walls");
  await invitee.getByLabel("Confirm password").fill("ivy grows on old walls");
  await invitee.getByRole("button", { name: /set password/i }).click();
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText("Ivy");
  await invitee.close();
});

test("an admin moves a team under another", async ({ page, oars, request }) => {
  await oars.cli(["seed", "--demo"]);
  await signIn(page, "avery@northwind.example", "demo-avery-oars");
  await page.getByRole("link", { name: "Team" }).first().click();
  await page
    .getByRole("navigation", { name: "Teams" })
    .getByRole("button", { name: "West", exact: true })
    .click();
  await expect(page.getByTestId("team-name")).toHaveText("West");
  await page.getByRole("button", { name: "Move team" }).click();
  await page.getByLabel("New parent team").selectOption({ label: "Sales › East" });
  await page.getByRole("button", { name: "Confirm move" }).click();
  await expect(page.getByTestId("toasts")).toContainText(/moved/i);

  const signInRes = await request.post("/api/v1/auth/sign-in", {
    data: { email: "avery@northwind.example", password: "demo-avery-oars" },
  });
  expect(signInRes.status()).toBe(200);
  const teams = (await (await request.get("/api/v1/teams")).json()) as {
    items: { id: string; name: string; parentId: string | null }[];
  };
  const east = teams.items.find((t) => t.name === "East");
  expect(teams.items.find((t) => t.name === "West")?.parentId).toBe(east?.id);
});

// Live progress in a real browser, on the demo organisation: each persona's dashboard shows real
// figures that drill down to the deals behind them — the director's goals, heatmap and funnel
// against the plan; the new salesperson's ramped goal, week targets and today's actions; the account
// manager's major accounts — and a won deal moves the rep's goal at once.
import type { Browser, Page } from "@playwright/test";
import { expect, test, type OarsServer } from "./fixtures";

async function signedIn(browser: Browser, oars: OarsServer, who: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ baseURL: oars.url, viewport: { width, height: 900 } });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`${who}@northwind.example`);
  await page.getByLabel("Password", { exact: true }).fill(`demo-${who}-oars`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  return page;
}

const percent = async (page: Page, ring: number) =>
  Number(
    ((await page.getByTestId("goal-ring").nth(ring).locator("text").textContent()) ?? "").replace("%", ""),
  );

test("the director's dashboard: team goals, heatmap, funnel against the plan, drill-down", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const dana = await signedIn(browser, oars, "dana");

  // One ring per region for the current quarter, each with a real figure.
  const rings = dana.getByTestId("goal-ring");
  await expect(rings).toHaveCount(3);
  await expect(rings.filter({ hasText: "East" })).toContainText(/USD [\d,]+\.\d\d of USD [\d,]+\.\d\d/);
  // Objectives at risk first, the department's revenue with a reason in words.
  const objectives = dana.getByTestId("objectives-progress");
  await expect(objectives).toContainText("Grow revenue by 25% to USD 11,250,000 a year");
  await expect(objectives).toContainText(/needs USD [\d,.]+ more by \d{4}-\d{2}-\d{2}/);
  const firstStatus = await objectives.getByTestId("progress-badge").first().textContent();
  expect(firstStatus).toMatch(/Off track|At risk/);
  // The heatmap holds each rep's months; the funnel puts the plan's conversion beside history's.
  await expect(
    dana.getByTestId("heatmap").getByRole("link", { name: "Nina Patel", exact: true }),
  ).toBeVisible();
  const funnel = dana.getByTestId("funnel-vs-plan");
  await expect(funnel.getByRole("row", { name: /Negotiation/ })).toContainText("95%");
  await expect(funnel.getByRole("row", { name: /Negotiation/ })).toContainText(/\d+% \(\d+ deals\)/);
  await dana.screenshot({ path: test.info().outputPath("director-dashboard.png"), fullPage: true });

  // A region's goal opens its milestone with the deals behind it.
  await rings.filter({ hasText: "West" }).click();
  await expect(dana.getByRole("heading", { level: 1 })).toContainText("Grow revenue by 25%");
  await expect(dana.getByText("Deals behind the figure that you may see")).toBeVisible();
  const deal = dana.locator("table").last().getByRole("link").first();
  const dealName = await deal.textContent();
  await deal.click();
  await expect(dana.getByRole("heading", { level: 1 })).toHaveText(dealName ?? "");

  // The tactical plan's Progress tab: every milestone with its live figure.
  await dana.getByRole("link", { name: "Tactics" }).first().click();
  await dana.getByRole("link", { name: /^Northwind Sales · Q/ }).click();
  await dana.getByRole("link", { name: "Progress", exact: true }).click();
  const table = dana.getByTestId("milestone-progress");
  await expect(table.getByRole("row", { name: /East/ }).first()).toContainText(/USD [\d,]+\.\d\d/);
  await expect(table.getByTestId("progress-badge").first()).toBeVisible();
});

test("the new salesperson's dashboard: ramped goal, week targets, today's actions; a won deal moves it", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const nina = await signedIn(browser, oars, "nina");

  const ring = nina.getByTestId("goal-ring").filter({ hasText: "Win USD 420,000 in the first year" });
  await expect(ring).toBeVisible();
  await expect(ring).toContainText("Nina Patel");
  await expect(nina.getByTestId("week-targets")).toContainText(/calls: \d+ of \d+/);
  await expect(nina.getByTestId("today-actions")).toBeVisible();
  await nina.screenshot({ path: test.info().outputPath("rep-dashboard.png"), fullPage: true });

  // Logging a won deal moves her goal at once.
  const index = await nina
    .getByTestId("goal-ring")
    .evaluateAll((els) => els.findIndex((e) => e.textContent?.includes("Win USD 420,000")));
  const before = await percent(nina, index);
  const { csrfToken } = (await (await nina.request.get("/api/v1/auth/session")).json()) as {
    csrfToken: string;
  };
  const stages = (await (await nina.request.get("/api/v1/pipeline/stages")).json()) as {
    items: { id: string; kind: string }[];
  };
  const won = stages.items.find((s) => s.kind === "won");
  const today = (await (await nina.request.get("/api/v1/dashboard")).json()).today as string;
  const res = await nina.request.post("/api/v1/deals", {
    headers: { "x-csrf-token": csrfToken },
    data: {
      name: "Harbour Logistics pilot",
      amountMinor: 2_000_000,
      stageId: won?.id,
      closeDate: today,
      createdDate: today,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await nina.reload();
  await expect.poll(() => percent(nina, index)).toBeGreaterThan(before);

  // The goal drills down to her deals, the new one among them.
  await nina.getByTestId("goal-ring").nth(index).click();
  await expect(nina.getByRole("link", { name: "Harbour Logistics pilot" })).toBeVisible();
});

test("the account manager's portfolio, at phone width too", async ({ browser, oars }) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  for (const width of [1280, 390]) {
    const alan = await signedIn(browser, oars, "alan", width);
    const portfolio = alan.getByTestId("portfolio");
    await expect(portfolio).toBeVisible();
    const first = portfolio.getByRole("link").first();
    await expect(first).toBeVisible();
    await expect(portfolio).toContainText(/USD [\d,]+\.\d\d/);
    await alan.screenshot({ path: test.info().outputPath(`account-manager-${width}.png`), fullPage: true });
    const name = await first.textContent();
    await first.click();
    await expect(alan.getByRole("heading", { level: 1 })).toHaveText(name ?? "");
    await alan.close();
  }
});

test("a manager closes last month, exports its attainment and adjusts a forecast; a rep sets her alerts", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const dana = await signedIn(browser, oars, "dana");
  const today = (await (await dana.request.get("/api/v1/dashboard")).json()).today as string;
  const [y = 0, m = 0] = today.split("-").map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;

  // Close last month: its figures are frozen and listed; the CSV has one row per person × period.
  await dana.getByRole("link", { name: "Attainment" }).click();
  await dana.getByLabel("Period kind").selectOption("month");
  await dana.getByLabel("Month", { exact: true }).fill(lastMonth);
  await dana.getByRole("button", { name: "Close the period" }).click();
  const rows = dana.getByTestId("close-rows");
  await expect(rows.getByRole("row", { name: /Nina Patel/ }).first()).toBeVisible();
  const csv = await dana.request.get(`/api/v1/attainment/export?period=${lastMonth}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/target.*actual.*attainment/i);
  expect(lines.some((l) => l.includes("Nina Patel"))).toBe(true);

  // Adjust the department's commit forecast, with a reason: it shows in the category table.
  await dana.getByRole("link", { name: "Home", exact: true }).click();
  await dana
    .getByTestId("objectives-progress")
    .getByRole("link", { name: "Grow revenue by 25% to USD 11,250,000 a year" })
    .click();
  const panel = dana.getByTestId("forecast-panel");
  await panel.getByLabel("Category").selectOption("commit");
  await panel.getByLabel(/^Adjustment/).fill("50,000");
  await panel.getByLabel("Why").fill("Harbour renewal signed verbally");
  await panel.getByRole("button", { name: "Adjust" }).click();
  await expect(panel.getByRole("row", { name: /Commit/ })).toContainText("USD 50,000.00");
  await expect(panel).toContainText("Harbour renewal signed verbally");

  // The rep turns the weekly digest off; it stays off.
  const nina = await signedIn(browser, oars, "nina");
  await nina.goto("/profile");
  const digest = nina.getByTestId("notification-preferences").getByLabel(/weekly digest/);
  await expect(digest).toBeChecked();
  await digest.uncheck();
  await expect(nina.getByText("Notification preferences saved")).toBeVisible();
  await nina.reload();
  await expect(nina.getByTestId("notification-preferences").getByLabel(/weekly digest/)).not.toBeChecked();
});

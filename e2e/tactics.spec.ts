// Tactical planning in a real browser, on the demo organisation — each bullet of the issue's "what it
// must show": the director splits the revenue over quarters and regions, a team manager splits the
// region's part over months and reps with the new salesperson on an edited ramp until the gap reads
// zero; the rep sees her week (and her manager sees it too); a recurring weekly client meeting goes
// out in the calendar feed and parses in ical.js; over-booking a rep warns in the plan and in the
// plan checks; bad input answers 400 naming the field; and the CLI's split and funnel calculator.
import ICAL from "ical.js";
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

async function openPlanTab(page: Page, title: RegExp, tab: string): Promise<void> {
  await page.getByRole("link", { name: "Tactics" }).first().click();
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: tab, exact: true }).click();
}

const amount = async (page: Page, label: string) =>
  Number((await page.getByLabel(label, { exact: true }).inputValue()).replace(/[^\d.]/g, ""));

test("the director splits over quarters and teams, a manager over months and reps with a ramp", async ({
  browser,
  oars,
}) => {
  test.slow();
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

  // Bottom-up: the new salesperson proposes her number; her manager adjusts it in a checked dialog.
  const nina = await signedIn(browser, oars, "nina");
  await openTacticalPlan(nina, /^East · Q/);
  await nina.getByLabel("My number").fill("250000");
  await nina.getByRole("button", { name: "Commit", exact: true }).click();
  await expect(nina.getByTestId("commitments")).toContainText("proposed");
  await nina.close();

  const marcus = await signedIn(browser, oars, "marcus");
  await openTacticalPlan(marcus, /^East · Q/);
  await expect(marcus.getByTestId("parent-select")).toContainText(/Our part of FY\d{4}-Q1/);
  // The department's new split moved East's part: reshaping the grid recomputes it from the new total.
  await marcus.getByLabel("Columns").selectOption("month");
  await marcus.getByLabel("Over rows").selectOption("capacity");
  const commitments = marcus.getByTestId("commitments");
  await commitments.getByRole("button", { name: "Adjust" }).click();
  const adjust = marcus.getByTestId("adjust-dialog");
  await adjust.getByLabel(/Agreed number/).fill("lots");
  await adjust.getByRole("button", { name: "Adjust" }).click();
  await expect(adjust).toContainText("Must be a number");
  await adjust.getByLabel(/Agreed number/).fill("240,000");
  await adjust.getByLabel("Why (optional)").fill("Her first full quarter");
  await adjust.getByRole("button", { name: "Adjust" }).click();
  await expect(adjust).toBeHidden();
  await expect(commitments).toContainText("adjusted");
  await expect(commitments).toContainText("Her first full quarter");

  await marcus.getByLabel("Ramp for Nina Patel").selectOption("standard");
  const firstMonth =
    (await marcus.getByTestId("split-grid").getByRole("columnheader").nth(2).textContent()) ?? "";
  expect(await amount(marcus, `Nina Patel, ${firstMonth}`)).toBeLessThan(
    await amount(marcus, `Omar Haddad, ${firstMonth}`),
  );
  await expect(marcus.getByTestId("gap-value")).toHaveText("0");
  // Her curve edited month by month: a step down is refused before it reaches the grid.
  await marcus.getByRole("button", { name: "Edit the ramp curve of Nina Patel" }).click();
  const ramp = marcus.getByTestId("ramp-dialog");
  await ramp.getByLabel("Month 2, % of a full target").fill("40");
  await ramp.getByLabel("Month 3, % of a full target").fill("30");
  await ramp.getByRole("button", { name: "Use this curve" }).click();
  await expect(ramp.getByRole("alert")).toContainText("Month 3 must not be lower than month 2");
  await ramp.getByLabel("Month 3, % of a full target").fill("120");
  await ramp.getByRole("button", { name: "Use this curve" }).click();
  await expect(ramp.getByRole("alert")).toContainText("Month 3 must be a percentage from 0 to 100");
  await ramp.getByLabel("Month 3, % of a full target").fill("60");
  await ramp.getByRole("button", { name: "Use this curve" }).click();
  await expect(ramp).toBeHidden();
  await expect(marcus.getByLabel("Ramp for Nina Patel")).toHaveValue("custom");
  // What her ramp holds back is shown, and where it goes: the team carries it, or it is a gap.
  const note = marcus.getByTestId("ramp-note");
  await expect(note).toContainText("spread over the rest of the team");
  await expect(marcus.getByTestId("gap-value")).toHaveText("0");
  await note.getByRole("button", { name: "Accept it as a gap instead" }).click();
  await expect(note).toContainText("accepted as a gap");
  await expect(marcus.getByTestId("gap-value")).toHaveText(
    (await marcus.getByTestId("ramp-held-back").textContent()) ?? "",
  );
  await note.getByRole("button", { name: "Spread it over the team instead" }).click();
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

test("booking a rep beyond her week warns in the plan and in the plan checks", async ({ browser, oars }) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const tom = await signedIn(browser, oars, "tom");
  await openTacticalPlan(tom, /^West · Q/);
  await tom.getByRole("link", { name: "Actions", exact: true }).click();
  await tom.getByRole("button", { name: "New action" }).click();
  const dialog = tom.getByTestId("action-dialog");
  await dialog.getByLabel("Title").fill("Prepare the partner summit");
  await dialog.getByLabel("Owner", { exact: true }).selectOption({ label: "Diego Alvarez" });
  await dialog.getByLabel("Owner's hours a week").fill("45");
  // It serves an initiative, concerns an account and one of its deals, and takes a colleague's hours.
  const pick = async (label: string, text: string) => {
    await dialog.getByLabel(label, { exact: true }).fill(text);
    await dialog.getByRole("listbox", { name: "Matches" }).getByRole("option").first().waitFor();
    await dialog.getByLabel(label, { exact: true }).press("Enter");
  };
  await pick("Initiative", "West");
  await pick("Account", "a");
  await dialog.getByLabel("Deal", { exact: true }).click();
  await dialog.getByRole("listbox", { name: "Matches" }).getByRole("option").first().waitFor();
  await dialog.getByLabel("Deal", { exact: true }).press("Enter");
  await dialog.getByRole("button", { name: "Add a person involved" }).click();
  await dialog.getByLabel("Person involved 1").selectOption({ label: "Kenji Tanaka" });
  await dialog.getByLabel("Hours a week of Kenji Tanaka").fill("3");
  const chosen = {
    initiative: await dialog.getByLabel("Initiative", { exact: true }).inputValue(),
    account: await dialog.getByLabel("Account", { exact: true }).inputValue(),
    deal: await dialog.getByLabel("Deal", { exact: true }).inputValue(),
  };
  expect(chosen.initiative && chosen.account && chosen.deal).toBeTruthy();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(tom.getByText(/Diego Alvarez is allocated 45 hours/).first()).toBeVisible();
  await expect(tom.getByTestId("capacity-warnings")).toContainText("Diego Alvarez");

  // Opened again, the action keeps its links and the colleague's hours.
  await tom.getByRole("button", { name: "Prepare the partner summit" }).click();
  await expect(dialog.getByLabel("Initiative", { exact: true })).toHaveValue(chosen.initiative);
  await expect(dialog.getByLabel("Account", { exact: true })).toHaveValue(chosen.account);
  await expect(dialog.getByLabel("Deal", { exact: true })).toHaveValue(chosen.deal);
  await expect(dialog.getByLabel("Hours a week of Kenji Tanaka")).toHaveValue("3");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The strategic plan's checks flag the over-allocated rep too.
  await tom.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(1).click();
  await tom.getByRole("link", { name: /^Checks/ }).click();
  await expect(tom.getByTestId("findings")).toContainText(/Diego Alvarez is allocated 45 hours a week/);
  await tom.close();
});

test("the new salesperson sees her week, her manager picks it, and her weekly client meeting is in her feed", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const nina = await signedIn(browser, oars, "nina");
  // A recurring weekly client meeting at a set time, on her own plan.
  await openPlanTab(nina, /^Nina's first year · Q/, "Actions");
  await nina.getByRole("button", { name: "New action" }).click();
  const dialog = nina.getByTestId("action-dialog");
  await dialog.getByLabel("Title").fill("Weekly client meeting: Atlas");
  await dialog.getByLabel("Owner", { exact: true }).selectOption({ label: "Nina Patel" });
  await dialog.getByLabel("Starts").fill(new Date().toISOString().slice(0, 10));
  await dialog.getByLabel("At (a meeting's time)").fill("10:00");
  await dialog.getByLabel("Repeats").selectOption("weekly");
  await dialog.getByRole("checkbox", { name: "Tue" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

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
  const address = nina.getByLabel("Subscribe to this address");
  await expect(address).toHaveValue(/\/api\/v1\/calendar\/[\w-]+\.ics$/);
  // What a calendar client fetches, read by an independent parser.
  const feed = await nina.request.get(await address.inputValue());
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const meeting = calendar
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary === "Weekly client meeting: Atlas");
  expect(meeting?.isRecurring()).toBe(true);
  expect(String(meeting?.component.getFirstPropertyValue("rrule"))).toContain("FREQ=WEEKLY");
  expect(meeting?.startDate.toJSDate().getDay()).toBe(2);
  expect(meeting?.startDate.hour).toBe(10);
  await nina.close();

  // Her manager opens the same week from the people he may read.
  const marcus = await signedIn(browser, oars, "marcus");
  await marcus.getByRole("link", { name: "My week" }).first().click();
  await expect(marcus.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
  await marcus.getByTestId("week-person").selectOption({ label: "Nina Patel" });
  await expect(marcus.getByRole("heading", { level: 1, name: "Nina Patel's week" })).toBeVisible();
  await expect(marcus.getByTestId("activity-targets")).toContainText("calls");
  await expect(marcus.getByTestId("week-person").locator("option")).not.toContainText(["Diego Alvarez"]);
  await marcus.close();
});

test("bad input gets a 400 naming the field, in the API and beside the field in the browser", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const marcus = await signedIn(browser, oars, "marcus");
  // The browser's own session talks to the API, as the web app does.
  const session = (await (await marcus.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": session.csrfToken };
  const plans = (await (await marcus.request.get("/api/v1/tactical-plans")).json()) as {
    items: { id: string; title: string; strategicPlanId: string; objectiveIds: string[] }[];
  };
  const east = plans.items.find((p) => p.title.startsWith("East · Q"));
  if (!east) throw new Error("the demo has East's tactical plan");
  const field = async (res: Promise<{ status(): number; json(): Promise<unknown> }>) => {
    const r = await res;
    const body = (await r.json()) as { error?: { field?: string } };
    return [r.status(), body.error?.field];
  };
  const split = (settings: Record<string, unknown>) =>
    marcus.request.post(`/api/v1/tactical-plans/${east.id}/splits/preview`, {
      headers,
      data: {
        objectiveId: east.objectiveIds[0],
        settings: { rowKind: "person", rows: [{ id: "x" }], grain: "month", ...settings },
      },
    });
  const setup = (await (
    await marcus.request.get(
      `/api/v1/tactical-plans/${east.id}/split-setup?objectiveId=${east.objectiveIds[0]}&rowKind=person`,
    )
  ).json()) as { rows: { id: string }[]; start: string; end: string };
  const rows = setup.rows.map((r) => ({ id: r.id }));
  const first = rows[0]?.id ?? "";
  expect(
    await field(split({ rows, periodMethod: { kind: "seasonal", by: "period", weights: [0, 0, 0] } })),
  ).toEqual([400, "settings.periodMethod.weights"]);
  expect(await field(split({ rows, rampCurves: { [first]: [0, 0.5, 1.2] } }))).toEqual([
    400,
    `settings.rampCurves.${first}[2]`,
  ]);
  expect(await field(split({ rows, rampCurves: { [first]: [0.5, 0.25] } }))).toEqual([
    400,
    `settings.rampCurves.${first}[1]`,
  ]);
  expect(await field(split({ rows, start: setup.end, end: setup.start }))).toEqual([400, "settings.end"]);
  expect(
    await field(
      marcus.request.post("/api/v1/tactical-plans", {
        headers,
        data: {
          strategicPlanId: east.strategicPlanId,
          periodKind: "custom",
          periodStart: "2027-03-31",
          periodEnd: "2027-01-01",
        },
      }),
    ),
  ).toEqual([400, "periodEnd"]);

  // In the browser: an end before the start, and a dependency cycle, each beside its field.
  await openPlanTab(marcus, /^East · Q/, "Actions");
  await marcus.getByRole("button", { name: "New action" }).click();
  const dialog = marcus.getByTestId("action-dialog");
  await dialog.getByLabel("Title").fill("Backwards");
  await dialog.getByLabel("Starts").fill("2026-12-10");
  await dialog.getByLabel("Due").fill("2026-12-01");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/must not be before/i)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  // "Agree next year's targets" waits for "List East's target accounts": the reverse would be a loop.
  await marcus.getByRole("button", { name: /^List East's target accounts/ }).click();
  await dialog
    .getByLabel("Waits for")
    .selectOption({ label: "Agree next year's targets with each East rep" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/would make a dependency cycle/i)).toBeVisible();
  await expect(dialog).toBeVisible();
  await marcus.close();
});

test("the strategic plan links to its tactical plans, and the next quarter starts from the last one", async ({
  browser,
  oars,
}) => {
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  const marcus = await signedIn(browser, oars, "marcus");
  await marcus.getByRole("link", { name: "Plans" }).first().click();
  await marcus
    .getByRole("link", { name: /^East: our part/ })
    .first()
    .click();
  const card = marcus.getByTestId("plan-tactics");
  await expect(card.getByRole("link", { name: /^East · Q/ })).toBeVisible();
  await card.getByRole("button", { name: "New tactical plan for the next quarter" }).click();
  const dialog = marcus.getByRole("dialog", { name: "New tactical plan" });
  await expect(dialog.getByLabel("Start from").locator("option:checked")).toHaveText(/^East · Q/);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(marcus.getByTestId("tactical-title")).toContainText(/Q\d FY\d{4}/);
  await marcus.getByRole("link", { name: "Actions", exact: true }).click();
  await expect(marcus.getByTestId("actions-table")).toContainText("East weekly deal review");
  // Its actions moved to the new period, inside it: the weekly review runs from its first to last day.
  const [first, last] = ((await marcus.locator(".plan-meta .nowrap").textContent()) ?? "").split(" – ");
  await expect(marcus.getByRole("row", { name: /East weekly deal review/ })).toContainText(
    `${first} → ${last}`,
  );
  await marcus.getByRole("link", { name: "Tactics" }).first().click();
  await marcus
    .getByRole("link", { name: /^East: our part/ })
    .first()
    .click();
  await card.getByRole("link", { name: "All of them" }).click();
  await expect(marcus).toHaveURL(/\/tactics\?planId=/);
  await expect(marcus.getByRole("link", { name: /Q\d FY\d{4}/ })).toHaveCount(2);
  await marcus.close();
});

test("the CLI splits a target with a ramp and runs the funnel's worked example", async ({ oars }) => {
  // Six CLI runs, each starting Node and TypeScript: slower than one page.
  test.slow();
  expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
  // 14 deals at 40 % proposal-to-close need 35 proposals; at 50 % meeting-to-proposal, 70 meetings.
  const funnel = await oars.cli([
    "funnel",
    "--revenue=140000",
    "--deal-size=10000",
    "--stage=meeting=0.5",
    "--stage=proposal=0.4",
    "--activity=calls:meeting=8",
    "--json",
  ]);
  expect(funnel.code).toBe(0);
  const needed = Object.fromEntries(
    (JSON.parse(funnel.stdout) as { base: { steps: { name: string; needed: number }[] } }).base.steps.map(
      (s) => [s.name, s.needed],
    ),
  );
  expect(needed).toMatchObject({ won: 14, proposal: 35, meeting: 70, calls: 560 });

  const as = "--as=marcus@northwind.example";
  const split = await oars.cli([
    "targets",
    "split",
    "--plan=East · Q",
    as,
    "--grain=month",
    "--ramp=Nina Patel=0,0.25,0.5,1",
  ]);
  expect(split.code, split.stderr).toBe(0);
  expect(split.stdout).toMatch(/Nina Patel/);
  expect(split.stdout).toMatch(/gap USD 0\.00 · held back by ramps .* carried by the others/);
  const gap = await oars.cli([
    "targets",
    "split",
    "--plan=East · Q",
    as,
    "--grain=month",
    "--ramp=Nina Patel=standard",
    "--ramp-mode=acceptGap",
  ]);
  expect(gap.stdout).toMatch(/accepted as a gap/);
  const bad = await oars.cli(["targets", "split", "--plan=East · Q", as, "--ramp=Nina Patel=0,1.2"]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/settings\.rampCurves\.[\w-]+\[1\]: must be between 0 and 1/);
});

// Sales execution in a real browser, at desktop and phone widths: log a call on an account in a
// few keystrokes, move a deal to won on the board, and find one deal among many by name as one
// types. Each test seeds the demo org and adds its own account and deals through the API.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const REP = { email: "omar@northwind.example", password: "demo-omar-oars" };
const ADMIN = { email: "avery@northwind.example", password: "demo-avery-oars" };
const ACCOUNT = "Harbour Lights Ltd";
const DEAL = "Harbour Lights — Fleet renewal";

interface Api {
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
}

/** Signs the page's browser context in (API and page share the cookie); returns a write helper. */
async function signIn(page: Page, who = REP): Promise<Api> {
  const request: APIRequestContext = page.request;
  const res = await request.post("/api/v1/auth/sign-in", { data: who });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async post<T>(path: string, body: unknown): Promise<T> {
      const r = await request.post(path, { data: body, headers: { "x-csrf-token": csrfToken } });
      expect(r.ok(), `${path}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    },
    async patch<T>(path: string, body: unknown): Promise<T> {
      const r = await request.patch(path, { data: body, headers: { "x-csrf-token": csrfToken } });
      expect(r.ok(), `${path}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    },
    async get<T>(path: string): Promise<T> {
      const r = await request.get(path);
      expect(r.ok(), `${path}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    },
  };
}

async function accountWithDeal(api: Api): Promise<{ accountId: string; dealId: string }> {
  const account = await api.post<{ id: string }>("/api/v1/accounts", { name: ACCOUNT, industry: "Shipping" });
  const deal = await api.post<{ id: string }>("/api/v1/deals", {
    name: DEAL,
    accountId: account.id,
    amountMinor: 4_250_000,
    closeDate: "2031-06-30",
  });
  return { accountId: account.id, dealId: deal.id };
}

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, phone: false },
  { name: "phone", viewport: { width: 390, height: 844 }, phone: true },
];

for (const size of SIZES) {
  test.describe(`at ${size.name} width`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.phone });
    // Each test seeds the demo organisation and adds its own data first.
    test.describe.configure({ timeout: 60_000 });

    test("log a call on an account in a few keystrokes", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const { accountId } = await accountWithDeal(await signIn(page));
      await page.goto(`/accounts/${accountId}`);
      await expect(page.getByRole("heading", { level: 1, name: ACCOUNT })).toBeVisible();

      if (size.phone) await page.getByRole("button", { name: "Log activity" }).first().tap();
      else await page.keyboard.press("l");
      const dialog = page.getByRole("dialog", { name: "Log activity" });
      await expect(dialog).toBeVisible();
      // The call type, the account and a subject are already there; the subject is selected, so
      // typing replaces it and Enter saves.
      await expect(dialog.getByLabel("Subject")).toBeFocused();
      await expect(dialog.getByLabel("Subject")).toHaveValue(`Call with ${ACCOUNT}`);
      await expect(dialog.getByRole("combobox", { name: "Account" })).toHaveValue(ACCOUNT);
      await page.keyboard.type("Intro call, budget confirmed");
      await page.keyboard.press("Enter");

      await expect(dialog).toBeHidden();
      await expect(page.getByTestId("toasts")).toContainText(`Call logged on ${ACCOUNT}`);
      const timeline = page.getByTestId("activity-timeline");
      await expect(timeline).toContainText("Intro call, budget confirmed");
      await expect(timeline).toContainText("Call");
    });

    test("move a deal to won on the board", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const { dealId } = await accountWithDeal(await signIn(page));
      await page.goto("/deals/board");
      await page.getByRole("searchbox", { name: "Search deals" }).fill("Fleet renewal");
      const prospecting = page.getByTestId("board-column-Prospecting");
      const card = prospecting.getByTestId("deal-card").filter({ hasText: DEAL });
      // The board has applied the search once its columns hold only the match.
      await expect(page).toHaveURL(/q=Fleet/);
      await expect(prospecting.getByTestId("deal-card")).toHaveCount(1);
      await expect(card).toBeVisible();
      const won = page.getByTestId("board-column-Closed won");

      if (size.phone) {
        // Touch screens have no drag and drop: the card's Move menu does the same.
        await card.getByRole("button", { name: `Move: ${DEAL}` }).tap();
        await page.getByRole("menuitem", { name: /Closed won/ }).tap();
      } else {
        // A native drag: pick the card up; the won and lost drop zones appear; drop it on won.
        const box = await card.boundingBox();
        if (!box) throw new Error("the deal card has no box");
        await page.mouse.move(box.x + 20, box.y + box.height - 12);
        await page.mouse.down();
        await page.mouse.move(box.x + 60, box.y + box.height, { steps: 5 });
        await page.getByTestId("drop-Closed won").hover();
        await page.mouse.up();
      }
      const ask = page.getByRole("dialog", { name: `Mark ${DEAL} as won` });
      await expect(ask.getByLabel("Close date")).not.toHaveValue("");
      await ask.getByRole("button", { name: "Mark as won" }).click();

      await expect(page.getByTestId("toasts")).toContainText(`${DEAL} moved to Closed won`);
      await expect(won.getByTestId("deal-card").filter({ hasText: DEAL })).toBeVisible();
      await expect(prospecting.getByTestId("deal-card").filter({ hasText: DEAL })).toHaveCount(0);
      const saved = (await (await page.request.get(`/api/v1/deals/${dealId}`)).json()) as { status: string };
      expect(saved.status).toBe("won");
    });

    test("find a deal by name among many as one types", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const api = await signIn(page);
      const { dealId } = await accountWithDeal(api);
      // Many deals with other names around the one to find.
      const words = ["Alpha", "Beacon", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harvest"];
      for (let batch = 0; batch < 3; batch++) {
        const create = Array.from({ length: 500 }, (_, i) => ({
          name: `${words[(batch * 500 + i) % words.length]} Holdings — deal ${batch * 500 + i}`,
          amountMinor: 100_000 + i,
          closeDate: "2031-01-15",
        }));
        await api.post("/api/v1/deals/bulk", { create });
      }

      await page.goto("/deals");
      await expect(page.getByTestId("deals-table")).toBeVisible();
      await expect(page.getByTestId("deals-summary")).toContainText(/\d deals/);
      const search = page.getByRole("searchbox", { name: "Search deals" });
      const started = Date.now();
      await search.fill("fleet ren");
      const rows = page
        .getByTestId("deals-table")
        .getByRole("row")
        .filter({ has: page.getByRole("cell") });
      await expect(rows).toHaveCount(1);
      expect(Date.now() - started).toBeLessThan(3_000);
      await expect(page.getByTestId("deals-summary")).toContainText("1 deal");
      await rows.getByRole("link", { name: DEAL }).click();
      await expect(page).toHaveURL(new RegExp(`/deals/${dealId}$`));
      await expect(page.getByRole("heading", { level: 1, name: DEAL })).toBeVisible();
    });

    test("edit a deal and its account; a stale save is refused with a message", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const api = await signIn(page);
      const { accountId, dealId } = await accountWithDeal(api);
      await page.goto(`/deals/${dealId}`);
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      let dialog = page.getByRole("dialog", { name: `Edit ${DEAL}` });
      await dialog.getByLabel("Amount").fill("51,000");
      await dialog.getByLabel("Probability %").fill("35");
      await dialog.getByLabel("CRM id").fill("OPP-77");
      await dialog.getByRole("button", { name: "Save deal" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId("deal-amount")).toContainText("51,000");
      await expect(page.getByText("35%")).toBeVisible();

      // Someone else saves while the dialog is open: the save answers 409 and says so.
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      dialog = page.getByRole("dialog", { name: `Edit ${DEAL}` });
      await dialog.getByLabel("Name").fill(`${DEAL} (mine)`);
      const now = await api.get<{ version: number }>(`/api/v1/deals/${dealId}`);
      await api.patch(`/api/v1/deals/${dealId}`, { version: now.version, probability: 45 });
      await dialog.getByRole("button", { name: "Save deal" }).click();
      await expect(dialog.getByRole("alert")).toContainText("Someone else changed this");
      // The form now holds the other save; saving again goes through.
      await expect(dialog.getByLabel("Probability %")).toHaveValue("45");
      await dialog.getByLabel("Name").fill(`${DEAL} (mine)`);
      await dialog.getByRole("button", { name: "Save deal" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("heading", { level: 1, name: `${DEAL} (mine)` })).toBeVisible();

      await page.goto(`/accounts/${accountId}`);
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      const edit = page.getByRole("dialog", { name: `Edit ${ACCOUNT}` });
      await edit.getByLabel("Industry").fill("Maritime");
      await edit.getByLabel("Employees").fill("1200");
      await edit.getByLabel("Tags").fill("fleet, key");
      await edit.getByRole("button", { name: "Save account" }).click();
      await expect(edit).toBeHidden();
      await expect(page.getByText("Maritime")).toBeVisible();
      await expect(page.getByText(/1,200|1 200|1\.200/)).toBeVisible();
      await expect(page.getByText("key", { exact: true })).toBeVisible();
    });

    test("add a contact to an account and edit it", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const { accountId } = await accountWithDeal(await signIn(page));
      await page.goto(`/accounts/${accountId}`);
      await page.getByRole("button", { name: "Add contact" }).click();
      const add = page.getByRole("dialog", { name: "New contact" });
      await add.getByLabel("Name").fill("Ines Ortega");
      await add.getByLabel("Title").fill("COO");
      await add.getByLabel("Email").fill("ines@harbour.example");
      await add.getByLabel("Buying role").selectOption({ label: "Champion" });
      await add.getByLabel("Relationship").selectOption("4");
      await add.getByRole("button", { name: "Add contact" }).click();
      await expect(add).toBeHidden();
      const contacts = page.getByRole("region", { name: "Contacts" });
      await expect(contacts).toContainText("Ines Ortega");
      await expect(contacts).toContainText("COO · Champion");

      await contacts.getByRole("button", { name: "Edit Ines Ortega" }).click();
      const edit = page.getByRole("dialog", { name: "Edit Ines Ortega" });
      await expect(edit.getByLabel("Email")).toHaveValue("ines@harbour.example");
      await edit.getByLabel("Title").fill("CEO");
      await edit.getByLabel("Buying role").selectOption({ label: "Decision maker" });
      await edit.getByRole("button", { name: "Save contact" }).click();
      await expect(edit).toBeHidden();
      await expect(contacts).toContainText("CEO · Decision maker");
    });

    test("an admin sets up stages, products and exchange rates", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      await signIn(page, ADMIN);
      await page.goto("/settings");
      const stages = page.getByTestId("settings-pipeline");
      await stages.getByLabel("New stage").fill("Legal review");
      await stages.getByLabel("Probability %").last().fill("70");
      await stages.getByRole("button", { name: "Add stage" }).click();
      const legal = stages.getByRole("form", { name: "Stage Legal review" });
      await expect(legal).toBeVisible();
      await expect(legal.getByLabel("Probability %")).toHaveValue("70");
      // New stages go last; move it up one place, before the lost stage.
      const names = async () =>
        stages
          .getByRole("form", { name: /^Stage / })
          .evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label")));
      const before = await names();
      await stages.getByRole("button", { name: "Move Legal review up" }).click();
      await expect.poll(names).not.toEqual(before);
      expect((await names()).indexOf("Stage Legal review")).toBe(before.indexOf("Stage Legal review") - 1);
      await legal.getByLabel("Probability %").fill("75");
      await legal.getByRole("button", { name: "Save" }).click();
      await expect(page.getByTestId("toasts")).toContainText("Saved Legal review");

      const products = page.getByTestId("settings-products");
      await products.getByLabel("New product").fill("Fleet tracker");
      await products.getByLabel("Family").last().fill("Hardware");
      await products
        .getByLabel(/^List price/)
        .last()
        .fill("1,200");
      await products.getByRole("button", { name: "Add product" }).click();
      await expect(products.getByRole("form", { name: "Product Fleet tracker" })).toBeVisible();

      const rates = page.getByTestId("settings-rates");
      await rates.getByLabel("Currency").fill("CHF");
      await rates.getByLabel(/^Rate/).fill("1.07");
      await rates.getByRole("button", { name: "Save rate" }).click();
      await expect(rates.getByRole("row").filter({ hasText: "CHF" })).toContainText("1.07");
    });

    test("import deals: map a CRM owner id, dry-run, then run the same job", async ({ page, oars }) => {
      expect((await oars.cli(["seed", "--demo"])).code).toBe(0);
      const api = await signIn(page, ADMIN);
      const people = await api.get<{ items: { name: string; email: string }[] }>("/api/v1/people?limit=200");
      const omar = people.items.find((p) => p.email === REP.email);
      if (!omar) throw new Error("no Omar in the demo org");
      const csv = [
        "Opportunity ID,Opportunity Name,Opportunity Owner,Amount,Stage,Close Date",
        '006X1,Harbour cranes,0055000000CRM42,"12,000",Prospecting,2031-03-31',
        "006X2,Harbour tugs,0055000000CRM42,9000,Prospecting,2031-04-30",
      ].join("\n");
      await page.goto("/import");
      await page.getByLabel("The file holds").selectOption("deals");
      await page.locator("input[type=file]").setInputFiles({
        name: "opportunities.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv),
      });
      await page.getByRole("button", { name: "Upload and check" }).click();
      const maps = page.getByTestId("value-map-owner");
      const owner = maps.getByLabel("0055000000CRM42");
      await expect(owner).toBeVisible();
      await owner.selectOption({ label: omar.name });
      await page.getByLabel("Remember these for the next imports when this one runs").check();
      await page.getByRole("button", { name: "Dry run" }).click();
      const progress = page.getByTestId("import-progress");
      await expect(progress).toContainText("Dry run finished");
      await expect(progress).toContainText("Would create");
      await expect(progress.locator("dd").first()).toHaveText("2");
      // The same job runs for real: no second upload.
      await page.getByRole("button", { name: "Import deals" }).click();
      await expect(progress).toContainText("Import finished");
      await expect(progress.locator("dd").first()).toHaveText("2");
      const deals = await api.get<{ items: { name: string; ownerName: string }[] }>(
        "/api/v1/deals?q=harbour",
      );
      expect(deals.items.map((d) => d.ownerName)).toEqual([omar.name, omar.name]);
      const saved = await api.get<{ items: { source: string }[] }>("/api/v1/imports/value-maps?kind=owner");
      expect(saved.items.map((i) => i.source)).toContain("0055000000crm42");
    });
  });
}

// Sales execution in a real browser, at desktop and phone widths: log a call on an account in a
// few keystrokes, move a deal to won on the board, and find one deal among many by name as one
// types. Each test seeds the demo org and adds its own account and deals through the API.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const REP = { email: "omar@northwind.example", password: "demo-omar-oars" };
const ACCOUNT = "Harbour Lights Ltd";
const DEAL = "Harbour Lights — Fleet renewal";

interface Api {
  post<T>(path: string, body: unknown): Promise<T>;
}

/** Signs the page's browser context in (API and page share the cookie); returns a write helper. */
async function signIn(page: Page): Promise<Api> {
  const request: APIRequestContext = page.request;
  const res = await request.post("/api/v1/auth/sign-in", { data: REP });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async post<T>(path: string, body: unknown): Promise<T> {
      const r = await request.post(path, { data: body, headers: { "x-csrf-token": csrfToken } });
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
  });
}

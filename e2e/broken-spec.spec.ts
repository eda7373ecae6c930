import { expect, test } from "./support/fixtures";

// scripts/e2e-server.ts adds "broken", a public API whose only description cannot be parsed.
test("a broken spec gets a clear problem page, and every other API keeps answering 200", async ({ page, request }) => {
  await page.goto("/apis");
  const card = page.getByRole("article", { name: "Broken Demo API" });
  await expect(card).toBeVisible();

  const res = await page.goto("/apis/broken/v1");
  expect(res?.status()).toBe(200);
  const alert = page.getByRole("alert", { name: "This version's description could not be loaded" });
  await expect(alert.getByRole("heading", { name: "This version's description could not be loaded" })).toBeVisible();
  await expect(alert).toContainText("broken/v1/openapi.yaml:");
  await expect(alert).toContainText("Other versions and other APIs are not affected");

  for (const url of ["/apis/weather/v2", "/apis/weather/v2/operations/listalerts", "/apis/weather/v1/operations/getforecast", "/apis/weather/v2/schemas/Alert", "/sitemap.xml", "/llms.txt"]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
  // Its (non-existent) operations are simply not found.
  expect((await request.get("/apis/broken/v1/operations/anything")).status()).toBe(404);
});

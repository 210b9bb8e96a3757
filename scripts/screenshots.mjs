// npm run screenshots — the pictures in docs/ (and the README's), taken from the current build.
// Starts `next start` (run `npm run build` first) against DATABASE_URL, which should hold the seed,
// and photographs the debate page and one subheading on a desktop and a phone, light and dark.
import { existsSync } from "node:fs";
import { chromium, devices } from "@playwright/test";
import { startServer } from "../bench/server.mjs";

const pages = [
  { name: "debate", path: "/debates/p2p-and-marxism" },
  { name: "subheading", path: "/debates/p2p-and-marxism/the-state" },
];
const screens = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  { name: "phone", ...devices["Pixel 7"] },
];

const { base, stop } = await startServer();
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const screen of screens) {
    for (const colorScheme of ["light", "dark"]) {
      const { name, ...options } = screen;
      const context = await browser.newContext({ ...options, colorScheme });
      const page = await context.newPage();
      for (const { name: pageName, path } of pages) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        const file = `docs/${pageName}-${name}-${colorScheme}.png`;
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  stop();
}

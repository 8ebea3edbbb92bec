// The README's picture of the redline page: the Chinese sample pair, side by side, scrolled to
// the clause that lost a requirement when it was renumbered.
//
//   node tests/browser/readme_screenshot.mjs build/cli/redline docs/images/redline-zh-side.png
//
// Run it after a change to the page (it needs Debian's Chromium, as the browser tests do).
import { chromium } from "playwright-core";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [binary, output] = process.argv.slice(2);
if (!binary || !output) {
  console.error("usage: node readme_screenshot.mjs REDLINE_BINARY OUTPUT.png");
  process.exit(2);
}
const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples", "office-devices");
const page = join(mkdtempSync(join(tmpdir(), "redline-screenshot-")), "sample-zh.html");
const run = spawnSync(resolve(binary), ["diff", "--format", "html", "-o", page, join(samples, "2023-05-draft.zh.txt"),
  join(samples, "2023-08-draft-for-comments.zh.txt")], { stdio: ["ignore", "ignore", "inherit"] });
if (run.status !== 1) {   // 1: the drafts differ, as they do
  console.error(`redline diff exited ${run.status}`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
const p = await context.newPage();
await p.goto("file://" + page);
// The entry of 6.2.4 → 6.2.3: a requirement removed in a renumbered clause.
await p.click("button[data-value='side']");   // the side-by-side view
await p.locator('article.entry[data-old="6.2.4"][data-new="6.2.3"]').evaluate((e) => e.scrollIntoView({ block: "start" }));
await p.screenshot({ path: output });
await browser.close();

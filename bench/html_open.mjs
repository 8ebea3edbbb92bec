// How fast a redline page opens in a browser: load, the page's script ready, and the first
// `n` jump, in Debian's Chromium (headless, driven by playwright-core from tests/browser).
//
//   npm ci --prefix tests/browser          (scripts/test.sh does this)
//   node bench/html_open.mjs [--runs 5] [--redline build-release/cli/redline] [OLD NEW]
//
// Defaults to the largest corpus pair the readers take, QUIC transport -29 -> -30. Prints the
// page size and the median of each measure. Target: usable within 2 s.
import { chromium } from "../tests/browser/node_modules/playwright-core/index.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let runs = 5, redline = join(root, "build-release", "cli", "redline");
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--redline") redline = args[++i];
  else files.push(args[i]);
}
const quic = join(root, "..", "shared", "corpus", "ietf-quic-transport");
const [oldFile, newFile] = files.length === 2 ? files
  : [join(quic, "draft-ietf-quic-transport-29.md"), join(quic, "draft-ietf-quic-transport-30.md")];

const page = join(mkdtempSync(join(tmpdir(), "redline-bench-")), "redline.html");
try {
  execFileSync(redline, ["diff", "--format", "html", "-o", page, oldFile, newFile]);
} catch (e) {
  if (e.status !== 1) throw e;
}
console.log(`${oldFile} -> ${newFile}: page ${(statSync(page).size / 1024).toFixed(0)} KB`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const measures = { load: [], ready: [], firstJump: [], sideBySide: [] };
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await context.newPage();
  const t0 = performance.now();
  await p.goto("file://" + page, { waitUntil: "load" });
  measures.load.push(performance.now() - t0);
  await p.waitForFunction(() => document.body.classList.contains("js"));
  measures.ready.push(performance.now() - t0);
  await p.keyboard.press("n");
  await p.waitForFunction(() => document.body.hasAttribute("data-current"));
  measures.firstJump.push(performance.now() - t0);
  const t1 = performance.now();
  await p.click("button[data-value='side']");
  await p.waitForFunction(() => document.body.classList.contains("view-side"));
  await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  measures.sideBySide.push(performance.now() - t1);
  await context.close();
}
await browser.close();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, xs] of Object.entries(measures)) console.log(`  ${k.padEnd(12)} median ${median(xs).toFixed(0)} ms`);

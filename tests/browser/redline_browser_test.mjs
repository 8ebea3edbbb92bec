// Browser tests of the redline page, in Debian's Chromium driven by playwright-core.
//
//   node redline_browser_test.mjs REDLINE_BINARY SOURCE_DIR SHARED_DIR OUT_DIR
//
// Generates the pages with the redline binary, loads each from file://, and checks that the
// page's own script runs under its Content-Security-Policy, that the views, filters and
// n / p navigation work, and that a draft full of markup runs no script. Screenshots of each
// view go to OUT_DIR for the test log. Exits non-zero on the first failure; if Chromium
// cannot start, that is a failure too, never a skip.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [redline, sourceDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: redline_browser_test.mjs REDLINE SOURCE_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

let failures = 0;
function check(condition, message) {
  if (condition) {
    console.log("ok   " + message);
  } else {
    console.log("FAIL " + message);
    failures++;
  }
}

function page(name, oldFile, newFile) {
  const out = join(outDir, name + ".html");
  try {
    execFileSync(redline, ["diff", "--format", "html", "-o", out, oldFile, newFile], {
      env: { ...process.env, SOURCE_DATE_EPOCH: "1795996800" },
    });
  } catch (e) {
    if (e.status !== 1) throw e; // 1 = differences found
  }
  return out;
}

const samples = join(sourceDir, "samples", "office-devices");
// A long Internet-Draft pair kept in the repository (tests/corpus), so a bare clone runs this too.
const tls = join(sourceDir, "tests", "corpus", "ietf-tls13");
// A law revision kept in the repository: long article labels ("第十一条 → 第五条") and long runs of
// unchanged articles, for the outline and print checks.
const law = join(sourceDir, "tests", "corpus", "cn-legislation-law");
const hostileOld = join(outDir, "hostile-old.txt");
const hostileNew = join(outDir, "hostile-new.txt");
const hostile = (n) =>
  "1 Scope\n\nThis document shall apply. <script>window.__pwned = " + n + "</script>\n\n" +
  "2 Terms\n\nUse <img src=x onerror=\"window.__pwned=" + n + "\"> and <a href=\"javascript:window.__pwned=" + n +
  "\">this link</a>.\nA </style><style>body{display:none}</style> and <svg onload=\"window.__pwned=" + n + "\"></svg> end.\n";
writeFileSync(hostileOld, hostile(1));
writeFileSync(hostileNew, hostile(2).replace("shall apply", "should apply"));

// "The device shall U+202E tpyrcne ton U+202C stored data.": rendered with the controls it
// reads "shall not encrypt"; the page must show the controls instead (docs/limits.md).
const spoofedOld = join(outDir, "spoofed-old.txt");
const spoofedNew = join(outDir, "spoofed-new.txt");
writeFileSync(spoofedOld, "1 Scope\n\nThis document applies.\n\n2 Storage\n\nThe device shall encrypt stored data.\n");
writeFileSync(spoofedNew, "1 Scope\n\nThis document applies.\n\n2 Storage\n\nThe device shall \u202Etpyrcne ton\u202C stored data.\n");

const pages = {
  zh: page("sample-zh", join(samples, "2023-05-draft.zh.txt"), join(samples, "2023-08-draft-for-comments.zh.txt")),
  en: page("sample-en", join(samples, "2023-05-draft.en.txt"), join(samples, "2023-08-draft-for-comments.en.txt")),
  tls: page("tls-06-07", join(tls, "draft-ietf-tls-tls13-06.md"), join(tls, "draft-ietf-tls-tls13-07.md")),
  law: page("legislation-law", join(law, "legislation-law-2015.md"), join(law, "legislation-law-2023.md")),
  hostile: page("hostile", hostileOld, hostileNew),
  spoofed: page("spoofed", spoofedOld, spoofedNew),
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

async function open(file) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
  const p = await context.newPage();
  const problems = [];
  p.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("request", (r) => { if (!r.url().startsWith("file://")) problems.push("request: " + r.url()); });
  await p.goto("file://" + file);
  return { p, problems, context };
}

// Pages of a PDF that Chromium printed: one /Type /Page object each.
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

async function visibleCount(p, selector) {
  return p.$$eval(selector, (els) => els.filter((e) => e.getClientRects().length > 0).length);
}

try {
  for (const lang of ["zh", "en"]) {
    const { p, problems, context } = await open(pages[lang]);
    check(await p.evaluate(() => document.body.classList.contains("js")), `${lang}: the page's script ran under its CSP`);
    await p.screenshot({ path: join(outDir, `sample-${lang}-inline.png`) });

    // Side by side: built on demand, old left and new right.
    const inlineDels = await p.$$eval("article .inline-body del", (e) => e.length);
    await p.click("button[data-value='side']");
    check(await visibleCount(p, ".side") > 0 && await visibleCount(p, ".inline-body") === 0,
      `${lang}: side-by-side view replaces the inline view`);
    check(await p.$$eval(".side .col-old del", (e) => e.length) === inlineDels &&
          await p.$$eval(".side .col-old ins", (e) => e.length) === 0 &&
          await p.$$eval(".side .col-new del", (e) => e.length) === 0,
      `${lang}: old column keeps deletions, new column keeps insertions`);
    const oneSided = await p.$$eval("article.k-added, article.k-removed", (els) =>
      els.map((e) => [e.querySelectorAll(".side .col").length, e.querySelectorAll(".side .col.empty").length]));
    check(oneSided.length > 0 && oneSided.every(([cols, empty]) => cols === 1 && empty === 0),
      `${lang}: ${oneSided.length} added or removed clauses side by side in one column, none beside an empty box`);
    const shownText = await p.evaluate(() => document.querySelector(".layout").innerText);
    check(!/list-item|front-matter|term-entry|\bOld\b.*前言|旧版 前言 list/.test(shownText),
      `${lang}: no internal kind name in the text a reader sees`);
    await p.screenshot({ path: join(outDir, `sample-${lang}-side.png`) });
    // A renumbered clause that also lost a sentence, side by side, for the README.
    await p.evaluate(() => {
      const e = document.querySelector("article.entry.k-modified.also-renumbered.has-provisions");
      if (e) window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8);
    });
    await p.screenshot({ path: join(outDir, `sample-${lang}-side-clause.png`) });
    await p.click("button[data-value='inline']");
    check(await visibleCount(p, ".inline-body") > 0 && await visibleCount(p, ".side") === 0, `${lang}: back to inline`);

    // Filters.
    await p.click("button[data-value='substantive']");
    check(await visibleCount(p, "article.entry.editorial") === 0 && await visibleCount(p, "details.unchanged-run") === 0 &&
          await visibleCount(p, "article.entry.substantive") > 0, `${lang}: substantive only hides editorial and unchanged`);
    await p.click("button[data-value='provisions']");
    const shown = await visibleCount(p, "article.entry");
    check(shown > 0 && shown === await visibleCount(p, "article.entry.has-provisions"),
      `${lang}: provision changes only shows ${shown} clauses, each with a provision change`);
    await p.screenshot({ path: join(outDir, `sample-${lang}-provisions.png`) });
    await p.click("button[data-group='show'][data-value='all']");
    await p.click("button[data-group='only'][data-value='removed']");
    const removedShown = await visibleCount(p, "article.entry");
    check(removedShown > 0 && removedShown === await visibleCount(p, "article.entry.k-removed"),
      `${lang}: the 'removed' count filters to the ${removedShown} removed clauses`);
    await p.click("button[data-group='only'][data-value='removed']");
    check(await visibleCount(p, "article.entry.k-modified") > 0, `${lang}: clicking the count again clears the filter`);

    // Editorial changes collapse.
    const editorialBodies = await visibleCount(p, "article.entry.editorial .inline-body");
    await p.click("button[data-group='editorial']");
    check(editorialBodies > 0 && await visibleCount(p, "article.entry.editorial .inline-body") === 0,
      `${lang}: editorial changes collapse to their headings`);
    await p.click("button[data-group='editorial']");

    // n / p.
    const substantive = await p.$$eval("article.entry.substantive", (els) => els.map((e) => e.id));
    await p.keyboard.press("n");
    const first = await p.evaluate(() => document.body.getAttribute("data-current"));
    await p.keyboard.press("n");
    const second = await p.evaluate(() => document.body.getAttribute("data-current"));
    await p.keyboard.press("p");
    const back = await p.evaluate(() => document.body.getAttribute("data-current"));
    check(first === substantive[0] && second === substantive[1] && back === first,
      `${lang}: n / p step through the substantive changes (${first}, ${second}, back to ${back})`);
    const focused = await p.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === first, `${lang}: the current change has the focus for screen readers`);
    const counterText = () => p.evaluate(() => document.querySelector(".counter").textContent);
    const total = substantive.length;
    check(await counterText() === (lang === "zh" ? `第 1 处，共 ${total} 处` : `change 1 of ${total}`) &&
          await p.evaluate(() => location.hash) === "#" + first,
      `${lang}: the counter reads ${await counterText()} and the URL names the change`);
    await p.click("button[data-step='1']");
    check(await p.evaluate(() => document.body.getAttribute("data-current")) === second &&
          await counterText() === (lang === "zh" ? `第 2 处，共 ${total} 处` : `change 2 of ${total}`) &&
          await p.evaluate(() => location.hash) === "#" + second,
      `${lang}: the next button moves on, the counter and the hash follow`);
    await p.click("button[data-step='-1']");
    check(await p.evaluate(() => document.body.getAttribute("data-current")) === first, `${lang}: the previous button goes back`);
    if (lang === "zh") {
      // The cover and the contents are grouped apart: n never lands there; the five removed
      // drafting organisations are one card.
      const front = await p.$$eval("details.front-matter article", (els) => els.map((e) => e.className));
      check(front.length === 2 && front.every((c) => !c.includes("substantive")) &&
            await p.evaluate((id) => document.getElementById(id).closest("details.front-matter") === null, first),
        `zh: cover and contents grouped (${front.length}), not stops; the first stop is ${first}`);
      const names = await p.$$eval("article.name-list .inline-body li", (els) => els.map((e) => e.textContent));
      check(names.length === 5 && await p.$$eval("article.name-list", (e) => e.length) === 1 && substantive[0] === await p.$eval("article.name-list", (e) => e.id),
        `zh: the removed drafting organisations are one card of ${names.length}, the first stop`);
    }

    // Unchanged runs expand on click.
    const run = await p.$("details.unchanged-run");
    await run.click();
    check(await run.evaluate((d) => d.open), `${lang}: a run of unchanged clauses expands on click`);

    // Print: no navigation or controls, change marks kept; dark scheme: dark background.
    await p.emulateMedia({ media: "print" });
    check(await visibleCount(p, "nav.outline") === 0 && await visibleCount(p, ".toolbar") === 0 &&
          await p.$eval("article del", (d) => getComputedStyle(d).textDecorationLine.includes("line-through")),
      `${lang}: print hides navigation and keeps the change marks`);
    check(await p.evaluate(() => [...document.querySelectorAll("article, details, section")].every((e) =>
            getComputedStyle(e).breakBefore !== "page" && getComputedStyle(e).pageBreakBefore !== "always")),
      `${lang}: print forces no page break`);
    await p.pdf({ path: join(outDir, `sample-${lang}.pdf`) });
    await p.emulateMedia({ media: "screen", colorScheme: "dark" });
    check(await p.evaluate(() => getComputedStyle(document.body).backgroundColor) === "rgb(13, 17, 23)",
      `${lang}: dark colour scheme`);
    await p.screenshot({ path: join(outDir, `sample-${lang}-dark.png`) });

    check(problems.length === 0, `${lang}: no console errors or outside requests (${problems.join("; ")})`);
    await context.close();
  }

  {
    // Opening a link to a change lands on it: current, counted, at the top of the screen, even
    // inside a folded run.
    const { p, problems, context } = await open(pages.zh);
    const substantive = await p.$$eval("article.entry.substantive", (els) => els.map((e) => e.id));
    await p.goto("file://" + pages.zh + "#" + substantive[2]);
    await p.reload();
    // The page settles after the reload (its script, then the CJK fonts' layout): on a loaded
    // machine the first look may come before that. Wait for the landing, up to 5 s, then judge.
    await p.waitForFunction((id) => {
      const e = document.querySelector(".entry.current");
      const top = e && e.getBoundingClientRect().top;
      return document.body.getAttribute("data-current") === id && top >= 0 && top <= 20;
    }, substantive[2], { timeout: 5000 }).catch(() => {});
    const landed = await p.evaluate(() => [document.body.getAttribute("data-current"),
      document.querySelector(".counter").textContent, Math.round(document.querySelector(".entry.current").getBoundingClientRect().top)]);
    check(landed[0] === substantive[2] && landed[1] === `第 3 处，共 ${substantive.length} 处` && landed[2] >= 0 && landed[2] <= 20,
      `zh: a URL with a hash lands on that change (${JSON.stringify(landed)})`);
    const folded = await p.$eval("details.unchanged-run article", (e) => e.id);
    await p.evaluate((id) => { location.hash = "#" + id; }, folded);
    await p.waitForFunction((id) => document.body.getAttribute("data-current") === id, folded);
    check(await p.$eval("#" + folded, (e) => e.closest("details").open && e.getClientRects().length > 0),
      `zh: a link into a folded run opens it (${folded})`);
    // The outline follows the reader.
    for (const id of [substantive[3], substantive[6]]) {
      await p.evaluate((id) => { const e = document.getElementById(id); window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY); }, id);
      await p.waitForTimeout(300);
      const here = await p.evaluate(() => { const a = document.querySelector("nav.outline a.here"); return a && a.getAttribute("href"); });
      check(here === "#" + id, `zh: scrolled to ${id}, the outline highlights ${here}`);
    }
    const inView = await p.evaluate(() => {
      const a = document.querySelector("nav.outline a.here").getBoundingClientRect(), n = document.querySelector("nav.outline").getBoundingClientRect();
      return a.top >= n.top && a.bottom <= n.bottom;
    });
    check(inView, "zh: the highlighted outline entry is in the outline's view");
    check(problems.length === 0, `zh hash: no console errors (${problems.join("; ")})`);
    await context.close();
  }

  {
    // A law: article labels never wrap in the outline; printed, the changes with their context
    // and the unchanged runs folded to one line each, without forced page breaks.
    const { p, problems, context } = await open(pages.law);
    // A label's text on more than one line has line boxes at more than one height.
    const wrapped = await p.$$eval("nav.outline .nlabel", (els) => els.filter((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1;
    }).map((e) => e.textContent));
    const arrows = await p.$$eval("nav.outline .nlabel", (els) => els.filter((e) => e.textContent.includes("→")).length);
    check(wrapped.length === 0 && arrows > 0, `law: no outline label wraps (${arrows} with an arrow; wrapped: ${wrapped.slice(0, 3).join(", ")})`);
    await p.screenshot({ path: join(outDir, "law-outline.png") });
    await p.emulateMedia({ media: "print" });
    // A closed <details> keeps its content laid out but unrendered (content-visibility).
    const unchangedShown = await p.$$eval("details.unchanged-run article", (els) => els.filter((e) => e.checkVisibility()).length);
    const summaries = await visibleCount(p, "details.unchanged-run > summary");
    const changed = await visibleCount(p, "article.entry:not(.k-unchanged)");
    check(unchangedShown === 0 && summaries > 0 && changed > 0,
      `law: print shows ${changed} changed clauses and ${summaries} folded runs, no unchanged article`);
    const pdf = await p.pdf({ path: join(outDir, "legislation-law.pdf") });
    const printed = pdfPages(pdf);
    check(printed > 0 && printed <= 40, `law: printed on ${printed} pages`);
    check(problems.length === 0, `law: no console errors (${problems.join("; ")})`);
    await context.close();
  }

  {
    const { p, problems, context } = await open(pages.tls);
    const t0 = Date.now();
    await p.reload({ waitUntil: "load" });
    const loadMs = Date.now() - t0;
    check(await p.evaluate(() => document.body.classList.contains("js")), `tls: script ran; page loaded in ${loadMs} ms`);
    // Code keeps its lines and columns in monospace: each line its own box, its indentation kept.
    const code = await p.$$eval("article .inline-body code.fig", (els) => els.slice(0, 40).map((e) => [
      e.textContent, getComputedStyle(e).fontFamily, getComputedStyle(e.parentElement.closest(".text")).whiteSpace]));
    check(code.length === 40 && code.every(([, font, ws]) => font.includes("monospace") && ws === "pre-wrap") &&
          code.some(([t]) => /^ {2,}\S/.test(t)),
      `tls: code lines in monospace with their indentation (${JSON.stringify(code[1])})`);
    await p.click("button[data-value='side']");
    check(await visibleCount(p, ".side") > 0, "tls: side-by-side view");
    await p.keyboard.press("n");
    check(await p.evaluate(() => document.body.getAttribute("data-current")) !== null, "tls: n jumps to a change");
    await p.screenshot({ path: join(outDir, "tls-side.png") });
    check(problems.length === 0, `tls: no console errors or outside requests (${problems.join("; ")})`);
    await context.close();
  }

  {
    const { p, problems, context } = await open(pages.hostile);
    await p.click("button[data-value='side']");
    await p.click("button[data-value='inline']");
    check(await p.evaluate(() => window.__pwned === undefined), "hostile: no script from the draft ran");
    check(await p.$$eval("img, svg, iframe, object, embed", (e) => e.length) === 0, "hostile: no element from the draft");
    const text = await p.evaluate(() => document.querySelector("main").innerText);
    check(text.includes("<script>window.__pwned") && text.includes("</style><style>"), "hostile: the markup is shown as text");
    check(await p.evaluate(() => getComputedStyle(document.body).display) !== "none", "hostile: the draft's CSS did not apply");
    check(problems.length === 0, `hostile: no console errors (${problems.join("; ")})`);
    await p.screenshot({ path: join(outDir, "hostile.png") });
    await context.close();
  }

  {
    const { p, problems, context } = await open(pages.spoofed);
    const text = await p.evaluate(() => document.querySelector("article[data-new='2']").innerText);
    check(text.includes("The device shall encrypt ⟨RLO⟩tpyrcne ton⟨PDF⟩ stored data.") && !text.includes("not encrypt"),
      "spoofed: the clause shows ⟨RLO⟩ and ⟨PDF⟩ where the draft has them, in logical order");
    check(await p.evaluate(() => !document.body.innerText.includes("\u202E") && !document.body.innerText.includes("\u202C")),
      "spoofed: no bidi control reaches the rendered text");
    const markers = await p.$$eval("article[data-new='2'] .inline-body bdi.hidden-char", (els) =>
      els.map((e) => [e.textContent, getComputedStyle(e).unicodeBidi, getComputedStyle(e).backgroundColor]));
    check(markers.length === 2 && markers[0][0] === "⟨RLO⟩" && markers[1][0] === "⟨PDF⟩" &&
          markers.every((m) => m[1] === "isolate" && m[2] !== "rgba(0, 0, 0, 0)"),
      `spoofed: the markers are isolated and highlighted (${JSON.stringify(markers)})`);
    // Rendered left to right in logical order: the marker before the words it preceded.
    const order = await p.evaluate(() => {
      const ins = document.querySelector("article[data-new='2'] .inline-body ins");
      const marker = ins.querySelector("bdi").getBoundingClientRect();
      const range = document.createRange();
      const words = [...ins.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes("tpyrcne"));
      range.setStart(words, words.textContent.indexOf("tpyrcne"));
      range.setEnd(words, words.textContent.indexOf("tpyrcne") + 1);
      return marker.left < range.getBoundingClientRect().left;
    });
    check(order, "spoofed: ⟨RLO⟩ renders before \"tpyrcne\", as written");
    const notes = await p.evaluate(() => document.querySelector(".reader-notes").innerText);
    check(notes.includes("clause 2: text contains invisible control characters (U+202E RIGHT-TO-LEFT OVERRIDE ×1"),
      "spoofed: the reader notes name the clause");
    await p.click("button[data-value='side']");
    check(await p.$$eval(".side .col-new bdi.hidden-char", (e) => e.length) === 2, "spoofed: side by side keeps the markers");
    check(problems.length === 0, `spoofed: no console errors (${problems.join("; ")})`);
    await p.screenshot({ path: join(outDir, "spoofed.png") });
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`screenshots in ${outDir}`);
if (failures) {
  console.log(`${failures} failure(s)`);
  process.exit(1);
}

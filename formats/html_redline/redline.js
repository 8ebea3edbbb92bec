// Redline page behaviour: views, filters, n/p navigation. Everything works on the page's own
// markup; nothing is fetched. Without JavaScript the inline view and the outline still work.
(function () {
  "use strict";
  var body = document.body;

  function pressed(group, button) {
    var all = document.querySelectorAll("[data-group='" + group + "']");
    for (var i = 0; i < all.length; i++) all[i].setAttribute("aria-pressed", all[i] === button ? "true" : "false");
  }

  // Side by side: the old column is the inline text without insertions, the new column
  // without deletions. Built on first use, once per entry.
  function buildSide(entry) {
    if (entry.querySelector(".side")) return;
    var inline = entry.querySelector(".inline-body");
    if (!inline) return;
    var side = document.createElement("div");
    side.className = "side";
    var oldRole = body.getAttribute("data-old-role"), newRole = body.getAttribute("data-new-role");
    var cols = [["old", "ins", oldRole], ["new", "del", newRole]];
    // An added or removed clause has one side only: one column, not one beside an empty box.
    if (entry.classList.contains("k-added")) cols = [cols[1]];
    else if (entry.classList.contains("k-removed")) cols = [cols[0]];
    if (cols.length === 1) side.classList.add("one");
    for (var c = 0; c < cols.length; c++) {
      var col = document.createElement("div");
      col.className = "col col-" + cols[c][0];
      var head = document.createElement("div");
      head.className = "col-head";
      head.textContent = cols[c][2] + (entry.getAttribute("data-" + cols[c][0]) ? " " + entry.getAttribute("data-" + cols[c][0]) : "");
      var copy = inline.cloneNode(true);
      var drop = copy.querySelectorAll(cols[c][1] + ", .replaced-" + (cols[c][0] === "old" ? "new" : "old") +
        ", .pm-" + (cols[c][0] === "old" ? "new" : "old"));
      for (var d = 0; d < drop.length; d++) drop[d].parentNode.removeChild(drop[d]);
      var text = copy.textContent.replace(/\s+$/, "");
      col.appendChild(head);
      if (entry.classList.contains("k-unchanged") || text.length > 0) {
        while (copy.firstChild) col.appendChild(copy.firstChild);
      } else {
        col.classList.add("empty");
      }
      side.appendChild(col);
    }
    inline.parentNode.insertBefore(side, inline.nextSibling);
  }

  function setView(view, button) {
    if (view === "side") {
      var entries = document.querySelectorAll(".entry");
      for (var i = 0; i < entries.length; i++) buildSide(entries[i]);
    }
    body.classList.toggle("view-side", view === "side");
    body.classList.toggle("view-inline", view !== "side");
    pressed("view", button);
  }

  function setShow(show, button) {
    body.classList.remove("show-all", "show-substantive", "show-provisions");
    body.classList.add("show-" + show);
    body.removeAttribute("data-only");
    pressed("show", button);
    pressed("only", null);
  }

  function setOnly(only, button) {
    if (body.getAttribute("data-only") === only) {
      body.removeAttribute("data-only");
      pressed("only", null);
      return;
    }
    body.setAttribute("data-only", only);
    pressed("only", button);
  }

  document.addEventListener("click", function (event) {
    var b = event.target.closest ? event.target.closest("button[data-group]") : null;
    if (!b) return;
    var group = b.getAttribute("data-group"), value = b.getAttribute("data-value");
    if (group === "view") setView(value, b);
    else if (group === "show") setShow(value, b);
    else if (group === "only") setOnly(value, b);
    else if (group === "editorial") {
      var on = !body.classList.contains("collapse-editorial");
      body.classList.toggle("collapse-editorial", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
    // The filters change which changes are stops: the counter follows.
    var list = stops();
    showCounter(list, list.indexOf(document.querySelector(".entry.current")));
  });

  // n / p and the buttons beside the counter: next / previous substantive change that is
  // shown. The current change is in the URL's hash, so that it can be linked.
  var counter = document.querySelector(".counter");
  function visible(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }
  function stops() { return Array.prototype.filter.call(document.querySelectorAll(".entry.substantive"), visible); }
  function showCounter(list, at) {
    if (!counter) return;
    var words = at < 0 ? counter.getAttribute("data-none") : counter.getAttribute("data-of");
    counter.textContent = words.replace("{n}", String(at + 1)).replace("{total}", String(list.length));
  }
  // Opens the folded runs around an element, so that it can be shown.
  function reveal(el) {
    for (var d = el.parentElement; d; d = d.parentElement) if (d.tagName === "DETAILS") d.open = true;
  }
  function makeCurrent(entry, scroll) {
    var old = document.querySelector(".entry.current");
    if (old) old.classList.remove("current");
    entry.classList.add("current");
    reveal(entry);
    if (scroll) entry.scrollIntoView({ block: "start" });
    entry.focus({ preventScroll: true });
    body.setAttribute("data-current", entry.id);
    var list = stops();
    showCounter(list, list.indexOf(entry));
    follow(entry);
  }
  function go(step) {
    var list = stops();
    if (list.length === 0) return;
    var at = list.indexOf(document.querySelector(".entry.current"));
    if (at < 0) {
      // Start from what is on screen.
      at = step > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i++) {
        if (list[i].getBoundingClientRect().top > 1) { at = step > 0 ? i - 1 : i; break; }
      }
    }
    var next = list[Math.min(Math.max(at + step, 0), list.length - 1)];
    makeCurrent(next, true);
    if (history.replaceState) history.replaceState(null, "", "#" + next.id);
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var t = event.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    var b = event.target.closest ? event.target.closest("button[data-step]") : null;
    if (b) go(Number(b.getAttribute("data-step")));
  });

  // A link to a change (the outline, a cross-reference, a URL with a hash): it becomes the
  // current change, opened where it was folded.
  function toHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var entry = target && target.closest ? target.closest(".entry") : null;
    if (!entry) return;
    reveal(target);
    makeCurrent(entry, false);
    target.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", toHash);

  // The outline follows the reader: the clause at the top of the screen is highlighted in it
  // and kept in its view.
  var outline = document.querySelector("nav.outline");
  var here = null;
  function follow(entry) {
    if (!outline) return;
    var link = outline.querySelector("a[href='#" + entry.id + "']");
    if (!link || link === here) return;
    if (here) { here.classList.remove("here"); here.removeAttribute("aria-current"); }
    here = link;
    link.classList.add("here");
    link.setAttribute("aria-current", "location");
    var box = outline.getBoundingClientRect(), at = link.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) outline.scrollTop += at.top - box.top - box.height / 3;
  }
  if (window.IntersectionObserver) {
    var seen = new IntersectionObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) if (changes[i].isIntersecting) follow(changes[i].target);
    }, { rootMargin: "0px 0px -70% 0px" });
    var all = document.querySelectorAll("main .entry");
    for (var k = 0; k < all.length; k++) seen.observe(all[k]);
  }

  body.classList.add("js");
  if (location.hash) toHash();
})();

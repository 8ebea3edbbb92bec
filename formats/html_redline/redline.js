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
    var cols = [["old", "ins", "Old"], ["new", "del", "New"]];
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
  });

  // n / p: next / previous substantive change that is shown.
  var current = -1;
  function visible(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }
  function go(step) {
    var list = Array.prototype.filter.call(document.querySelectorAll(".entry.substantive"), visible);
    if (list.length === 0) return;
    var at = list.indexOf(document.querySelector(".entry.current"));
    if (at < 0) {
      // Start from what is on screen.
      at = step > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i++) {
        if (list[i].getBoundingClientRect().top > 1) { at = step > 0 ? i - 1 : i; break; }
      }
    }
    var next = Math.min(Math.max(at + step, 0), list.length - 1);
    var old = document.querySelector(".entry.current");
    if (old) old.classList.remove("current");
    list[next].classList.add("current");
    list[next].scrollIntoView({ block: "start" });
    list[next].focus({ preventScroll: true });
    current = next;
    body.setAttribute("data-current", list[next].id);
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var t = event.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
  });

  // Printing shows the whole text: open collapsed runs, close them again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.unchanged-run"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); opened = []; });

  body.classList.add("js");
})();

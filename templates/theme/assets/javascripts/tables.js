/* Tables that fit. A table wider than the content column (or, on a phone, of four or more columns) is
   restacked, one card per row with each cell labelled by its column's header (site.css, table[data-stacked]):
   on a desktop every table fits, on a phone the wide ones become cards. Any table still wider than its box scrolls sideways inside the theme's wrapper,
   and a region that scrolls must be reachable by keyboard (WCAG 2.1.1), so such a wrapper becomes a named,
   focusable region; one that fits stays out of the tab order. Without this script a wide table scrolls inside
   its wrapper. No third-party code. */
(function () {
  function name(wrap) {
    var heading = null;
    for (var node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) { heading = node; break; }
    }
    var title = heading ? heading.textContent.replace(/¶/g, "").trim() : "";
    return (title ? title + ": " : "") + "table (scrolls sideways)";
  }

  // Each body cell gets its column's header text as data-label (cells the page labelled itself keep theirs),
  // and the table its native roles made explicit: a restacked table is displayed as blocks, which some
  // browsers take as the end of its table semantics.
  function label(table) {
    if (table.hasAttribute("data-labelled")) return;
    var heads = [];
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    for (var i = 0, col = 0; i < head.cells.length; i++) {
      for (var span = 0; span < head.cells[i].colSpan; span++) heads[col++] = head.cells[i].textContent.trim();
    }
    table.setAttribute("role", "table");
    [].forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      for (var c = 0, at = 0; c < row.cells.length; c++) {
        var cell = row.cells[c];
        if (cell.tagName === "TH") {
          cell.setAttribute("role", row.parentNode === table.tHead ? "columnheader" : "rowheader");
        } else {
          cell.setAttribute("role", "cell");
        }
        if (row.parentNode !== table.tHead && cell.colSpan === 1 && !cell.hasAttribute("data-label") && heads[at]) {
          cell.setAttribute("data-label", heads[at]);
        }
        at += cell.colSpan;
      }
    });
    table.setAttribute("data-labelled", "");
  }

  function tooWide(el) {
    return el.scrollWidth > el.clientWidth + 1;
  }

  // On a phone a table of four or more columns fits only by squeezing each to a few words a line: restack it.
  var CRAMPED_BELOW = 480; // px of content width
  function cramped(table, box) {
    return box.clientWidth < CRAMPED_BELOW && table.tHead.rows[0].cells.length >= 4;
  }

  function fit() {
    var tables = document.querySelectorAll(".md-typeset table:not([class])");
    // Measure every table as a table first, then restack the ones that do not fit (one layout pass each way).
    [].forEach.call(tables, function (t) { t.removeAttribute("data-stacked"); });
    var wide = [].filter.call(tables, function (t) {
      var box = t.closest(".md-typeset__scrollwrap") || t.parentElement;
      return t.tHead && (tooWide(t) || tooWide(box) || cramped(t, box));
    });
    wide.forEach(function (t) { label(t); t.setAttribute("data-stacked", ""); });
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (tooWide(wrap)) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; fit(); });
  }
  // The theme wraps tables when the document is ready; look once it has, and again when the window resizes.
  document.addEventListener("DOMContentLoaded", function () { fit(); window.requestAnimationFrame(fit); });
  window.addEventListener("resize", later);
})();

/* The sources table, sortable and filterable (progressive enhancement: without scripts it is the full table in
   date order). The page puts an empty, hidden <div class="ms-table-tools"> before the table; this fills it with
   labelled controls (outlet, published from/to, fewest words), turns the Outlet, Published and Words headers
   into sort buttons (aria-sort on the header), and says in a live region how many rows are shown. Nothing is
   fetched; the table's own cells are the data (a <time datetime> for the date). */
(function () {
  var COLUMNS = { outlet: 0, published: 3, words: 4 };

  function cellText(row, i) { return (row.cells[i] && row.cells[i].textContent || "").trim(); }
  function dateOf(row) {
    var time = row.cells[COLUMNS.published] && row.cells[COLUMNS.published].querySelector("time");
    return time ? time.getAttribute("datetime") : "";
  }
  function wordsOf(row) { return parseInt(cellText(row, COLUMNS.words).replace(/[^0-9]/g, ""), 10) || 0; }
  function key(row, column) {
    if (column === "published") return dateOf(row);
    if (column === "words") return wordsOf(row);
    return cellText(row, COLUMNS[column]).toLocaleLowerCase();
  }
  function field(tools, label, control) {
    var wrap = document.createElement("label");
    wrap.className = "ms-table-tools__field";
    var text = document.createElement("span");
    text.textContent = label;
    wrap.appendChild(text);
    wrap.appendChild(control);
    tools.appendChild(wrap);
    return control;
  }

  function enhance(tools) {
    var next = tools.nextElementSibling;
    var table = next && (next.tagName === "TABLE" ? next : next.querySelector("table"));
    if (!table || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var original = rows.slice();
    var sortBy = null, ascending = true;

    var outlet = document.createElement("select");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All outlets";
    outlet.appendChild(all);
    var names = [];
    rows.forEach(function (row) {
      var name = cellText(row, COLUMNS.outlet);
      if (names.indexOf(name) < 0) names.push(name);
    });
    names.sort(function (a, b) { return a.localeCompare(b); }).forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      outlet.appendChild(option);
    });
    var from = document.createElement("input");
    from.type = "date";
    var to = document.createElement("input");
    to.type = "date";
    var fewest = document.createElement("input");
    fewest.type = "number";
    fewest.min = "0";
    fewest.step = "100";
    fewest.inputMode = "numeric";
    field(tools, "Outlet", outlet);
    field(tools, "Published from", from);
    field(tools, "Published until", to);
    field(tools, "At least this many words", fewest);
    var status = document.createElement("p");
    status.className = "ms-table-tools__status";
    status.setAttribute("role", "status");
    tools.appendChild(status);

    function apply() {
      var shown = 0;
      var min = parseInt(fewest.value, 10) || 0;
      rows.forEach(function (row) {
        var date = dateOf(row);
        var ok = (!outlet.value || cellText(row, COLUMNS.outlet) === outlet.value)
          && (!from.value || (date && date >= from.value))
          && (!to.value || (date && date <= to.value))
          && wordsOf(row) >= min;
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " articles" +
        (sortBy ? ", sorted by " + sortBy + (ascending ? ", ascending" : ", descending") : "") + ".";
    }

    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Object.keys(COLUMNS).forEach(function (column) {
      var th = headers[COLUMNS[column]];
      if (!th) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ms-sort";
      button.textContent = th.textContent.trim();
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        ascending = sortBy === column ? !ascending : true;
        sortBy = column;
        Object.keys(COLUMNS).forEach(function (other) {
          if (headers[COLUMNS[other]]) headers[COLUMNS[other]].removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          var order = x < y ? -1 : x > y ? 1 : original.indexOf(a) - original.indexOf(b);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        apply();
      });
    });
    [outlet, from, to, fewest].forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    tools.hidden = false;
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".ms-table-tools").forEach(enhance);
  });
})();

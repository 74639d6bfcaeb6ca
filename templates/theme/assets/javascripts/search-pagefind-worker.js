/* Material's search worker, answered by Pagefind (hosted sites above site.yml's pagefind_articles).

   Material's search box starts a web worker and talks to it in four messages: SETUP (0, the lunr index),
   READY (1), QUERY (2, the text typed) and RESULT (3, the pages found, grouped by page). This worker speaks
   the same protocol, so Material's own search box, keyboard handling, result list and highlighting stay
   exactly as they are; only the engine changes. Pagefind's index is split into small chunks that it fetches
   for each query (pagefind/ at the site's root, written after the build by generator/pagefind.py), so the
   first result does not wait for a whole-site index to be downloaded and built, as lunr's does.

   search-pagefind.js (on the page) points Material at this file, with ?lang= for Pagefind's language. Every
   title and excerpt is escaped here: Material inserts them as HTML. */
"use strict";

const params = new URL(self.location.href).searchParams;
const BUNDLE = new URL("../../pagefind/pagefind.js", self.location.href).href;
const SHOWN = 20; // pages whose title and excerpt are fetched for one query (one small request each)
const FIRST = 5; // the first pages shown, before the other fragments are fetched
const TYPING_MS = 90; // a query is searched once no key has followed it for this long (see "message" below)
const SECTIONS = 5; // headings of a page listed under it ("N more on this page")
const SHORT_WAIT_MS = 300; // a one-letter query waits this long for the next key
/* Pagefind's ranking (https://pagefind.app/docs/ranking/), in place of what lunr ranks by: lunr scores each
   section of a page on its own, with its heading as a title (boost 1000 in Material), and each page type's
   `search: boost`. Here a page is scored whole. A word in a page's title, or in a source page's outlet or author
   (data-pagefind-meta in templates/source.md.j2, the byline lunr's short first section holds), raises the page
   as much as a title does (Pagefind's default title weight is 5), so that an outlet's or a writer's name finds
   their articles before the pages that list every outlet. A long page is penalised less than by default
   (pageLength 0.3, not 0.75): lunr's sections are short whatever the page's length, so the history page, one
   section per event, still comes first for an event's name ("Monroe Doctrine" before James Monroe's page).
   Which sections are indexed at all is lunr's choice too (generator/pagefind.py, ignore_sections). */
const RANKING = { metaWeights: { title: 5, outlet: 5, author: 5 }, pageLength: 0.3 };
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("microsite-search") : null;

let engine = null;
let latest = 0;

function load() {
  if (!engine) {
    engine = import(BUNDLE).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24, ranking: RANKING });
      await pagefind.init(params.get("lang") || undefined);
      return pagefind;
    });
  }
  return engine;
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeText(text) {
  return String(text || "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/* Pagefind's excerpt is the page's text with <mark> around the words found. The text is escaped again here
   after taking the marks out, so nothing in a page's text can become markup in the result list. */
function excerpt(html) {
  return String(html || "")
    .split(/(<mark>|<\/mark>)/)
    .map((part) => (part === "<mark>" || part === "</mark>" ? part : escapeText(decode(part))))
    .join("")
    .replace(/((?:[.,;:!?)\]’”]|&#39;|&quot;)+)<\/mark>/g, "</mark>$1"); // "Venezuela." marks the word only
}

/* Pagefind stores text with &, < and > as entities: decoded once so they are not shown as "&amp;". */
function decode(text) {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function words(query) {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/* Pagefind answers a word it does not have with the longest start of it that it has: "qqzxjvw" finds the
   words page by its "q" marks. A page is kept only when a word its excerpt marks shares at least the first
   three letters (or the whole of a shorter word) with a word typed, which stemming keeps ("running" marks
   "run") and that fallback does not. */
function marksTyped(excerptHtml, typed) {
  const marked = [...String(excerptHtml || "").matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => fold(decode(m[1])));
  return typed.some((word) => {
    const need = Math.min(word.length, 3);
    return marked.some((mark) => mark.slice(0, need) === word.slice(0, need) && mark.length >= need);
  });
}

/* One query at a time, and only the newest: each key typed sends a query, and while one is searched the
   ones typed meanwhile wait; only the last of them is then searched (the others would be shown and replaced
   at once), so the results of what the reader has typed come after at most one search in between. */
let pending = null;
let running = false;

function stale(id) {
  return id !== latest;
}

/* The results are posted twice: the first FIRST pages as soon as their fragments are in (one small request
   each), then the first SHOWN. On a first visit to a large site that is what the reader waits for. */
async function search(query, id) {
  const pagefind = await load();
  const found = await pagefind.search(query);
  if (stale(id) || !found) return null;
  const shown = found.results.slice(0, SHOWN);
  const rest = Promise.all(shown.slice(FIRST).map((result) => result.data()));
  rest.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
  const first = await Promise.all(shown.slice(0, FIRST).map((result) => result.data()));
  if (stale(id)) return null;
  const typed = words(query).map(fold).filter(Boolean);
  const early = first.filter((page) => marksTyped(page.excerpt, typed));
  if (early.length && shown.length > FIRST) {
    post(results(query, early, shown.length, early.length < first.length ? null : found));
  }
  const loaded = first.concat(await rest);
  if (stale(id)) return null;
  const pages = loaded.filter((page) => marksTyped(page.excerpt, typed));
  return results(query, pages, shown.length, pages.length < loaded.length ? null : found);
}

/* Material's RESULT for these pages, in Pagefind's order; ``found`` (for the count of all the pages found)
   is null when pages were left out, and then only the pages listed are counted. */
function results(query, pages, shownCount, found) {
  // Every word counts as found: Pagefind returns only pages with all of them ("missing" terms are lunr's).
  const terms = Object.fromEntries(words(query).map((word) => [word, true]));
  const items = pages.map((page, i) => {
    const score = shownCount - i; // Pagefind's order; Material's Enter opens the highest score
    const group = [
      { location: page.url, title: escapeText(page.meta.title), text: excerpt(page.excerpt), score, terms },
    ];
    for (const section of page.sub_results || []) {
      if (group.length > SECTIONS) break;
      if (!section.url.includes("#")) continue;
      group.push({
        location: section.url,
        title: escapeText(section.title),
        text: excerpt(section.excerpt),
        score: score - 0.5, // below the page: listed under it, collapsed
        terms,
      });
    }
    return group;
  });
  return { items, total: found ? found.results.length : items.length };
}

function post(data) {
  if (channel) channel.postMessage({ shown: data.items.length, total: data.total || 0 });
  self.postMessage({ type: 3, data: { items: data.items } });
}

async function drain() {
  running = true;
  while (pending !== null) {
    const { query, id } = pending;
    pending = null;
    let data;
    try {
      data = await search(query, id);
    } catch (error) {
      console.warn("Search failed:", error);
      data = stale(id) ? null : { items: [], total: 0 };
    }
    if (data !== null && !stale(id)) post(data);
  }
  running = false;
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === 0) {
    load(); // start fetching Pagefind's entry file while the reader types
    self.postMessage({ type: 1 });
    return;
  }
  if (message.type !== 2) return;
  const id = ++latest;
  const query = String(message.data || "").trim();
  if (!query) {
    pending = null;
    post({ items: [], total: 0 });
    return;
  }
  if (query.length < 2) {
    // One letter makes Pagefind load every word that starts with it (0.4 s at 1,000 articles): searched only
    // if no second key follows soon, which most queries' do.
    setTimeout(() => queue(query, id), SHORT_WAIT_MS);
    return;
  }
  // Each key fetches the index chunks of what is typed so far at once (preload: no scoring), and the query is
  // searched once no key has followed it for TYPING_MS. Scoring a word's start ("ve") over a large site takes
  // longer than the next key (~0.2–0.4 s at 1,000 articles, measured): searched on every key, the first
  // visit's query waited for the scoring of a start nobody asked for.
  load()
    .then((pagefind) => pagefind.preload(query))
    .catch(() => {});
  setTimeout(() => queue(query, id), TYPING_MS);
});

function queue(query, id) {
  if (stale(id)) return;
  pending = { query, id };
  if (!running) drain();
}

"""Render stage helper: how hard the site's own words are to read (issue 15 §5: grade 9 at most, for readers of 15).

A page mixes the site's prose (what its templates and curated files say) with things that are not prose: the
article's text, quotations from it, tables, charts, headlines, lists of names. Only the prose is measured:

* blocks: paragraphs, list items, admonition bodies and the paragraphs of raw HTML, each on its own;
* left out: front matter, headings, tables (Markdown or HTML), block quotes, code, the article's paragraphs, pictures, the
  reading line itself, and text in quotation marks (“…”, which quotes an article or a speaker);
* link targets and web addresses are dropped, link text is kept;
* a block is prose up to its last full stop, question or exclamation mark: what follows, and a block with
  none ("Breitbart News, 8 Sep 2018", a list of headlines, "¶6 Donald Trump: “…”"), is a label, not prose.

The grade is textstat's Flesch–Kincaid grade (textstat 0.7.4: later versions download data at run time).
Pure: Markdown in, text or numbers out.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

import textstat

TARGET = 9.0  # the highest Flesch–Kincaid grade the site's own words may have

# Raw HTML blocks that are not the site's prose: the article's paragraphs, pictures, the reading line.
_NOT_PROSE_HTML = re.compile(
    r'^<(?:p|div) class="(?:ms-para|ms-reading|ms-byline|ms-name-line|ms-subtitle)\b|^<figure\b'
)
_BLOCK_END = re.compile(r"</(?:p|div|li|figcaption|ul|ol|td|th|tr|h\d)>|<br\s*/?>", re.I)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w/])/[\w./#-]*/")
_ATTR_LIST = re.compile(r"\{\s*[#.:][^}]*\}")
_LAST_STOP = re.compile(r"^(.*[.!?])[\"'’”)\]]*", re.S)


@dataclass(frozen=True)
class Grade:
    grade: float  # Flesch–Kincaid; 0.0 when there is no prose
    words: int
    sentences: int


def prose(markdown_page: str) -> str:
    """The site's own prose on a generated page, one block a line (see the module docstring)."""
    text = markdown_page
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[-1]
    blocks: list[str] = []
    current: list[str] = []
    in_code = in_table = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            continue
        # A table written as raw HTML (several lines): left out like a Markdown table.
        if in_table or line.startswith("<table"):
            flush()
            in_table = "</table>" not in line
            continue
        if not line:
            flush()
            continue
        if line.startswith(("|", "#", ">", "!!!", "???", "{%", "{ #")) or _NOT_PROSE_HTML.match(line):
            flush()
            continue
        if line.startswith("<"):
            flush()
            blocks.extend(_BLOCK_END.split(line))
            continue
        if re.match(r"^(?:[-*+]|\d+\.)\s", line):  # a list item starts a block of its own
            flush()
            line = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", line)
        current.append(line)
    flush()
    return "\n".join(s for s in (_sentences(b) for b in blocks) if s)


def _sentences(block: str) -> str:
    """A block's text as sentences, or "" when it has none."""
    text = _unquoted(block)
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = _ATTR_LIST.sub(" ", text)
    text = html.unescape(text)
    text = re.sub(r'"[^"]*"', " ", text)  # straight quotation marks (curated text quoting an article)
    text = _URL.sub(" ", text)
    text = re.sub(r"[*_`]", "", text)
    text = " ".join(text.split())
    m = _LAST_STOP.match(text)
    if not m:
        return ""
    return m.group(1)


_CURLY = re.compile("[“”]")


def _unquoted(text: str) -> str:
    """``text`` without what stands in curly quotation marks, nested ones included (an article's sentence,
    quoted by the site, often quotes someone itself). A closing mark with none open is kept as it is."""
    if "“" not in text:
        return text
    out, depth, at = [], 0, 0  # at: where the text kept since the last mark begins
    for m in _CURLY.finditer(text):
        if m.group() == "“":
            if not depth:
                out.append(text[at : m.start()])
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                out.append(" ")
                at = m.end()
    if not depth:
        out.append(text[at:])
    return "".join(out)


def grade(text: str) -> Grade:
    """The Flesch–Kincaid grade of ``text`` (one decimal), with its word and sentence counts."""
    words = textstat.lexicon_count(text)
    if not words:
        return Grade(0.0, 0, 0)
    return Grade(round(float(textstat.flesch_kincaid_grade(text)), 1), words, textstat.sentence_count(text))


_GRADES: dict[bytes, Grade] = {}  # by the SHA-256 of the page: a page's grade is a pure function of its text
_KEEP = 100_000  # grades kept (a few MB): more than the pages of a 10,000-article site's two last builds
_USED: set[bytes] = (
    set()
)  # the pages graded in this process (since forget_caches), whose grades build.py keeps


def page_grade(markdown_page: str) -> Grade:
    """The grade of a page's prose, worked out once per text: `mkdocs serve` grades only the pages that an
    edit changed, and a new process only the pages whose text changed since the last build (build.py keeps
    the grades in the cache folder: a fifth of a first build's rendering at 1,000 articles)."""
    key = hashlib.sha256(markdown_page.encode("utf-8", "surrogatepass")).digest()
    found = _GRADES.get(key)
    if found is None:
        if len(_GRADES) >= _KEEP:
            _GRADES.clear()
            _USED.clear()
        found = _GRADES[key] = grade(prose(markdown_page))
    _USED.add(key)
    return found


def remember_grades(table: dict) -> None:
    """Take the grades an earlier build worked out ({page hash: [grade, words, sentences]}); anything that is
    not one is ignored."""
    for key, value in table.items():
        try:
            digest = bytes.fromhex(key)
        except (TypeError, ValueError):
            continue
        if len(digest) != 32 or type(value) is not list or len(value) != 3:
            continue
        number, words, sentences = value
        if (
            type(number) is float
            and type(words) is int
            and type(sentences) is int
            and min(words, sentences) >= 0
        ):
            _GRADES.setdefault(digest, Grade(number, words, sentences))


def used_grades() -> dict:
    """The grades of the pages graded in this process, to keep for the next one."""
    return {key.hex(): [g.grade, g.words, g.sentences] for key in sorted(_USED) if (g := _GRADES.get(key))}


def forget_grades() -> None:
    _GRADES.clear()
    _USED.clear()


def hardest(text: str, n: int = 5) -> list[tuple[float, str]]:
    """The ``n`` sentences of ``text`` that most raise its grade, hardest first: for an editor rewriting."""
    sentences = [s.strip() for s in re.findall(r"[^.!?\n]+[.!?]*", text) if len(s.split()) > 2]
    scored = [(grade(s).grade, s) for s in sentences]
    return sorted(scored, key=lambda x: -x[0])[:n]


def curated_texts(site) -> list[tuple[str, str, str, str]]:
    """The curated explanations students read, as (file, field, key, text): what ``check`` grades per file
    and field, naming each entry to rewrite. Quotations inside them are left out by ``prose``, as on pages."""
    out: list[tuple[str, str, str, str]] = []
    info = site.info
    out.append(("site.yml", "description", "description", info.description))
    out += [("site.yml", "story", f"story[{i}]", p.text) for i, p in enumerate(info.story)]
    out += [("actors.yml", "bio", f"{a.id}.bio", a.bio) for a in site.actors]
    out += [("history.yml", "summary", f"{e.id}.summary", e.summary) for e in site.events]
    out += [("history.yml", "why", f"{e.id}.why", e.why) for e in site.events]
    out += [("glossary.yml", "definition", t.term, t.definition) for t in site.terms]
    for c in site.lexicon:
        out.append(("lexicon.yml", "question", c.id, c.question))
        out += [("lexicon.yml", "note", f"{c.id}: {t.term}", t.note) for t in c.terms]
    for f in site.facts:
        out.append(("facts.yml", "statement", f.id, f.statement))
        out += [("facts.yml", "override note", f"{f.id} ({o.file})", o.note) for o in f.overrides]
    if site.story:
        out.append(("facts.yml", "event summary", "event.summary", site.story.summary))
    t = site.teaching
    if t is not None:
        out.append(("teaching.yml", "intro", "intro", t.intro))
        out += [
            ("teaching.yml", "objectives", f"objectives[{i}]", o.text) for i, o in enumerate(t.objectives)
        ]
        out += [
            ("teaching.yml", "lesson steps", f"{p.id}[{i}]", s.text)
            for p in t.plans
            for i, s in enumerate(p.steps)
        ]
        out += [("teaching.yml", "route", a, why) for a, why in t.route]
        for where, questions in (*t.defaults.items(), *t.pages.items()):
            for i, q in enumerate(questions):
                out.append(("teaching.yml", "questions", f"{where}[{i}]", q.q))
                out.append(("teaching.yml", "guidance (teachers)", f"{where}[{i}]", q.guidance))
        out += [("teaching.yml", "activities", k, a.text) for k, a in t.activities.items()]
    return [row for row in out if row[3] and row[3].strip()]


@dataclass(frozen=True)
class Reading:
    """``check``'s reading report: each page's prose grade, and each kind of curated text's."""

    pages: tuple[tuple[str, Grade], ...]  # (address, grade), in address order
    curated: tuple[tuple[str, str, Grade, tuple[str, ...]], ...]  # (file, field, grade, keys over TARGET)

    @property
    def over(self) -> tuple[tuple[str, Grade], ...]:
        return tuple((a, g) for a, g in self.pages if g.grade > TARGET)


def reading_report(pages: dict[str, str], site) -> Reading:
    """Grades of every generated page's prose (``pages``: docs path → Markdown) and of the curated texts,
    grouped by file and field ("history.yml", "why")."""
    from .render import addresses

    rows = []
    for path in sorted(p for p in pages if p.endswith(".md")):
        rows.append((addresses({path: ""})[0], page_grade(pages[path])))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for file, field, key, text in curated_texts(site):
        groups.setdefault((file, field), []).append((key, text))
    curated = []
    for (file, field), items in groups.items():
        texts = [prose(t) or t for _, t in items]
        over = tuple(k for (k, _), t in zip(items, texts, strict=True) if grade(t).grade > TARGET)
        curated.append((file, field, grade("\n".join(texts)), over))
    return Reading(tuple(sorted(rows)), tuple(curated))

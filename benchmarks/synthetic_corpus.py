"""The synthetic corpus: any number of articles made from the five real ones in ``site_data/corpus``.

Shared by the scale benchmark (``benchmarks/run.py``) and the browser suite's large-site gates
(``tests/browser/test_large_site.py``), so both measure and test the same kind of corpus. Article i follows
real article i mod 5 (its header, page furniture and footer lines where they are, so parsing and cleaning do
their real work), with paragraphs drawn from all five, people renamed to invented ones, and "(report i)" in
its headline so that every page address is unique.

``make_corpus`` writes a site_data folder; ``make_project`` a whole project (mkdocs.yml, docs/, templates/ and
that site_data/) ready for ``mkdocs build``. Neither touches the source project.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.assemble import make_slug
from generator.build import load_site

ROOT = Path(__file__).resolve().parent.parent

# People named in the five real articles (first-name variants, surname). Each synthetic article renames them
# to invented people, consistently within the article, so headlines, slugs, bylines and the search index see
# many different names instead of the same few repeated a thousand times.
PEOPLE = [
    ("Nicolás|Nicolas", "Maduro"),
    ("Diosdado", "Cabello"),
    ("Jorge", "Arreaza"),
    ("Marco", "Rubio"),
    ("Evo", "Morales"),
    ("Juan", "Guaidó"),
    ("Mike", "Pompeo"),
    ("John", "Bolton"),
    ("Mike", "Pence"),
    ("Carlos", "Vecchio"),
    ("Garrett", "Marquis"),
    (r"Richard N\.", "Haass"),
    ("Lilian", "Tintori"),
    ("Leopoldo", "López"),
    ("Hugo", "Chávez"),
    ("Salvador", "Allende"),
    ("Donald", "Trump"),
    ("Barack", "Obama"),
    ("Frances", "Martel"),  # bylines (found by the author-follow cleaning rule)
    ("Ben", "Kew"),
    ("Emily", "Shugerman"),
]
FIRST_NAMES = [
    "Ana",
    "Luis",
    "Marta",
    "José",
    "Inés",
    "Raúl",
    "Camila",
    "Tomás",
    "Zoë",
    "Björn",
    "Amara",
    "Kenji",
    "Fatima",
    "Oren",
    "Priya",
    "Mateo",
    "Lucía",
    "Ngozi",
    "Elif",
    "Pavel",
    "Sofía",
    "Diego",
    "Hana",
    "Idris",
    "Renata",
    "Yusuf",
    "Clara",
    "Emeka",
    "Ingrid",
    "Dário",
]
SURNAMES = [
    "Peña",
    "Okafor",
    "Lindqvist",
    "Castaño",
    "Nakamura",
    "O'Brien",
    "Ruiz",
    "Moreau",
    "Haddad",
    "Kowalski",
    "Ferreira",
    "Mbeki",
    "Sørensen",
    "Quispe",
    "Aydın",
    "Delgado",
    "Novak",
    "Achebe",
    "Iglesias",
    "Tanaka",
    "Villalobos",
    "Oyelaran",
    "Brennan",
    "Zúñiga",
    "Halvorsen",
    "Mendoza",
    "Rahimi",
    "Castellanos",
    "Ibarra",
    "Whitcombe",
]
_NAME_RE = re.compile(
    r"\b(?:(?P<first>{}) )?(?P<last>{})\b".format(
        "|".join(f for f, _ in PEOPLE), "|".join(re.escape(s) for _, s in PEOPLE)
    )
)
_SURNAME_INDEX = {s: i for i, (_, s) in enumerate(PEOPLE)}


@dataclass(frozen=True)
class Template:
    """One real article, with what the generator found in it: where its headline and paragraphs are."""

    file: str
    lines: list[str]  # the raw file, split on "\n"
    entry: dict  # its sources.yml entry
    headline: str | None  # None when the headline comes from sources.yml (no headline in the text)
    slots: list[int]  # 0-based indexes of the lines the generator keeps as paragraphs
    anchors: frozenset[int]  # paragraph lines kept as they are: a cleaning detector depends on them
    separator: str  # between paragraphs: a blank line, or just a line break


def read_templates(site_data: Path) -> tuple[list[Template], list[str], dict]:
    """The real articles as templates, the pool of all their paragraphs, and the parsed sources.yml."""
    site = load_site(site_data)
    sources = yaml.safe_load((site_data / "sources.yml").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in sources["articles"]}
    templates, pool = [], []
    for article in sorted(site.articles, key=lambda a: a.file):
        lines = (site_data / "corpus" / article.file).read_text(encoding="utf-8").split("\n")
        slots = [p.line - 1 for p in article.paragraphs]
        pool.extend(lines[i] for i in slots)
        # A line removed as a repeated quote (an embedded tweet) is only recognised while the paragraph
        # quoting it stays just above it, so that paragraph is not replaced.
        anchors = {
            max((s for s in slots if s < r.line - 1), default=-1)
            for r in article.removed
            if r.rule == "repeated-quote"
        } - {-1}
        headline = None
        if article.title.source.startswith("text line"):
            headline = lines[int(article.title.source.split()[2].rstrip(":")) - 1]
        first = slots[0]
        separator = "\n\n" if first + 1 < len(lines) and not lines[first + 1].strip() else "\n"
        templates.append(
            Template(
                article.file,
                lines,
                entries[article.file],
                headline,
                slots,
                frozenset(anchors),
                separator,
            )
        )
    return templates, pool, sources


def rename_people(text: str, cast: list[tuple[str, str]]) -> str:
    """Replace every real person's name with the invented one cast for them (full name or surname alone)."""

    def swap(m: re.Match) -> str:
        first, last = cast[_SURNAME_INDEX[m["last"]]]
        return f"{first} {last}" if m["first"] else last

    return _NAME_RE.sub(swap, text)


def numbered_headline(headline: str, number: int) -> str:
    """The headline with "(report N)" at the end, shortened until N survives the 60-character slug cut."""
    words = headline.split()
    while words:
        candidate = f"{' '.join(words)} (report {number})"
        if make_slug(candidate).endswith(f"report-{number}"):
            return candidate
        words.pop()
    return f"Report {number}"


def make_corpus(n: int, source: Path, dest: Path, seed: int = 2026) -> None:
    """Write a site_data folder at ``dest`` with ``n`` synthetic articles made from the real ones in ``source``.

    Article i follows real article i mod 5: its header, furniture and footer lines stay where they are (so
    parsing and every cleaning rule and detector run on realistic input), its outlet and sources.yml fields
    are copied, and its paragraphs are drawn from all five articles, with 0–3 extra ones so lengths vary.
    """
    templates, pool, sources = read_templates(source)
    # teaching.yml and the address list name the real corpus's pages, which a synthetic corpus does not have.
    ignore = shutil.ignore_patterns("corpus", "sources.yml", "teaching.yml", "addresses.txt", "redirects.yml")
    shutil.copytree(source, dest, ignore=ignore)
    (dest / "corpus").mkdir()
    entries = []
    for i in range(n):
        rng = random.Random(seed * 100_003 + i)
        t = templates[i % len(templates)]
        people = [(rng.choice(FIRST_NAMES), rng.choice(SURNAMES)) for _ in PEOPLE]
        lines = list(t.lines)
        fill = [s for s in t.slots if s not in t.anchors]
        keep = {lines[s] for s in t.anchors}
        # Without replacement within one article: a repeated paragraph would be removed as a repeated line.
        drawn = rng.sample([p for p in pool if p not in keep], len(fill) + rng.randint(0, 3))
        for slot, text in zip(fill, drawn, strict=False):
            lines[slot] = text
        lines[t.slots[-1]] += "".join(t.separator + p for p in drawn[len(fill) :])
        entry = dict(t.entry, file=f"{i:04d}_{Path(t.file).stem}.txt")
        if t.headline is not None:
            headline = numbered_headline(rename_people(t.headline, people), i)
            # The headline may be printed twice (the repeated-line detector removes the copy): change both.
            lines = [headline if line == t.headline else line for line in lines]
        else:
            title = numbered_headline(rename_people(entry["title"]["value"], people), i)
            entry["title"] = dict(entry["title"], value=title)
        if "url" in entry:
            entry["url"] = f"{entry['url']}?copy={i}"
        if "published" in entry and isinstance(entry["published"].get("value"), dt.date):
            entry["published"] = dict(
                entry["published"], value=entry["published"]["value"] + dt.timedelta(days=i % 500)
            )
        text = rename_people("\n".join(lines), people)
        (dest / "corpus" / entry["file"]).write_text(text, encoding="utf-8")
        entries.append(entry)
    (dest / "sources.yml").write_text(
        yaml.safe_dump(
            {"outlets": sources["outlets"], "articles": entries}, allow_unicode=True, sort_keys=False
        ),
        encoding="utf-8",
    )


def make_project(n: int, dest: Path, source: Path = ROOT, seed: int = 2026) -> Path:
    """A project at ``dest`` with ``n`` synthetic articles: ``source``'s mkdocs.yml (the plugin on, reading
    the site_data/ beside it), docs/ and templates/ copied, and a synthetic site_data/. Returns its
    mkdocs.yml."""
    dest.mkdir(parents=True)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "templates"):
        shutil.copytree(source / name, dest / name)
    make_corpus(n, source / "site_data", dest / "site_data", seed=seed)
    return dest / "mkdocs.yml"

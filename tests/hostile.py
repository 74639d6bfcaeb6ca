"""A tiny site whose every curated field can be replaced by a hostile value, and the checks that a page is inert.

Shared by tests/test_hostile_inputs.py (one payload table over every channel) and the fuzz test over curated
fields. The site has one article that names its one actor, invokes its one event, uses its glossary term and
states its fact, so that every curated value reaches a page.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import yaml

from .conftest import ROOT
from .htmltext import Page

STARTER = ROOT / "templates" / "new" / "site_data"
ARTICLE = """\
Council votes to close the Eastside library

By Jane Doe

September 10, 2018

The Riverton town council voted on Monday to close the Eastside library, and Mayor Ana Ortiz said the \
building would be sold before the end of the year.

Residents compared the vote with the reading room closure of 1998, when the council also pointed to the \
cost of repairs to the roof.

“We will keep the books,” Ortiz said, adding that a referendum was not planned.
"""
CITE = "https://www.example.org/council/minutes"


def documents() -> dict[str, dict]:
    """The curated files of the tiny site, as data (file name → document)."""
    return {
        "site.yml": {
            "title": "The Eastside library vote",
            "description": "How two papers told the library vote",
            "story": [{"text": "The council voted to close the library.", "citations": [CITE]}],
        },
        "sources.yml": {
            "outlets": [
                {
                    "id": "riverton-post",
                    "name": "Riverton Post",
                    "homepage": "https://post.example.org/",
                    "country": {"value": "United States", "source": CITE},
                    "kind": {"value": "Local newspaper", "source": CITE},
                    "ratings": [{"by": "A Rater", "rating": "Centre", "date": "2020-01", "url": CITE}],
                }
            ],
            "articles": [
                {
                    "file": "001.txt",
                    "outlet": "riverton-post",
                    "language": "en",
                    "url": "https://post.example.org/news/library-vote",
                    "subtitle": {"value": "The building will be sold", "source": CITE},
                }
            ],
        },
        "actors.yml": {
            "groups": [{"id": "council", "name": "The town council"}],
            "actors": [
                {
                    "id": "ana-ortiz",
                    "name": "Ana Ortiz",
                    "kind": "person",
                    "group": "council",
                    "aliases": ["Mayor Ana Ortiz"],
                    "roles": [
                        {"title": "Mayor of Riverton", "from": "2016-01", "to": "2020", "citation": CITE}
                    ],
                    "bio": "Ana Ortiz is the mayor of Riverton.",
                    "citation": CITE,
                }
            ],
        },
        "history.yml": {
            "topics": [{"id": "libraries", "name": "Libraries in Riverton"}],
            "events": [
                {
                    "id": "reading-room",
                    "name": "The reading room closure",
                    "topic": "libraries",
                    "date": "1998-05",
                    "end": "1998-06-30",
                    "place": "Riverton",
                    "summary": "The council closed the old reading room.",
                    "figures": ["ana-ortiz"],
                    "aliases": ["reading room closure"],
                    "sources": [{"title": "Council minutes", "url": CITE, "kind": "primary"}],
                    "why_it_matters": "Residents compare the two closures.",
                }
            ],
        },
        "glossary.yml": {
            "terms": [
                {
                    "term": "referendum",
                    "aliases": ["referendums"],
                    "definition": "A vote of all the people on one question.",
                    "source": CITE,
                }
            ]
        },
        "facts.yml": {
            "event": {
                "summary": "The council voted to close the library.",
                "citations": [CITE],
                "date": "2018-09-10",
            },
            "facts": [
                {
                    "id": "council-voted",
                    "statement": "The council voted to close the library.",
                    "citation": CITE,
                    "patterns": [r"\bvoted\b.*\bclose\b"],
                }
            ],
        },
        "teaching.yml": {
            **yaml.safe_load((STARTER / "teaching.yml").read_text(encoding="utf-8")),
            "guide": {
                "intro": "Compare how the outlets told the vote.",
                "objectives": [{"text": "Compare two articles.", "standards": ["RH.9-10.6"]}],
                "standards_sources": [CITE],
                "plans": [
                    {
                        "id": "one",
                        "name": "One lesson",
                        "steps": [{"minutes": 45, "text": "Read.", "pages": ["/"]}],
                    }
                ],
                "reading_route": [{"path": "/", "why": "Start here."}],
            },
        },
    }


def write_site(dest: Path, docs: dict[str, dict], article: str = ARTICLE) -> Path:
    """site_data/ under ``dest`` with ``docs`` and the starter's word lists and rules; returns its path."""
    site_data = dest / "site_data"
    if site_data.exists():
        shutil.rmtree(site_data)
    (site_data / "corpus").mkdir(parents=True)
    for name in ("attribution.yml", "cleaning.yml", "lexicon.yml"):
        shutil.copy(STARTER / name, site_data / name)
    for name, doc in docs.items():
        (site_data / name).write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )
    (site_data / "corpus" / "001.txt").write_text(article, encoding="utf-8")
    return site_data


def replaced(docs: dict[str, dict], file: str, path: tuple, value) -> dict[str, dict]:
    """A deep copy of ``docs`` with the value at ``path`` in ``file`` replaced."""
    docs = copy.deepcopy(docs)
    node = docs[file]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return docs


def _extensions():
    """The Markdown extensions mkdocs.yml configures, so a page renders here as the site renders it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.Loader)  # noqa: S506 - our own file
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


EXTENSIONS, EXTENSION_CONFIGS = _extensions()


_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def to_html(page: str) -> str:
    """A generated Markdown page's body as the site's Markdown turns it into HTML (one converter, reset
    between pages: making one per page costs more than the conversion)."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return _MARKDOWN.reset().convert(body)


# Elements that can run code, load something or send the reader elsewhere; no template makes any of them.
ACTIVE = {
    "script",
    "iframe",
    "img",
    "object",
    "embed",
    "meta",
    "link",
    "base",
    "form",
    "style",
    "svg",
    "video",
}


def inert_problems(html: str) -> list[str]:
    """What in ``html`` could run, load or navigate: active elements, handlers, script or off-site URLs."""
    problems = []
    for tag, attrs in Page(html).elements:
        if tag in ACTIVE:
            problems.append(f"<{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"{name} handler on <{tag}>")
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                url = (value or "").strip()
                scheme = urlsplit(url).scheme.lower()
                if scheme not in ("", "http", "https"):
                    problems.append(f"{name}={url!r} on <{tag}>")
                elif "evil.example" in (urlsplit(url).hostname or ""):
                    problems.append(f"off-site {name}={url!r} on <{tag}>")
    return problems

"""Careless edits to curated files (issue 12, items 6, 7, 9, 11, 12 and 13): each is an error naming file, line
and key with what would be valid, or a note in `check` when it only applies to nothing; never a traceback, a
silent guess or a page quietly replaced.

Errors: reserved addresses, empty or punctuation-only aliases, impossible dates and date ranges, lists or
mappings where text is expected, an override's paragraph the article lacks, questions for a page that does
not exist, duplicate ids, a listed address that is gone. Notes: a cleaning rule or an override naming an
outlet or article sources.yml does not list, a published page addresses.txt does not list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.build import generate
from generator.errors import SiteDataError, SiteDataErrors

from .hostile import ARTICLE, STARTER, documents, replaced, write_site

LEXICON = yaml.safe_load((STARTER / "lexicon.yml").read_text(encoding="utf-8"))


def _lexicon_with(form: str) -> dict:
    """The starter lexicon with ``form`` added to a term of its second category (it is in the first)."""
    lexicon = yaml.safe_load((STARTER / "lexicon.yml").read_text(encoding="utf-8"))
    lexicon["categories"][1]["terms"][0]["forms"].append(form)
    return lexicon


# name → (file, path, value), what is expected: ("error" | "note" | "ok", the message, as a regular expression)
CASES = {
    # 6: reserved addresses
    "slug index": (
        ("sources.yml", ("articles", 0, "slug"), "index"),
        (
            "error",
            r"sources\.yml:\d+ \(slug\): slug 'index' is reserved: /sources/index/ is the list of sources",
        ),
    ),
    "actor id index": (
        ("actors.yml", ("actors", 0, "id"), "index"),
        (
            "error",
            r"actors\.yml:\d+ \(id\): actor id 'index' is reserved: /actors/index/ is the list of all actors",
        ),
    ),
    # 9: aliases that would match every sentence (or break the glossary)
    "empty history alias": (
        ("history.yml", ("events", 0, "aliases"), [""]),
        ("error", r"history\.yml:\d+: events\[0\] \(reading-room\)\.aliases\[0\] must be non-empty text"),
    ),
    "empty glossary alias": (
        ("glossary.yml", ("terms", 0, "aliases"), ["", "referendums"]),
        ("error", r"glossary\.yml:\d+: terms\[0\]\.aliases\[0\] must be non-empty text"),
    ),
    "punctuation alias": (
        ("history.yml", ("events", 0, "aliases"), ["—"]),
        ("error", r"history\.yml:\d+: events\[0\] \(reading-room\)\.aliases\[0\] '—' has no letter or digit"),
    ),
    "blank actor alias": (
        ("actors.yml", ("actors", 0, "aliases"), ["  "]),
        ("error", r"actors\.yml:\d+: actors\[0\] \(ana-ortiz\)\.aliases\[0\] must be non-empty text"),
    ),
    # 11: dates
    "month 13": (
        ("history.yml", ("events", 0, "date"), "1823-13"),
        (
            "error",
            r"history\.yml:\d+ \(date\): events\[0\] \(reading-room\)\.date 1823-13 is not a real date \(no such month\)",
        ),
    ),
    "month 00": (
        ("history.yml", ("events", 0, "date"), "1823-00"),
        ("error", r"history\.yml:\d+ \(date\): .*\.date 1823-00 is not a real date \(no such month\)"),
    ),
    "role month 13": (
        ("actors.yml", ("actors", 0, "roles", 0, "from"), "2013-13"),
        (
            "error",
            r"actors\.yml:\d+ \(from\): actors\[0\] \(ana-ortiz\)\.roles\[0\]\.from 2013-13 is not a real date",
        ),
    ),
    "role 30 February": (
        ("actors.yml", ("actors", 0, "roles", 0, "to"), "2018-02-30"),
        (
            "error",
            r"actors\.yml:\d+ \(to\): .*\.roles\[0\]\.to 2018-02-30 is not a real date \(no such day\)",
        ),
    ),
    "rating 30 February": (
        ("sources.yml", ("outlets", 0, "ratings", 0, "date"), "2018-02-30"),
        (
            "error",
            r"sources\.yml:\d+ \(date\): outlets\[0\]\.ratings\[0\]\.date 2018-02-30 is not a real date",
        ),
    ),
    "event in brief date": (
        ("facts.yml", ("event", "date"), "2018-13-01"),
        ("error", r"facts\.yml:\d+ \(date\): event\.date 2018-13-01 is not a real date"),
    ),
    "role ends before it starts": (
        ("actors.yml", ("actors", 0, "roles", 0, "to"), "2015"),
        (
            "error",
            r"actors\.yml:\d+ \(to\): actors\[0\] \(ana-ortiz\)\.roles\[0\]\.to 2015 is before its from 2016-01",
        ),
    ),
    "event ends before it starts": (
        ("history.yml", ("events", 0, "end"), "1998-04"),
        (
            "error",
            r"history\.yml:\d+ \(end\): events\[0\] \(reading-room\)\.end 1998-04 is before its date 1998-05",
        ),
    ),
    # May 1998 to "1998": the year the record gives for the end includes May; not an error.
    "end at a coarser precision": (("history.yml", ("events", 0, "end"), "1998"), ("ok", "")),
    # 12: lists or mappings where text is expected
    "nested alias": (
        ("history.yml", ("events", 0, "aliases"), [["reading", "room"]]),
        ("error", r"history\.yml:\d+: events\[0\] \(reading-room\)\.aliases\[0\] must be non-empty text"),
    ),
    "mapping as a pattern": (
        ("facts.yml", ("facts", 0, "patterns"), [{"voted": "close"}]),
        ("error", r"facts\.yml:\d+: facts\[0\] \(council-voted\)\.patterns\[0\] must be non-empty text"),
    ),
    "nested standard": (
        ("teaching.yml", ("guide", "objectives", 0, "standards"), [["RH.9-10.6"]]),
        ("error", r"teaching\.yml:\d+: guide\.objectives\[0\]\.standards\[0\] must be non-empty text"),
    ),
    "nested glossary alias": (
        ("glossary.yml", ("terms", 0, "aliases"), [{"a": "b"}]),
        ("error", r"glossary\.yml:\d+: terms\[0\]\.aliases\[0\] must be non-empty text"),
    ),
    "nested page of a step": (
        ("teaching.yml", ("guide", "plans", 0, "steps", 0, "pages"), [["/"]]),
        ("error", r"teaching\.yml:\d+: guide\.plans\[0\]\.steps\[0\]\.pages\[0\] must be non-empty text"),
    ),
    "list as a date": (
        ("history.yml", ("events", 0, "date"), ["1998"]),
        (
            "error",
            r"history\.yml:\d+ \(date\): events\[0\] \(reading-room\)\.date must be a date written YYYY",
        ),
    ),
    # 13 and 7: references that break a page are errors ...
    "override paragraph the article lacks": (
        (
            "facts.yml",
            ("facts", 0, "overrides"),
            [{"file": "001.txt", "status": "disputes", "paragraph": "p99", "note": "No."}],
        ),
        (
            "error",
            r"facts\.yml:\d+ \(paragraph\): fact 'council-voted': the override for 001\.txt names paragraph p99, but the article has 3 paragraph\(s\) \(p1–p3\)",
        ),
    ),
    "questions for a page that does not exist": (
        (
            "teaching.yml",
            ("questions", "pages"),
            {"/sources/nowhere/": [{"q": "Why?", "guidance": "Because."}]},
        ),
        (
            "error",
            r"teaching\.yml \(/sources/nowhere/\): names /sources/nowhere/, which is not a page of the site",
        ),
    ),
    "duplicate topic id": (
        ("history.yml", ("topics",), [{"id": "libraries", "name": "A"}, {"id": "libraries", "name": "B"}]),
        ("error", r"history\.yml:\d+ \(id\): topics\[1\]: topic id 'libraries' is used twice"),
    ),
    "duplicate plan id": (
        (
            "teaching.yml",
            ("guide", "plans"),
            [{"id": "one", "name": "A", "steps": [{"minutes": 5, "text": "Read."}]}] * 2,
        ),
        ("error", r"teaching\.yml:\d+ \(id\): guide\.plans\[1\]: plan id 'one' is used twice"),
    ),
    "duplicate lexicon term": (
        ("lexicon.yml", ("categories", 0, "terms", 1, "term"), LEXICON["categories"][0]["terms"][0]["term"]),
        ("error", r"lexicon\.yml:\d+ \(term\): categories\[0\]\.terms\[1\]: term '[^']+' is used twice"),
    ),
    "a form counted in two categories": (
        ("lexicon.yml", (), _lexicon_with(LEXICON["categories"][0]["terms"][0]["forms"][0])),
        (
            "error",
            r"lexicon\.yml:\d+: categories\[1\]\.terms\[0\]\.forms\[\d+\] '[^']+' is already a form of '[^']+' \(hedges\)",
        ),
    ),
    # ... and references that only apply to nothing are notes.
    "override for an article that is not there": (
        ("facts.yml", ("facts", 0, "overrides"), [{"file": "002.txt", "status": "stated", "note": "Yes."}]),
        (
            "note",
            r"facts\.yml:\d+: fact 'council-voted' has an override for '002\.txt', which sources\.yml does not list, so it changes nothing \(did you mean '001\.txt'\?\)",
        ),
    ),
}


def _prepare(scratch: Path, change) -> Path:
    file, path, value = change
    docs = documents()
    if file == "lexicon.yml":
        docs["lexicon.yml"] = value if not path else replaced({"l": LEXICON}, "l", path, value)["l"]
    else:
        docs = replaced(docs, file, path, value)
    return write_site(scratch, docs)


def _outcome(site_data: Path) -> tuple[str, str]:
    try:
        result = generate(site_data)
    except (SiteDataError, SiteDataErrors) as exc:
        return "error", str(exc)
    return "ok", "\n".join(f"{w.path}: {w.message}" for w in result.warnings)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_careless_edit_gets_its_error_or_note(tmp_path, name):
    change, (kind, message) = CASES[name]
    got, text = _outcome(_prepare(tmp_path, change))
    assert got == ("error" if kind == "error" else "ok"), text
    if kind != "ok":
        assert re.search(r"^site_data/" + message, text, re.M), f"{message!r} not in:\n{text}"


def test_a_headline_that_makes_a_reserved_address_is_refused(tmp_path):
    site_data = write_site(tmp_path, documents(), article="Index\n\n" + ARTICLE.split("\n\n", 1)[1])
    got, text = _outcome(site_data)
    assert got == "error"
    assert re.search(
        r"site_data/sources\.yml:\d+ \(slug\): '001\.txt' would get the page address /sources/index/ from its "
        r"headline, but that is the list of all sources; give its entry a 'slug' of its own",
        text,
    ), text


def test_cleaning_rules_naming_no_listed_outlet_or_file_are_noted(tmp_path):
    site_data = write_site(tmp_path, documents())
    cleaning = site_data / "cleaning.yml"
    rule = (
        "  - id: scoped\n    pattern: '^Scoped$'\n    reason: A test rule\n"
        "    outlets: [riverton-pots]\n    files: [001.txt, 01.txt]\n"
    )
    text = cleaning.read_text(encoding="utf-8")
    assert "\nrules:\n" in text
    cleaning.write_text(text.replace("\nrules:\n", "\nrules:\n" + rule, 1), encoding="utf-8")
    got, text = _outcome(site_data)
    assert got == "ok", text
    assert re.search(
        r"cleaning\.yml: rule 'scoped' names the outlet 'riverton-pots', which sources\.yml does not list, so it "
        r"applies to nothing there \(did you mean 'riverton-post'\?\)",
        text,
    ), text
    assert "names the file '01.txt'" in text and "names the file '001.txt'" not in text


def test_addresses_teachers_were_given_stay_published(tmp_path):
    site_data = write_site(tmp_path, documents())
    listed = site_data / "addresses.txt"
    published = [a for a in sorted(_published_addresses(site_data)) if a != "/glossary/"]
    listed.write_text("# every address\n" + "\n".join(published) + "\n", encoding="utf-8")
    got, text = _outcome(site_data)
    assert got == "ok" and "does not list 1 published address(es): /glossary/" in text, text
    listed.write_text(listed.read_text() + "/sources/gone/\n", encoding="utf-8")
    got, text = _outcome(site_data)
    assert got == "error"
    line = len(listed.read_text().splitlines())
    assert f"site_data/addresses.txt:{line}: lists /sources/gone/, which the site no longer publishes" in text
    (site_data / "redirects.yml").write_text("/sources/gone/: /sources/\n", encoding="utf-8")
    assert _outcome(site_data)[0] == "ok"
    listed.write_text(listed.read_text() + "sources/no-slash\n", encoding="utf-8")
    got, text = _outcome(site_data)
    assert got == "error" and "'sources/no-slash' is not a site address" in text, text


def _published_addresses(site_data: Path) -> set[str]:
    from generator.render import addresses

    return set(addresses(generate(site_data).pages))

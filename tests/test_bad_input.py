"""Bad input: every case stops with a clear error naming file, line or key and what would be valid."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .builds import built
from .conftest import SITE_DATA, run_cli, run_mkdocs, write_corpus

GOOD = "A headline\n\nThe first paragraph of the story is long enough to be running prose for the parser.\n"


@pytest.fixture
def site_data(tmp_path: Path) -> Path:
    dest = tmp_path / "site_data"
    shutil.copytree(SITE_DATA, dest)
    return dest


def check_fails(site_data: Path, *expected: str) -> str:
    result = run_cli("check", "--site-data", str(site_data))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for pattern in expected:
        assert re.search(pattern, result.stderr), f"{pattern!r} not in:\n{result.stderr}"
    return result.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_empty_corpus_file(site_data):
    write_corpus(site_data, {"a.txt": GOOD, "empty.txt": ""})
    check_fails(site_data, r"error: site_data/corpus/empty\.txt:1: is empty")


def test_non_utf8_file(site_data):
    write_corpus(
        site_data,
        {
            "a.txt": "Headline\n\nCaf\xe9 society is long enough to be prose for the parser here.\n".encode(
                "cp1252"
            )
        },
    )
    check_fails(
        site_data, r"site_data/corpus/a\.txt:3: is not UTF-8 text \(byte 0xe9", r"save the article as UTF-8"
    )


def test_file_with_no_body(site_data):
    write_corpus(
        site_data, {"a.txt": "A headline\n\nPlease let us know if you're having issues with commenting.\n"}
    )
    check_fails(site_data, r"site_data/corpus/a\.txt:1: has no article text left after cleaning")


def test_malformed_yaml(site_data):
    edit(site_data / "sources.yml", "    language: en\n", "    language: [en\n")
    check_fails(site_data, r"site_data/sources\.yml:\d+: not valid YAML")


def test_misspelled_key(site_data):
    edit(
        site_data / "sources.yml",
        "    language: en\n",
        "    language: en\n    autor: {value: X, source: https://x.org}\n",
    )
    err = check_fails(
        site_data,
        r"site_data/sources\.yml:\d+ \(autor\): unknown key 'autor' in articles\[0\]; "
        r"did you mean 'author'\?",
    )
    line = int(re.search(r"sources\.yml:(\d+)", err).group(1))
    assert "autor" in (site_data / "sources.yml").read_text().splitlines()[line - 1]


def test_entry_without_its_file(site_data):
    edit(site_data / "sources.yml", "  - file: 000_0cb12d1fd8025dd7.txt", "  - file: 000_missing.txt")
    check_fails(
        site_data,
        r"site_data/sources\.yml:\d+ \(file\): lists '000_missing\.txt', which is not in "
        r"site_data/corpus/",
        r"site_data/corpus/000_0cb12d1fd8025dd7\.txt: has no entry in site_data/sources\.yml",
    )


def test_file_without_entry(site_data):
    (site_data / "corpus" / "new.txt").write_text(GOOD, encoding="utf-8")
    check_fails(
        site_data,
        r"site_data/corpus/new\.txt: has no entry in site_data/sources\.yml; add one with "
        r"'- file: new\.txt'",
    )


def test_two_articles_with_the_same_slug(site_data):
    write_corpus(site_data, {"a.txt": GOOD, "b.txt": GOOD.replace("first", "other")})
    check_fails(
        site_data,
        r"'b\.txt' and 'a\.txt' both get the page address /sources/a-headline/; give one of "
        r"them its own 'slug'",
    )


def test_unknown_outlet(site_data):
    edit(site_data / "sources.yml", "    outlet: breitbart\n", "    outlet: breitbartt\n")
    check_fails(
        site_data,
        r"sources\.yml:\d+ \(outlet\): articles\[0\]\.outlet 'breitbartt' is not one of the "
        r"outlets .*Did you mean 'breitbart'\?",
    )


def test_fact_without_a_citation(site_data):
    edit(
        site_data / "sources.yml",
        "      source: https://www.allsides.com/news-source/breitbart\n",
        "",
    )
    check_fails(site_data, r"sources\.yml:\d+ \(source\): outlets\[0\]\.country needs 'source'")


def test_bad_date(site_data):
    edit(site_data / "sources.yml", "      value: 2018-09-10", "      value: 2018-09-31")
    check_fails(
        site_data, r"sources\.yml:\d+ \(value\): articles\[0\]\.published must be a date written YYYY-MM-DD"
    )


def test_bad_regular_expression(site_data):
    edit(site_data / "cleaning.yml", 'pattern: "^News ID: ?\\\\d+$"', 'pattern: "^News ID: (\\\\d+$"')
    check_fails(
        site_data,
        r"cleaning\.yml:\d+ \(pattern\): rules\[\d+\]\.pattern is not a valid pattern \(a regular expression\)",
    )


def test_unknown_detector(site_data):
    edit(site_data / "cleaning.yml", "  repeated-quote:\n", "  repeated-quotes:\n")
    check_fails(
        site_data,
        r"cleaning\.yml:\d+ \(repeated-quotes\): unknown detector 'repeated-quotes'.*"
        r"Did you mean 'repeated-quote'\?",
    )


def test_duplicate_key(site_data):
    edit(
        site_data / "site.yml",
        "reading_words_per_minute: 200\n",
        "reading_words_per_minute: 200\ntitle: again\n",
    )
    check_fails(site_data, r"site\.yml:\d+: duplicate key 'title' \(first given on line \d+\)")


def test_missing_file(site_data):
    # Only sources.yml is required (every other curated file is optional: see test_little_curation.py).
    (site_data / "sources.yml").unlink()
    check_fails(site_data, r"site_data/sources\.yml: is missing")


def test_ratings_must_be_a_list_or_not_rated(site_data):
    # Leaving ratings out means "not checked yet"; a value must still be one of the two valid forms.
    edit(site_data / "sources.yml", "    ratings: not rated\n", "    ratings: maybe\n")
    err = check_fails(
        site_data,
        r"site_data/sources\.yml:\d+ \(ratings\): outlets\[1\]\.ratings must be a list of ratings "
        r"\(\{by, rating, date, url\}\) or the words 'not rated'",
    )
    line = int(re.search(r"sources\.yml:(\d+)", err).group(1))
    assert "ratings: maybe" in (site_data / "sources.yml").read_text().splitlines()[line - 1]


def test_outlet_country_needs_its_value(site_data):
    # An outlet's profile may be left out, but a fact that is given needs a value as well as its source.
    edit(site_data / "sources.yml", "      value: Iran\n", "")
    check_fails(site_data, r"sources\.yml:\d+ \(source\): outlets\[1\]\.country needs a value as well")


def test_teaching_guide_given_must_be_complete(site_data):
    # The guide may be left out (generic questions only), but a guide that is there needs its parts.
    text = (site_data / "teaching.yml").read_text(encoding="utf-8")
    start, end = text.index("  intro: >-\n"), text.index("  objectives:\n")
    (site_data / "teaching.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    check_fails(site_data, r"teaching\.yml:\d+ \(intro\): guide needs 'intro'")


def test_several_errors_are_reported_together(site_data):
    write_corpus(site_data, {"a.txt": GOOD, "empty.txt": "", "b.txt": b"\xff\xfe"})
    err = check_fails(site_data, r"empty\.txt:1: is empty", r"b\.txt:1: is not UTF-8")
    assert "2 error(s); nothing was written." in err


def test_failed_mkdocs_build_leaves_the_last_good_site(project: Path, tmp_path: Path, tmp_path_factory):
    # The last good site: a copy of this site's shared strict build (tests/builds.py), the site the same
    # project builds (test_build.py checks that build), not a build of its own.
    site = tmp_path / "site"
    shutil.copytree(built("venezuela", "mkdocs", tmp_path_factory), site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    write_corpus(project / "site_data", {"a.txt": GOOD, "empty.txt": ""})
    second = run_mkdocs(project / "mkdocs.yml", site)
    assert second.returncode != 0
    assert "site_data/corpus/empty.txt:1: is empty" in second.stderr
    assert "Traceback" not in second.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_failed_cli_build_leaves_the_last_output(site_data: Path, tmp_path: Path):
    out = tmp_path / "pages"
    assert run_cli("build", "--site-data", str(site_data), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_corpus(site_data, {"empty.txt": ""})
    result = run_cli("build", "--site-data", str(site_data), "--out", str(out))
    assert result.returncode == 1 and "nothing was written" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_actor_in_an_unknown_group(site_data):
    edit(site_data / "actors.yml", "    group: experts\n", "    group: expert\n")
    check_fails(
        site_data,
        r"actors\.yml:\d+ \(group\): actors\[\d+\] \(richard-haass\)\.group 'expert' is not a group "
        r"listed above .*Did you mean 'experts'\?",
    )


def test_related_actor_that_does_not_exist(site_data):
    edit(site_data / "actors.yml", "related: [hugo-chavez,", "related: [hugo-chaves,")
    check_fails(
        site_data,
        r"actors\.yml:\d+: actors\[\d+\] \(nicolas-maduro\)\.related: no actor with id 'hugo-chaves'\. "
        r"Did you mean 'hugo-chavez'\?",
    )


def test_actor_kind_must_be_known(site_data):
    edit(site_data / "actors.yml", "    kind: person\n", "    kind: human\n")
    check_fails(
        site_data, r"actors\.yml:\d+ \(kind\): actors\[\d+\] \([a-z-]+\)\.kind 'human' must be one of: person"
    )


def test_unknown_names_are_reported_not_invented(site_data):
    write_corpus(
        site_data,
        {
            "a.txt": "A headline\n\nYesterday Jane Roebuck of the Acme Mining Corporation said the "
            "talks with Nicolás Maduro had failed completely.\n"
        },
    )
    result = run_cli("check", "--site-data", str(site_data))
    assert result.returncode == 0, result.stderr
    assert "p1: 'Jane Roebuck' is not in actors.yml" in result.stdout
    assert "p1: 'Acme Mining Corporation' is not in actors.yml" in result.stdout
    assert "Nicolás Maduro' is not" not in result.stdout


def test_fact_pattern_that_is_not_a_regular_expression(site_data):
    text = (site_data / "facts.yml").read_text(encoding="utf-8")
    first = text.index("    patterns:\n") + len("    patterns:\n")
    (site_data / "facts.yml").write_text(
        text[:first] + "      - '(unclosed'\n" + text[first:], encoding="utf-8"
    )
    check_fails(
        site_data,
        r"facts\.yml:\d+: facts\[0\] \(met-plotters\)\.patterns\[0\] is not a valid pattern \(a regular expression\)",
    )


def test_fact_override_with_an_unknown_status(site_data):
    edit(site_data / "facts.yml", "status: not-mentioned", "status: missing")
    check_fails(
        site_data,
        r"facts\.yml:\d+ \(status\): facts\[\d+\] \([a-z-]+\)\.overrides\[0\]\.status must be one of: "
        r"stated, disputes, not-mentioned",
    )


def test_lexicon_term_without_forms(site_data):
    edit(site_data / "lexicon.yml", "        forms: [regime, regimes]", "        forms: []")
    check_fails(
        site_data, r"lexicon\.yml:\d+ \(forms\): categories\[0\]\.terms\[0\]\.forms must list the words"
    )


def test_history_event_without_a_source(site_data):
    text = (site_data / "history.yml").read_text(encoding="utf-8")
    import re as _re

    text = _re.sub(
        r"(  - id: monroe-doctrine\n(?:.*\n)*?)    sources:\n(?:      .*\n)+",
        r"\1    sources: []\n",
        text,
        count=1,
    )
    (site_data / "history.yml").write_text(text, encoding="utf-8")
    check_fails(
        site_data,
        r"history\.yml:\d+ \(sources\): events\[\d+\] \(monroe-doctrine\) needs at least one source",
    )


def test_teaching_names_a_page_that_does_not_exist(site_data):
    edit(
        site_data / "teaching.yml",
        "  reading_route:\n    - path: /\n",
        "  reading_route:\n    - path: /compare/nowhere/\n",
    )
    check_fails(
        site_data,
        r"site_data/teaching\.yml \(/compare/nowhere/\): names /compare/nowhere/, which is not a page",
    )


def test_teaching_question_without_guidance(site_data):
    text = (site_data / "teaching.yml").read_text(encoding="utf-8")
    import re as _re

    text = _re.sub(r"\n        guidance: >-\n(?:          [^\n]*\n)+", "\n", text, count=1)
    (site_data / "teaching.yml").write_text(text, encoding="utf-8")
    check_fails(site_data, r"teaching\.yml:\d+ \(guidance\): questions\.[a-z.\[\]/-]+\[0\] needs 'guidance'")


def test_quote_override_naming_no_actor_is_an_error(site_data):
    """Issue 14: an editor's correction of whose words a quotation is must name an actor of actors.yml."""
    from generator.build import load_site
    from generator.errors import SiteDataError

    edit(site_data / "sources.yml", "        speaker: new-york-times\n", "        speaker: the-times\n")
    message = r"sources\.yml:\d+ \(speaker\): 001_5e3daf8ecf212796\.txt: quotes: speaker 'the-times' is not an actor id"
    with pytest.raises(SiteDataError, match=message):
        load_site(site_data)


def test_quote_override_matching_no_quotation_is_a_note(site_data):
    """One that matches no quotation (the text or the rules changed) applies to nothing: a note, and the quotation
    keeps the rules' reading."""
    from generator.build import load_site

    edit(
        site_data / "sources.yml",
        "        text: the United States to supply them\n",
        "        text: to sell them\n",
    )
    site = load_site(site_data)
    notes = [str(w.path) + " " + w.message for w in site.warnings]
    assert any(
        re.search(
            r"sources\.yml:\d+ \(text\) 001_5e3daf8ecf212796\.txt: quotes: no quotation in p7 start with", n
        )
        for n in notes
    ), notes
    quote = next(q for q in site.articles[1].quotes if q.paragraph == "p7")
    assert (quote.speaker, quote.note) == (None, None)

"""Parsing hard cases: datelines, line units, headline/subtitle/byline detection."""

from __future__ import annotations

import pytest

from generator.errors import SiteDataError
from generator.parse import decode, header, parse_dateline, units


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Saturday 08 September 2018 23:49", "2018-09-08"),
        ("Published: 0102 GMT September 09, 2018", "2018-09-09"),
        ("September 9, 2018", "2018-09-09"),
        ("Sept. 9, 2018 4:30 pm", "2018-09-09"),
        ("Updated: 12 May 2019", "2019-05-12"),
        ("2019-05-12", "2019-05-12"),
        ("Monday, 10 Sep 2018 at 10:15", "2018-09-10"),
    ],
)
def test_datelines(line, iso):
    assert parse_dateline(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "On Saturday 08 September 2018 the march began.",  # a sentence that contains a date
        "30 February 2019",  # not a real day
        "Published: soon",
        "In 2015 Mr Obama declared",
        "Smarch 12, 2018",
    ],
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_units_number_lines_and_blocks():
    got = units("Title\n\nFirst para.\nSecond para.\n\n\nThird\n")
    assert [(u.line, u.block, u.text) for u in got] == [
        (1, 1, "Title"),
        (3, 2, "First para."),
        (4, 2, "Second para."),
        (7, 3, "Third"),
    ]


def test_hard_wrapped_prose_is_joined_and_keeps_its_line_range():
    got = units("A long sentence that the scraper\nwrapped in the middle.\nNext line.\n")
    assert [(u.line, u.end_line, u.text) for u in got] == [
        (1, 2, "A long sentence that the scraper wrapped in the middle."),
        (3, 3, "Next line."),
    ]


def test_crlf_and_bom():
    assert [u.text for u in units("\ufeffTitle\r\n\r\nBody.\r\n".lstrip("\ufeff"))] == ["Title", "Body."]
    assert decode(b"\xef\xbb\xbfTitle", "f.txt") == "Title"


def test_non_utf8_names_file_and_line():
    with pytest.raises(SiteDataError) as err:
        decode("Title\n\nCaf\u00e9 society\n".encode("cp1252"), "site_data/corpus/x.txt")
    assert str(err.value).startswith("site_data/corpus/x.txt:3: is not UTF-8")
    assert "iconv" in str(err.value)


def _header(text):
    return header(units(text))


BODY = "This is the first paragraph of the article, long enough to count as running prose for the parser.\n"


def test_independent_style_header():
    h = _header(
        "Headline here\n\nA dek that explains it\n\nJane Doe\nNew York\nSaturday 08 September 2018 23:49\n\n"
        + BODY
    )
    assert (h.title.text, h.subtitle.text, h.byline.text, h.place.text, h.date) == (
        "Headline here",
        "A dek that explains it",
        "Jane Doe",
        "New York",
        "2018-09-08",
    )


def test_no_headline_when_text_starts_with_prose():
    h = _header(BODY + "\nSecond paragraph.\n")
    assert h.title is None and h.subtitle is None


def test_headline_repeated_is_not_a_subtitle():
    h = _header("Same headline\n\nSame headline\nA caption.\n\n" + BODY)
    assert h.title.text == "Same headline" and h.subtitle is None


def test_line_in_a_multi_line_block_is_not_a_subtitle():
    h = _header("Headline\n\nCaption of a photo\nAFP/Someone\n\n" + BODY)
    assert h.subtitle is None


def test_single_name_before_dateline_is_the_byline():
    h = _header("Headline\n\nJane Doe\nSeptember 9, 2018\n\n" + BODY)
    assert h.byline.text == "Jane Doe" and h.place is None

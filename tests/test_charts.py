"""The pictures' geometry (generator/charts.py), with lengths and positions worked out by hand."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from types import SimpleNamespace

import pytest

from generator.charts import (
    Axis,
    Mark,
    axis,
    bar_chart,
    bars,
    close_up,
    fact_grid,
    period,
    stack,
    stacked_chart,
    timeline_chart,
)

D = dt.date


def test_bars_are_proportional_to_the_counts():
    # 13 fills the track; 10 is 10/13 of it (76.92 %), 4 is 4/13 (30.77 %), 0 draws nothing.
    got = bars([("Breitbart News", 13), ("Iran Daily", 10), ("Truthout", 4), ("none", 0)])
    assert [b.length for b in got] == pytest.approx([100, 76.923077, 30.769231, 0])
    assert [b.value for b in got] == [13, 10, 4, 0]


def test_bars_on_a_shared_scale():
    # Charts that share a scale of 20: 13 is 65 %, 10 is 50 %, however large the chart's own largest is.
    assert [b.length for b in bars([("a", 13), ("b", 10)], scale=20)] == pytest.approx([65, 50])


@pytest.mark.parametrize("items,scale", [([("a", -1)], None), ([("a", 3)], 2)])
def test_bars_refuse_values_off_the_scale(items, scale):
    with pytest.raises(ValueError):
        bars(items, scale)


def test_no_bars_when_everything_is_zero():
    assert [b.length for b in bars([("a", 0), ("b", 0)])] == [0, 0]


def test_stack_segments_meet_and_fill_the_bar():
    # 2 + 0 + 2 + 4 = 8 quotations: quarters for groups 0 and 2, half for group 3; group 1 has no segment.
    got = stack([2, 0, 2, 4])
    assert [(s.key, s.value) for s in got] == [(0, 2), (2, 2), (3, 4)]
    assert [s.start for s in got] == pytest.approx([0, 25, 50])
    assert [s.width for s in got] == pytest.approx([25, 25, 50])


def test_stack_in_thirds_ends_at_exactly_100():
    got = stack([1, 1, 1])
    assert got[-1].start + got[-1].width == 100
    assert all(a.start + a.width == b.start for a, b in zip(got, got[1:], strict=False))


def test_empty_stack():
    assert stack([0, 0]) == ()


@pytest.mark.parametrize(
    "date,end,first,last",
    [
        ("1823", None, D(1823, 1, 1), D(1823, 12, 31)),
        ("1961-04", None, D(1961, 4, 1), D(1961, 4, 30)),
        ("1961-12", None, D(1961, 12, 1), D(1961, 12, 31)),
        ("2000-02", None, D(2000, 2, 1), D(2000, 2, 29)),  # a leap year
        ("1973-09-11", "1990-03-11", D(1973, 9, 11), D(1990, 3, 11)),
        ("1970-09-15", "1973-09", D(1970, 9, 15), D(1973, 9, 30)),
        ("1998", "2019", D(1998, 1, 1), D(2019, 12, 31)),
    ],
)
def test_a_record_date_covers_its_period(date, end, first, last):
    assert period(date, end) == (first, last)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        period("1990", "1973")


def test_axis_of_two_centuries():
    # 1823 to 2019: labelled every 25 years (8 labels), from 1820 to 2020 (round to 5 years at each end).
    got = axis([D(1823, 12, 2), D(2019, 5, 12)])
    assert (got.start_year, got.end_year) == (1820, 2020)
    assert got.ticks == (1825, 1850, 1875, 1900, 1925, 1950, 1975, 2000)


def test_axis_of_two_decades():
    # 1998 to 2019: labelled every 5 years, from 1998 to the start of 2020.
    got = axis([D(1998, 12, 6), D(2019, 5, 12)])
    assert (got.start_year, got.end_year, got.ticks) == (1998, 2020, (2000, 2005, 2010, 2015, 2020))


def test_positions_on_the_axis_are_by_day():
    ax = Axis(2000, 2010, ())
    # 1 January 2005 is 1,827 of the decade's 3,653 days in.
    assert ax.at(D(2005, 1, 1)) == pytest.approx(100 * 1827 / 3653)
    # All of 2000 (a leap year): 366 days wide, starting at 0.
    assert ax.span(D(2000, 1, 1), D(2000, 12, 31)) == pytest.approx((0, 100 * 366 / 3653))
    # Date ranges line up: a period ending on a day and the next starting the day after meet exactly.
    a, b = ax.span(D(2001, 3, 1), D(2003, 6, 30)), ax.span(D(2003, 7, 1), D(2004, 1, 1))
    assert a[0] + a[1] == pytest.approx(b[0])


def _event(label, first, last=None):
    return Mark(label, first, last or first, str(first.year), "event")


def test_a_long_timeline_gets_a_close_up_of_the_articles_years():
    marks = [
        _event("Monroe", D(1823, 12, 2)),
        _event("Guatemala", D(1954, 6, 27)),
        _event("Chávez", D(1998, 12, 6)),
        _event("Coup attempt", D(2002, 4, 11)),
        _event("Maduro", D(2013, 4, 14)),
        Mark("Article", D(2018, 9, 8), D(2018, 9, 8), "8 September 2018", "article"),
    ]
    older, recent = close_up(marks)
    # The close-up starts 25 years before the first article (1993): Chávez onwards.
    assert [m.label for m in older] == ["Monroe", "Guatemala"]
    assert [m.label for m in recent] == ["Chávez", "Coup attempt", "Maduro", "Article"]


def test_a_short_timeline_stays_in_one_panel():
    marks = [
        _event("a", D(1990, 1, 1)),
        _event("b", D(2005, 1, 1)),
        _event("c", D(2010, 1, 1)),
        _event("d", D(2015, 1, 1)),
        Mark("Article", D(2018, 9, 8), D(2018, 9, 8), "8 September 2018", "article"),
    ]
    assert close_up(marks) == (marks, [])


def _styles(markup: str, cls: str) -> list[str]:
    return re.findall(rf'class="{cls}[^"]*" style="([^"]*)"', markup)


def test_bar_chart_markup():
    html = bar_chart("Mentions per outlet", bars([("Breitbart News", 13), ("<b>Iran</b>", 1)]), "mention")
    assert _styles(html, "ms-bars__bar") == ["width: 100%", "width: 7.69%"]
    assert (
        'role="img" aria-label="Mentions per outlet: Breitbart News, 13 mentions; &#60;b&#62;Iran&#60;/b&#62;, 1 mention."'
        in html
    )
    assert "<b>" not in html and "&#60;b&#62;Iran" in html  # labels are text, never markup


def test_stacked_chart_markup():
    html = stacked_chart(
        "Voices", ["US government", "Media"], [("Truthout", [2, 3]), ("Empty", [0, 0])], "quote"
    )
    assert _styles(html, "ms-stack__seg") == ["left: 0%; width: 40%", "left: 40%; width: 60%"]
    assert "Truthout: US government 2 of 5 (40 %), Media 3 of 5 (60 %)." in unescape(html)
    assert "Empty: no quotes." in unescape(html)


def test_timeline_markup_places_each_row_on_the_axis():
    marks = [
        Mark("War", D(2000, 1, 1), D(2004, 12, 31), "2000 – 2004", "event"),
        Mark("Article", D(2004, 12, 31), D(2004, 12, 31), "31 December 2004", "article"),
    ]
    html = timeline_chart("Timeline", marks)
    # Axis 2000 to 2005 (1,827 days): the war fills it to the end of 2004; the article starts on its last day.
    assert _styles(html, "ms-time__bar") == ["left: 0%; width: 100%", "left: 99.95%; width: 0.05%"]
    assert "War, 2000 – 2004; Article, 31 December 2004." in unescape(html)


def test_fact_grid_cells_say_their_state_in_words():
    fact = SimpleNamespace(statement="The radios were asked for.", citation="https://example.org/a?b=1&c")
    cells = (
        SimpleNamespace(status="stated", paragraph="p7", note=None),
        SimpleNamespace(status="not-mentioned", paragraph=None, note=None),
        SimpleNamespace(status="disputes", paragraph="p2", note="x"),
    )
    columns = [SimpleNamespace(label=f"Outlet {i}", later=i == 2) for i in range(3)]
    html = fact_grid(
        [SimpleNamespace(fact=fact, cells=cells)],
        columns,
        lambda j, p: f"../sources/{j}/#{p}",
        {(0, 2): 1},
        [1, 0, 0],
        lambda url: url.replace("&", "&amp;"),
    )
    assert '<a href="../sources/0/#p7"' in html and "states it, paragraph 7" in html
    assert "does not mention it</span></td>" in html  # no link where there is nothing to link to
    assert "disputes it, paragraph 2" in html and 'href="#editors-note-1"' in html
    assert "Outlet 2 (later story)" in html
    assert 'href="https://example.org/a?b=1&amp;c"' in html

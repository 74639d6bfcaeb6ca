"""Render stage helpers: the site's pictures, drawn at build time as plain HTML and CSS (no charting script).

Each picture is a ``<figure>`` whose drawing has a text alternative (``role="img"`` with an ``aria-label``
that says what the picture shows, with its numbers) and a caption; the data table stays beside it in the
page, for screen readers and print. Nothing is told by colour alone: bars carry their numbers, stacked
segments and grid cells their number or symbol, and every picture has a legend in words.

The geometry (bar lengths, segment offsets, positions on a time axis) is computed by pure functions that the
unit tests check; the markup functions only lay that geometry out. Lengths are percentages of the drawing's
track, so a picture scales with the screen and a bar of 10 is exactly 10/13 of a bar of 13 at every width.
The styles are in ``templates/theme/assets/stylesheets/charts.css``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .escape import escape_text, one_line
from .urls import attribute

# Percentages are written with two decimals: enough for a 2 000 px track to be exact to the pixel.
_PLACES = 2


def _many(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _pct(value: float) -> str:
    return f"{round(value, _PLACES):g}%"


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    length: float  # percent of the track: value / scale
    scale: int  # the value that fills the track


def bars(items: Sequence[tuple[str, int]], scale: int | None = None) -> tuple[Bar, ...]:
    """One bar per (label, value); lengths are proportional to the values, the largest (or ``scale``, when
    several charts share one) filling the track. A value of 0 has no bar at all."""
    top = scale if scale is not None else max((v for _, v in items), default=0)
    if any(v < 0 for _, v in items) or (top and any(v > top for _, v in items)):
        raise ValueError(f"bar values must be between 0 and the scale {top}: {items}")
    return tuple(Bar(label, value, 100 * value / top if top else 0.0, top) for label, value in items)


@dataclass(frozen=True)
class Segment:
    key: int  # which group (its number in the legend, its colour and pattern)
    value: int
    start: float  # percent of the bar
    width: float  # percent of the bar


def stack(values: Sequence[int]) -> tuple[Segment, ...]:
    """A bar split into the shares of ``values`` (groups with 0 are left out). Edges are placed from the
    running total, so the segments meet without gaps and end at exactly 100 %."""
    total = sum(values)
    if total == 0:
        return ()
    segments, running = [], 0
    for key, value in enumerate(values):
        if value:
            start, running = 100 * running / total, running + value
            segments.append(Segment(key, value, start, 100 * running / total - start))
    return tuple(segments)


def share_words(value: int, total: int) -> str:
    """ "3 of 8 (38 %)": a count and its share, as the text alternative says it."""
    return f"{value} of {total} ({round(100 * value / total)} %)" if total else f"{value}"


def period(date: str, end: str | None = None) -> tuple[dt.date, dt.date]:
    """The days a record's date covers, at its precision: "1823" is all of 1823, "1961-04" all of April
    1961, "1973-09-11" that day; with ``end``, through the last day of the end's period."""

    def first_last(value: str) -> tuple[dt.date, dt.date]:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return dt.date(parts[0], parts[1], 1), nxt - dt.timedelta(days=1)
        day = dt.date(*parts)
        return day, day

    first, last = first_last(date)
    if end:
        last = first_last(end)[1]
    if last < first:
        raise ValueError(f"a period cannot end before it starts: {date} – {end}")
    return first, last


@dataclass(frozen=True)
class Axis:
    """A time axis from the first day of ``start_year`` to the first day of ``end_year``."""

    start_year: int
    end_year: int
    ticks: tuple[int, ...]  # years labelled on the axis

    @property
    def first(self) -> dt.date:
        return dt.date(self.start_year, 1, 1)

    @property
    def days(self) -> int:
        return (dt.date(self.end_year, 1, 1) - self.first).days

    def at(self, day: dt.date) -> float:
        """Where a day falls, in percent of the axis."""
        return 100 * (day - self.first).days / self.days

    def span(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        """Left edge and width (percent) of the days first–last, the last day included."""
        left = self.at(first)
        return left, self.at(last + dt.timedelta(days=1)) - left


# Tick steps in years, each with the unit the axis ends are rounded to (a 200-year axis runs from a round
# decade to a round decade, labelled every 25 years, rather than wasting half a step at each end).
TICK_STEPS = ((1, 1), (2, 1), (5, 1), (10, 5), (20, 5), (25, 5), (50, 10), (100, 10), (200, 50), (500, 100))


def axis(days: Sequence[dt.date], most_ticks: int = 8) -> Axis:
    """An axis over ``days`` (from the first day of the first year to the end of the last), with the
    smallest tick step that labels it with at most ``most_ticks`` years."""
    low, high = min(days).year, max(days).year + 1
    for step, unit in TICK_STEPS:
        start, end = low - low % unit, high + (-high % unit)
        ticks = tuple(y for y in range(start, end + 1) if y % step == 0)
        if len(ticks) <= most_ticks:
            break
    return Axis(start, end, ticks)


# --------------------------------------------------------------------------- markup


def bar_chart(title: str, bars_: Sequence[Bar], unit: str, caption: str = "") -> Markup:
    """A horizontal bar chart: a label, a track with the bar, the number. ``unit`` names what is counted
    ("mention"), for the text alternative."""
    alt = f"{title}: " + "; ".join(f"{b.label}, {_many(b.value, unit)}" for b in bars_) + "."
    rows = "".join(
        '<div class="ms-bars__row">'
        f'<span class="ms-bars__label">{escape_text(b.label)}</span>'
        f'<span class="ms-bars__track"><span class="ms-bars__bar" style="width: {_pct(b.length)}"'
        f' data-value="{b.value}"></span></span>'
        f'<span class="ms-bars__value">{b.value}</span></div>'
        for b in bars_
    )
    scale = f' data-scale="{bars_[0].scale}"' if bars_ else ""
    return _figure("ms-bars", alt, rows, caption, attrs=scale)


@dataclass(frozen=True)
class StackRow:
    label: str
    segments: tuple[Segment, ...]
    total: int


def stacked_chart(
    title: str, groups: Sequence[str], rows: Sequence[tuple[str, Sequence[int]]], unit: str, caption: str = ""
) -> Markup:
    """One bar per row, split into the shares of ``groups``. Each segment shows its group's number (the
    legend names the groups), and each group has its own colour and hatching, so colour is never alone."""
    stacks = [StackRow(label, stack(values), sum(values)) for label, values in rows]
    alt = (
        f"{title}. "
        + " ".join(
            f"{s.label}: "
            + (
                ", ".join(f"{groups[seg.key]} {share_words(seg.value, s.total)}" for seg in s.segments)
                if s.total
                else f"no {unit}s"
            )
            + "."
            for s in stacks
        )
    ).strip()
    body = []
    for s in stacks:
        cells = "".join(
            f'<span class="ms-stack__seg ms-key-{seg.key % 8}" style="left: {_pct(seg.start)}; '
            f'width: {_pct(seg.width)}" data-value="{seg.value}"><span>{seg.key + 1}</span></span>'
            for seg in s.segments
        )
        body.append(
            '<div class="ms-bars__row">'
            f'<span class="ms-bars__label">{escape_text(s.label)}</span>'
            f'<span class="ms-stack">{cells}</span>'
            f'<span class="ms-bars__value">{s.total}</span></div>'
        )
    used = sorted({seg.key for s in stacks for seg in s.segments})
    legend = "".join(
        f'<li><span class="ms-stack__swatch ms-key-{k % 8}">{k + 1}</span> {escape_text(groups[k])}</li>'
        for k in used
    )
    drawing = "".join(body)
    return _figure(
        "ms-bars ms-stacked", alt, drawing, caption, legend=f'<ul class="ms-legend-list">{legend}</ul>'
    )


@dataclass(frozen=True)
class Mark:
    """Something placed on a time axis: a historical event or an article."""

    label: str
    first: dt.date
    last: dt.date
    when: str  # the date as the page says it: "2 December 1823", "1998 – 2019"
    kind: str  # "event" | "article"


CLOSE_UP_YEARS = 25  # the close-up of a long timeline starts this many years before the first article


def close_up(marks: Sequence[Mark], years: int = CLOSE_UP_YEARS) -> tuple[list[Mark], list[Mark]]:
    """Split a long timeline in two, so that the years around the articles are not a sliver at the edge:
    the marks that start before the close-up, and those (the articles and the recent events) in it. The
    split is made only when the close-up is under a third of the whole span and has at least three events;
    otherwise everything stays in one panel (the second list is empty)."""
    articles = [m for m in marks if m.kind == "article"]
    if not articles:
        return list(marks), []
    since = min(a.first for a in articles).year - years
    older = [m for m in marks if m.first.year < since]
    recent = [m for m in marks if m.first.year >= since]
    if not older or sum(m.kind == "event" for m in recent) < 3:
        return list(marks), []
    whole = axis([d for m in marks for d in (m.first, m.last)])
    part = axis([d for m in recent for d in (m.first, m.last)])
    if 3 * (part.end_year - part.start_year) > whole.end_year - whole.start_year:
        return list(marks), []
    return older, recent


def timeline_chart(title: str, marks: Sequence[Mark], caption: str = "") -> Markup:
    """Events and articles on a scaled axis of years: each a row whose bar starts and ends at its dates (a
    single day is drawn a few pixels wide, so it can be seen). A long timeline gets a close-up of the years
    around the articles under it, on an axis of its own; the first panel shows the close-up's span as a row."""
    older, recent = close_up(marks)
    panels = [(None, older)]
    if recent:
        first, last = min(m.first for m in recent), max(m.last for m in recent)
        span = Mark(
            f"Close-up below: {len(recent)} events and articles",
            first,
            last,
            f"{first.year}–{last.year}",
            "range",
        )
        panels = [("The whole timeline", [*older, span]), (f"Close-up: {first.year} to {last.year}", recent)]
    drawing, alts = [], []
    for heading, items in panels:
        ax = axis([d for m in items for d in (m.first, m.last)])
        alts.append(
            f"{heading or title}, {ax.start_year} to {ax.end_year}: "
            + "; ".join(f"{m.label}, {m.when}" for m in items if m.kind != "range")
            + "."
        )
        drawing.append(_time_panel(heading, items, ax))
    legend = (
        '<ul class="ms-legend-list"><li><span class="ms-time__swatch ms-time__row--event"></span> '
        "a historical event (its bar runs from its first to its last day)</li>"
        '<li><span class="ms-time__swatch ms-time__row--article"></span> an article is published</li></ul>'
    )
    return _figure("ms-time", " ".join(alts), "".join(drawing), caption, legend=legend)


def _time_panel(heading: str | None, marks: Sequence[Mark], ax: Axis) -> str:
    # A year label at either end of the axis is aligned to that end, so it never sticks out of the picture.
    ticks = "".join(
        f'<span class="ms-time__tick{_edge(ax.at(dt.date(y, 1, 1)))}" '
        f'style="left: {_pct(ax.at(dt.date(y, 1, 1)))}">{y}</span>'
        for y in ax.ticks
    )
    grid = "".join(
        f'<span class="ms-time__grid" style="left: {_pct(ax.at(dt.date(y, 1, 1)))}"></span>' for y in ax.ticks
    )
    rows = []
    for m in marks:
        left, width = ax.span(m.first, m.last)
        rows.append(
            f'<div class="ms-time__row ms-time__row--{m.kind}">'
            f'<span class="ms-time__label">{escape_text(m.label)} <span class="ms-time__when">{escape_text(m.when)}</span></span>'
            f'<span class="ms-time__track"><span class="ms-time__bar" style="left: {_pct(left)}; '
            f'width: {_pct(width)}"></span></span></div>'
        )
    title = f'<p class="ms-time__heading">{escape_text(heading)}</p>' if heading else ""
    return (
        f'<div class="ms-time__panel">{title}'
        f'<div class="ms-time__axis"><span class="ms-time__label"></span>'
        f'<span class="ms-time__track">{ticks}</span></div>'
        f'<div class="ms-time__rows"><span class="ms-time__grids">{grid}</span>{"".join(rows)}</div></div>'
    )


def _edge(position: float) -> str:
    return " ms-time__tick--start" if position < 5 else " ms-time__tick--end" if position > 95 else ""


# Fact grid: the three states, each with a symbol (the shape tells them apart in print and without colour).
STATES = (
    ("stated", "●", "states it"),
    ("disputes", "✖", "disputes it"),
    ("not-mentioned", "○", "does not mention it"),
)


def fact_grid(
    facts: Sequence,  # views.FactRow
    columns: Sequence,  # views.Column
    link: Callable[[int, str], str],  # (column index, paragraph id) → href
    note_ids: dict[tuple[int, int], int],  # (fact index, column index) → editor's note number
    totals: Sequence[int],
    cite: Callable[[str], str],  # a citation URL → the href attribute's value
) -> Markup:
    """The fact matrix as a grid: a row per fact, a column per article, a symbol per cell linked to the
    paragraph that states or disputes it; the totals under the columns. It is a real table, so a screen
    reader reads each cell's words ("states it, paragraph 4"); sighted readers see the symbols."""
    symbol = {state: (mark, words) for state, mark, words in STATES}
    head = "".join(
        f'<th scope="col"><span class="ms-grid__col">{escape_text(c.label)}'
        f"{' (later story)' if c.later else ''}</span></th>"
        for c in columns
    )
    body = []
    for i, row in enumerate(facts):
        cells = []
        for j, cell in enumerate(row.cells):
            mark, words = symbol[cell.status]
            inner = f'<span aria-hidden="true">{mark}</span><span class="ms-sr">{words}'
            if cell.paragraph and cell.status != "not-mentioned":
                inner += f", paragraph {cell.paragraph[1:]}</span>"
                inner = f'<a href="{link(j, cell.paragraph)}" title="{words}, paragraph {cell.paragraph[1:]}">{inner}</a>'
            else:
                inner += "</span>"
            if (i, j) in note_ids:
                n = note_ids[(i, j)]
                inner += f'<sup><a href="#editors-note-{n}"><span class="ms-sr">editor&#39;s note </span>{n}</a></sup>'
            cells.append(f'<td class="ms-grid__cell ms-grid--{cell.status}">{inner}</td>')
        source = f' <sup><a href="{cite(row.fact.citation)}">source</a></sup>'
        body.append(
            f'<tr><th scope="row">{escape_text(row.fact.statement)}{source}</th>{"".join(cells)}</tr>'
        )
    foot = "".join(f'<td>{n}<span class="ms-sr"> of {len(facts)}</span></td>' for n in totals)
    legend = "".join(
        f'<li><span class="ms-grid__key ms-grid--{state}" aria-hidden="true">{mark}</span> the article {words}</li>'
        for state, mark, words in STATES
    )
    return Markup(
        '<figure class="ms-fig ms-grid">'
        '<div class="ms-grid__scroll"><table class="ms-grid__table">'
        f'<thead><tr><th scope="col">Fact</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody>"
        f'<tfoot><tr><th scope="row">Facts stated (of {len(facts)})</th>{foot}</tr></tfoot>'
        "</table></div>"
        f'<figcaption><ul class="ms-legend-list">{legend}</ul></figcaption></figure>'
    )


def _figure(kind: str, alt: str, drawing: str, caption: str, legend: str = "", attrs: str = "") -> Markup:
    """The drawing is one image to assistive technology (its parts are not read one by one): ``alt`` says
    what it shows; the caption and legend are read as text, and the data table follows the figure."""
    picture = f'<div class="ms-fig__drawing" role="img" aria-label="{attribute(one_line(alt))}"{attrs}>{drawing}</div>'
    cap = f"<figcaption>{escape_text(caption)}{legend}</figcaption>" if caption or legend else ""
    return Markup(f'<figure class="ms-fig {kind}">{picture}{cap}</figure>')


# --------------------------------------------------------------------------- the site's pictures


class Pictures(Mapping):
    """The pictures of a page by name, each drawn when a template first asks for it: the comparison pages
    share one set of makers, and each page shows one of the pictures (at 1,000 articles, each is a grid or
    chart of a thousand columns)."""

    def __init__(self, makers: dict[str, Callable[[], object]]):
        self._makers = makers
        self._made: dict[str, object] = {}

    def __getitem__(self, name: str):
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __iter__(self):
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def comparison_pictures(view, link: Callable[[int, str], str], cite: Callable[[str], str]) -> Pictures:
    """The pictures of the comparison pages, from views.Comparison: the fact grid, a bar chart per word
    category (one scale for all, so equal counts are equal bars across categories) and the voices bars."""
    labels = [c.label for c in view.columns]
    scale = max((n for t in view.words for n in t.totals), default=0)
    return Pictures(
        {
            "grid": lambda: (
                fact_grid(
                    view.facts,
                    view.columns,
                    link,
                    {(n.fact, n.column): n.number for n in view.notes},
                    view.stated_per_column,
                    cite,
                )
                if view.facts
                else Markup("")
            ),
            "words": lambda: {
                t.category.id: bar_chart(
                    f"{t.category.name}: marked words in each article",
                    bars(list(zip(labels, t.totals, strict=True)), scale),
                    "word",
                )
                for t in view.words
            },
            "voices": lambda: (
                stacked_chart(
                    "Whose words each article quotes, by group",
                    [r.name for r in view.voices],
                    [(label, [len(r.quotes[j]) for r in view.voices]) for j, label in enumerate(labels)],
                    "quotation",
                    caption="Each bar is one article's direct quotations, split by who is quoted.",
                )
                if view.voices
                else Markup("")
            ),
        }
    )


def history_timeline(events: Sequence, articles: Sequence) -> Markup:
    """The historical events (model.Event) and the articles' publication dates on one axis of years."""
    from .analyse.history import record

    marks = [Mark(e.name, *period(e.date, e.end), record(e), "event") for e in events]
    for a in articles:
        if a.published_date:
            day = a.published_date
            marks.append(Mark(f"{a.outlet.name} article", day, day, f"{day.day} {day:%B %Y}", "article"))
    return timeline_chart("The events and the articles in time", marks) if marks else Markup("")

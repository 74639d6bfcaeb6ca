"""The data model: frozen dataclasses passed from stage to stage.

Nothing here reads files or mutates shared state. ``Sourced`` values carry where they came from (a line of
the article text, or ``sources.yml`` with its citation), so pages and ``check`` can say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sourced:
    """A metadata value and where it came from: ``"text, line 7"`` or a citation URL or an explanation."""

    value: str | None
    source: str

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN = Sourced(None, "not given in the text or in sources.yml")


@dataclass(frozen=True)
class Unit:
    """One line of prose from the scraped file (hard-wrapped lines are joined), with its line numbers."""

    line: int
    end_line: int
    block: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    id: str  # "p1" … "pn", stable for a given text and rule set
    line: int  # line in the corpus file, so an editor can find it
    text: (
        str  # exactly as published: cleaning never edits kept text (it may cut recorded furniture off a line)
    )
    kind: str = "text"  # "text", or "subhead": the article's own subheading between paragraphs


@dataclass(frozen=True)
class Removed:
    """A line of the scraped file that is not in the article body, and why."""

    line: int
    text: str
    rule: str  # rule id from cleaning.yml, or a metadata role such as "title"
    reason: str


@dataclass(frozen=True)
class Rating:
    by: str
    rating: str
    date: str  # ISO date or year-month the rating was current
    url: str


PROFILE = ("country", "kind", "ratings")  # what an outlet's profile in sources.yml holds


@dataclass(frozen=True)
class Outlet:
    """An outlet from sources.yml. Its profile may be incomplete: a new site lists outlets before anyone has
    looked them up, and the pages must say so rather than show a guess."""

    id: str
    name: str
    homepage: str | None
    country: Sourced | None = None  # None: not yet curated
    kind: Sourced | None = None  # None: not yet curated
    # () means "not rated" (the editor checked: nobody rates it); None means nobody has checked yet.
    ratings: tuple[Rating, ...] | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts of the profile not yet curated, in the order sources.yml lists them."""
        return tuple(key for key in PROFILE if getattr(self, key) is None)

    @property
    def profiled(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SourceEntry:
    """What ``sources.yml`` says about one corpus file (values it gives override what the text gives)."""

    file: str
    outlet: str
    slug: str | None
    language: str
    url: str | None
    title: Sourced | None = None
    subtitle: Sourced | None = None
    author: Sourced | None = None
    published: Sourced | None = None
    line: int = 0  # where the entry starts in sources.yml
    quotes: tuple[QuoteOverride, ...] = ()  # the editor's corrections of whose words a quotation is


@dataclass(frozen=True)
class QuoteOverride:
    """An editor's correction of whose words a quotation is, where the rules cannot tell (sources.yml `quotes`):
    the quotation in ``paragraph`` that starts with ``text`` is ``speaker``'s, named ``label``, with a note the
    page shows."""

    paragraph: str
    text: str
    speaker: str  # actor id
    label: str | None
    note: str
    line: int = 0


@dataclass(frozen=True)
class Rule:
    """A cleaning rule from cleaning.yml: a regular expression (or a built-in detector) and its reason."""

    id: str
    reason: str
    pattern: str | None = None  # None for built-in detectors
    # "line", "with-caption-above" (a photo credit and its caption), "with-headlines-below" (a heading such as
    # "Read more:" and the related headlines listed under it) or "rest"
    extent: str = "line"
    ignore_case: bool = False
    outlets: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    min_words: int = 6  # repeated-quote: shortest quotation that counts as repeated
    # repeated-quote: a line with more words than this besides the quotations it repeats says something new
    # (an embedded post whose first sentence is not in the article) and is kept; None: any repeat removes it.
    new_words: int | None = None
    max_words: int = 25  # related-headline, subheads: longest line taken for a headline
    part: str = "line"  # "line": the whole line; "end": a piece at the end of a line, cut off
    role: str | None = None  # None (furniture), "byline" or "credit": metadata the line gives
    # Where the editor wrote the pattern (file, line, key), for an error found while matching it.
    origin: tuple | None = field(default=None, compare=False)


@dataclass(frozen=True)
class CleaningRules:
    patterns: tuple[Rule, ...]
    detectors: dict[str, Rule]  # built-in detector name → its rule
    caption_block_max_lines: int = 3


@dataclass(frozen=True)
class Stats:
    words: int
    reading_minutes: int
    grade: float  # Flesch–Kincaid grade level of the kept text


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None  # ISO date (or year) the role began
    end: str | None
    citation: str


@dataclass(frozen=True)
class Group:
    id: str
    name: str


@dataclass(frozen=True)
class Actor:
    """A person or organisation from actors.yml."""

    id: str
    name: str
    kind: str  # person | government-body | party | media-outlet | organisation
    group: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    bio: str
    citation: str
    related: tuple[str, ...]

    @property
    def site_path(self) -> str:
        return f"/actors/{self.id}/"


@dataclass(frozen=True)
class Attribution:
    """attribution.yml: the word lists used to read mentions, labels and quotations."""

    titles: tuple[str, ...] = ()
    courtesy_titles: tuple[str, ...] = ()  # titles that are not labels on their own ("Mr")
    speech_verbs: tuple[str, ...] = ()
    according_to: tuple[str, ...] = ()
    pronouns: dict[str, str] = field(default_factory=dict)
    # Possessive pronouns and the pronoun they go with ("her": "she"): "Her office said" is about her.
    possessive_pronouns: dict[str, str] = field(default_factory=dict)
    anonymous_nouns: tuple[str, ...] = ()
    term_markers: tuple[str, ...] = ()
    label_stop_words: tuple[str, ...] = ()
    label_heads: tuple[str, ...] = ()
    not_actors: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    # Last words that make a name not in actors.yml a body, not a person ("Riverton Town Council"): its
    # last word alone is then no one's surname, and no "he" or "she" refers back to it.
    organisation_words: tuple[str, ...] = ()
    # Words that make part of a byline a job title, not a name ("Sam Kowalski, Education Reporter"): `add`.
    byline_roles: tuple[str, ...] = ()
    # Prepositions before a place ("in Tehran"): a name only ever read after one is not listed by check.
    place_prepositions: tuple[str, ...] = ()
    # Given names that are one name ("William": ["Bill", "Will"]), so that one person's spellings merge.
    given_name_variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Phrases after which a single word is a person's name ("who identified himself only as Saeed").
    naming_phrases: tuple[str, ...] = ()
    # Nouns before a title in quotation marks ("the program “Charlie Rose”"): the quotation is a title.
    title_nouns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    actor: str
    paragraph: str
    start: int  # character offsets in the paragraph's text, title included
    end: int
    text: str


@dataclass(frozen=True)
class Label:
    """What an outlet calls an actor at one mention: a title, modifier or appositive."""

    actor: str
    text: str
    paragraph: str


@dataclass(frozen=True)
class Quote:
    text: str  # exactly the characters between the quotation marks
    kind: str  # "speech" or "term"
    speaker: str | None  # actor id; None for terms, anonymous and unattributed speech
    speaker_label: str | None  # how the text names the speaker ("he", "a senior administration official")
    paragraph: str
    start: int  # offset of the opening quotation mark in the paragraph
    # The speaker's name as the text gives it when actors.yml does not list them ("José Peña"); speaker is
    # then None, and the pages say the name is not in the site's list of people.
    named: str | None = None
    note: str | None = None  # the editor's note when sources.yml corrects the speaker (QuoteOverride)


@dataclass(frozen=True)
class Reference:
    title: str
    url: str
    kind: str  # "primary" or "secondary"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str


@dataclass(frozen=True)
class Event:
    """A historical event from history.yml, with its dates at the precision they are known."""

    id: str
    name: str
    topic: str
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    end: str | None
    place: str
    summary: str
    figures: tuple[str, ...]  # actor ids
    aliases: tuple[str, ...]
    sources: tuple[Reference, ...]
    why: str

    @property
    def years(self) -> tuple[int, int]:
        return int(self.date[:4]), int((self.end or self.date)[:4])


@dataclass(frozen=True)
class Term:
    """A glossary term: the forms to mark in the text, a definition for students and its source."""

    term: str
    aliases: tuple[str, ...]
    definition: str
    source: str
    # Contexts in which a form is used in its ordinary sense and is not marked ("met the idea with opposition"):
    # glossary.yml's `except`, the same shape as the lexicon's.
    exceptions: tuple[FramingException, ...] = ()

    @property
    def id(self) -> str:
        return "term-" + "-".join("".join(c if c.isalnum() else " " for c in self.term.casefold()).split())


@dataclass(frozen=True)
class Invocation:
    """A sentence of an article that refers to a historical event."""

    event: str
    paragraph: str
    sentence: str


@dataclass(frozen=True)
class Flag:
    """A dated claim in an article that disagrees with the record."""

    kind: str  # "date-mismatch"
    event: str
    paragraph: str
    says: str
    record: str
    citation: str
    sentence: str


@dataclass(frozen=True)
class FactOverride:
    file: str
    status: str  # "stated" | "disputes" | "not-mentioned"
    paragraph: str | None
    note: str
    line: int | None = field(default=None, compare=False)  # in facts.yml, for errors found after parsing


@dataclass(frozen=True)
class Fact:
    """A key fact of the story (facts.yml): a neutral statement, its citation, the editor's match patterns."""

    id: str
    statement: str
    citation: str
    patterns: tuple[str, ...]
    overrides: tuple[FactOverride, ...] = ()
    # Where the editor wrote each pattern (file, line, key), for an error found while matching it.
    origins: tuple = field(default=(), compare=False)


@dataclass(frozen=True)
class StoryEvent:
    """The underlying event in brief, for the comparison hub."""

    summary: str
    citations: tuple[str, ...]
    date: str | None = None  # articles published long after it cover later events


@dataclass(frozen=True)
class Coverage:
    """Whether an article states a fact, and where."""

    fact: str
    status: str  # "stated" | "disputes" | "not-mentioned"
    paragraph: str | None
    sentence: str | None
    note: str | None = None  # the editor's, when an override decided the cell


@dataclass(frozen=True)
class FramingTerm:
    term: str
    forms: tuple[str, ...]
    note: str | None
    # Contexts in which a form does not count ("claimed" before a number of lives): lexicon.yml's `except`.
    exceptions: tuple[FramingException, ...] = ()


@dataclass(frozen=True)
class FramingException:
    """A context in which a term's form is not word choice: a pattern right before it, right after it, or
    anywhere in its sentence (a term that refers to another event), and why, for the editor."""

    why: str
    before: str | None = None
    after: str | None = None
    sentence: str | None = None
    # Where the editor wrote it (file, line, what it is), for an error found while matching its patterns.
    origin: tuple | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FramingCategory:
    id: str
    name: str
    question: str
    terms: tuple[FramingTerm, ...]


@dataclass(frozen=True)
class FramingHit:
    category: str
    term: str
    paragraph: str
    start: int
    end: int
    # Inside a quotation the word is the speaker's, not the outlet's: whose words (the speaker as the page
    # names them, "an unnamed source", "a speaker the text does not name", "a quoted term"), else None.
    quoted: str | None = None


@dataclass(frozen=True)
class Question:
    q: str
    guidance: str  # for the teacher notes


@dataclass(frozen=True)
class Activity:
    title: str
    text: str


@dataclass(frozen=True)
class Step:
    minutes: int
    text: str
    pages: tuple[str, ...]  # site addresses
    task: str | None = None  # the id of the rubric for the step's written task (an exit ticket, an essay)


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Objective:
    text: str
    standards: tuple[str, ...]


@dataclass(frozen=True)
class RubricLevel:
    name: str  # "Meets the standard", …
    criteria: str  # what an answer at this level does
    exemplar: str  # an answer at this level, with its paragraph citations


@dataclass(frozen=True)
class Rubric:
    """A written task's rubric: the prompt students answer and three levels, strongest first."""

    id: str
    title: str
    prompt: str
    levels: tuple[RubricLevel, ...]


@dataclass(frozen=True)
class LateralReading:
    """The lateral-reading exercise every outlet gets (Civic Online Reasoning's manner): why, what to look up,
    what to write down, how to compare it with the ratings the site shows; where to start."""

    why: str
    look_up: tuple[str, ...]
    write_down: tuple[str, ...]
    compare: str
    search: str  # a search address with {query} where the words go
    queries: tuple[str, ...]  # searches to start from, with {outlet} for the outlet's name
    encyclopedia: dict[str, str]  # outlet id → its encyclopedia article, where the editors give one


@dataclass(frozen=True)
class CuratedQuestion:
    """A self-check question the editors wrote (teaching.yml ``quizzes``)."""

    q: str
    choices: tuple[str, ...]
    answer: int  # index into choices
    why: str  # why the answer is right
    see: str | None  # where the answer is: a site address, optionally with #pN


@dataclass(frozen=True)
class Teaching:
    """teaching.yml: the teachers' guide, and questions per page (defaults per page type). The guide is
    optional (a new site starts with generic questions only): then intro is empty and the tuples are."""

    intro: str
    objectives: tuple[Objective, ...]
    standards_sources: tuple[str, ...]
    plans: tuple[Plan, ...]
    route: tuple[tuple[str, str], ...]  # (address, why)
    defaults: dict[str, tuple[Question, ...]]  # page type → questions
    activities: dict[str, Activity]
    pages: dict[str, tuple[Question, ...]]  # address → questions replacing the defaults
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    lateral: LateralReading | None = None
    quizzes: dict[str, tuple[CuratedQuestion, ...]] = field(default_factory=dict)  # address → questions
    # Phrases in the questions that send students to another page ("the history page") → its address, so a
    # printed handout can print that page's address.
    page_names: dict[str, str] = field(default_factory=dict)

    @property
    def has_guide(self) -> bool:
        return bool(self.intro or self.objectives or self.plans or self.route)


@dataclass(frozen=True)
class Article:
    id: str  # the slug: /sources/<id>/
    file: str
    outlet: Outlet
    language: str
    url: str | None
    title: Sourced
    subtitle: Sourced
    author: Sourced
    published: Sourced  # value is "YYYY-MM-DD"
    dateline_place: str | None
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    stats: Stats | None = None
    mentions: tuple[Mention, ...] = ()
    labels: tuple[Label, ...] = ()
    quotes: tuple[Quote, ...] = ()
    invocations: tuple[Invocation, ...] = ()
    flags: tuple[Flag, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    framing: tuple[FramingHit, ...] = ()
    # "Additional reporting by …", "… contributed to this report": shown with the metadata, each with its line
    credits: tuple[Sourced, ...] = ()
    # Mentions of the people and bodies actors.yml lacks (people.discovered_mentions), as the analysis read
    # them: check's list of names reads them again (None: not analysed)
    discovered: tuple[Mention, ...] | None = None

    @property
    def site_path(self) -> str:
        return f"/sources/{self.id}/"

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published.value) if self.published.value else None


@dataclass(frozen=True)
class StoryParagraph:
    text: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class SiteInfo:
    """site.yml: the site's name and the neutral story-in-brief shown on the home page (a new site has neither
    a description nor a cited story yet: both may be empty)."""

    title: str
    description: str = ""
    story: tuple[StoryParagraph, ...] = ()
    words_per_minute: int = 200
    # Up to this many articles the menu lists each under Sources; a larger corpus lists the sources table only
    # (site.yml's menu_articles; see navigation.py for why 25).
    menu_articles: int = 25
    # Above this many articles the hosted site searches with Pagefind instead of lunr (site.yml's
    # pagefind_articles; see pagefind.uses_pagefind for why 200).
    pagefind_articles: int = 200


@dataclass(frozen=True)
class Warning:
    """Something the generator could not decide; shown in the build log and by ``check``."""

    path: str
    message: str
    # What kind of curation it asks for ("unknown-name", "metadata", …) and about what (the name), so that
    # `check` can group its to-do list; plain notes leave both empty.
    kind: str = "note"
    subject: str | None = None


@dataclass(frozen=True)
class Site:
    info: SiteInfo
    articles: tuple[Article, ...]
    outlets: tuple[Outlet, ...]
    warnings: tuple[Warning, ...] = field(default=())
    actors: tuple[Actor, ...] = ()
    groups: tuple[Group, ...] = ()
    topics: tuple[Topic, ...] = ()
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()
    story: StoryEvent | None = None
    facts: tuple[Fact, ...] = ()
    lexicon: tuple[FramingCategory, ...] = ()
    teaching: Teaching | None = None

"""The starter cleaning.yml of `new` (templates/new/site_data/cleaning.yml) on hard cases of real news:
captions and credits, video and slideshow text, bylines and credits in the body, subheads kept, pieces run
into the end of a line. Made-up lines in the forms the real-news corpus shows; each case also says what
must be kept."""

from __future__ import annotations

import pytest

from generator import sitedata
from generator.assemble import make_article
from generator.errors import SiteDataError
from generator.model import Outlet, SourceEntry

from .conftest import ROOT

STARTER = sitedata.parse_cleaning(
    (ROOT / "templates" / "new" / "site_data" / "cleaning.yml").read_text(encoding="utf-8"), "cleaning.yml"
)
OUTLET = Outlet("usa-today", "USA Today", None, None, None, None)
P1 = "The first paragraph of the story is long enough to be running prose for the parser to find."
P2 = "A second paragraph follows it, also written as ordinary sentences, and it ends with a full stop."
P3 = "A third paragraph closes the article with one more sentence that the reader needs to see."


def clean(body: list[str], title: str = "A headline for the story"):
    text = "\n\n".join([title, *body]) + "\n"
    entry = SourceEntry(file="t.txt", outlet=OUTLET.id, slug=None, language="en", url=None)
    article, warnings = make_article("t.txt", text, entry, OUTLET, STARTER)
    return article, {r.text: r.rule for r in article.removed if r.rule != "title"}


@pytest.mark.parametrize(
    "line, rule",
    [
        (
            "Trump speaks at a rally in Indianapolis, Indiana April 20, 2016. REUTERS/Aaron P. Bernstein",
            "photo-caption-credit",
        ),
        (
            "Protesters chant slogans in Tehran, Iran, Sunday, Jan. 12, 2020. (AP Photo/Ebrahim Noroozi)",
            "photo-caption-credit",
        ),
        (
            "Clinton at her primary night rally in New York City April 19 Photo: Mike Segar/Reuters",
            "photo-caption-credit",
        ),
        ("toggle caption Spencer Platt and Jewel Samad/Getty Images", "caption-toggle"),
        (
            "Demonstrators chant during a vigil for the victims in Tehran on January 11.",
            "photo-caption-dated",
        ),
        (
            "Hillary Clinton walks on stage after winning the primary on April 19, 2016 in New York City.",
            "photo-caption-dated",
        ),
        ("Slideshow (3 Images)", "slideshow"),
        (
            "JUST WATCHED Trump wins big Replay More Videos ... MUST WATCH Trump wins big 01:16",
            "video-player",
        ),
        ("Video: Clinton, Trump Claim Big Victories in New York Primary", "read-more"),
        ("GRAPHIC: Tracking the novel coronavirus in the U.S. - here", "read-more"),
        ("Reuters online site for coronavirus - here", "link-here"),
        ("Refugee admissions nearly halved as court mulls travel ban Read more", "read-more-after"),
        ("Updated at 4:15 p.m. ET", "updated"),
        ("Story highlights", "story-highlights"),
        (
            "Sign up for the Minute email. Catch up on today’s US politics news in 60 seconds",
            "newsletter-prompt",
        ),
        ("Sign up for Daily Newsletters Manage Newsletters", "newsletter-prompt"),
        ("Copyright © 2020 The Washington Times, LLC. Click here for reprint permission.", "copyright"),
        ("Send tips to kevin@example.org.", "tips-prompt"),
        ("Follow Kevin on Twitter", "follow-prompt-name"),
        ("Find live updates about the testimony below.", "live-blog-pointer"),
        ("Support Vox’s explanatory journalism", "donation-heading"),
    ],
)
def test_furniture_line_is_removed_with_its_rule(line, rule):
    article, removed = clean([P1, line, P2, P3])
    assert removed.get(line) == rule
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        # A date at the end of a sentence of the article, a sentence about a poll, a meeting, a bid.
        "The council’s next regular meeting is on March 17.",
        "Sanders has vowed to fight until the convention in Philadelphia starting on July 25.",
        "The vigil was held in Tehran on January 11.",
        "A Reuters/Ipsos poll found that most voters had made up their minds.",
        "By contrast, 45% saw Mr. Sanders in a positive light, versus 36% who viewed him negatively.",
        "Read more about the plan in the council’s own report, which was published on Monday.",
        "Protesters chant “Death to the dictator” in Tehran on January 11.",
    ],
)
def test_article_sentence_is_kept(line):
    article, removed = clean([P1, line, P2, P3])
    assert line in [p.text for p in article.paragraphs], removed


def test_subheads_are_kept_as_subheadings():
    article, removed = clean([P1, "New York's Trump state of mind", P2, "CLINTON BEATS SANDERS", P3])
    kinds = [(p.text, p.kind) for p in article.paragraphs]
    assert kinds == [
        (P1, "text"),
        ("New York's Trump state of mind", "subhead"),
        (P2, "text"),
        ("CLINTON BEATS SANDERS", "subhead"),
        (P3, "text"),
    ]
    assert not removed


def test_related_heading_takes_the_headlines_listed_under_it():
    article, removed = clean(
        [
            P1,
            "MORE:",
            "Front-Runners Get Breathing Room",
            "Trump Gets Delegate Boost From New York Win",
            P2,
            P3,
        ]
    )
    assert removed == {
        "MORE:": "related-heading",
        "Front-Runners Get Breathing Room": "related-heading",
        "Trump Gets Delegate Boost From New York Win": "related-heading",
    }
    assert [p.kind for p in article.paragraphs] == ["text"] * 3


def test_repeated_headline_is_removed_as_a_headline():
    article, removed = clean(["A headline for the story", "toggle caption Jane Roe/Getty Images", P1, P2])
    assert removed["A headline for the story"] == "repeated-headline"
    assert "headline" in next(r.reason for r in article.removed if r.rule == "repeated-headline").lower()


def test_caption_printed_twice_in_separate_blocks_goes_both_times():
    caption = "Ohio Gov. John Kasich joined the Republican field July 21 as he announced his bid for the White House."
    article, removed = clean([P1, caption, caption, P2, P3])
    assert [r.line for r in article.removed if r.text == caption] == [5, 7]
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]


def test_caption_printed_without_and_with_its_credit():
    caption = "Democratic presidential candidate Hillary Clinton at her rally in New York City April 19"
    article, removed = clean([caption, caption + " Photo: Mike Segar/Reuters", P1, P2])
    assert removed == {
        caption: "photo-caption-credit",
        caption + " Photo: Mike Segar/Reuters": "photo-caption-credit",
    }


def test_byline_and_outlet_lines_give_the_author():
    article, removed = clean(["Alan Gomez", "USA TODAY", P1, P2])
    assert (article.author.value, article.author.source) == ("Alan Gomez", "text line 3")
    assert removed == {"Alan Gomez": "byline", "USA TODAY": "byline_outlet"}
    assert article.subtitle.value is None


def test_by_line_with_several_names_and_the_outlet():
    article, _ = clean(["By Ann Lee and Tom Hale, USA TODAY", P1, P2])
    assert article.author.value == "Ann Lee and Tom Hale"


def test_credit_is_shown_with_the_metadata():
    article, removed = clean([P1, P2, "Additional reporting by David Smith in Washington"])
    assert [(c.value, c.source) for c in article.credits] == [
        ("Additional reporting by David Smith in Washington", "text line 7")
    ]
    assert removed["Additional reporting by David Smith in Washington"] == "credit"
    article, _ = clean([P1, P2, "Jo Roe in London contributed to this report."])
    assert [c.value for c in article.credits] == ["Jo Roe in London contributed to this report."]


def test_pieces_run_into_the_end_of_a_paragraph_are_cut_off_and_listed():
    """A live blog's entry ends with a newsletter prompt, its byline and an ad placeholder: the entry's text
    is kept, each piece is listed with its rule, and the byline's name is the author."""
    prompt = "Sign up for our Coronavirus Updates newsletter to follow the news. All stories linked in the newsletter are free to access."
    article, removed = clean(
        [P1, f"{P2} {prompt} By John Wagner AD AD", f"{P3} By Seung Min Kim and John Wagner"]
    )
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]
    assert removed == {
        "AD AD": "advertisement-end",
        "By John Wagner": "byline-end",
        prompt: "newsletter-end",
        "By Seung Min Kim and John Wagner": "byline-end",
    }
    assert article.author.value == "John Wagner and Seung Min Kim"
    assert article.author.source == "text lines 5, 7"


def test_embedded_post_is_not_taken_for_a_related_headline():
    post = 'FAUCI: "No, senator, not at all." pic.twitter.com/abc123 — Jane Roe (@janeroe) May 12, 2020'
    article, removed = clean([P1, post, P2, P3])
    assert post in [p.text for p in article.paragraphs]


@pytest.mark.parametrize(
    "rule, message",
    [
        ("part: middle", "part must be one of: line, end"),
        ("role: author", "role must be one of: byline, credit"),
        ("part: end\n    extent: rest", "a rule with part: end cuts a piece of one line"),
    ],
)
def test_a_bad_part_or_role_is_an_error_naming_the_key(rule, message):
    text = f'rules:\n  - id: x\n    reason: r\n    pattern: "^x$"\n    {rule}\n'
    with pytest.raises(SiteDataError) as err:
        sitedata.parse_cleaning(text, "cleaning.yml")
    assert message in str(err.value) and "cleaning.yml" in str(err.value)


def test_a_detector_can_be_scoped_to_outlets():
    rules = sitedata.parse_cleaning(
        "detectors:\n  related-headline:\n    reason: r\n    outlets: [usa-today]\n", "cleaning.yml"
    )
    assert rules.detectors["related-headline"].outlets == ("usa-today",)


# A photo gallery as CNN's page gives it (made-up slides in its form): one slide printed twice, the others
# beside it with their quotation run in after the caption without a space.
SLIDE_A = 'Ann Lee launched her bid on April 12 in a video. The former senator is the front-runner."I want to be that champion," she said in the video.'
SLIDE_B = 'Tom Hale joined the field on July 21. "I am here to ask for your support," Hale told his rally.'
SLIDE_C = 'Ben Ruiz announced on March 23 in a speech at a university. He is a first-term governor."These are our stories," Ruiz said.'


def test_the_other_slides_of_a_gallery_go_with_its_caption_printed_twice():
    article, removed = clean([P1, SLIDE_A, SLIDE_B, SLIDE_B, SLIDE_C, P2, P3])
    assert removed == {SLIDE_A: "gallery", SLIDE_B: "repeated-line", SLIDE_C: "gallery"}
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]


@pytest.mark.parametrize(
    "beside",
    [
        # A closing quotation mark run into the next sentence: article text scraped without a space.
        'The plan was "misguided."I do not think so," Lee said of the vote on Monday night.',
        # A slide-like line with no pair printed twice next to it (below, P2 stands between).
        SLIDE_A,
    ],
)
def test_run_in_quotations_are_kept_away_from_a_gallery(beside):
    body = [P1, beside, SLIDE_B, SLIDE_B, P2] if beside != SLIDE_A else [P1, SLIDE_B, SLIDE_B, P2, beside, P3]
    article, removed = clean(body)
    assert beside in [p.text for p in article.paragraphs]
    assert removed == {SLIDE_B: "repeated-line"}


@pytest.mark.parametrize(
    "settings, message",
    [
        ("reason: r", "detectors.gallery needs 'pattern'"),
        ("reason: r\n    pattern: '^(a|aa)+$'", "can backtrack without end"),
        ("reason: r\n    pattern: '(unclosed'", "is not a valid pattern"),
    ],
)
def test_the_gallery_pattern_is_checked_on_load(settings, message):
    with pytest.raises(SiteDataError) as err:
        sitedata.parse_cleaning(f"detectors:\n  gallery:\n    {settings}\n", "cleaning.yml")
    assert message in str(err.value) and "cleaning.yml" in str(err.value)

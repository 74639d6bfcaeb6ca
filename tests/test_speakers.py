"""Speakers on real-news shapes (issue 13 §2): hand-made cases, each with the speaker a careful reader names.

Uses the starter attribution.yml that `new` gives every site, and no actors.yml: every speaker is a name
found in the text. ``None`` means "not attributed": the text does not make it sure, and that is the right
answer there (never a guess).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.people import discovered_mentions
from generator.analyse.quotes import find_quotes
from generator.model import Paragraph
from generator.sitedata import parse_attribution

STARTER = Path(__file__).resolve().parent.parent / "templates" / "new" / "site_data" / "attribution.yml"
ATTRIBUTION = parse_attribution(STARTER.read_text(encoding="utf-8"), "attribution.yml")
ANONYMOUS = "anonymous"


def speaker_of(quote) -> str | None:
    if quote.speaker:
        return quote.speaker[1:]
    return ANONYMOUS if quote.speaker_label else None


def speakers(*texts: str) -> list[tuple[str, str | None]]:
    paragraphs = tuple(Paragraph(f"p{i}", i, t) for i, t in enumerate(texts, 1))
    found, kinds, genders = discovered_mentions(paragraphs, (), ATTRIBUTION)
    quotes = find_quotes(paragraphs, found, (), ATTRIBUTION, kinds, genders)
    return [(q.text, speaker_of(q)) for q in quotes if q.kind == "speech"]


INTRO = (
    "Senate Minority Leader Chuck Moss and Sen. Ann Lee of Nebraska met Rep. Tom Hale (D-Ohio) on Tuesday.",
)

CASES = [
    # Titles, offices, parties and places around names are not the name.
    ("title", ["“We will not vote for it,” said Senate Minority Leader Chuck Moss."], "Chuck Moss"),
    ("place", ["“It is a bad bill,” Sen. Ann Lee of Nebraska said."], "Ann Lee"),
    ("party", ["Rep. Tom Hale (D-Ohio) said: “We have the votes.”"], "Tom Hale"),
    ("initial", ["“Sweden agrees,” said Anna K. Berg of Sweden."], "Anna K. Berg"),
    (
        "acronym-title",
        ["AARP CEO A. Barry Rand said in a statement, “Our policy has not changed.”"],
        "A. Barry Rand",
    ),
    (
        "suffix",
        ["Theodore J. Boutrous Jr. argued for the company.", "“That is not a process,” Mr. Boutrous said."],
        "Theodore J. Boutrous Jr.",
    ),
    # Later references resolve to the person named before.
    ("mr", [*INTRO, "“Nobody asked us,” Mr. Moss said."], "Chuck Moss"),
    ("ms", [*INTRO, "“Nobody asked us,” Ms. Lee said."], "Ann Lee"),
    ("surname", [*INTRO, "“Nobody asked us,” Moss said."], "Chuck Moss"),
    ("description", ["Sen. Ann Lee spoke first.", "“Nobody asked us,” the senator said."], "Ann Lee"),
    ("pronoun", ["Sen. Ann Lee spoke first. “Nobody asked us,” she said."], "Ann Lee"),
    (
        "pronoun-chain",
        ["Ann Lee, 52, spoke first.", "She said the bill was late. “Nobody asked us,” she said."],
        "Ann Lee",
    ),
    # Well-known people by title and surname.
    ("title-surname", ["“It was a great day,” President Trump said."], "Trump"),
    # The subject of the speech verb, not the nearest name.
    (
        "subject-not-nearest",
        [
            "Sen. John Hill (R-Ariz.), Senate Minority Leader Chuck Moss and others met. Moss said in a statement that "
            "“the talks failed.”"
        ],
        "Chuck Moss",
    ),
    (
        "relative",
        ["The plan drew the ire of Justice Antonin Scalia, who said “it makes no sense.”"],
        "Antonin Scalia",
    ),
    (
        "relative-after-apposition",
        [
            "Among the critics was President Evo Morales of Bolivia, an ally of Nicolas Maduro, who called it “a plot.”"
        ],
        "Evo Morales",
    ),
    # Anonymous sources keep their description, never a name near them.
    ("adding", ["“We are done,” the official said, adding that the city “will not pay for it.”"], ANONYMOUS),
    ("spokeswoman", [*INTRO, "“He is travelling,” a spokeswoman for Mr. Hale said."], ANONYMOUS),
    ("letter", ["“We object,” 40 senators wrote in a letter to Mayor Ana Ortiz."], ANONYMOUS),
    # Bodies are given what the text gives them.
    ("body", ["“We welcome the decision,” the White House said in a statement."], "White House"),
    (
        "the-court",
        ["The Supreme Court ruled on Monday.", "“The order may not be enforced,” the court wrote."],
        "Supreme Court",
    ),
    # Run-together text, no space after a sentence's end.
    (
        "run-together",
        ['Sen. Ann Lee called the plan "misguided."I do not think so," Lee said.Her remarks came late.'],
        "Ann Lee",
    ),
    # One person, several spellings.
    ("variants", ["William Barr spoke first.", "“We are ready,” said Bill Barr."], "William Barr"),
    ("accents", ["José Peña spoke first.", "“We are ready,” said Jose Pena."], "José Peña"),
    # A surname alone that the text makes speak more than once; a possessive ends a name.
    (
        "surname-speaker",
        ["Trump’s order was upheld.", "“It is a victory,” Trump said. Later Trump added more."],
        "Trump",
    ),
    (
        "possessive",
        ["New York’s Trump won big.", "“It was an amazing night,” Trump said, and Trump left."],
        "Trump",
    ),
    # A common word opening a sentence is not a given name ("the Queens-born businessman" elsewhere).
    (
        "common-opener",
        [
            "Businessman Donald Trump announced his run.",
            "The businessman spoke.",
            "“We will win,” Trump said.",
        ],
        "Donald Trump",
    ),
    # A body's report: "said the report" after "a Congressional Research Service report".
    (
        "the-report",
        [
            "A Congressional Research Service report found the cap matters.",
            "“The funds would remain solvent for 75 years,” said the report.",
        ],
        "Congressional Research Service",
    ),
    # A quotation's own words are not the subject of its sentence: "he" is still Mr. Sellers.
    (
        "quote-is-not-subject",
        ["Mr. Joseph Sellers said that was wrong. “The comparison that is relevant,” he said."],
        "Joseph Sellers",
    ),
    # When unsure: not attributed.
    (
        "two-people",
        [
            "Judge Roger Gregory cited Ann Lee’s comments, where she had called for “a total ban on travel by anyone from there.”"
        ],
        None,
    ),
    ("unresolved-description", ["“To collaborate, to give closure,” the Canadian PM said."], None),
    (
        "someone-unnamed",
        [
            "Another individual, who gave only his first name, said it was “for political reasons.”",
            "“Later it changed, and they had to tell the truth,” he said.",
        ],
        None,
    ),
    ("title-of-work", ["“It is destructive,” Ms. Rice told CBS’ “Face the Nation” on Sunday."], "Rice"),
    # A quotation inside its clause takes no attribution from a verb later in the sentence.
    (
        "inside-clause",
        ["Gov. Mara Quill warned that the levy will be a “ruinous” burden on farms, adding to the strain."],
        "Mara Quill",
    ),
    (
        "inside-clause-states",
        [
            "Dr. Lena Ortiz, the county health officer, warned that “the wards could fill” if towns and states reopen."
        ],
        "Lena Ortiz",
    ),
    # The sentence after a quotation that only says who spoke it.
    ("own-sentence", ["“Can the board vote on this today?” Councillor Ray Pike asked."], "Ray Pike"),
    (
        "own-sentence-full-stop",
        ["Ray Pike spoke last.", '"We gave the mayor a chance." Pike said. "He did not take it."'],
        "Ray Pike",
    ),
    (
        "own-sentence-not-a-statement",
        ["Ray Pike spoke last.", "“It is far too late for that.” Pike said he was tired."],
        None,
    ),
    # Marks as real text mixes them: an opening mark again before a closing one, straight and curly marks
    # mixed, two apostrophes closing.
    (
        "lost-close",
        ["Dana Ng chairs the board.", "“We have a plan, Ms. Ng said. “It starts in May.”"],
        "Dana Ng",
    ),
    ("mixed-marks", ["Ray Pike spoke.", '“The levy is fair," Pike said. "Nobody pays twice.”'], "Ray Pike"),
    ("two-apostrophes", ["Dana Ng spoke.", "“Will it pass?'' Ms. Ng asked. “We will see.”"], "Dana Ng"),
    # An appositive between a quotation and its verb.
    (
        "after-appositive",
        [
            "“Roads come first,” Ray Pike, the Democratic chairman of the county transport board, said on Monday."
        ],
        "Ray Pike",
    ),
    # Phrases of saying: "made clear", "pointed out"; the pronoun is the person quoted before.
    (
        "made-clear",
        ["“We will listen,” Dana Ng said.", "She made clear that any cut must be “small and slow.”"],
        "Dana Ng",
    ),
    # A party and state, or a relative clause, between a name and its verb; a name inside the clause is not
    # the subject.
    (
        "party-state-relative",
        ["Sen. Mara Quill, R-Idaho, who on Monday unveiled her own plan, said that it marks “a real turn.”"],
        "Mara Quill",
    ),
    (
        "relative-holds-a-name",
        ["Dana Ng, who met Ray Pike last week, said the deal was “nearly done.”"],
        "Dana Ng",
    ),
    # A second verb of the same subject after "and" / "but" and an adverbial.
    (
        "coordinated",
        ["The Farmers Union objected on Monday -- but at the same time conceded “some change” was due."],
        "Farmers Union",
    ),
    (
        "coordinated-adverbial",
        [
            "Sen. Ray Pike (D-Ore.) spoke first, and in a sharp exchange, told the minister he was “not the only voice.”"
        ],
        "Ray Pike",
    ),
    ("coordinated-new-subject", ["Ray Pike spoke and the judge said it was “too late for that now.”"], None),
    # A name and a colon opening the sentence: transcripts, live blogs, posts.
    ("label", ["Sen. Dana Ng: “We are not done with this bill yet.”"], "Dana Ng"),
    (
        "label-capitals",
        ["Dana Ng chaired the hearing.", "NG: “We are not done with this bill yet.”"],
        "Dana Ng",
    ),
    ("label-topic", ["Dana Ng on the levy: “It is fair and it is overdue.”"], "Dana Ng"),
    ("label-possessive", ["Dana Ng’s message to the board: “It is fair and it is overdue.”"], None),
    # An attribution closing the sentence; its pronoun is someone before the sentence.
    (
        "closing-attribution",
        [
            "Chief Inspector Ray Pike blamed the crash on a fault.",
            "The driver failed to stop due to a “sudden glare” and had only seconds to react, he said.",
        ],
        "Ray Pike",
    ),
    # Someone the reader cannot name speaking between two quotations: the second is not a continuation.
    (
        "no-continuation-past-unknown",
        ["“We are ready,” Ray Pike said. The board had said that “nobody would be charged for it.”"],
        ["Ray Pike", None],
    ),
    # A heading that repeats words of a quotation attributed later is that speaker's.
    (
        "echo",
        [
            "Board chair: ‘We are not out of money yet’ Board chair Dana Ng told the council that “we are not out "
            "of money yet, but the reserve is thin,” adding that cuts may follow."
        ],
        "Dana Ng",
    ),
    # A sentence about someone it only describes: its "she" is not a name further back.
    (
        "described-subject",
        [
            "Exit polls show Dana Ng ahead in Riverton.",
            "On stage in Riverton, the Democratic front-runner thanked her friends for what she called "
            "“a truly historic night for all of us.”",
        ],
        None,
    ),
    # A person the text names by one word it says is their name.
    (
        "named-only-as",
        [
            "A shopkeeper who identified herself only as Mira said she had closed early.",
            "“Nobody feels safe here,” she said.",
        ],
        "Mira",
    ),
    # A group the text describes without a determiner is anonymous, never the name nearby.
    (
        "bare-group",
        ["Protesters in the capital chanted “Down with the council,” after Mayor Dana Ng spoke."],
        ANONYMOUS,
    ),
    ("counted-group", ["Hundreds of demonstrators gathered outside, chanting “Resign now.”"], ANONYMOUS),
    # Two names joined by "and" are two people, each found again by surname.
    (
        "pair",
        [
            "Dana Ng and Ray Pike won their races on Tuesday.",
            "For her part, Ng was upbeat, telling supporters the vote was “a win for every family in town.”",
        ],
        "Dana Ng",
    ),
    # A speech verb's word after a determiner or a count is a noun ("several states"), not the verb.
    (
        "noun-not-verb",
        [
            "Ray Pike spoke first.",
            "He said the levy, which has been paid in several states, was only a “modest cost.”",
        ],
        "Ray Pike",
    ),
    # A straight mark typed against the comma before it resumes the quotation split by its attribution.
    ("misspaced-mark", ['"This one," Dana Ng told supporters," is personal."'], ["Dana Ng", "Dana Ng"]),
    # "He writes:" ending a paragraph: quotations inside the block quotation after it are his.
    (
        "block-quotation",
        [
            "Judge Ray Pike dissented from the ruling. He writes:",
            "The ruling will invite a flood of claims over what a “close tie” to the town means.",
        ],
        "Ray Pike",
    ),
    # A quotation opening its sentence, right after a sentence reporting what someone said, goes on with them.
    (
        "reported-before",
        [
            "On Monday, Dana Ng left the hall saying she felt no anger. “We will be back next year, stronger "
            "than before.”"
        ],
        "Dana Ng",
    ),
    (
        "reported-before-someone-else",
        ["Dana Ng said the plan had failed, and Ray Pike agreed. “It is over for all of us now.”"],
        None,
    ),
    # A paragraph with no opening mark but a closing one goes on with the quotation left open before it.
    (
        "resumed-paragraph",
        [
            'Dana Ng left the court saying she had no regrets. "We are a small town and that is no doubt.',
            'But we are not small enough to be ignored. We will be heard."',
        ],
        ["Dana Ng", "Dana Ng"],
    ),
    # "the court" is the nearest body so named, even some paragraphs back.
    (
        "the-court-far-back",
        [
            "The Riverton District Court ruled on Monday.",
            *[f"Paragraph {n} of the story is about the town and its schools." for n in range(6)],
            "“In practical terms, the levy may not be collected this year,” the court wrote.",
        ],
        "Riverton District Court",
    ),
    # Two names joined as one subject: neither said it alone.
    ("joint-subject", [*INTRO, "Moss and Lee replied that the bill was “a waste of everyone’s time.”"], None),
    # A preposition governs every name it coordinates: "a protégé of A and B, would have claimed" is not B's.
    (
        "coordinated-object",
        [
            "The aide, a protégé of Ray Pike and Dana Ng, would then have claimed that the town gave “room to "
            "build whatever they liked” to the builders."
        ],
        None,
    ),
    # A capitalised word ending in -ly is no adverb of a coordinated verb ("but Early still says"): Early is a
    # person here, the reader cannot tell, so not the sentence's opening name either.
    (
        "ly-word-is-no-adverb",
        ["Dana Ng voted for the levy, but Early still says the board is “not ready for the next one.”"],
        None,
    ),
    # "and added" / "but cautions" right after a quotation: the agent of the verb before in the sentence.
    (
        "coordinated-after-quote",
        [
            "Ray Pike spoke to the board.",
            "He described the plan as “exciting,” but cautioned that “we are still in the very early days.”",
        ],
        "Ray Pike",
    ),
    (
        "pronoun-then-but-said",
        [
            "Dana Ng spoke to the board.",
            "She did not give a date, but said the town would test the levy “a lot” before the vote.",
        ],
        "Dana Ng",
    ),
    # Two apostrophes typed for a closing mark close the quotation; the next one goes on with its speaker.
    (
        "apostrophes-close",
        ["“It was an attempt to mislead voters,’’ Ray Pike told the paper. “And it should stop.”"],
        ["Ray Pike", "Ray Pike"],
    ),
    # A title quoted before an attribution the reader cannot resolve is no echo of a later speaker's words.
    (
        "no-echo-of-unresolved",
        [
            "After playing “Down by the River Road,” the singer and guitarist told the crowd “thank you all.”",
            "“We wrote Down by the River Road in a kitchen,” Ray Pike said.",
        ],
        [None, "Ray Pike"],
    ),
    # A paragraph that names nobody and reports no speech goes on with the speaker the paragraph before ended on.
    (
        "paragraph-goes-on",
        [
            "“We need more tests,” Dana Ng said.",
            "As a result, the town’s efforts should be “focused on the proven steps of testing and tracing.”",
        ],
        ["Dana Ng", "Dana Ng"],
    ),
    (
        "paragraph-names-someone",
        [
            "“We need more tests,” Dana Ng said.",
            "Ray Pike wants the town’s efforts “focused on the proven steps of testing and tracing.”",
        ],
        ["Dana Ng", None],
    ),
    # The participle's subject is the subject of the nearest clause, not the sentence's.
    (
        "clause-subject",
        [
            "The vote came as Ray Pike turned down the board’s offer on Monday, saying “we will not be bought.”",
        ],
        "Ray Pike",
    ),
]


@pytest.mark.parametrize(("name", "texts", "want"), CASES, ids=[c[0] for c in CASES])
def test_speaker(name, texts, want):
    got = speakers(*texts)
    assert got, f"no statement found in {texts}"
    if isinstance(want, list):  # one speaker per statement, in order
        assert [who for _, who in got] == want, got
    else:
        assert all(who == want for _, who in got), got


def test_title_of_work_is_a_term():
    paragraphs = (Paragraph("p1", 1, "“It is destructive,” Ms. Rice told CBS’ “Face the Nation” on Sunday."),)
    found, kinds, genders = discovered_mentions(paragraphs, (), ATTRIBUTION)
    quotes = find_quotes(paragraphs, found, (), ATTRIBUTION, kinds, genders)
    assert [(q.text, q.kind) for q in quotes] == [
        ("It is destructive,", "speech"),
        ("Face the Nation", "term"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dana Ng appeared on the radio program “Morning With Ray” on Monday.",
        "Dana Ng opened the meeting — its theme “Safer Streets and Better Buses for Every Part of Town” — "
        "with a short speech.",
        "Ray Pike asked what qualifies as a “reasonable delay” under the rules.",
    ],
    ids=["program", "long-theme", "qualifies-as"],
)
def test_titles_and_terms_are_not_statements(text):
    paragraphs = (Paragraph("p1", 1, text),)
    found, kinds, genders = discovered_mentions(paragraphs, (), ATTRIBUTION)
    quotes = find_quotes(paragraphs, found, (), ATTRIBUTION, kinds, genders)
    assert [q.kind for q in quotes] == ["term"], quotes


def test_a_description_of_someone_named_is_not_a_new_person():
    got = speakers(*INTRO, "“We have the votes,” the Ohio Democrat said.")
    assert got[-1][1] in ("Tom Hale", None), got


def test_one_person_is_one_speaker_in_the_list():
    paragraphs = tuple(
        Paragraph(f"p{i}", i, t)
        for i, t in enumerate(
            ["A. Barry Rand leads the group.", "“We are ready,” Barry Rand said.", "“Soon,” Rand said."], 1
        )
    )
    found, _, _ = discovered_mentions(paragraphs, (), ATTRIBUTION)
    assert {m.actor for m in found} == {"?A. Barry Rand"}


def test_two_apostrophes_close_a_quotation():
    from generator.analyse.quotes import spans

    text = "“It was an attempt to mislead voters,’’ Ray Pike told the paper on Monday."
    assert [s.text for s in spans(text)] == ["It was an attempt to mislead voters,"]


@pytest.mark.parametrize(
    ("text", "subhead"),
    [("1) Momentum", True), ("Math", True), ("Crowds and cash", False), ("Ray Pike said so.", False)],
)
def test_a_short_capitalised_line_is_a_subhead(text, subhead):
    from generator.analyse.people import headline_like

    assert headline_like(text) is subhead


def test_a_sentence_opener_is_not_a_given_name():
    paragraphs = (
        Paragraph("p1", 1, "Judge Ray Pike wrote a dissent."),
        Paragraph("p2", 2, "Given Pike’s view, the ruling stands. Despite Pike’s doubts, the levy stays."),
    )
    found, _, _ = discovered_mentions(paragraphs, (), ATTRIBUTION)
    assert {m.actor for m in found} == {"?Ray Pike"}
    assert len(found) == 3

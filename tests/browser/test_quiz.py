"""Self-check quizzes in the browser: answered by keyboard alone, the feedback is announced (a live region),
says right or not in words, explains, and links the paragraph; nothing is stored or sent."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEPENDENT = "/sources/trump-administration-officials-met-with-venezuelan-rebels/"


def answer_by_keyboard(page, question, choice: int) -> str:
    """Tab into the question's radio group, arrow to ``choice`` (0-based), Tab to Check, press Enter."""
    first = question.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")  # selects the focused radio
    for _ in range(choice):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('ms-quiz__check')"), (
        "Tab did not reach Check"
    )
    page.keyboard.press("Enter")
    feedback = question.locator(".ms-quiz__feedback")
    feedback.wait_for(state="visible")
    return feedback.inner_text()


def quiz_answers(page, question) -> list[bool]:
    return [
        r == "yes"
        for r in question.locator("input[type=radio]").evaluate_all("els => els.map(e => e.dataset.right)")
    ]


def test_quiz_answered_by_keyboard_gives_feedback_that_links_the_paragraph(page, base_url):
    requests: list[str] = []
    page.goto(base_url + INDEPENDENT)
    page.on("request", lambda r: requests.append(r.url))
    storage = page.evaluate("JSON.stringify(localStorage)")
    question = page.locator(".ms-quiz__q").first
    assert "Monroe Doctrine" in question.locator("legend").inner_text()
    assert question.locator(".ms-quiz__feedback").get_attribute("role") == "status"
    rights = quiz_answers(page, question)
    wrong = rights.index(False)
    said = answer_by_keyboard(page, question, wrong)
    assert said.startswith("Not quite.") and "1812" in said and "2 December 1823" in said, said
    link = question.locator(".ms-quiz__feedback a")
    assert link.inner_text() == "Read paragraph 10" and link.get_attribute("href") == "#p10"
    said = answer_by_keyboard(page, question, rights.index(True))
    assert said.startswith("Right."), said
    # Following the link by keyboard lands on the paragraph.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#p10'")
    assert page.evaluate("JSON.stringify(localStorage)") == storage, "the quiz stored something"
    assert requests == [], f"the quiz made requests: {requests}"


def test_comparison_quiz_links_the_article_paragraph(page, base_url):
    page.goto(base_url + "/compare/facts/")
    question = page.locator(".ms-quiz__q").first
    said = answer_by_keyboard(page, question, quiz_answers(page, question).index(True))
    assert said.startswith("Right."), said
    href = question.locator(".ms-quiz__feedback a").get_attribute("href")
    assert href.startswith("../../sources/") and "#p" in href, href
    question.locator(".ms-quiz__feedback a").click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[1].startswith("p") and page.locator(":target").count() == 1


def test_a_choice_without_check_says_to_choose(page, base_url):
    page.goto(base_url + INDEPENDENT)
    question = page.locator(".ms-quiz__q").nth(1)
    question.locator(".ms-quiz__check").click()
    assert question.locator(".ms-quiz__feedback").inner_text() == "Choose an answer first."

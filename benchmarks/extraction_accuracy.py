"""Extraction F1 of ``add PAGE.html`` against plain trafilatura (issue 13 §4, §8): functions for
``benchmarks/accuracy.py`` and ``tests/test_extraction_benchmark.py``.

On the 91 saved pages of the ScrapingHub article-extraction benchmark (``tests/fixtures/extraction/``), two
systems are scored in one run with the benchmark's own ``evaluate.py`` (token 4-gram shingles; precision
and recall averaged over pages, F1 from the two means):

- **project**: what ``python -m generator add PAGE.html`` publishes: ``extract.extract_html`` (trafilatura
  with the project's settings), the corpus text ``ingest.corpus_text`` writes, then the site's parse and
  cleaning with the starter ``cleaning.yml`` of ``new``; the body is the published paragraphs (the headline,
  byline and date lines are metadata, as in the ground truth, which has no headline);
- **trafilatura**: ``trafilatura.extract(html)`` with its defaults, the benchmark's own baseline.

A page the project refuses (no article text) scores an empty body and is counted as refused.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from generator import extract, ingest, sitedata
from generator.assemble import make_article
from generator.errors import SiteDataError
from generator.model import Outlet, SourceEntry

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT / "tests" / "fixtures" / "extraction"
STARTER_CLEANING = ROOT / "templates" / "new" / "site_data" / "cleaning.yml"


def evaluate_module():
    """The benchmark's evaluate.py, imported as it ships (its functions are the metric)."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", EXTRACTION / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages() -> dict[str, bytes]:
    return {
        p.name.removesuffix(".html.gz"): gzip.decompress(p.read_bytes())
        for p in sorted((EXTRACTION / "html").glob("*.html.gz"))
    }


def ground_truth() -> dict[str, dict]:
    return json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))


def project_body(html: bytes, rules=None) -> str:
    """The body text ``add`` publishes for a saved page (raises extract.ExtractionError if it refuses it)."""
    rules = rules or sitedata.parse_cleaning(STARTER_CLEANING.read_text(encoding="utf-8"), "cleaning.yml")
    extracted = extract.extract_html(html)
    text = ingest.corpus_text(extracted)
    outlet = Outlet(
        "outlet", extracted.site_name.value if extracted.site_name else "outlet", None, None, None, None
    )
    entry = SourceEntry(file="000_page.txt", outlet=outlet.id, slug=None, language="en", url=None)
    article, _ = make_article("000_page.txt", text, entry, outlet, rules)
    # The subtitle is shown above the text (a standfirst the page prints as the article's first lines).
    lead = [article.subtitle.value] if article.subtitle.known else []
    return "\n".join([*lead, *(p.text for p in article.paragraphs)])


def trafilatura_body(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float
    accuracy: float
    refused: tuple[str, ...] = ()
    per_page: tuple[tuple[str, float, float], ...] = ()  # (id, precision, recall)


def score(predictions: dict[str, str], truth: dict[str, dict], refused=()) -> Scores:
    ev = evaluate_module()
    prediction = {k: {"articleBody": predictions.get(k, "")} for k in truth}
    metrics = ev.evaluate(truth, prediction, n_bootstrap=0)
    per_page = tuple(
        (k, ev.precision_score(*t), ev.recall_score(*t))
        for k, t in zip(truth, metrics["tp_fp_fns"], strict=True)
    )
    return Scores(
        metrics["f1"], metrics["precision"], metrics["recall"], metrics["accuracy"], tuple(refused), per_page
    )


def extraction_scores(ids: list[str] | None = None) -> dict[str, Scores]:
    """Both systems on the benchmark's pages (all, or ``ids``), in one run."""
    truth = ground_truth()
    html = pages()
    ids = ids or sorted(truth)
    truth = {k: truth[k] for k in ids}
    rules = sitedata.parse_cleaning(STARTER_CLEANING.read_text(encoding="utf-8"), "cleaning.yml")
    ours, theirs, refused = {}, {}, []
    for key in ids:
        try:
            ours[key] = project_body(html[key], rules)
        except (extract.ExtractionError, SiteDataError):
            ours[key] = ""
            refused.append(key)
        theirs[key] = trafilatura_body(html[key])
    return {"project": score(ours, truth, refused), "trafilatura": score(theirs, truth)}


def extraction_table(scores: dict[str, Scores]) -> str:
    out = ["| system | F1 | precision | recall | exact | pages refused |", "|---|--:|--:|--:|--:|--:|"]
    for name, s in scores.items():
        out.append(
            f"| {name} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.accuracy:.3f} | {len(s.refused)} |"
        )
    return "\n".join(out)

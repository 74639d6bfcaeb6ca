"""Validate the curated files of ``site_data/`` and turn them into model objects.

Pure functions from (text, display path) to frozen dataclasses; the build reads the files. Every error names
the file, the line and the key, says what is wrong and what would be valid, and suggests the nearest valid key
when a key looks misspelled. One module per curated file (or pair of small files); ``common`` holds the checks
they share.
"""

from .actors import KINDS, parse_actors, parse_attribution
from .cleaning import DEFAULT_DETECTORS, DETECTORS, EXTENTS, default_cleaning, parse_cleaning
from .common import RESERVED, SLUG_RE, SOURCE_RE
from .facts import STATUSES, parse_facts, parse_lexicon
from .history import parse_glossary, parse_history
from .site import DEFAULT_TITLE, default_site, parse_site, parse_sources
from .teaching import PAGE_TYPES, parse_address_lines, parse_addresses, parse_redirects, parse_teaching

__all__ = [
    "DEFAULT_DETECTORS",
    "DEFAULT_TITLE",
    "DETECTORS",
    "EXTENTS",
    "KINDS",
    "PAGE_TYPES",
    "RESERVED",
    "SLUG_RE",
    "SOURCE_RE",
    "STATUSES",
    "default_cleaning",
    "default_site",
    "parse_actors",
    "parse_address_lines",
    "parse_addresses",
    "parse_attribution",
    "parse_cleaning",
    "parse_facts",
    "parse_glossary",
    "parse_history",
    "parse_lexicon",
    "parse_redirects",
    "parse_site",
    "parse_sources",
    "parse_teaching",
]

"""Static educational microsite generator.

Reads a corpus of scraped news articles plus curated data in ``site_data/`` and produces the Markdown pages
(and open data) that MkDocs with the Material theme builds into a searchable static site.

The pipeline, one module per stage: ``sitedata`` (load and validate curated YAML) → ``parse`` (raw text to
lines and header fields) → ``clean`` (remove page furniture, recording every removal) → ``model`` (frozen
dataclasses) → ``analyse`` (word counts, reading time and grade) → ``render`` (Jinja2 templates to pages) →
``build`` (the only stage that touches the disk, with ``cli`` and ``plugin``).
"""

__version__ = "0.1.0"

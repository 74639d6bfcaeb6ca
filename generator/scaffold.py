"""The starter files of ``python -m generator new``, with the new site's title filled in.

The files themselves live in ``templates/new/`` (an editor can improve them like any other file); the
only placeholder is ``{{ TITLE }}``. Pure: the CLI reads the folder and writes the result.
"""

from __future__ import annotations

import html
import json

from .escape import one_line

PLACEHOLDER = "{{ TITLE }}"


def fill(files: dict[str, bytes], title: str) -> dict[str, bytes]:
    """``files`` (relative path → content) with the placeholder replaced: quoted in YAML, as is elsewhere."""
    title = one_line(title).strip()
    # A JSON string is a valid YAML double-quoted scalar: any title (colons, quotes, '#') stays one string.
    yaml_title = json.dumps(title, ensure_ascii=False)
    # mkdocs.yml's site_name and site_description are HTML to the theme, which prints them unescaped (in
    # <title>, in aria-label="…", in <meta name="description" content="…">): written escaped, quotes included.
    html_title = json.dumps(html.escape(title, quote=True), ensure_ascii=False)
    out = {}
    for rel, content in files.items():
        if rel.endswith((".yml", ".yaml")):
            text = content.decode("utf-8")
            value = html_title if rel == "mkdocs.yml" else yaml_title
            for form in (f'"{PLACEHOLDER}"', f"'{PLACEHOLDER}'", PLACEHOLDER):  # quoted in the file or not
                text = text.replace(form, value)
            content = text.encode("utf-8")
        elif rel.endswith(".md"):
            content = content.decode("utf-8").replace(PLACEHOLDER, title).encode("utf-8")
        out[rel] = content
    return out

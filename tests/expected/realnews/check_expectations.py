"""Check hand-written realnews expectation files against the article texts they describe.

It only reads the YAML and the .txt files (never the generator): every `line:` must hold its
`text:` (furniture, metadata, subheads: the whole line) or `starts:` (quotes: right after an opening
quotation mark, or at the start of the line for a quote marked `opening_mark: none`, one carried on
from the line before without a reopening mark); every speech quote's speaker (and each of its `also:`
speakers, each block quote's speaker and each embedded post's author) must be a key of people/organisations or
"anonymous" (with `as:`) / "not identified"; every name and variant must occur in the event's texts.
It also counts the opening marks on each body line and reports lines whose count differs from the
quotations listed, so that a missed quotation shows up.

    python tests/expected/realnews/check_expectations.py tests/expected/realnews/EVENT.yml [REALNEWS_DIR]

REALNEWS_DIR (or $REALNEWS_DIR) defaults to the first shared/realnews found above this file.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import yaml

OPENERS = ("“", '"')
SPEAKER_WORDS = ("anonymous", "not identified")


def opening_marks(text: str) -> list[int]:
    """Offsets just after each opening double mark: every “, and a straight " when none is open.

    Read left to right, so that a line mixing the two styles (025:9: "…," then “…” then “…")
    pairs a straight mark with the curly opener before it.
    """
    found = []
    is_open = False
    for m in re.finditer('[“”"]', text):
        mark, i = m.group(), m.start()
        if mark == "”":
            # A right mark printed where the left one belongs (" ”illegal …”", 009:63) opens one too.
            opens = (i == 0 or text[i - 1].isspace()) and text[i + 1 : i + 2].isalnum()
        else:
            opens = mark == "“" or not is_open
        if opens:
            found.append(m.end())
        is_open = opens
    return found


def check(path: Path, root: Path) -> list[str]:
    errors: list[str] = []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = root / data["event"]
    names = set(data.get("people") or {}) | set(data.get("organisations") or {})
    texts: dict[str, list[str]] = {}
    body_text = []
    for name, art in (data.get("articles") or {}).items():
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        texts[name] = lines

        def at(n: int, where: str, name: str = name, lines: list[str] = lines) -> str:
            if not 1 <= n <= len(lines):
                errors.append(f"{name}:{n}: {where}: no such line")
                return ""
            return lines[n - 1]

        nonbody = set()
        for key in ("metadata_lines", "furniture", "subheads"):
            for e in art.get(key) or []:
                if at(e["line"], key) != e["text"]:
                    errors.append(f"{name}:{e['line']}: {key} text differs from the line")
                if key != "subheads":
                    nonbody.add(e["line"])
        for e in art.get("datelines") or []:
            if not at(e["line"], "datelines").startswith(e["text"]):
                errors.append(f"{name}:{e['line']}: dateline is not the start of the line")
        for e in art.get("mixed") or []:
            line = at(e["line"], "mixed")
            # furniture/body: a string, or a list when a line holds several (a live-blog entry, 013);
            # optional subhead (an entry headline run into the text) and metadata [{text, role}] parts.
            parts = {
                k: [e[k]] if isinstance(e.get(k), str) else list(e.get(k) or [])
                for k in ("furniture", "body")
            }
            parts["subhead"] = [e["subhead"]] if e.get("subhead") else []
            parts["metadata"] = [m["text"] for m in e.get("metadata") or []]
            for part, pieces in parts.items():
                if any(t not in line for t in pieces):
                    errors.append(f"{name}:{e['line']}: mixed {part} part not in the line")
        for e in art.get("embedded_posts") or []:
            # An embedded post printed as a paragraph: its text, then its signature ("" if none).
            if " ".join(t for t in (e["post"], e["signature"]) if t) != at(e["line"], "embedded_posts"):
                errors.append(f"{name}:{e['line']}: embedded post + signature differ from the line")
            if e.get("author") not in names:
                errors.append(f"{name}:{e['line']}: embedded post author {e.get('author')!r} unknown")
        for e in art.get("block_quotes") or []:
            # A transcript line in an embedded post ("KAINE: Would you …") starts after its label.
            label = re.match(r"[^:“”\"]{1,40}: ", at(e["line"], "block_quotes"))
            if not at(e["line"], "block_quotes")[label.end() if label else 0 :].startswith(e["starts"]):
                errors.append(f"{name}:{e['line']}: block quote does not start {e['starts']!r}")
            if e.get("speaker") not in names | set(SPEAKER_WORDS):
                errors.append(f"{name}:{e['line']}: block quote speaker {e.get('speaker')!r} unknown")
        per_line: dict[int, int] = {}
        for q in art.get("quotes") or []:
            n = q["line"]
            line = at(n, "quotes")
            if n in nonbody:
                errors.append(f"{name}:{n}: quote listed on a furniture/metadata line")
            starts = [line[i:] for i in opening_marks(line)]
            starts += [line[m.end() :] for m in re.finditer("‘", line)]
            if q.get("opening_mark") == "none":
                # A quotation carried on from the line before with no reopening mark (018:27).
                starts = [line]
            if not any(s.lstrip().startswith(q["starts"]) for s in starts):
                errors.append(f"{name}:{n}: no quotation starting {q['starts']!r}")
            if q["kind"] == "speech":
                for sp in [q.get("speaker"), *(q.get("also") or [])]:
                    if sp not in names and sp not in SPEAKER_WORDS:
                        errors.append(f"{name}:{n}: speaker {sp!r} is not a key of people/organisations")
                if q.get("speaker") == "anonymous" and not q.get("as"):
                    errors.append(f"{name}:{n}: anonymous speaker without `as:`")
            elif q["kind"] != "term":
                errors.append(f"{name}:{n}: kind must be speech or term")
            elif "speaker" in q:
                errors.append(f"{name}:{n}: a term has no speaker")
            if "‘" not in line:
                per_line[n] = per_line.get(n, 0) + 1
        for n, line in enumerate(lines, 1):
            if n == 1 or n in nonbody:
                continue
            body_text.append(line)
            marks = len(opening_marks(line))
            listed = per_line.get(n, 0)
            if "‘" not in line and marks != listed:
                errors.append(f"{name}:{n}: {marks} opening marks, {listed} quotations listed")
            if "‘" in line:
                print(f"note {name}:{n}: single quotation marks on this line: check by eye")
    joined = "\n".join(body_text)
    for key in ("people", "organisations"):
        for main, variants in (data.get(key) or {}).items():
            for v in [main, *(variants or [])]:
                if v not in joined:
                    print(f"note: {key} {v!r} not printed as such in any body line")
    for key in ("places", "other_names"):
        for name in data.get(key) or []:
            if name not in joined:
                errors.append(f"{key}: {name!r} not in any body line")
    return errors


def main() -> int:
    here = Path(__file__).resolve()
    given = os.environ.get("REALNEWS_DIR") or (sys.argv[2] if len(sys.argv) > 2 else "")
    # A worktree may sit deeper than the repository: look for shared/realnews in each parent.
    candidates = [Path(given)] if given else [p / "shared" / "realnews" for p in here.parents]
    root = next((c for c in candidates if c.is_dir()), candidates[0])
    errors = check(Path(sys.argv[1]), root)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

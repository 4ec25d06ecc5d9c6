"""Phone numbers in a page's HTML become tap-to-call links that never break at the hyphen.

Run on every page after Markdown (session.page_html), so the templates, the
Markdown tables and the ready-HTML tables of html.py all get the same treatment
without any of them having to know about it. Text inside links, diagrams, code and
scripts is left alone.
"""

from __future__ import annotations

import re

from .html import macros

# A landline as the data writes it (0373-3512110) or an 11-digit mobile, not part of a longer number.
PHONE = re.compile(r"(?<![\d-])(0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?![\d-])")
TAG = re.compile(r"(<[^>]*>)")
SKIP = {"a", "svg", "code", "pre", "script", "style", "textarea"}
NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def _link(match: re.Match) -> str:
    number = match.group(1)
    return str(macros("html").tel(number, number.replace("-", "")))


def linked(page_html: str) -> str:
    """The page with every phone number outside SKIP elements wrapped in a tel: link."""
    if not PHONE.search(page_html):
        return page_html
    out, depth = [], 0
    for part in TAG.split(page_html):
        if part.startswith("<"):
            name = NAME.match(part)
            if name and name.group(1).lower() in SKIP and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            out.append(part)
        elif depth <= 0 and part:
            out.append(PHONE.sub(_link, part))
        else:
            out.append(part)
    return "".join(out)

"""Ready HTML for the pages' big parts: tables, lists and links, escaped here once.

Python-Markdown spends most of a large site's build on table rows and inline
links, and even a raw HTML block is parsed twice (by MkDocs for anchors, by
Markdown for the block's end). So the unit pages and the unit list give Markdown
only their headings and prose (which make the table of contents) and a short
placeholder comment for each Block; the hook puts the Blocks back into the
page's HTML after Markdown (`restore`). The markup itself is Jinja macros in
templates/site/partials/ (`macros`), which escape every value once; only Markup
they (or `text`) make passes through. Links point at the built .html pages (the
site sets use_directory_urls: false): MkDocs does not rewrite links in raw HTML.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..jinja import html_environment

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "site"

DASH = "—"  # what an empty cell shows


def text(value) -> Markup:
    """A value as HTML text: escaped, line breaks kept, empty shown as a dash.

    The templates' `text` filter, run for every table cell: the one piece of markup (<br>)
    left in Python, since a macro call per cell would slow a 2,000-unit site."""
    if isinstance(value, Markup):
        return value
    if value is None or value == "":
        return Markup(DASH)
    return Markup(str(escape(str(value))).replace("\r\n", "\n").replace("\n", "<br>"))


@functools.cache
def macros(name: str):
    """The macros of templates/site/partials/<name>.j2, callable from Python; each returns Markup.

    A whole table or chart is one macro call (the loops run inside the template), so a
    2,000-unit site calls Jinja once per table, not once per cell.
    """
    env = html_environment(jinja2.FileSystemLoader(str(TEMPLATES)))
    env.filters["text"] = text
    env.filters["px"] = "{:.0f}".format  # a coordinate, to a whole unit
    return env.get_template(f"partials/{name}.j2").module


def link(label, href: str) -> Markup:
    return macros("html").link(label, href)


class Block(Markup):
    """A finished piece of HTML that bypasses Markdown (see `stash`)."""


PLACEHOLDER = re.compile(r"<!-- xf-html (\d+) -->")


def stash(context: dict, fragments: list[str]) -> dict:
    """The context with each Block replaced by a placeholder comment; the Blocks go to `fragments`."""
    out = {}
    for key, value in context.items():
        if isinstance(value, Block):
            fragments.append(str(value))
            value = Markup(f"<!-- xf-html {len(fragments) - 1} -->")
        out[key] = value
    return out


def restore(page_html: str, fragments: list[str]) -> str:
    """Put the stashed Blocks back; every placeholder must come through Markdown exactly once."""
    seen = []

    def put(match):
        seen.append(int(match.group(1)))
        return fragments[int(match.group(1))]

    out = PLACEHOLDER.sub(put, page_html)
    if sorted(seen) != list(range(len(fragments))):
        raise ValueError(f"HTML placeholders lost or repeated in Markdown: {sorted(seen)} of {len(fragments)}")
    return out


def figure(svg_markup) -> Block:
    return Block(macros("html").figure(svg_markup))


def table(headers: list[str], rows: list[list]) -> Block:
    """A table laid out as Python-Markdown lays out a Markdown table (same look, same CSS)."""
    return Block(macros("html").table(headers, rows))


def bullets(items: list) -> Block:
    return Block(macros("html").bullets(items))


def company_forms(links: list[Markup]) -> Block:
    """A unit page's line on the company's blanks: the links, or (none given) a pointer to the downloads page."""
    return Block(macros("html").company_forms(links))

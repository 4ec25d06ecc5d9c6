"""Ready HTML for the pages' big parts: tables, lists and links, escaped here once.

Python-Markdown spends most of a large site's build on table rows and inline
links, and even a raw HTML block is parsed twice (by MkDocs for anchors, by
Markdown for the block's end). So the unit pages and the unit list give Markdown
only their headings and prose (which make the table of contents) and a short
placeholder comment for each Block; the hook puts the Blocks back into the
page's HTML after Markdown (`restore`). Every value is HTML-escaped here; only
Markup we generate passes through. Links point at the built .html pages (the
site sets use_directory_urls: false): MkDocs does not rewrite links in raw HTML.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

DASH = "—"  # what an empty cell shows


def text(value) -> Markup:
    """A value as HTML text: escaped, line breaks kept, empty shown as a dash."""
    if isinstance(value, Markup):
        return value
    if value is None or value == "":
        return Markup(DASH)
    return Markup(str(escape(str(value))).replace("\r\n", "\n").replace("\n", "<br>"))


def link(label, href: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, label)


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
    return Block(f'<div class="xf-figure">\n{svg_markup}\n</div>')


def table(headers: list[str], rows: list[list], align: dict[int, str] | None = None) -> Block:
    """A table laid out as Python-Markdown lays out a Markdown table (same look, same CSS)."""
    align = align or {}
    style = {i: Markup(f' style="text-align: {a};"') for i, a in align.items()}
    # A line break between cells, as Python-Markdown writes them: search then never reads
    # two neighbouring cells as one word (二矿 + 石志刚 → 二矿石…).
    head = "\n".join(f"<th{style.get(i, '')}>{text(h)}</th>" for i, h in enumerate(headers))
    body = "\n".join("<tr>\n" + "\n".join(f"<td{style.get(i, '')}>{text(c)}</td>" for i, c in enumerate(row))
                     + "\n</tr>" for row in rows)
    return Block(f"<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def bullets(items: list) -> Block:
    return Block("<ul>\n" + "\n".join(f"<li>{text(i)}</li>" for i in items) + "\n</ul>")

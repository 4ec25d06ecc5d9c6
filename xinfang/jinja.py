"""The project's one strict Jinja configuration, for DOCX parts, Markdown pages and HTML partials.

Undefined values fail loudly (StrictUndefined) and every value is escaped for
the format it lands in, so text such as `& < > " '` always comes out as written.
"""

from __future__ import annotations

import datetime as dt
import re

import jinja2
from markupsafe import Markup, escape

# A line break or tab inside a DOCX text run must become Word's own element.
_DOCX_BREAKS = {"\n": '</w:t><w:br/><w:t xml:space="preserve">',
                "\t": '</w:t><w:tab/><w:t xml:space="preserve">'}
# Python-Markdown's escapable characters (tables add "|"); "<", ">", "&" are entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|-])")


def cn_date(value: dt.date | None) -> str:
    """2026年11月22日 — dates as official documents write them."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.year}年{value.month}月{value.day}日"


_XML_SPECIAL = re.compile(r"[&<>\"'\n\t\r]")


def _finalize_docx(value) -> str:
    """Escape one value for a DOCX part; the DOCX environment leaves escaping to this.

    Most values are short plain text, returned as they are after one regex test;
    this runs for every cell of a 20,000-row ledger, so it avoids Markup objects.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = value if type(value) is str else str(value)
    if _XML_SPECIAL.search(text) is None:
        return text
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;").replace("\r\n", "\n"))
    for char, element in _DOCX_BREAKS.items():
        text = text.replace(char, element)
    return text


def md_escape(value) -> Markup:
    """Escape a value for Markdown text: HTML entities and Markdown punctuation."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    text = str(escape(str(value)))
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")
    return Markup(text)


def _base(finalize, autoescape: bool = True) -> jinja2.Environment:
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["cn_date"] = cn_date
    return env


def docx_environment() -> jinja2.Environment:
    # Escaping happens in the finalizer (faster than autoescape's Markup objects);
    # it sees every {{ }} output, so nothing reaches a part unescaped.
    return _base(_finalize_docx, autoescape=False)


def markdown_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    env = _base(md_escape)
    env.trim_blocks = True
    env.lstrip_blocks = True
    if loader is not None:
        env.loader = loader
    return env


def html_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """For the site's ready-HTML partials (templates/site/partials/): plain HTML autoescape,
    since their output bypasses Markdown and must not carry Markdown's backslash escapes."""
    env = _base(None)
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.loader = loader
    return env

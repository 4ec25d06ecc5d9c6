"""What marks every page: the footer line on screen and the running heads of a printed page.

Both name the manual, the enterprise and the data date; the print heads add 内部资料.
The theme override templates/site/overrides/main.html lays the print heads out as
@page margin boxes (the builder glue passes them as config.extra["xf_print"]).
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from ..jinja import cn_date

MARK = "内部资料"


class Marks(NamedTuple):
    footer: str  # HTML-escaped footer line
    print_heads: dict  # {"left", "right"}: CSS strings for the printed page's heads


def css_string(text: str) -> str:
    """A value for a CSS content: "…" string (inside a <style> element)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")


def marks(title: str, data) -> Marks:
    e = data.enterprise
    date = f"数据日期 {cn_date(e.data_date)}"
    return Marks(str(escape(f"{title} · {e.name} · {date}")),
                 {"left": css_string(f"{title} · {e.short_name}"), "right": css_string(f"{date} · {MARK}")})

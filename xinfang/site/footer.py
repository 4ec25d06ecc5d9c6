"""What marks every page: the footer line on screen and the running heads of a printed page.

Both name the manual, the enterprise and the data date; the print heads add 内部资料.
The theme override templates/site/overrides/main.html lays the print heads out as
@page margin boxes from config.extra["xf_print"].
"""

from __future__ import annotations

from markupsafe import escape

from ..jinja import cn_date

MARK = "内部资料"


def css_string(text: str) -> str:
    """A value for a CSS content: "…" string (inside a <style> element)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")


def configure(config, data) -> None:
    e = data.enterprise
    title, date = config.site_name, f"数据日期 {cn_date(e.data_date)}"
    config.copyright = str(escape(f"{title} · {e.name} · {date}"))
    config.extra["xf_print"] = {"left": css_string(f"{title} · {e.short_name}"),
                                "right": css_string(f"{date} · {MARK}")}

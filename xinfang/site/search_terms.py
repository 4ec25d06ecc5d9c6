"""Time limits as whole words in the Chinese search: "15日" must be findable as typed.

MkDocs Material segments only the Chinese characters of a text with jieba and puts a
zero-width space around each run, so "15日内" was indexed as "15" and "日内" and a
trainee searching for "15日" found nothing. Two steps fix it: jieba is told to cut
"日内" as "日" + "内" (prepare, before any page is indexed), and after the search plugin
has written its index, a number and the unit after it are joined into one token
("15日", "5个工作日", "30分钟", "2小时"; join).

A unit's short name (一矿, 二矿, 退管中心) must find the unit's own page first. The
theme's search cuts a Chinese query into tokens it knows from the index, trying only
proper prefixes of the query: while "一" is a token of its own somewhere (每日一更新),
"一矿" is searched as "一*" and every title with 一队 or 一业 competes. So, in the
written index (rewrite_index): a character that begins a two-character short name
is never left as a token by itself (it is joined to the token before it, glue), and
a unit page's own entry gets its short name in its title ("第一煤矿（简称一矿）"),
which is what the title-weighted ranking then finds (unit_titles).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

try:
    import jieba
except ImportError:  # the search plugin then does not segment either
    jieba = None

ZWSP = "\u200b"
SEPARATOR = r"[\s\u200b\-]"  # the search's own separator (mkdocs.yml: plugins.search.separator)
# Words jieba's dictionary would keep whole, hiding the unit of a time limit.
SPLIT = ("日内", "工作日内", "分钟内", "小时内")
LIMIT = re.compile(rf"(?<![\d.])(\d+){ZWSP}(日|个{ZWSP}工作日|分钟|小时|个{ZWSP}月)(?={ZWSP}|$|[^\u4e00-\u9fff])")


def prepare() -> None:
    """Have jieba cut the unit of a limit off the word after it (the same for every build)."""
    if jieba is not None:
        jieba.setLogLevel(60)
        for word in SPLIT:
            jieba.del_word(word)
        jieba.add_word("工作日")


def join(text: str) -> str:
    """A segmented text with each "number ZWSP unit" joined into one token."""
    return LIMIT.sub(lambda m: m.group(1) + m.group(2).replace(ZWSP, ""), text)


def unit_titles(units) -> dict[str, str]:
    """What each unit page's own search entry adds to its title, by page: "（简称一矿）".

    Left out when the short name is the full name, and when it begins with another
    unit's short name (二矿机电队 after 二矿): a title word starting with 二矿 would
    compete with 二矿's own page, and the full name already finds such a unit."""
    labels = {u.label for u in units}
    out = {}
    for u in units:
        # Any shorter label that begins it: its proper prefixes, looked up (not every label compared).
        if u.label != u.name and not any(u.label[:end] in labels for end in range(1, len(u.label))):
            out[f"units/{u.id}.html"] = ZWSP.join(["", "（", "简称", u.label, "）"])
    return out


def lone_starts(units) -> re.Pattern | None:
    """A token that is one character beginning a two-character short name (the 一 of 一矿),
    with the zero-width space that cuts it from the token before it (or after it, at the start)."""
    starts = "".join(sorted({re.escape(u.label[0]) for u in units if len(u.label) == 2}))
    if not starts:
        return None
    return re.compile(rf"(?<=[^\s{ZWSP}\-]){ZWSP}([{starts}])(?={SEPARATOR}|$)|^([{starts}]){ZWSP}(?=[^\s{ZWSP}\-])")


def glue(text: str, lone: re.Pattern | None) -> str:
    """The text with each such lone character joined to its neighbour token (每日一 更新)."""
    return lone.sub(lambda m: m.group(1) or m.group(2), text) if lone else text


def rewrite_index(site_dir: Path, units) -> None:
    """Rewrite the search plugin's index (same JSON layout as the plugin's): time limits
    joined, lone first characters of short names glued, unit pages' titles with their
    short names (see the module's docstring)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    titles, lone = unit_titles(units), lone_starts(units)
    index = json.loads(path.read_text("utf-8"))
    for doc in index.get("docs", []):
        doc["title"] = glue(join(doc.get("title", "")), lone) + titles.get(doc["location"], "")
        doc["text"] = glue(join(doc.get("text", "")), lone)
    path.write_bytes(json.dumps(index, separators=(",", ":"), default=str).encode("utf-8"))

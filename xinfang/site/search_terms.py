"""Time limits as whole words in the Chinese search: "15日" must be findable as typed.

MkDocs Material segments only the Chinese characters of a text with jieba and puts a
zero-width space around each run, so "15日内" was indexed as "15" and "日内" and a
trainee searching for "15日" found nothing. Two steps fix it: jieba is told to cut
"日内" as "日" + "内" (prepare, before any page is indexed), and after the search plugin
has written its index, a number and the unit after it are joined into one token
("15日", "5个工作日", "30分钟", "2小时"; join_limits).
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


def join_limits(site_dir: Path) -> None:
    """Rewrite the search plugin's index with the time limits joined (same JSON layout as the plugin's)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text("utf-8"))
    for doc in index.get("docs", []):
        doc["title"], doc["text"] = join(doc.get("title", "")), join(doc.get("text", ""))
    path.write_bytes(json.dumps(index, separators=(",", ":"), default=str).encode("utf-8"))

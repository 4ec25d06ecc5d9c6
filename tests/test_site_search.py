"""The search index as written: a unit's short name finds its own page (search_terms.py).
Chromium checks of the ranking itself are in test_site_browser.py (slow)."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

from xinfang.site import search_terms

ZWSP = "\u200b"
SEPARATOR = re.compile(r"[\s\u200b\-]+")


def index_docs(site) -> dict[str, dict]:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return {doc["location"]: doc for doc in index["docs"]}


def tokens(value: str) -> list[str]:
    return [t for t in SEPARATOR.split(value) if t]


def test_unit_page_title_carries_its_short_name(site, example):
    docs = index_docs(site)
    for unit_id, label in (("yi-kuang", "一矿"), ("er-kuang", "二矿"), ("tuiguan", "退管中心")):
        unit = example.units[unit_id]
        title = docs[f"units/{unit_id}.html"]["title"]
        assert label in tokens(title) and title.replace(ZWSP, "") == f"{unit.name}（简称{label}）"
        sections = [doc for loc, doc in docs.items() if loc.startswith(f"units/{unit_id}.html#")]
        assert sections and all("简称" not in doc["title"] for doc in sections)  # only the page's own entry


def test_short_name_beginning_with_another_is_left_to_the_full_name(site, example):
    docs = index_docs(site)
    for unit_id in ("er-kuang-jidian", "er-kuang-caimei"):
        assert example.units[unit_id].label.startswith("二矿")
        assert "简称" not in docs[f"units/{unit_id}.html"]["title"]


def test_no_lone_first_character_of_a_two_character_short_name(site, example):
    """Else the theme's search cuts the typed 一矿 down to 一* (see search_terms)."""
    starts = {u.label[0] for u in example.units.values() if len(u.label) == 2}
    assert {"一", "二"} <= starts
    for doc in index_docs(site).values():
        for field in ("title", "text"):
            assert not starts & set(tokens(doc[field])), (doc["location"], field)
    # the words around a glued character are still found by their beginning
    assert any("每日一" in tokens(doc["text"]) for doc in index_docs(site).values())


def test_glue_joins_a_lone_character_to_its_neighbour_only():
    units = [SimpleNamespace(id="a", label="一矿", name="第一煤矿"), SimpleNamespace(id="b", label="物业公司", name="物业公司")]
    lone = search_terms.lone_starts(units)
    z = ZWSP.join
    assert search_terms.glue(z(["每日", "一", "更新"]), lone) == z(["每日一", "更新"])
    assert search_terms.glue(z(["一", "更新"]), lone) == "一更新"
    assert search_terms.glue(z(["一矿", "一队", "物"]), lone) == z(["一矿", "一队", "物"])  # not lone; 物 begins no 2-character name
    assert search_terms.lone_starts(units[1:]) is None
    assert search_terms.unit_titles(units) == {"units/a.html": z(["", "（", "简称", "一矿", "）"])}

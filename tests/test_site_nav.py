"""Unit pages under 各单位 in the navigation: breadcrumbs, the reader's place highlighted, pruned elsewhere."""

from __future__ import annotations

import html
import re

from test_site import page
from xinfang.site import navtree


def primary_nav(markup: str) -> str:
    return markup.split('class="md-sidebar md-sidebar--primary"', 1)[1].split('class="md-sidebar md-sidebar--secondary"', 1)[0]


def active_links(markup: str) -> list[tuple[str, str]]:
    """(href, text) of the nav's highlighted page links (the table-of-contents label has no href)."""
    found = re.findall(r'<a href="([^"]+)" class="md-nav__link md-nav__link--active">\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<',
                       primary_nav(markup))
    return [(href, html.unescape(text)) for href, text in found]


def breadcrumbs(markup: str) -> list[tuple[str, str]]:
    if 'class="md-path"' not in markup:
        return []
    path = markup.split('class="md-path"', 1)[1].split("</nav>", 1)[0]
    return [(href, html.unescape(text)) for href, text in
            re.findall(r'<a href="([^"]+)" class="md-path__link">\s*<span[^>]*>\s*([^<]+?)\s*</span>', path)]


def test_a_unit_below_a_unit_has_breadcrumbs_and_is_highlighted(site, example):
    unit = example.units["er-kuang-caimei"]
    parent = example.units[unit.parent]
    markup = page(site, f"units/{unit.id}")
    assert breadcrumbs(markup) == [("../index.html", "首页"), ("index.html", "各单位"),
                                   (f"{parent.id}.html", parent.label)]
    assert active_links(markup) == [(f"{unit.id}.html", unit.label)]
    nav = primary_nav(markup)
    # Its siblings are shown (the branch is open); a unit of another branch is not.
    for sibling in parent.children:
        assert f'href="{sibling.id}.html"' in nav
    other = next(u for u in example.units.values() if u.parent and u.parent != parent.id
                 and example.units[u.parent].parent == example.root.id)
    assert f'href="{other.id}.html"' not in nav


def test_a_unit_with_units_below_heads_its_section(site, example):
    unit = example.units["er-kuang"]
    markup = page(site, f"units/{unit.id}")
    assert active_links(markup) == [(f"{unit.id}.html", unit.label)]
    # The page heads its section, so the trail ends at that section (as for any index page).
    assert breadcrumbs(markup) == [("../index.html", "首页"), ("index.html", "各单位"), (f"{unit.id}.html", unit.label)]
    nav = primary_nav(markup)
    assert nav.count(f'href="{unit.id}.html"') == 1  # the section's title, not again as its first child


def test_every_unit_page_is_in_the_nav_of_the_unit_list(site, example):
    nav = primary_nav(page(site, "units/index"))
    for child in example.root.children:
        assert f'href="{child.id}.html"' in nav
    assert active_links(page(site, "units/index")) == [("index.html", "各单位")]


def test_other_pages_keep_the_unit_section_closed(site, example):
    nav = primary_nav(page(site, "procedure"))
    assert 'href="units/index.html"' in nav
    assert not any(f'href="units/{u.id}.html"' in nav for u in example.units.values())
    assert active_links(page(site, "procedure")) == [("procedure.html", "信访事项办理流程")]
    assert breadcrumbs(page(site, "procedure")) == []


def test_a_large_group_is_cut_to_the_depth_that_fits(example):
    full = navtree.units(example, limit=1000)

    def count(items):
        return sum(1 + count(i.children) for i in items)

    assert count(full) == len(example.units)
    assert "units/er-kuang.md" in navtree.heads(full)
    cut = navtree.units(example, limit=len(example.root.children) + 1)
    assert count(cut) == len(example.root.children) + 1 and not navtree.heads(cut)

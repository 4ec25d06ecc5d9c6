"""The unit pages as a tree for the navigation under 各单位, independent of the site builder.

The company's own page comes first, then every unit nested as it reports, so the
navigation opens on the reader's unit and the breadcrumbs read 首页 › 各单位 ›
二矿 › 采煤一队. A unit with units below it is a section headed by its own page.
A large group is cut at the deepest level that keeps the tree within `limit`
units (the pages below stay reachable from their parent's page and the unit list).
"""

from __future__ import annotations

from dataclasses import dataclass, field

INDEX = "units/index.md"  # the unit list: the section's own page


@dataclass
class Item:
    title: str
    uri: str
    children: list["Item"] = field(default_factory=list)


def units(data, limit: int) -> list[Item]:
    """The top-level items of the 各单位 section (after the unit list itself)."""
    root = data.root
    depth_of = {root.id: 0}
    for unit in data.descendants(root)[1:]:
        depth_of[unit.id] = depth_of[unit.parent] + 1
    max_depth = max(depth_of.values())
    while max_depth > 1 and sum(d <= max_depth for d in depth_of.values()) > limit:
        max_depth -= 1

    def item(unit) -> Item:
        children = [item(c) for c in unit.children] if depth_of[unit.id] < max_depth else []
        return Item(unit.label, f"units/{unit.id}.md", children)

    # The company is the first entry, its units beside it: one level less to open.
    return [Item(root.label, f"units/{root.id}.md")] + [item(c) for c in root.children]


def heads(items: list[Item]) -> set[str]:
    """The uris of the pages that head a section (units with units below them)."""
    out: set[str] = set()
    for it in items:
        if it.children:
            out.add(it.uri)
            out |= heads(it.children)
    return out

"""Diagrams drawn at build time as inline SVG: the unit tree and vertical flows with branches.

No script or web font is involved, so the diagrams show on an intranet without
internet access and print as sharp as the text around them. This module lays them
out (which rows, where each box goes, how long each bar is); the markup is Jinja
macros in templates/site/partials/svg.j2.
"""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from .html import macros

FONT = 14
PAD = 12
KIND_COLOURS = {  # fill, stroke per unit kind
    "企业": ("#fde8e8", "#b71c1c"),
    "职能部门": ("#e8f0fb", "#1e4e8c"),
    "二级单位": ("#fff3e0", "#c25e00"),
    "基层单位": ("#e8f5e9", "#2e7d32"),
    "班组": ("#f3f3f3", "#616161"),
}


def text_width(text: str, size: int = FONT) -> float:
    """Approximate rendered width: CJK characters are square, others about half."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)


def wrap(text: str, width: float, size: int = FONT) -> list[str]:
    """Break text into lines no wider than `width` (character by character, as Chinese allows)."""
    lines, line = [], ""
    for ch in text:
        if ch == "\n" or (line and text_width(line + ch, size) > width):
            lines.append(line)
            line = "" if ch == "\n" else ch
        else:
            line += ch
    if line or not lines:
        lines.append(line)
    return lines


def unit_tree(rows: list[dict], title: str) -> Markup:
    """An indented tree: rows are {depth, label, kind, href} in depth-first order.

    One row per unit keeps the drawing readable for any depth and any number of
    siblings (a top-down chart of 15 sibling units would be far too wide).
    """
    row_h, indent, box_h = 34, 28, 24
    drawn, last_at_depth = [], {}
    width = 0.0
    for i, row in enumerate(rows):
        x = PAD + row["depth"] * indent
        y = PAD + i * row_h
        w = text_width(row["label"]) + 2 * 10
        width = max(width, x + w + PAD + text_width(row["kind"], 11) + 12)
        joint = None  # where the line from the parent's box leaves it
        if row["depth"] and row["depth"] - 1 in last_at_depth:
            px, py = last_at_depth[row["depth"] - 1]
            joint = SimpleNamespace(x=px + 12, y=py + box_h)
        last_at_depth[row["depth"]] = (x, y)
        for deeper in [d for d in last_at_depth if d > row["depth"]]:
            del last_at_depth[deeper]
        fill, stroke = KIND_COLOURS.get(row["kind"], KIND_COLOURS["班组"])
        drawn.append(SimpleNamespace(x=x, y=y, w=w, label=row["label"], kind=row["kind"], href=row.get("href"),
                                     fill=fill, stroke=stroke, joint=joint))
    height = PAD * 2 + len(rows) * row_h - (row_h - box_h)
    return macros("svg").unit_tree(max(width, 200), height, title, drawn, box_h, FONT)


def flow(steps: list[dict], title: str, ident: str, width: float = 380) -> Markup:
    """A narrow vertical flow with side branches, readable on a phone without zooming.

    Each step is {name, note, branches: [{condition, outcome, detail}]} (branches optional). The main
    steps are full-width boxes joined by a trunk on the left; a step's branches are
    indented boxes under it, each reached by a dashed arrow off the trunk. At a
    380-unit width the drawing shrinks at most a little on a 390 px screen, so its
    14 px text stays legible (a side-by-side chart would shrink to half).
    """
    g = SimpleNamespace(pad=PAD, trunk=PAD + 16, indent=PAD + 40, line_h=18,
                        box_w=width - 2 * PAD, branch_w=width - PAD - (PAD + 40))
    drawn = []
    y = PAD
    for i, step in enumerate(steps):
        notes = wrap(step.get("note") or "", g.box_w - 24, 13) if step.get("note") else []
        h = 14 + 19 + len(notes) * g.line_h + 8
        item = SimpleNamespace(name=step["name"], notes=notes, y=y, h=h, bottom=y + h, branches=[], arrow_to=None)
        y = item.bottom + 12
        for branch in step.get("branches") or []:
            lines = wrap(branch.get("detail") or "", g.branch_w - 20, 12) if branch.get("detail") else []
            bh = 10 + 14 + 20 + len(lines) * 16 + 6
            item.branches.append(SimpleNamespace(condition=branch["condition"], outcome=branch["outcome"],
                                                 lines=lines, y=y, h=bh))
            y += bh + 10
        if i < len(steps) - 1:
            y += 8
            item.arrow_to = y - 2  # the trunk's arrow down to the next step
        else:
            y -= 12 if not step.get("branches") else 10
        drawn.append(item)
    return macros("svg").flow(width, y + PAD, title, ident, drawn, g, FONT)


BAR_COLOURS = ("#b71c1c", "#90a4ae")  # first series, second series


def bars(rows: list[dict], title: str, series: list[str] | None = None, unit: str = "",
         width: float = 380) -> Markup:
    """A horizontal bar chart, one row per item, readable on a 390 px phone.

    Each row is {label, values: [number, …], colours: [css colour, …] (optional)}; with
    several values per row, `series` names them in a legend (e.g. two years side by
    side). Labels sit above their bars, so a long unit name needs no label column and
    the bars keep the full width. Every value is written at the end of its bar.
    """
    series = series or []
    count = max((len(r["values"]) for r in rows), default=1)
    top = max((v for r in rows for v in r["values"]), default=0) or 1
    value_w = text_width(f"{top}{unit}", 12) + 6
    bar_max = width - 2 * PAD - value_w
    g = SimpleNamespace(pad=PAD, bar_h=14)
    gap = 3
    y = PAD + 26
    legend = []
    if len(series) > 1:
        x = PAD
        for i, name in enumerate(series):
            legend.append(SimpleNamespace(x=x, y=y, name=name, colour=BAR_COLOURS[i % 2]))
            x += 16 + text_width(name, 12) + 16
        y += 22
    drawn = []
    for row in rows:
        item = SimpleNamespace(label=wrap(row["label"], width - 2 * PAD, 13)[0], y=y, bars=[])
        y += 18
        colours = row.get("colours") or BAR_COLOURS
        for i, value in enumerate(row["values"]):
            item.bars.append(SimpleNamespace(y=y, w=max(bar_max * value / top, 1 if value else 0),
                                             colour=colours[i % len(colours)], value=value))
            y += g.bar_h + gap
        y += 8 if count == 1 else 10
        drawn.append(item)
    return macros("svg").bars(width, y + PAD - 8, title, legend, drawn, g, unit, FONT)

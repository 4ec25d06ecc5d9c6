"""Diagrams drawn at build time as inline SVG: the unit tree and vertical flows with branches.

No script or web font is involved, so the diagrams show on an intranet without
internet access and print as sharp as the text around them.
"""

from __future__ import annotations

from markupsafe import Markup, escape

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


def _svg(width: float, height: float, title: str, body: list[str], css_class: str) -> Markup:
    head = (f'<svg class="xf-diagram {css_class}" role="img" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
            f'font-size="{FONT}" font-family="sans-serif">')
    # One line, no blank lines: Markdown passes the block through untouched.
    return Markup(head + f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def unit_tree(rows: list[dict], title: str) -> Markup:
    """An indented tree: rows are {depth, label, kind, href} in depth-first order.

    One row per unit keeps the drawing readable for any depth and any number of
    siblings (a top-down chart of 15 sibling units would be far too wide).
    """
    row_h, indent, box_h = 34, 28, 24
    body, last_at_depth = [], {}
    width = 0.0
    for i, row in enumerate(rows):
        x = PAD + row["depth"] * indent
        y = PAD + i * row_h
        w = text_width(row["label"]) + 2 * 10
        width = max(width, x + w + PAD + text_width(row["kind"], 11) + 12)
        if row["depth"] and row["depth"] - 1 in last_at_depth:
            px, py = last_at_depth[row["depth"] - 1]
            body.append(f'<path d="M{px + 12:.0f} {py + box_h:.0f}V{y + box_h / 2:.0f}H{x:.0f}" '
                        f'fill="none" stroke="#9e9e9e" stroke-width="1.2"/>')
        last_at_depth[row["depth"]] = (x, y)
        for deeper in [d for d in last_at_depth if d > row["depth"]]:
            del last_at_depth[deeper]
        fill, stroke = KIND_COLOURS.get(row["kind"], KIND_COLOURS["班组"])
        box = (f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{box_h}" rx="4" fill="{fill}" '
               f'stroke="{stroke}"/><text x="{x + 10:.0f}" y="{y + 17:.0f}" fill="#212121">'
               f'{escape(row["label"])}</text>')
        if row.get("href"):
            box = f'<a href="{escape(row["href"])}">{box}</a>'
        body.append(box)
        body.append(f'<text x="{x + w + 8:.0f}" y="{y + 17:.0f}" font-size="11" fill="#757575">'
                    f'{escape(row["kind"])}</text>')
    height = PAD * 2 + len(rows) * row_h - (row_h - box_h)
    return _svg(max(width, 200), height, title, body, "xf-tree")


BRANCH_FILL, BRANCH_STROKE, BRANCH_TEXT = "#f4f6f8", "#607d8b", "#37474f"


def flow(steps: list[dict], title: str, ident: str, width: float = 380) -> Markup:
    """A narrow vertical flow with side branches, readable on a phone without zooming.

    Each step is {name, note, branches: [{condition, outcome, detail}]} (branches optional). The main
    steps are full-width boxes joined by a trunk on the left; a step's branches are
    indented boxes under it, each reached by a dashed arrow off the trunk. At a
    380-unit width the drawing shrinks at most a little on a 390 px screen, so its
    14 px text stays legible (a side-by-side chart would shrink to half).
    """
    trunk, indent, line_h = PAD + 16, PAD + 40, 18
    box_w, branch_w = width - 2 * PAD, width - PAD - (PAD + 40)
    main_marker, side_marker = f"xf-arrow-{ident}", f"xf-arrow-{ident}-b"
    body = [f'<defs><marker id="{main_marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#b71c1c"/></marker>'
            f'<marker id="{side_marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
            f'markerHeight="6" orient="auto"><path d="M0 0L10 5L0 10z" fill="{BRANCH_STROKE}"/></marker></defs>']
    y = PAD
    for i, step in enumerate(steps):
        notes = wrap(step.get("note") or "", box_w - 24, 13) if step.get("note") else []
        h = 14 + 19 + len(notes) * line_h + 8
        body.append(f'<rect x="{PAD}" y="{y:.0f}" width="{box_w:.0f}" height="{h:.0f}" rx="6" '
                    f'fill="#fff8f6" stroke="#b71c1c" stroke-width="1.4"/>')
        body.append(f'<text x="{PAD + 12}" y="{y + 26:.0f}" font-weight="bold" fill="#b71c1c">'
                    f'{i + 1}. {escape(step["name"])}</text>')
        for j, note in enumerate(notes):
            body.append(f'<text x="{PAD + 12}" y="{y + 46 + j * line_h:.0f}" font-size="13" '
                        f'fill="#333">{escape(note)}</text>')
        top = y + h  # where the trunk leaves this step
        y = top + 12
        for branch in step.get("branches") or []:
            lines = wrap(branch.get("detail") or "", branch_w - 20, 12) if branch.get("detail") else []
            bh = 10 + 14 + 20 + len(lines) * 16 + 6
            mid = y + 22
            body.append(f'<path d="M{trunk} {top:.0f}V{mid:.0f}H{indent - 2}" fill="none" stroke="{BRANCH_STROKE}" '
                        f'stroke-width="1.3" stroke-dasharray="4 3" marker-end="url(#{side_marker})"/>')
            body.append(f'<rect x="{indent}" y="{y:.0f}" width="{branch_w:.0f}" height="{bh:.0f}" rx="5" '
                        f'fill="{BRANCH_FILL}" stroke="{BRANCH_STROKE}" stroke-dasharray="5 3"/>')
            body.append(f'<text x="{indent + 10}" y="{y + 18:.0f}" font-size="12" fill="#616161">'
                        f'{escape(branch["condition"])}：</text>')
            body.append(f'<text x="{indent + 10}" y="{y + 38:.0f}" font-weight="bold" fill="{BRANCH_TEXT}">'
                        f'→ {escape(branch["outcome"])}</text>')
            for j, line in enumerate(lines):
                body.append(f'<text x="{indent + 10}" y="{y + 56 + j * 16:.0f}" font-size="12" '
                            f'fill="{BRANCH_TEXT}">{escape(line)}</text>')
            y += bh + 10
        if i < len(steps) - 1:
            y += 8
            body.append(f'<line x1="{trunk}" y1="{top:.0f}" x2="{trunk}" y2="{y - 2:.0f}" '
                        f'stroke="#b71c1c" stroke-width="1.6" marker-end="url(#{main_marker})"/>')
        else:
            y -= 12 if not step.get("branches") else 10
    return _svg(width, y + PAD, title, body, "xf-flow")


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
    bar_h, gap = 14, 3
    # The title is drawn as well: <title> alone shows only as a tooltip, and not in print.
    body, y = [f'<text x="{PAD}" y="{PAD + 13}" font-weight="bold" fill="#212121">{escape(title)}</text>'], PAD + 26
    if len(series) > 1:
        x = PAD
        for i, name in enumerate(series):
            body.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="12" height="12" fill="{BAR_COLOURS[i % 2]}"/>'
                        f'<text x="{x + 16:.0f}" y="{y + 11:.0f}" font-size="12" fill="#333">{escape(name)}</text>')
            x += 16 + text_width(name, 12) + 16
        y += 22
    for row in rows:
        label = wrap(row["label"], width - 2 * PAD, 13)[0]
        body.append(f'<text x="{PAD}" y="{y + 13:.0f}" font-size="13" fill="#212121">{escape(label)}</text>')
        y += 18
        colours = row.get("colours") or BAR_COLOURS
        for i, value in enumerate(row["values"]):
            w = max(bar_max * value / top, 1 if value else 0)
            body.append(f'<rect x="{PAD}" y="{y:.0f}" width="{w:.1f}" height="{bar_h}" rx="2" '
                        f'fill="{colours[i % len(colours)]}"/>')
            body.append(f'<text x="{PAD + w + 4:.1f}" y="{y + 11:.0f}" font-size="12" fill="#333">'
                        f'{value}{escape(unit)}</text>')
            y += bar_h + gap
        y += 8 if count == 1 else 10
    return _svg(width, y + PAD - 8, title, body, "xf-bars")

"""Blocks the form templates share: compact styles, title block, looped tables, filling notes."""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ..docx import authoring as a
from ..docx.engine import TEMPLATE_FONTS

DENSE_PT = 9  # 小五, for the wide landscape ledgers


def form_document(landscape: bool = False):
    """A GB/T 9704 document plus the compact styles the table-style forms use."""
    doc = a.new_document(landscape)
    body, heading = TEMPLATE_FONTS["body"], TEMPLATE_FONTS["heading1"]
    a.paragraph_style(doc, "表格文字", body, a.TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    a.paragraph_style(doc, "表头", heading, a.TABLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    a.paragraph_style(doc, "台账文字", body, DENSE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    a.paragraph_style(doc, "台账表头", heading, DENSE_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    # Dates (2026-11-22) must not wrap in a 19 mm column whatever font substitutes 仿宋.
    a.paragraph_style(doc, "台账日期", body, 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    a.paragraph_style(doc, "表单信息", body, a.TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    a.paragraph_style(doc, "说明", body, 10.5, align=WD_ALIGN_PARAGRAPH.LEFT)
    a.paragraph_style(doc, "表题", heading, 12)
    a.paragraph_style(doc, "密级", heading, 14, bold=True)
    a.paragraph_style(doc, "副标题", TEMPLATE_FONTS["heading2"], 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    if landscape:
        # A full-size 2号 title with a 28.95 pt gap wastes a third of a landscape page.
        title = doc.styles["Title"]
        title.font.size = Pt(18)
        title.paragraph_format.space_after = Pt(6)
    return doc


def gap(doc, points: float = 6):
    p = a.para(doc, "", "说明")
    p.paragraph_format.space_after = Pt(points)
    return p


def caption(doc, text: str):
    """A small bold caption above a table, e.g. 分等级小计."""
    p = a.para(doc, text, "表题")
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.keep_with_next = True
    return p


def looped_table(doc, headers, widths, cells, *, loop: str = "r in rows", dense: bool = False,
                 centered: tuple[int, ...] = (), footer: list[str] | None = None,
                 styles: dict[int, str] | None = None):
    """A table whose body rows come from one {%tr for %} loop; `cells` hold the Jinja per column.

    `centered` lists the columns whose text is centred (numbers, levels, dates); `styles`
    gives some columns a style of their own; `footer` adds one static row after the loop (合计).
    """
    text_style, head_style = ("台账文字", "台账表头") if dense else ("表格文字", "表头")
    t = a.table(doc, headers, widths, header_style=head_style)
    if dense:
        a.cell_margins(t, 0.8)
    a.tag_row(doc, t, "{%tr for " + loop + " %}")
    body = a.row(doc, t, cells, style=text_style, keep_together=not dense)
    # Room to write by hand on the blank form; filled rows grow with their text.
    body.height, body.height_rule = Mm(7), WD_ROW_HEIGHT_RULE.AT_LEAST
    a.tag_row(doc, t, "{%tr endfor %}")
    rows = [body]
    if footer:
        rows.append(a.row(doc, t, footer, style=text_style))
    for r in rows:
        for i in centered:
            r.cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, style in (styles or {}).items():
        body.cells[i].paragraphs[0].style = doc.styles[style]
    if footer:
        for run in rows[-1].cells[0].paragraphs[0].runs:
            run.bold = True
    return t


def title_block(doc, pairs, widths):
    """The line under the title: 填报单位、期间、填报人、审核人、日期."""
    t = a.label_table(doc, pairs, widths, style="表单信息")
    gap(doc, 2)
    return t


def notes(doc, heading: str, lines: list[str], *, condition: str = "blank"):
    """Filling instructions shown only when `condition` holds (blank forms by default)."""
    a.tag(doc, "{%p if " + condition + " %}")
    caption(doc, heading)
    for i, line in enumerate(lines, 1):
        p = a.para(doc, f"{i}. {line}", "说明")
        p.paragraph_format.first_line_indent = Mm(0)
    a.tag(doc, "{%p endif %}")


def save(doc, name: str, out_dir) -> str:
    path = out_dir / name
    a.save(doc, path)
    return str(path)

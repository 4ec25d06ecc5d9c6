"""A form grid: label cells and value cells in fixed columns, values spanning several columns."""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ..docx import authoring as a
from .blocks import gap
from .prose import fit_columns, min_height, no_wrap

LABEL_FILL = "F2F2F2"


def form_grid(doc, widths: list[float], rows: list[list[tuple[str, int]]], *, height: float = 9):
    """One table; each row lists (text, span) cells, labels first and values after,
    alternating: a cell at an even position is a label (shaded, bold, centred, one line)."""
    t = doc.add_table(rows=0, cols=len(widths))
    t.style = doc.styles["Table Grid"]
    t.alignment = 1  # centred on the page
    t.autofit = False
    a._fixed_layout(t)
    fit_columns(t, widths)
    for spec in rows:
        r = t.add_row()
        a._cant_split(r)
        column = 0
        for position, (text, span) in enumerate(spec):
            cell = r.cells[column]
            if span > 1:
                cell = cell.merge(r.cells[column + span - 1])
            p = cell.paragraphs[0]
            p.style = doc.styles["表格文字"]
            run = p.add_run(text)
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            if position % 2 == 0:
                run.bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                a.shade(cell, LABEL_FILL)
                no_wrap(cell)
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            column += span
        min_height(r, height)
    for r in t.rows:
        for cell, width in zip(r.cells, widths):
            cell.width = a.Mm(width)
    gap(doc, 0)
    return t

"""Blocks the narrative forms (reports, plans) share: numbered lists, sign-off, unit line."""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..docx import authoring as a
from .blocks import gap, looped_table


def lines(doc, *texts):
    """One body paragraph per text."""
    for text in texts:
        a.para(doc, text)


def numbered(doc, loop: str, text: str):
    """One body paragraph per item: {%p for … %} 1．text {%p endfor %}."""
    a.tag(doc, "{%p for " + loop + " %}")
    a.para(doc, "{{ loop.index }}." + text)
    a.tag(doc, "{%p endfor %}")


def addressee(doc, text: str):
    """主送机关: flush left, no indent."""
    p = a.para(doc, text)
    p.paragraph_format.first_line_indent = Pt(0)
    return p


def sign_off(doc, issuer: str = "{{ issuer }}", date: str = "{{ date }}"):
    """署名 and 成文日期, right-aligned four characters in, after one empty line (GB/T 9704 7.3.5)."""
    a.para(doc, "")
    for text in (issuer, date):
        p = a.para(doc, text, "落款")
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.right_indent = Pt(a.BODY_PT * 4 if text == date else a.BODY_PT * 2)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def blank_unit_line(doc):
    """On blanks only: who fills the form in (unit, main leader, liaison)."""
    a.tag(doc, "{%p if blank %}")
    p = a.para(doc, "填报单位：{{ unit.name }}　　主要负责人：{{ unit.leader.name }}　　"
                    "信访联络员：{{ unit.liaison.name }}　　电话：{{ unit.phone or unit.liaison.office_phone }}",
               "表单信息")
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.space_after = Pt(6)
    a.tag(doc, "{%p endif %}")


def secret_mark(doc, text: str = "{{ enterprise.secret_mark }}", condition: str = "not blank"):
    """The internal-use mark at the top left of the first page."""
    a.tag(doc, "{%p if " + condition + " %}")
    p = a.para(doc, text, "密级")
    p.paragraph_format.first_line_indent = Pt(0)
    a.tag(doc, "{%p endif %}")


def fit_columns(t, widths_mm) -> None:
    """Write the column widths into w:tblGrid too: LibreOffice and WPS lay tables out from
    the grid, which python-docx leaves at equal widths whatever the cells say."""
    grid = t._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def min_height(row, mm: float = 7) -> None:
    """Rows at least `mm` high, so a printed blank leaves room to write by hand."""
    trpr = row._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(Mm(mm).twips)))
    height.set(qn("w:hRule"), "atLeast")
    trpr.append(height)


def no_wrap(cell) -> None:
    """Keep a short value (name, phone number, title) on one line: w:noWrap, which Word,
    WPS and LibreOffice honour as far as the column width allows."""
    tcpr = cell._tc.get_or_add_tcPr()
    if tcpr.find(qn("w:noWrap")) is None:
        # Schema order: w:noWrap follows tcW, gridSpan, vMerge, tcBorders and shd.
        anchor = next((tcpr.find(qn(f"w:{tag}")) for tag in ("tcMar", "tcFitText", "vAlign", "hideMark")
                       if tcpr.find(qn(f"w:{tag}")) is not None), None)
        flag = OxmlElement("w:noWrap")
        if anchor is None:
            tcpr.append(flag)
        else:
            anchor.addprevious(flag)


def table(doc, headers, widths, cells, *, loop: str, centered=(), footer=None, height: float = 7,
          dense: bool = False, nowrap=()):
    """blocks.looped_table with true column widths and hand-writable body rows.

    `nowrap` lists the columns whose cells (header included) hold short values that must
    not break inside a word: names, phone numbers, titles; give them wide enough columns.
    """
    t = looped_table(doc, headers, widths, cells, loop=loop, centered=centered, footer=footer, dense=dense)
    fit_columns(t, widths)
    for r in t.rows:
        if "{%tr" in r.cells[0].text:
            continue
        for i in nowrap:
            no_wrap(r.cells[i])
    for r in t.rows[1:]:
        if "{%tr" not in r.cells[0].text:
            min_height(r, height)
            for i, cell in enumerate(r.cells):
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                if i not in centered:  # justified CJK text spreads short names across the cell
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    gap(doc, 0)  # keeps the next heading off the table's bottom border
    return t


def sign_off_together(doc, issuer: str = "{{ issuer }}", date: str = "{{ date }}"):
    """sign_off whose issuer line never ends a page without its date below it."""
    sign_off(doc, issuer, date)
    doc.paragraphs[-2].paragraph_format.keep_with_next = True

"""Author the .docx form templates: GB/T 9704-2012 page, styles, tables, tags.

Only `python -m xinfang.templates_authoring` uses this, to (re)create the
templates under templates/forms/; the office then edits those files in Word.
Font names written here are the template defaults (see engine.TEMPLATE_FONTS);
at build time the data's document settings replace them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .engine import TEMPLATE_FONTS

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
TABLE_PT = 10.5  # 5号, for dense tables


def set_font(target, font: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set a style's or run's font in every slot, East-Asian included."""
    target.font.name = font
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    if size is not None:
        target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold


def _paragraph_style(doc, name: str, font: str, size: float, *, bold=False, align=None,
                     first_line_chars: int = 0, exact_pitch=True, outline: int | None = None,
                     base: str | None = None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    set_font(style, font, size, bold)
    style.font.color.rgb = None
    fmt = style.paragraph_format
    if exact_pitch:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH_PT)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if align is not None:
        fmt.alignment = align
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:ind")):
        ppr.remove(old)
    if first_line_chars:
        ind = ppr.get_or_add_ind()  # keeps the schema's child order (Word rejects w:ind after w:jc)
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(int(size * 20 * first_line_chars)))
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    if outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        ppr.append(level)
    # Heading styles of the default template carry keep-with-next and colours; keep the former.
    return style


def new_document(landscape: bool = False):
    """A blank document with the official-document page and styles."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(25), Mm(20)
        section.left_margin, section.right_margin = Mm(20), Mm(20)
    else:
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(20 if landscape else 28)
    _doc_grid(section, landscape)

    body = TEMPLATE_FONTS["body"]
    _paragraph_style(doc, "Normal", body, BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars=2)
    _paragraph_style(doc, "Title", TEMPLATE_FONTS["title"], TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER,
                     exact_pitch=False)
    title = doc.styles["Title"]
    title.paragraph_format.space_after = Pt(LINE_PITCH_PT)
    _strip_borders(title)
    _paragraph_style(doc, "Heading 1", TEMPLATE_FONTS["heading1"], BODY_PT, first_line_chars=2, outline=0)
    _paragraph_style(doc, "Heading 2", TEMPLATE_FONTS["heading2"], BODY_PT, first_line_chars=2, outline=1)
    _paragraph_style(doc, "Heading 3", body, BODY_PT, first_line_chars=2, outline=2)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.italic = False
    _paragraph_style(doc, "表格文字", body, TABLE_PT, exact_pitch=False, base="Normal")
    _paragraph_style(doc, "表头", TEMPLATE_FONTS["heading1"], TABLE_PT, exact_pitch=False,
                     align=WD_ALIGN_PARAGRAPH.CENTER, base="Normal")
    _paragraph_style(doc, "题注", body, 12, exact_pitch=False, base="Normal")
    _paragraph_style(doc, "落款", body, BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT, base="Normal")
    _paragraph_style(doc, "页码", TEMPLATE_FONTS["page_number"], PAGE_NUMBER_PT, exact_pitch=False)
    _page_numbers(doc)
    return doc


def _strip_borders(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _doc_grid(section, landscape: bool) -> None:
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars" if not landscape else "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH_PT * 20)))
    if not landscape:
        grid.set(qn("w:charSpace"), "0")
    sect.append(grid)


def _page_field(paragraph) -> None:
    """"— N —": an em dash, the PAGE field, an em dash."""
    def run(text=None, field=None):
        r = paragraph.add_run(text)
        set_font(r, TEMPLATE_FONTS["page_number"], PAGE_NUMBER_PT)
        if field:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), field)
            r._r.append(element)
        return r

    run("— ")
    run(field="begin")
    instr = run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    instr._r.append(code)
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _page_numbers(doc) -> None:
    """Odd pages number on the right, even pages on the left (GB/T 9704 7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        _number_footer(doc, footer, align)


def _number_footer(doc, footer, align) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["页码"]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(PAGE_NUMBER_PT)  # "一字距" from the edge
    _page_field(paragraph)


def no_header_on_first_page(doc) -> None:
    """Page 1 without the running header, e.g. when its body already carries the secret
    mark; it keeps the odd pages' page number."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _number_footer(doc, section.first_page_footer, WD_ALIGN_PARAGRAPH.RIGHT)


def title(doc, text: str):
    return doc.add_paragraph(text, style="Title")


def heading(doc, text: str, level: int = 1):
    return doc.add_paragraph(text, style=f"Heading {level}")


def para(doc, text: str = "", style: str | None = None):
    return doc.add_paragraph(text, style=style)


def tag(doc, text: str):
    """A paragraph that holds only a docxtpl paragraph tag such as {%p for x in xs %}."""
    return doc.add_paragraph(text)


def table(doc, headers: list[str], widths_mm: list[float], *, repeat_header: bool = True,
          header_style: str = "表头"):
    """A bordered table with a bold header row repeated on every page."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _fixed_layout(t)
    for cell, text, width in zip(t.rows[0].cells, headers, widths_mm):
        cell.width = Mm(width)
        cell.paragraphs[0].style = doc.styles[header_style]
        cell.paragraphs[0].add_run(text)
        shade(cell, "D9D9D9")
    if repeat_header:
        trpr = t.rows[0]._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        trpr.append(flag)
    _cant_split(t.rows[0])
    set_grid(t, widths_mm)
    t._widths = widths_mm
    return t


def set_grid(t, widths_mm: list[float]) -> None:
    """Column widths in w:tblGrid too: LibreOffice and WPS lay fixed tables out from the grid."""
    for col, width in zip(t._tbl.tblGrid.gridCol_lst, widths_mm):
        col.w = Mm(width)


def _fixed_layout(t) -> None:
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    # Schema order: w:tblLayout comes before these (python-docx adds w:tblLook by default).
    tblpr.insert_element_before(layout, "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def row(doc, t, texts: list[str], *, style: str = "表格文字", align=None, keep_together: bool = True):
    """Append a row; each text may hold Jinja tags. Returns the row.

    `keep_together=False` lets a tall row break across pages (long ledger entries).
    """
    r = t.add_row()
    if keep_together:
        _cant_split(r)
    for cell, text, width in zip(r.cells, texts, t._widths):
        cell.width = Mm(width)
        p = cell.paragraphs[0]
        p.style = doc.styles[style]
        if align is not None:
            p.alignment = align
        p.add_run(text)
    return r


def tag_row(doc, t, text: str):
    """A row holding a docxtpl row tag ({%tr for … %} / {%tr endfor %})."""
    r = t.add_row()
    r.cells[0].paragraphs[0].add_run(text)
    return r


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def save(doc, path) -> None:
    """Save with fixed core properties so re-authoring gives stable files."""
    import datetime as dt
    props = doc.core_properties
    props.author = props.last_modified_by = "信访工作文档生成器"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    props.title = ""
    # python-docx's default package carries what no form needs into every document made from the
    # template: Word 2010's copy of the styles, a thumbnail and 150 styles, three fifths of a blank.
    _drop_relationships(doc.part.package.rels, "/metadata/thumbnail")
    _drop_relationships(doc.part.rels, "/stylesWithEffects")
    _drop_unused_styles(doc)
    buffer, fixed = io.BytesIO(), io.BytesIO()
    doc.save(buffer)
    # Re-zip with fixed entry times so re-authoring an unchanged template changes no byte.
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    Path(path).write_bytes(fixed.getvalue())


# Where a part names a style; the styles a kept style names (its parent, the style of the
# next paragraph, its linked character style) are kept too.
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")
_STYLE_LINKS = ("w:basedOn", "w:next", "w:link")


def _drop_unused_styles(doc) -> None:
    """Keep the styles the template uses, those they build on and the defaults: python-docx's
    default package defines 177, of which a form uses about twenty. Word's built-in styles stay
    on offer in Word (the latent styles are kept) and are added back when the office uses one."""
    used = set()
    for part in doc.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None and element is not doc.styles.element:
            for tag in _STYLE_REFERENCES:
                used.update(el.get(qn("w:val")) for el in element.iter(qn(tag)))
    styles = {el.get(qn("w:styleId")): el for el in doc.styles.element.findall(qn("w:style"))}
    keep = used | {sid for sid, el in styles.items() if el.get(qn("w:default")) in ("1", "true")}
    pending = list(keep)
    while pending:
        style = styles.get(pending.pop())
        if style is None:
            continue
        for tag in _STYLE_LINKS:
            link = style.find(qn(tag))
            name = link.get(qn("w:val")) if link is not None else None
            if name and name not in keep:
                keep.add(name)
                pending.append(name)
    for sid, el in styles.items():
        if sid not in keep:
            el.getparent().remove(el)


def _drop_relationships(rels, type_suffix: str) -> None:
    """Drop relationships of a type; the parts only they reached are then not saved."""
    for rel_id in [rel_id for rel_id, rel in rels.items() if rel.reltype.endswith(type_suffix)]:
        del rels[rel_id]


# --- Additions for the table-style forms (ledger, rosters, lists) ----------

def paragraph_style(doc, name: str, font: str, size: float, *, bold=False, align=None, base="Normal"):
    """A compact style for dense tables and form blocks: single spacing, off the line grid."""
    style = _paragraph_style(doc, name, font, size, bold=bold, align=align, exact_pitch=False, base=base)
    off_grid(style)
    # Normal indents its first line by two characters; a table cell must not inherit that.
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "0")
    ind.set(qn("w:firstLine"), "0")
    return style


# CT_PPr children that follow w:snapToGrid in the schema's sequence.
_AFTER_SNAP = tuple(f"w:{n}" for n in (
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))


def off_grid(style) -> None:
    """Stop a style's lines snapping to the page's 28.95 pt grid (dense tables need that)."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:snapToGrid")):
        ppr.remove(old)
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.insert_element_before(snap, *_AFTER_SNAP)


def page_header(doc, left: str, right: str = "", *, font: str | None = None, size: float = 10.5,
                bold: bool = False):
    """The same running header on odd and even pages: `left` text, `right` text at the right edge."""
    section = doc.sections[0]
    font = font or TEMPLATE_FONTS["heading1"]
    usable = section.page_width - section.left_margin - section.right_margin
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.text = ""
        fmt = p.paragraph_format
        ind = p._p.get_or_add_pPr().get_or_add_ind()  # no first-line indent inherited from Normal
        ind.set(qn("w:firstLineChars"), "0")
        ind.set(qn("w:firstLine"), "0")
        for inherited in (Mm(82.55), Mm(165.1)):  # the Header style's centre and right stops
            fmt.tab_stops.add_tab_stop(inherited, alignment=WD_TAB_ALIGNMENT.CLEAR)
        fmt.tab_stops.add_tab_stop(usable, alignment=WD_TAB_ALIGNMENT.RIGHT)
        set_font(p.add_run(left), font, size, bold)
        if right:
            set_font(p.add_run("\t" + right), font, size, bold)


def label_table(doc, pairs: list[tuple[str, str]], widths_mm: list[float], *, style: str = "表格文字"):
    """A borderless one-row block of "label：value" cells, e.g. the title block of a ledger."""
    t = doc.add_table(rows=1, cols=len(pairs))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _fixed_layout(t)
    set_grid(t, widths_mm)
    for cell, (label, value), width in zip(t.rows[0].cells, pairs, widths_mm):
        cell.width = Mm(width)
        p = cell.paragraphs[0]
        p.style = doc.styles[style]
        bold = p.add_run(label)
        bold.bold = True
        p.add_run(value)
    return t


def cell_margins(t, left_right_mm: float, top_bottom_mm: float = 0) -> None:
    """Narrow cell padding for dense tables (Word's default is 1.9 mm left and right)."""
    tblpr = t._tbl.tblPr
    for old in tblpr.findall(qn("w:tblCellMar")):
        tblpr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top_bottom_mm), ("left", left_right_mm),
                        ("bottom", top_bottom_mm), ("right", left_right_mm)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(round(value * 1440 / 25.4))))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def page_margins(doc, top_mm: float, bottom_mm: float, left_mm: float, right_mm: float) -> None:
    """Override the page margins, e.g. for a wide landscape ledger."""
    section = doc.sections[0]
    section.top_margin, section.bottom_margin = Mm(top_mm), Mm(bottom_mm)
    section.left_margin, section.right_margin = Mm(left_mm), Mm(right_mm)

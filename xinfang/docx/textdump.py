"""A DOCX as plain text: paragraphs and table rows in document order, one line each."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SEP = " | "  # between the cells of a table row
CELL_BREAK = " / "  # between the paragraphs of one cell
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)
_WORDS = re.compile(r"[A-Za-z\u3400-\u9fff]")  # a header/footer line of only page-number dashes is not text


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, T, TAB, BR, CR, SDT, SDT_CONTENT = map(
    _q, ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr", "sdt", "sdtContent"))
GRID_SPAN, TC_PR, DEL_TEXT = _q("gridSpan"), _q("tcPr"), _q("delText")
FALLBACK = f"{{{MC}}}Fallback"


@dataclass
class Row:
    """A table row: its cells' texts and the grid column each cell starts at."""

    cells: list[str]
    columns: list[int]
    header: bool = False  # a row Word repeats on every page (w:tblHeader)

    @property
    def text(self) -> str:
        return SEP.join(self.cells)


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)


@dataclass
class Dump:
    """A document's text: blocks (str paragraphs and Tables) of the body, then header/footer lines."""

    blocks: list = field(default_factory=list)
    margins: list[str] = field(default_factory=list)  # 页眉/页脚 lines, each once

    def lines(self) -> list[str]:
        found = []
        for block in self.blocks:
            if isinstance(block, Table):
                found += [row.text for row in block.rows]
            else:
                found.append(block)
        return found + self.margins

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines())


def paragraph_text(p) -> str:
    """The text a paragraph shows: runs, tabs as spaces, breaks as spaces; no deleted or fallback text."""
    parts = []
    for node in p.iter(T, TAB, BR, CR, FALLBACK):
        if node.tag == T:
            if not _in_fallback(node, p):
                parts.append(node.text or "")
        elif node.tag != FALLBACK and not _in_fallback(node, p):
            parts.append(" ")
    return "".join(parts).strip()


def _in_fallback(node, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc) -> str:
    texts = []
    for child in _content(tc):
        if child.tag == P:
            texts.append(paragraph_text(child))
        elif child.tag == TBL:  # a nested table: its rows inside the cell
            texts += [row.text for row in _table(child).rows]
    return CELL_BREAK.join(t for t in texts if t)


def _content(parent):
    """Children of a body or cell, with content controls (w:sdt) unwrapped."""
    for child in parent:
        if child.tag == SDT:
            inner = child.find(SDT_CONTENT)
            if inner is not None:
                yield from _content(inner)
        else:
            yield child


def _table(tbl) -> Table:
    table = Table()
    for tr in _content(tbl):
        if tr.tag != TR:
            continue
        cells, columns, column = [], [], 0
        for tc in _content(tr):
            if tc.tag != TC:
                continue
            span = tc.find(f"{TC_PR}/{GRID_SPAN}")
            cells.append(_cell_text(tc))
            columns.append(column)
            column += int(span.get(_q("val"), "1")) if span is not None else 1
        header = tr.find(f"{_q('trPr')}/{_q('tblHeader')}")
        is_header = header is not None and header.get(_q("val"), "true") in ("true", "1", "on")
        table.rows.append(Row(cells, columns, is_header))
    return table


def _body(root) -> list:
    blocks = []
    body = root.find(_q("body"))
    for child in _content(body if body is not None else root):
        if child.tag == P:
            text = paragraph_text(child)
            if text:
                blocks.append(text)
        elif child.tag == TBL:
            blocks.append(_table(child))
    return blocks


def dump(source) -> Dump:
    """The text of a DOCX given as bytes, a path or an open file."""
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    with zipfile.ZipFile(source) as archive:
        names = archive.namelist()
        found = Dump(_body(etree.fromstring(archive.read("word/document.xml"), _PARSER)))
        margins = sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
        for name in margins:
            label = "页眉" if "header" in name else "页脚"
            root = etree.fromstring(archive.read(name), _PARSER)
            for p in root.iter(P):
                text = paragraph_text(p)
                line = f"〔{label}〕{text}"
                if _WORDS.search(text) and line not in found.margins:
                    found.margins.append(line)
    return found


def text(source) -> str:
    """`dump(source).text()`: every line of the document, each ending with a newline."""
    return dump(source).text()


def made_on(source) -> dt.date | None:
    """The date a document was made for: its core properties' modified date (the build's data date).

    A zip of documents (a unit's blanks) answers with its first document's date.
    """
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if "docProps/core.xml" not in names:
                inner = next((n for n in sorted(names) if n.endswith(".docx")), None)
                return made_on(archive.read(inner)) if inner else None
            found = re.search(rb"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})", archive.read("docProps/core.xml"))
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    return dt.date.fromisoformat(found.group(1).decode()) if found else None

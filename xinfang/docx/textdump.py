"""A DOCX as plain text: paragraphs and table rows in document order, one line each."""

from __future__ import annotations

import contextlib
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
SPAN_PATH = f"{_q('tcPr')}/{_q('gridSpan')}"
GRID_SPAN, TBL_HEADER = _q("gridSpan"), _q("tblHeader")
NESTED = f".//{_q('tbl')}"
HEADER_PATH = f"{_q('trPr')}/{_q('tblHeader')}"
VAL = _q("val")
_MARGIN_PART = re.compile(r"word/(header|footer)\d*\.xml")
_TEXT_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_TEXT_PREFIXES = ("word/document", "word/header", "word/footer")
FALLBACK = f"{{{MC}}}Fallback"
FALLBACK_BYTES = b":Fallback"


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
    """The text a paragraph shows: runs, tabs and breaks as spaces; deleted text (w:delText) is not shown.

    The fallback copies of alternate content are gone by then (`_parse`, `_body`).
    """
    return "".join(node.text or "" if node.tag == T else " " for node in p.iter(T, TAB, BR, CR)).strip()


def _parse(xml: bytes):
    root = etree.fromstring(xml, _PARSER)
    if FALLBACK_BYTES in xml:  # mc:Fallback repeats what its mc:Choice shows
        for fallback in list(root.iter(FALLBACK)):
            fallback.getparent().remove(fallback)
    return root


def _cell_text(tc) -> str:
    paragraphs = tc.findall(P)
    if len(paragraphs) == 1 and len(tc) == 2:  # the usual cell: properties and one paragraph
        return paragraph_text(paragraphs[0])
    texts = []
    for child in _content(tc):
        if child.tag == P:
            texts.append(paragraph_text(child))
        elif child.tag == TBL:  # a nested table: its rows inside the cell
            texts += [row.text for row in _table(child).rows]
    return CELL_BREAK.join(t for t in texts if t)


def _content(parent):
    """Children of a table, row or cell, with content controls (w:sdt) unwrapped."""
    for child in parent:
        if child.tag == SDT:
            inner = child.find(SDT_CONTENT)
            if inner is not None:
                yield from _content(inner)
        else:
            yield child


def _table(tbl) -> Table:
    return Table([_row(tr) for tr in _content(tbl) if tr.tag == TR])


def _row(tr) -> Row:
    if tr.find(NESTED) is None:
        return _plain_row(tr)
    cells, columns, column = [], [], 0
    for tc in _content(tr):
        if tc.tag != TC:
            continue
        span = tc.find(SPAN_PATH)
        cells.append(_cell_text(tc))
        columns.append(column)
        column += int(span.get(VAL, "1")) if span is not None else 1
    header = tr.find(HEADER_PATH)
    return Row(cells, columns, header is not None and header.get(VAL, "true") in ("true", "1", "on"))


def _plain_row(tr) -> Row:
    """A row without tables inside, read in one pass over its elements (the fast, usual case)."""
    cells, columns, paragraphs, parts = [], [], [], None
    column, span, header, started = 0, 1, False, False

    def close_cell():
        nonlocal column, span, parts, paragraphs
        if parts is not None:
            paragraphs.append("".join(parts).strip())
        cells.append(CELL_BREAK.join(t for t in paragraphs if t))
        columns.append(column)
        column, span, parts, paragraphs = column + span, 1, None, []

    for node in tr.iter(TC, P, T, TAB, BR, CR, GRID_SPAN, TBL_HEADER):
        tag = node.tag
        if tag == T:
            if parts is not None:
                parts.append(node.text or "")
        elif tag == P:
            if parts is not None:
                paragraphs.append("".join(parts).strip())
            parts = []
        elif tag == TC:
            if started:
                close_cell()
            started = True
        elif tag == GRID_SPAN:
            span = int(node.get(VAL, "1"))
        elif tag == TBL_HEADER:
            header = node.get(VAL, "true") in ("true", "1", "on")
        elif parts is not None:  # a tab or a break
            parts.append(" ")
    if started:
        close_cell()
    return Row(cells, columns, header)


def _body(stream) -> list:
    """The body's paragraphs and tables, read as the part streams in.

    Each paragraph and each table row of the body is read once it is complete and then
    dropped, so a 200,000-row ledger (a 600 MB part) never stands in memory as a tree.
    Content controls (w:sdt) are looked through; mc:Fallback repeats what its mc:Choice
    shows: nothing in it is read, and it is removed before what holds it is.
    """
    blocks, table, tables, paragraphs, fallbacks = [], None, 0, 0, 0  # how many of each are open
    for event, node in etree.iterparse(stream, events=("start", "end"), tag=(P, TBL, TR, FALLBACK),
                                       resolve_entities=False, huge_tree=True):
        tag = node.tag
        if tag == FALLBACK:
            fallbacks += 1 if event == "start" else -1
            if event == "end":
                node.getparent().remove(node)
            continue
        if fallbacks:
            continue
        if event == "start":
            if tag == TBL:
                tables += 1
                if tables == 1 and not paragraphs:
                    table = Table()
            elif tag == P:
                paragraphs += 1
            continue
        if tag == TR:
            if tables == 1 and table is not None:
                table.rows.append(_row(node))
                _drop(node)
        elif tag == TBL:
            tables -= 1
            if not tables and table is not None:
                blocks.append(table)
                table = None
                _drop(node)
        elif tag == P:
            paragraphs -= 1
            if not paragraphs and not tables:
                text = paragraph_text(node)
                if text:
                    blocks.append(text)
                _drop(node)
    return blocks


def _drop(node) -> None:
    """Free a node read to the end, and the siblings read before it."""
    node.clear()
    parent = node.getparent()
    while node.getprevious() is not None:
        del parent[0]


@contextlib.contextmanager
def opened(source):
    """A DOCX given as bytes, a path, an open file or an open ZipFile, as an open ZipFile."""
    if isinstance(source, zipfile.ZipFile):
        yield source
        return
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source) as archive:
        yield archive


def dump(source) -> Dump:
    """The text of a DOCX (see `opened` for what `source` may be)."""
    with opened(source) as archive:
        names = archive.namelist()
        with archive.open("word/document.xml") as body:
            found = Dump(_body(body))
        margins = sorted(n for n in names if _MARGIN_PART.fullmatch(n))
        for name in margins:
            label = "页眉" if "header" in name else "页脚"
            for p in _parse(archive.read(name)).iter(P):
                text = paragraph_text(p)
                line = f"〔{label}〕{text}"
                if _WORDS.search(text) and line not in found.margins:
                    found.margins.append(line)
    return found


def text_parts(source) -> dict[str, bytes]:
    """The XML parts a document's text comes from (body, headers, footers), as stored."""
    with opened(source) as archive:
        return {name: archive.read(name) for name in sorted(_checksums(archive))}


def text_size(source) -> int:
    """How many bytes the text parts take inflated, from the zip's directory."""
    with opened(source) as archive:
        return sum(size for _, size in _checksums(archive).values())


def same_text(a, b) -> bool:
    """True when two DOCX files hold the very same body, header and footer parts (so the same text).

    Read from the zips' directories (checksums and sizes), without inflating anything.
    """
    with opened(a) as first, opened(b) as second:
        return _checksums(first) == _checksums(second)


def _checksums(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    return {i.filename: (i.CRC, i.file_size) for i in archive.infolist()
            if i.filename.startswith(_TEXT_PREFIXES) and _TEXT_PART.fullmatch(i.filename)}


def text(source) -> str:
    """`dump(source).text()`: every line of the document, each ending with a newline."""
    return dump(source).text()


def made_on(source) -> dt.date | None:
    """The date a document was made for: its core properties' modified date (the build's data date).

    A zip of documents (a unit's blanks) answers with its first document's date.
    """
    try:
        with opened(source) as archive:
            names = archive.namelist()
            if "docProps/core.xml" not in names:
                inner = next((n for n in sorted(names) if n.endswith(".docx")), None)
                return made_on(archive.read(inner)) if inner else None
            found = re.search(rb"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})", archive.read("docProps/core.xml"))
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    return dt.date.fromisoformat(found.group(1).decode()) if found else None

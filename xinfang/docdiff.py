"""What changed in one document, in words, from the text dumps of its old and new versions.

Each reason quotes text the document shows: a table row is named by its number
and its first identifying cell, a column by the table's header row, a paragraph
change by the words around it; in a table without a header row (a form's grid
of labels and values), a changed value by the label left of it. Differences
that are only the build's date (the data date as 2026年11月22日 or 2026-11-22,
the period 2026年11月) are set apart: the old version's date strings are masked
in the old text, the new version's in the new text, and what is equal afterwards
is a date-only change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from .docx.textdump import Dump, Row, Table

NUMBER_COLUMN = "序号"  # renumbering after an inserted or removed row is not a change of its own
DATE_MASK = "\x00"
SHORT = 30  # a cell up to this long is quoted whole
BRIEF = 60  # a new or removed row is quoted up to this long
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-:/_@]*|\s+|.", re.S)
_CLAUSE_END = set("，。；！？,;!?|/")
_FIRST_CLAUSE = re.compile(r"[^：:，,。；;]*")
_LABEL = re.compile(r"[\u3400-\u9fffA-Za-z（）()、/ ]{2,12}")  # a grid's label: words, no figures or colon

# Kinds of document change, as the distribution list names them.
REISSUE, DATE_ONLY, LAYOUT_ONLY = "更新", "仅日期更新", "仅版式更新"


@dataclass
class Line:
    """One line of a dump: a paragraph, or a table row with what names its cells."""

    key: str | tuple  # what is compared: a paragraph's text, a row's cells without its 序号
    row: Row | None = None
    number: int = 0  # a data row's number in its table, from 1; 0 for paragraphs, header and grid rows
    columns: dict[int, str] = field(default_factory=dict)  # grid column → header text
    caption: str = ""  # a table's caption when the document has several tables

    @property
    def text(self) -> str:
        """Made when asked for: a 200,000-row ledger is compared by its keys alone."""
        return self.key if self.row is None else self.row.text

    @property
    def label(self) -> str:
        """The row's first identifying cell (not its number), e.g. a ledger entry's 编号."""
        if self.row is None:
            return ""
        for cell, column in zip(self.row.cells, self.row.columns):
            if cell and self.columns.get(column) != NUMBER_COLUMN:
                return _clip(cell, 20)
        return ""

    @property
    def table(self) -> tuple:
        """Which table the row is in, as far as its version tells: its columns, not its caption,
        which a document names only once it has several tables."""
        return tuple(sorted(self.columns.items()))


@dataclass
class Comparison:
    kind: str  # REISSUE, DATE_ONLY or LAYOUT_ONLY
    reasons: list[str]


def date_forms(day: dt.date) -> list[str]:
    """How a build's date is printed, longest first."""
    return [f"{day.year}年{day.month}月{day.day}日", day.isoformat(), f"{day.year}年{day.month}月"]


def differs_only_in_dates(old: dict[str, bytes], old_day: dt.date | None, new_masked: dict[str, bytes]) -> bool:
    """A quick exact test on the raw XML parts (textdump.text_parts): the old parts with the old
    version's dates masked equal the new ones with the new version's (`masked_parts`, worked
    out once for the new version's text mark).

    True means every difference sits where a date string stands, so the text differs only in
    dates; False says nothing (a date split across runs is not masked here): compare the dumps.
    """
    if old_day is None or old.keys() != new_masked.keys():
        return False
    return masked_parts(old, old_day) == new_masked


def masked_parts(parts: dict[str, bytes], day: dt.date) -> dict[str, bytes]:
    """Raw XML parts with every printed form of the build's date `day` replaced by one mask byte."""
    forms = [form.encode("utf-8") for form in date_forms(day)]
    masked = {}
    for name, content in parts.items():
        for form in forms:
            content = content.replace(form, b"\x00")
        masked[name] = content
    return masked


def masked_text(text: str, day: dt.date) -> str:
    """A dump's text with every printed form of the build's date `day` masked, as `compare` masks lines."""
    return _mask(text, date_forms(day))


def _mask(text: str, forms: list[str]) -> str:
    for form in forms:
        text = text.replace(form, DATE_MASK)
    return text


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _header_names(table: Table) -> tuple[dict[int, str], set[int]]:
    """Grid column → header text, and which rows are header rows (those Word repeats on each page).

    A table without one is a grid of labels and values: its first row is data too.
    """
    heads = {i for i, row in enumerate(table.rows) if row.header}
    names: dict[int, str] = {}
    if heads:
        last = table.rows[max(heads)]
        width = max((c for row in table.rows for c in row.columns), default=0) + 1
        for column in range(width):
            starts = [i for i, start in enumerate(last.columns) if start <= column]
            if starts:
                names[column] = last.cells[starts[-1]]
    return names, heads


def lines(dump: Dump) -> list[Line]:
    tables = sum(isinstance(b, Table) and len(b.rows) > 1 for b in dump.blocks)
    found, caption = [], ""
    for block in dump.blocks:
        if not isinstance(block, Table):
            found.append(Line(block))
            if block[0] not in "（(":  # a bracketed subtitle does not name the table below
                caption = _caption(block)
            continue
        names, heads = _header_names(block)
        number = 0
        for index, row in enumerate(block.rows):
            if index not in heads and names:
                number += 1
            key = tuple(cell for cell, column in zip(row.cells, row.columns) if names.get(column) != NUMBER_COLUMN)
            found.append(Line(key, row, number if index not in heads else 0, names,
                              caption if tables > 1 else ""))
    return found + [Line(margin) for margin in dump.margins]


def _caption(text: str) -> str:
    """What a paragraph can name the table below it by: its first clause, when short
    (without a bracket the clause would leave open)."""
    clause = _FIRST_CLAUSE.match(text).group(0).strip()
    if clause.count("（") + clause.count("(") > clause.count("）") + clause.count(")"):
        clause = clause[:max(clause.rfind("（"), clause.rfind("("))].strip()
    return clause if 3 <= len(clause) <= SHORT else ""


def compare(old: Dump, new: Dump, old_day: dt.date | None, new_day: dt.date) -> Comparison:
    """The reasons `new` differs from `old`; date-only and layout-only changes have none."""
    old_forms = date_forms(old_day) if old_day else []
    new_forms = date_forms(new_day)
    before, after = lines(old), lines(new)
    matcher = difflib.SequenceMatcher(None, [l.key for l in before], [l.key for l in after], autojunk=False)
    reasons, dated = [], False
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs, gone, came = _pair(before[i1:i2], after[j1:j2])
        for a, b in pairs:
            words = _changed_line(a, b, old_forms, new_forms)
            if words:
                reasons.append(words)
            else:
                dated = True
        reasons += [_whole("删除", line) for line in gone if not _heads_rows(line, gone, came)]
        reasons += [_whole("新增", line) for line in came if not _heads_rows(line, came, gone)]
    if reasons:
        return Comparison(REISSUE, reasons)
    if dated or (old_day != new_day) or old.lines() != new.lines():
        return Comparison(DATE_ONLY, [])
    return Comparison(LAYOUT_ONLY, [])


def _heads_rows(line: Line, lines: list[Line], other_side: list[Line]) -> bool:
    """A header row that comes (or goes) with rows of its table, no header going (or coming)
    in its place: the rows say it all."""
    return (_is_header(line) and any(other.number and other.table == line.table for other in lines)
            and not any(_is_header(other) for other in other_side))


def _is_header(line: Line) -> bool:
    return line.row is not None and not line.number and bool(line.columns)


def _pair(old: list[Line], new: list[Line]) -> tuple[list, list, list]:
    """Pair the lines of a replaced stretch: rows of one table with the same label first, then in order."""
    pairs, left, right = [], list(old), list(new)
    for a in list(left):
        if a.row is None or not a.label:
            continue
        match = next((b for b in right if b.row is not None and b.label == a.label and _same_kind(a, b)), None)
        if match is not None:
            pairs.append((a, match))
            left.remove(a)
            right.remove(match)
    while left and right and _same_kind(left[0], right[0]):
        pairs.append((left.pop(0), right.pop(0)))
    return pairs, left, right


def _same_kind(a: Line, b: Line) -> bool:
    if (a.row is None) != (b.row is None):
        return False
    return a.row is None or (a.table == b.table and len(a.row.cells) == len(b.row.cells))


def _where(line: Line) -> str:
    if line.row is None:
        return ""
    place = f"{line.caption} " if line.caption else ""
    if line.number:
        return f"{place}第{line.number}行" + (f"（{line.label}）" if line.label else "")
    return f"{place}表头" if line.columns else place.strip()


def _whole(verb: str, line: Line) -> str:
    if line.row is None:
        return f"{verb}：{_clip(line.text, BRIEF)}"
    cells = [c for c, col in zip(line.row.cells, line.row.columns) if c and line.columns.get(col) != NUMBER_COLUMN]
    where = f"{line.caption} " if line.caption else ""
    place = f"第{line.number}行" if line.number else "表头" if line.columns else "表格行"
    return f"{verb} {where}{place}：{_clip(' | '.join(cells), BRIEF)}"


def _changed_line(a: Line, b: Line, old_forms, new_forms) -> str:
    """The words for one changed line; empty when it changed only in its dates."""
    if _mask(a.text, old_forms) == _mask(b.text, new_forms):
        return ""
    if a.row is None or b.row is None:
        parts = _word_changes(a.text, b.text, old_forms, new_forms)
        return "；".join(parts)
    changes = []
    for index, (x, y) in enumerate(zip(a.row.cells, b.row.cells)):
        if x == y or _mask(x, old_forms) == _mask(y, new_forms):
            continue
        name = _cell_name(a, b, index)
        if name == NUMBER_COLUMN:
            continue
        if len(x) <= SHORT and len(y) <= SHORT:
            changes.append(f"{name} 由 {x or '（空白）'} 改为 {y or '（空白）'}".strip())
        else:
            changes += [f"{name} {words}".strip() for words in _word_changes(x, y, old_forms, new_forms)]
    return f"{_where(b)} " * bool(_where(b)) + "，".join(changes) if changes else ""


def _cell_name(a: Line, b: Line, index: int) -> str:
    """A list table's cell by its column header; a grid's value by the label left of it
    (words only: a figure, a date or a "填报单位：…" cell is no label)."""
    if b.number:
        return b.columns.get(b.row.columns[index], "")
    if b.columns or index == 0:
        return ""
    left = b.row.cells[index - 1]
    return left if left == a.row.cells[index - 1] and _LABEL.fullmatch(left) else ""


def _word_changes(old: str, new: str, old_forms, new_forms) -> list[str]:
    """Each changed stretch of a text as "由 X 改为 Y", widened to its clause for context."""
    x, y = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    spans = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2 and j1 - spans[-1][3] <= 2:  # close together: one change
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))
    found = []
    for i1, i2, j1, j2 in spans:
        a, b = _clause(x, i1, i2), _clause(y, j1, j2)
        if _mask(a, old_forms) == _mask(b, new_forms):
            continue
        if not a:
            found.append(f"新增“{b}”")
        elif not b:
            found.append(f"删去“{a}”")
        else:
            found.append(f"由 {a} 改为 {b}")
    return found


def _clause(tokens: list[str], start: int, end: int) -> str:
    """The tokens[start:end] widened to the clause they stand in (short), else a few tokens around."""
    left, right = start, end
    while left > 0 and tokens[left - 1] not in _CLAUSE_END:
        left -= 1
    while right < len(tokens) and tokens[right] not in _CLAUSE_END:
        right += 1
    text = "".join(tokens[left:right]).strip()
    if len(text) <= SHORT:
        return text
    left, right = max(0, start - 4), min(len(tokens), end + 4)
    text = "".join(tokens[left:right]).strip()
    return ("…" if left > 0 else "") + text + ("…" if right < len(tokens) else "")

"""The distribution list (发放清单): per receiving unit, the documents to re-issue and what changed in each.

What changed in a document is worked out from its own text (xinfang.docdiff):
the version still in the output folder is compared with the one about to
replace it, so each reason is text the document shows. A document whose
only differences are the build's date is regenerated but not re-issued.
Confidential documents are listed without their contents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import docdiff
from .cores import map_forked
from .docx import textdump
from .returns import textdump as xlsxdump
from .forms.common import BLANK_DIR, CONFIDENTIAL_DIR, FILLED_DIR
from .jinja import cn_date
from .outputs import Outcome, write_atomic
from .xlsxlayout import a4_landscape, new_workbook, properties, row_height

TEXT = "发放清单.txt"
WORKBOOK = "发放清单.xlsx"
NEW, ARCHIVED = "新建", "已归档"
# How each kind of entry is named, in the order a unit's entries are listed.
ACTIONS = {docdiff.REISSUE: "更新", NEW: "新建", ARCHIVED: "已归档",
           docdiff.DATE_ONLY: "仅日期更新", docdiff.LAYOUT_ONLY: "仅版式更新"}
TO_ISSUE = (docdiff.REISSUE, NEW, ARCHIVED)  # what the office sends out (or withdraws)
SECTIONS = {FILLED_DIR: "表格文档", BLANK_DIR: "空白模板", CONFIDENTIAL_DIR: "涉密文档"}
UNREADABLE = "原文件已损坏或不是本工具生成的文档，无法逐项比较，请整份重新下发"
RAW_CHECK_LIMIT = 64 * 2**20  # bytes of a document's text parts, inflated
CONFIDENTIAL_REASON = "涉密文档，有 {n} 处变化，具体内容不在清单中列出，请打开文档核对"


@dataclass
class Entry:
    """One document of a build's distribution list."""

    path: str  # relative to the output folder
    kind: str  # a key of ACTIONS
    reasons: list[str] = field(default_factory=list)
    archived_to: str = ""

    @property
    def unit(self) -> str:
        """The receiving unit: the folder the document lies in, e.g. 北辰能源/一矿."""
        return posixpath.dirname(self.path).split("/", 1)[-1]

    @property
    def section(self) -> str:
        return SECTIONS.get(self.path.split("/", 1)[0], "")

    @property
    def to_issue(self) -> bool:
        return self.kind in TO_ISSUE

    @property
    def sort_key(self) -> tuple:
        return tuple(self.unit.split("/")), list(ACTIONS).index(self.kind), self.path


def is_document(path: str) -> bool:
    return path.endswith((".docx", ".xlsx"))


def compare_staged(folder, today: dt.date) -> dict[str, docdiff.Comparison]:
    """For every changed document staged in `folder` (an OutputFolder), what changed in it.

    Call before `folder.commit()`, while the old version is still in place. Documents are
    compared on every core: one new risk entry changes the company-wide ledger, whose two
    versions take seconds to read, and the workbook beside it. Each compared document's
    text mark goes into the manifest (see `_text_mark`).
    """
    paths = [path for path in folder.outcome.changed if is_document(path)]
    found = map_forked(lambda path: _compare_file(folder, path, today), paths, min_items=2)
    for path, (_, mark) in zip(paths, found):
        folder.note_text(path, mark)
    return {path: comparison for path, (comparison, _) in zip(paths, found)}


def _compare_file(folder, path: str, today: dt.date) -> tuple[docdiff.Comparison, str | None]:
    """What changed in a staged document, and the new version's text mark."""
    try:
        with zipfile.ZipFile(folder.target(path)) as new:
            text = _NewText(new, today)
            if text.mark and _same_but_dates(text.mark, folder.text_mark(path), today):
                return docdiff.Comparison(docdiff.DATE_ONLY, []), text.mark
            with zipfile.ZipFile(folder.root / path) as old:
                found = _compare(old, new, today, text)
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):  # the old file was damaged or replaced
        return docdiff.Comparison(docdiff.REISSUE, [UNREADABLE]), None
    if path.startswith(CONFIDENTIAL_DIR + "/") and found.reasons:
        found = docdiff.Comparison(found.kind, [CONFIDENTIAL_REASON.format(n=len(found.reasons))])
    return found, text.mark


def _text_mark(day: dt.date, masked: list[bytes]) -> str:
    """A version's text, its own dates masked, as "<data date> <digest>".

    The manifest keeps it for each document a build compared. When the next build's version
    of that document has the same digest under another date, its text differs only in dates,
    and the old file is not read at all: the week's rebuild of a large group changes every
    document's date, and reading each old version back from disk took most of its time.
    """
    digest = hashlib.sha256()
    for chunk in masked:
        digest.update(hashlib.sha256(chunk).digest())
    return f"{day.isoformat()} {digest.hexdigest()[:32]}"


def _same_but_dates(mark: str, kept: str | None, today: dt.date) -> bool:
    """The two versions' marks agree and the old one was made for another date."""
    return bool(kept) and kept.split()[1] == mark.split()[1] and kept.split()[0] != today.isoformat()


class _NewText:
    """The text of a staged version, read once: a workbook's dump, or a document's raw text
    parts with its dates masked (none when they are too large to hold whole, as the
    company-wide ledger of a national group; its dumps are read row by row)."""

    def __init__(self, new: zipfile.ZipFile, today: dt.date):
        self.workbook = "xl/workbook.xml" in new.namelist()
        self.dump, self.masked, self.mark = None, None, None
        if self.workbook:
            self.dump = xlsxdump.dump(new.filename)
            self.mark = _text_mark(today, [docdiff.masked_text(self.dump.text(), today).encode("utf-8")])
        elif textdump.text_size(new) <= RAW_CHECK_LIMIT:
            self.masked = docdiff.masked_parts(textdump.text_parts(new), today)
            self.mark = _text_mark(today, [piece for item in sorted(self.masked.items())
                                           for piece in (item[0].encode("utf-8"), item[1])])


def _compare(old: zipfile.ZipFile, new: zipfile.ZipFile, today: dt.date, text: _NewText) -> docdiff.Comparison:
    made = textdump.made_on(old)
    if text.workbook:  # compare the visible sheets' text
        return docdiff.compare(xlsxdump.dump(old.filename), text.dump, made, today)
    # Most documents of a rebuild after the data date moved differ only there: no dumps needed.
    if textdump.same_text(old, new):
        return docdiff.Comparison(docdiff.DATE_ONLY if made != today else docdiff.LAYOUT_ONLY, [])
    # Checked as raw XML, a part takes a few times its size in memory: the company-wide ledger of
    # a national group (600 MB) is left to the dumps, which read it row by row.
    if (text.masked is not None and textdump.text_size(old) <= RAW_CHECK_LIMIT
            and docdiff.differs_only_in_dates(textdump.text_parts(old), made, text.masked)):
        return docdiff.Comparison(docdiff.DATE_ONLY, [])
    return docdiff.compare(textdump.dump(old), textdump.dump(new), made, today)


def entries(outcome: Outcome, comparisons: dict[str, docdiff.Comparison]) -> list[Entry]:
    """Every document the build made anew, changed or archived, sorted by unit."""
    found = [Entry(path, NEW) for path in outcome.new if is_document(path)]
    found += [Entry(path, comparisons[path].kind, comparisons[path].reasons)
              for path in outcome.changed if path in comparisons]
    found += [Entry(path, ARCHIVED, archived_to=to) for path, to in outcome.archived.items() if is_document(path)]
    return sorted(found, key=lambda entry: entry.sort_key)


def counts(found: list[Entry]) -> dict[str, int]:
    return {kind: sum(entry.kind == kind for entry in found) for kind in ACTIONS}


def headline(found: list[Entry]) -> str:
    n = counts(found)
    units = len({entry.unit for entry in found if entry.to_issue})
    issue = n[docdiff.REISSUE] + n[NEW]
    line = (f"需重新下发 {issue} 份（内容更新 {n[docdiff.REISSUE]} 份、新建 {n[NEW]} 份），"
            f"已归档 {n[ARCHIVED]} 份，涉及 {units} 个单位；"
            f"仅日期更新 {n[docdiff.DATE_ONLY]} 份")
    if n[docdiff.LAYOUT_ONLY]:
        line += f"、仅版式更新 {n[docdiff.LAYOUT_ONLY]} 份"
    return line + "，已重新生成，不需重新下发。"


def describe(entry: Entry) -> list[str]:
    """The entry's lines under its unit: what to do with which file, then why."""
    if entry.kind == ARCHIVED:
        return [f"  已归档 {entry.path}", f"    - 不再生成，已移至 {entry.archived_to or '（原文件已不在输出目录）'}"]
    lines = [f"  {ACTIONS[entry.kind]} {entry.path}"]
    return lines + [f"    - {reason}" for reason in entry.reasons]


def text(found: list[Entry], today: dt.date) -> str:
    lines = [f"信访工作文档发放清单（数据日期 {cn_date(today)}）", "", headline(found)]
    issue = [entry for entry in found if entry.to_issue]
    unit = None
    for entry in issue:
        if entry.unit != unit:
            unit = entry.unit
            lines += ["", f"【{unit}】"]
        lines += describe(entry)
    if not issue:
        lines += ["", "本次没有需要重新下发的文档。"]
    for kind, title in ((docdiff.DATE_ONLY, "仅日期更新（只有数据日期、期间或填报日期变化，不需重新下发）"),
                        (docdiff.LAYOUT_ONLY, "仅版式更新（文字内容未变，不需重新下发）")):
        quiet = [entry for entry in found if entry.kind == kind]
        if quiet:
            lines += ["", f"{title}："] + [f"  - {entry.path}" for entry in quiet]
    return "".join(line + "\n" for line in lines)


COLUMNS = (("序号", 5), ("接收单位", 18), ("处理", 9), ("文档类别", 9), ("文档", 40), ("变化内容", 66))


def workbook(found: list[Entry], today: dt.date) -> bytes:
    """The list as a workbook, printable on landscape A4; the same bytes for the same list.

    Sheet 发放清单: a row per document to issue or withdraw, with what changed in it;
    sheet 仅日期更新: the documents regenerated only for their dates (or layout).
    """
    buffer = io.BytesIO()
    book = new_workbook(buffer, rows_in_order=True)  # a first build lists every document
    book.set_properties(properties("信访工作文档发放清单", "", "", today))
    font = {"font_name": "宋体", "font_size": 10}
    formats = {"title": book.add_format({**font, "bold": True, "font_size": 14}),
               "note": book.add_format({**font, "text_wrap": True, "valign": "top"}),
               "head": book.add_format({**font, "bold": True, "bg_color": "#D9D9D9", "border": 1,
                                        "align": "center", "valign": "vcenter"}),
               "cell": book.add_format({**font, "border": 1, "text_wrap": True, "valign": "top"})}
    heading = f"信访工作文档发放清单（数据日期 {cn_date(today)}）"
    _sheet(book.add_worksheet("发放清单"), formats, heading, headline(found),
           [e for e in found if e.to_issue])
    quiet = [e for e in found if not e.to_issue]
    if quiet:
        _sheet(book.add_worksheet("仅日期更新"), formats, heading,
               "以下文档只有日期（或版式）变化，已重新生成，不需重新下发。", quiet)
    book.close()
    return buffer.getvalue()


def _sheet(sheet, formats: dict, heading: str, note: str, entries: list[Entry]) -> None:
    sheet.write(0, 0, heading, formats["title"])
    sheet.merge_range(1, 0, 1, len(COLUMNS) - 1, note, formats["note"])
    sheet.set_row(1, row_height([(note, sum(width for _, width in COLUMNS))]))
    for col, (name, width) in enumerate(COLUMNS):
        sheet.write(3, col, name, formats["head"])
        sheet.set_column(col, col, width)
    for row, entry in enumerate(entries, 4):
        reasons = entry.reasons if entry.kind != ARCHIVED else [f"不再生成，已移至 {entry.archived_to}"]
        if not entry.to_issue:
            reasons = ["不需重新下发"]
        values = (row - 3, entry.unit, ACTIONS[entry.kind], entry.section, entry.path, "\n".join(reasons))
        for col, value in enumerate(values):
            sheet.write(row, col, value, formats["cell"])
        sheet.set_row(row, row_height([(str(v), width) for v, (_, width) in zip(values, COLUMNS)]))
    sheet.freeze_panes(4, 0)
    sheet.autofilter(3, 0, 3 + len(entries), len(COLUMNS) - 1)
    a4_landscape(sheet, repeat=(3, 3))


def write(out_dir: Path, found: list[Entry], today: dt.date) -> None:
    """Write 发放清单.txt and .xlsx; a build that changed no document leaves the last ones."""
    if not found:
        return
    write_atomic(Path(out_dir) / TEXT, text(found, today).encode("utf-8"))
    write_atomic(Path(out_dir) / WORKBOOK, workbook(found, today))

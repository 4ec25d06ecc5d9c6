"""Open a returned file safely and read its rows: XLSX return workbooks and filled DOCX blank ledgers.

Nothing in a returned file is ever evaluated or re-saved: the zip is checked
before any parser sees it (encryption, macros, external links, size bombs),
cells are read as stored values (python-calamine), and a cell holding a formula
(found in the sheet's XML) is refused, not computed.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .columns import BY_HEADER, ENTRY_SHEET, FORM_NAME, HEADER_ROW, META_SHEET, letter
from .workbook import ENTRY_META_HEADER, META_KEYS

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # compressed-size bombs unpack thousands of times their size
MAX_ROWS = 5000
MAX_CELL_CHARS = 5000  # anything longer is not a ledger entry; fields have tighter limits of their own
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .xls/.doc files


class ReturnFileError(Exception):
    """A returned file that cannot be read at all; the message is for the user."""


@dataclass
class Cell:
    value: object
    ref: str  # e.g. 隐患报送!F12, or 表格1 第3行 第5列 in a DOCX


@dataclass
class Row:
    number: int  # the row as the user sees it
    cells: dict[str, Cell]  # header → cell

    def value(self, header: str):
        cell = self.cells.get(header)
        return None if cell is None else cell.value

    def ref(self, header: str) -> str:
        cell = self.cells.get(header)
        return cell.ref if cell else self.first_ref

    @property
    def first_ref(self) -> str:
        return next(iter(self.cells.values())).ref


@dataclass
class ReturnFile:
    path: Path
    kind: str  # "xlsx" or "docx"
    meta: dict = field(default_factory=dict)  # META_KEYS → value (xlsx only)
    issued: dict = field(default_factory=dict)  # entry ID → (digest, canonical JSON) as issued
    rows: list[Row] = field(default_factory=list)
    unit_label: str = ""  # docx: the unit named in the document's title
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, field, message)

    @property
    def name(self) -> str:
        return self.path.name


def read(path: Path) -> ReturnFile:
    """Read one returned file; raise ReturnFileError when it is not one we can take."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ReturnFileError(f"无法读取文件：{exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise ReturnFileError(f"文件过大（{size / 1024 / 1024:.1f} MB），不像是报送表")
    if head == OLE_MAGIC:
        raise ReturnFileError("文件设置了打开密码，或是旧版 .xls/.doc 格式：请在 Excel/WPS 中取消密码，"
                              "另存为 .xlsx（Word 表格另存为 .docx）后再导入")
    if not head.startswith(b"PK"):
        raise ReturnFileError("不是 Excel 工作簿（.xlsx）或 Word 文档（.docx），无法导入")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ReturnFileError("文件已损坏，无法打开（不是完整的 .xlsx/.docx 文件）") from None
    with archive:
        names = _check_archive(archive, size)
        if "xl/workbook.xml" in names:
            return _read_xlsx(path, archive)
        if "word/document.xml" in names:
            return _read_docx(path, archive)
    raise ReturnFileError("不是 Excel 工作簿（.xlsx）或 Word 文档（.docx），无法导入")


def _check_archive(archive: zipfile.ZipFile, size: int) -> set[str]:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReturnFileError("文件已加密，请取消密码后再导入")
    if any(posixpath.basename(n).lower().startswith("vbaproject") for n in names):
        raise ReturnFileError("文件含有宏（.xlsm/.docm），为安全起见不予导入：请另存为不含宏的 .xlsx/.docx")
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise ReturnFileError("工作簿含有指向其他文件的外部链接，不予导入：请复制后“选择性粘贴—数值”去掉链接再报送")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(size, 1) + 10 * 1024 * 1024:
        raise ReturnFileError("文件解压后异常巨大（疑似恶意构造的压缩文件），不予导入")
    return names


def _read_xlsx(path: Path, archive: zipfile.ZipFile) -> ReturnFile:
    from python_calamine import CalamineError, CalamineWorkbook  # only the import reads workbooks
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        if META_SHEET not in names or ENTRY_SHEET not in names:
            raise ReturnFileError(f"不是{FORM_NAME}：缺少“{ENTRY_SHEET}”或“{META_SHEET}”工作表"
                                  f"（请用信访办公室下发的报送表填写，不要删除或改名工作表）")
        entries, meta = book.get_sheet_by_name(ENTRY_SHEET), book.get_sheet_by_name(META_SHEET)
    except CalamineError as exc:
        raise ReturnFileError(f"无法读取工作簿：{exc}") from None
    for sheet in (entries, meta):
        if sheet.total_height > MAX_ROWS:
            raise ReturnFileError(f"工作表“{sheet.name}”超过 {MAX_ROWS} 行，不像是报送表，不予导入")
    result = ReturnFile(path, "xlsx")
    _read_meta(meta.to_python(skip_empty_area=False), result)
    _read_entries(entries.to_python(skip_empty_area=False), _formula_cells(archive, ENTRY_SHEET), result)
    return result


def _formula_cells(archive: zipfile.ZipFile, sheet_name: str) -> set[str]:
    """References of the cells holding a formula in the named sheet (their values are never used)."""
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    workbook = etree.fromstring(archive.read("xl/workbook.xml"), parser)
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
    rel_id = next((s.get(f"{{{R}}}id") for s in workbook.iter(f"{{{S}}}sheet") if s.get("name") == sheet_name), None)
    target = next((r.get("Target") for r in rels if r.get("Id") == rel_id), None)
    if target is None:
        return set()
    member = posixpath.normpath(target.lstrip("/") if target.startswith("/") else f"xl/{target}")
    if not re.search(rb"<(?:\w+:)?f[ >/]", archive.read(member)):
        return set()  # most returns hold no formula: skip the cell-by-cell parse
    found = set()
    for _event, cell in etree.iterparse(archive.open(member), tag=f"{{{S}}}c", resolve_entities=False,
                                        no_network=True):
        if cell.find(f"{{{S}}}f") is not None:
            found.add(cell.get("r"))
        cell.clear()
    return found


S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _read_meta(rows: list[list], result: ReturnFile) -> None:
    for values in rows:
        values = [("" if v is None else v) for v in values] + ["", "", ""]
        key = str(values[0]).strip()
        if key in META_KEYS and values[1] != "":
            result.meta[key] = _plain(values[1])
        elif key and key != ENTRY_META_HEADER[0] and values[1] != "" and values[2] != "":
            result.issued[key] = (str(values[1]), str(values[2]))


def _plain(value) -> str:
    """A stored value as the text it was written as (a re-saved "1" may come back as 1.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_entries(rows: list[list], formulas: set[str], result: ReturnFile) -> None:
    headers: dict[int, str] | None = None
    for number, values in enumerate(rows, 1):
        # A formula's cell counts even when it holds no stored value: it is refused below.
        cells = [(i, v) for i, v in enumerate(values)
                 if v not in (None, "") or (formulas and f"{letter(i)}{number}" in formulas)]
        if not cells:
            continue
        if headers is None:
            if number <= HEADER_ROW + 5 and any(v == "编号" for _, v in cells):
                headers = {i: str(v).strip() for i, v in cells}
                missing = [h for h in BY_HEADER if h not in headers.values()]
                if missing:
                    raise ReturnFileError(f"“{ENTRY_SHEET}”表头缺少列：{'、'.join(missing)}（请不要修改表头）")
            continue
        row = Row(number, {})
        for index, value in cells:
            header = headers.get(index)
            if header not in BY_HEADER:
                continue
            cell = f"{letter(index)}{number}"
            ref = f"{ENTRY_SHEET}!{cell}"
            if formulas and cell in formulas:
                result.problems.append((ref, header, "单元格含有公式，请改为直接填写内容（复制后“选择性粘贴—数值”）"))
                continue
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                result.problems.append((ref, header, f"内容过长（{len(value)} 字），一个单元格不得超过 {MAX_CELL_CHARS} 字"))
                continue
            row.cells[header] = Cell(value, ref)
        if row.cells:
            result.rows.append(row)
    if headers is None:
        raise ReturnFileError(f"“{ENTRY_SHEET}”中找不到表头（第一列应为“编号”）")


# --- filled DOCX blank ledgers (空白模板) --------------------------------------

DOCX_HEADERS = {"编号": "编号", "问题描述": "问题描述", "问题类别": "问题类别", "涉及人数": "涉及人数",
                "风险等级": "风险等级", "包案领导": "包案领导", "责任人": "责任人", "化解措施": "化解措施",
                "化解时限": "化解时限", "挂号日期": "挂号日期", "状态": "状态", "销号日期": "销号日期",
                "进展情况": "新进展内容"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(path: Path, archive: zipfile.ZipFile) -> ReturnFile:
    """A blank ledger filled in Word or WPS: its title names the unit, its entry table holds the rows."""
    from lxml import etree
    try:
        root = etree.fromstring(archive.read("word/document.xml"),
                                parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        raise ReturnFileError("文档已损坏，无法读取") from None
    body = root.find(f"{W}body")
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")).strip() for p in body.iter(f"{W}p")]
    if not any("信访隐患排查台账" in p for p in paragraphs):
        raise ReturnFileError(f"不是{FORM_NAME}或信访隐患排查台账的空白模板，无法导入")
    unit = next((p.split("：", 1)[1].strip() for p in paragraphs if p.startswith("填报单位：")), "")
    result = ReturnFile(path, "docx", unit_label=unit)
    for number, table in enumerate(body.iter(f"{W}tbl"), 1):
        rows = [[_cell_text(tc) for tc in tr.iter(f"{W}tc")] for tr in table.iter(f"{W}tr")]
        header_at = next((i for i, r in enumerate(rows) if "问题描述" in r and "风险等级" in r), None)
        if header_at is None:
            continue
        headers = rows[header_at]
        for offset, cells in enumerate(rows[header_at + 1:], header_at + 2):
            row = Row(offset, {})
            for col, value in enumerate(cells):
                header = DOCX_HEADERS.get(headers[col].strip()) if col < len(headers) else None
                if header and value.strip() and header != "序号":
                    row.cells[header] = Cell(value.strip(), f"表格{number} 第{offset}行 第{col + 1}列")
            if any(h not in ("编号",) for h in row.cells):
                result.rows.append(row)
        if len(result.rows) > MAX_ROWS:
            raise ReturnFileError(f"表格超过 {MAX_ROWS} 行，不像是报送的台账，不予导入")
        return result
    raise ReturnFileError("文档中找不到隐患台账表格（表头应含“问题描述”“风险等级”）")


def _cell_text(tc) -> str:
    paragraphs = tc.iter(f"{W}p")
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs).strip()

"""The one declaration of the return workbook: its sheets, columns and what each column may hold.

The writer lays the workbook out from this and the reader maps cells back through
it, so a column added here appears in both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

FORM_NAME = "信访隐患报送表"
FORMAT_VERSION = 1
ENTRY_SHEET = "隐患报送"
GUIDE_SHEET = "填写说明"
LISTS_SHEET = "选项"
META_SHEET = "报送信息"
HEADER_ROW = 3  # 1-based: title, note, then the header
FIRST_ROW = HEADER_ROW + 1
NEW_ROWS = 30  # empty rows offered for new entries
VALIDATED_ROWS = 1000  # validations and unlocked cells reach this far, so rows can be added

# kinds: text, choice, int, date, person, campaign, progress (read-only history)
TEXT, CHOICE, INT, DATE, PERSON, CAMPAIGN, HISTORY, ID = (
    "text", "choice", "int", "date", "person", "campaign", "history", "id")


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the risk file's YAML key, or "" for columns that are not a field
    kind: str
    width: int
    prompt: str
    editable: bool = True  # False: filled for existing entries and locked; new rows may still fill it
    wrap: bool = False
    required: bool = False  # for new entries


COLUMNS: tuple[Column, ...] = (
    Column("编号", "编号", ID, 13, "编号由系统生成，新增隐患请留空", editable=False),
    Column("问题描述", "问题描述", TEXT, 36, "简要写明问题、涉及人员范围和诉求", editable=False, wrap=True,
           required=True),
    Column("问题类别", "问题类别", CHOICE, 14, "请从下拉列表中选择", editable=False, required=True),
    Column("涉及人数", "涉及人数", INT, 8, "填写整数，如 12", required=True),
    Column("风险等级", "风险等级", CHOICE, 8, "红：可能引发集体访或越级访；黄：有一定风险；绿：一般", required=True),
    Column("包案领导", "包案领导", PERSON, 16, "从下拉列表中选择“姓名（职务）”；红色隐患必填"),
    Column("责任人", "责任人", PERSON, 16, "从下拉列表中选择“姓名（职务）”", required=True),
    Column("化解措施", "化解措施", TEXT, 30, "写明具体措施", wrap=True, required=True),
    Column("化解时限", "化解时限", DATE, 12, "日期，如 2026-12-31", required=True),
    Column("挂号日期", "挂号日期", DATE, 12, "发现并登记的日期", editable=False, required=True),
    Column("排查方式", "排查方式", CHOICE, 10, "不填即为日常排查", editable=False),
    Column("专项排查", "专项排查", CAMPAIGN, 18, "专项排查中发现的，选择是哪次专项排查", editable=False),
    Column("状态", "状态", CHOICE, 8, "在办 或 已销号；销号时须填销号日期"),
    Column("销号日期", "销号日期", DATE, 12, "状态为“已销号”时填写"),
    Column("已有进展", "", HISTORY, 30, "此前报送的进展，仅供参考，不能修改", editable=False, wrap=True),
    Column("新进展日期", "", DATE, 12, "本次报送的进展发生日期"),
    Column("新进展内容", "", TEXT, 30, "本次报送的新进展；每次报送写一条", wrap=True),
)
PROGRESS_DATE, PROGRESS_NOTE = "新进展日期", "新进展内容"
BY_HEADER = {c.header: c for c in COLUMNS}


@functools.cache  # called for every cell read
def letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based index (A, B, …, Z, AA …)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_letter(header: str) -> str:
    return letter([c.header for c in COLUMNS].index(header))

"""How each column of the hidden-risk ledger is filled: one explanation per column for both forms.

The column lists come from the forms themselves (the Word ledger's template and the
return workbook's declaration), so a column added there without an explanation here
fails the site's tests instead of silently missing from the manual.
"""

from __future__ import annotations

from .. import model
from ..returns.columns import COLUMNS as WORKBOOK_COLUMNS, ID
from ..templates_authoring.ledger import COLUMNS as WORD_COLUMNS

WORD_HEADERS = tuple(header for header, _width, _cell in WORD_COLUMNS)

# Worded to agree with the Word ledger's 填写说明 (templates_authoring/ledger.py) and the
# workbook's prompts and 填写说明 sheet (returns/columns.py, returns/workbook.py).
HOW = {
    "序号": "按行顺序填 1、2、3……",
    "编号": "全公司唯一。空白台账写作“单位代号-年份-序号”，如 yk-2026-001；报送表中已登记的隐患编号已填好，新增隐患留空，由{office}导入时统一编号",
    "单位": "发现隐患的单位：本单位及下属单位的隐患都应登记，写清是哪个单位的",
    "问题描述": "简要写明问题、涉及人员范围和诉求",
    "问题类别": "只能填以下之一：{categories}",
    "涉及人数": "填阿拉伯数字（整数），如 12，不要带“人”字",
    "风险等级": "只能填“红”“黄”“绿”之一：红色为可能引发集体访或越级访，黄色为有一定风险，绿色为一般。红色隐患必须明确包案领导",
    "包案领导": "红色隐患必填，写包案领导的姓名；黄色、绿色隐患可不填",
    "责任人": "必填，写具体负责化解的人员姓名",
    "化解措施": "写明具体措施：谁、做什么、怎样做",
    "化解时限": "计划化解的日期，如 2026-12-31；过了这一天仍未销号的，汇总时自动标为“超期”",
    "进展情况": "每条进展前写日期，按时间先后排列，最新的写在最后，如“2026-11-15 与职工代表座谈”",
    "挂号日期": "发现并登记的日期",
    "排查方式": "只能填以下之一：{kinds}；不填即为日常排查",
    "专项排查": "在专项排查中发现的，填是哪次专项排查",
    "状态": "只能填“在办”或“已销号”；“超期”由汇总时自动标出，不用填",
    "销号日期": "状态为“已销号”时填写，不能早于挂号日期",
    "已有进展": "此前报送的进展，仅供参考，不能修改",
    "新进展日期": "本次报送的进展发生日期",
    "新进展内容": "本次报送的新进展，每次报送写一条",
}


def columns(office: str) -> list[dict]:
    """Every column of either form, in the Word ledger's order then the workbook's extra ones;
    `office` is what the enterprise calls the office that merges the returns."""
    workbook = {c.header: c for c in WORKBOOK_COLUMNS}
    headers = list(WORD_HEADERS) + [c.header for c in WORKBOOK_COLUMNS if c.header not in WORD_HEADERS]
    choices = {"categories": "、".join(model.RISK_CATEGORIES), "kinds": "、".join(model.SCREENING_KINDS),
               "office": office}
    rows = []
    for header in headers:
        col = workbook.get(header)
        if col is None:
            in_workbook = "无此栏"
        elif col.kind == ID:
            in_workbook = "已填好并锁定（新增隐患留空）"
        elif not col.editable:
            in_workbook = "已填好并锁定（新增行可填）" if col.key else "已填好并锁定"
        else:
            in_workbook = "可填写、可修改"
        rows.append({"name": header, "how": HOW[header].format(**choices),
                     "word": "有" if header in WORD_HEADERS else "无此栏", "workbook": in_workbook,
                     "prompt": col.prompt if col else "—", "required": bool(col and col.required)})
    return rows

"""Template of the 信访隐患排查台账: landscape, shaded risk levels, subtotals, blank notes."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, looped_table, notes, save, title_block

NAME = "ledger.docx"
# Widths in mm add up to the 267 mm text width of landscape A4 with 15 mm side margins;
# a date needs 19 mm at 9 pt, an ID 21 mm; a header of four characters needs 15 mm on one
# line or 9 mm on two, never the width of three.
COLUMNS = [
    ("序号", 8, "{{ r.no }}"),
    ("编号", 21, "{{ r.id }}"),  # yk-2026-001 on one line
    ("单位", 14, "{{ r.unit }}"),
    ("问题描述", 33, "{{ r.description }}"),
    ("问题类别", 15, "{{ r.category }}"),  # four header characters on one line
    ("涉及人数", 9, "{{ r.people }}"),  # two lines of two
    ("风险等级", 9, "{% cellbg r.bg %}{{ r.level }}"),
    ("包案领导", 15, "{{ r.leader }}"),
    ("责任人", 12, "{{ r.owner }}"),
    ("化解措施", 29, "{{ r.measures }}"),
    ("化解时限", 19, "{{ r.deadline }}"),
    ("进展情况", 35, "{{ r.progress }}"),
    ("挂号日期", 19, "{{ r.registered }}"),
    ("状态", 9, "{% cellbg r.status_bg %}{{ r.status }}"),
    ("销号日期", 19, "{{ r.closed }}"),
]
CENTERED = (0, 5, 6, 7, 8, 10, 12, 13, 14)
DATES = (10, 12, 14)
TALLY = ["{{ t.count }}", "{{ t.red }}", "{{ t.yellow }}", "{{ t.green }}", "{{ t.people }}",
         "{{ t.open }}", "{{ t.overdue }}", "{{ t.closed }}"]
TALLY_HEADERS = ["合计", "红", "黄", "绿", "涉及人数", "在办", "超期", "已销号"]
TOTAL = [cell.replace("t.", "total.") for cell in TALLY]


def build_ledger(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document(landscape=True)
    a.page_margins(doc, 20, 15, 15, 15)
    a.page_header(doc, "{{ enterprise.name }}", "信访隐患排查台账")
    a.title(doc, "信访隐患排查台账")
    a.tag(doc, "{%p if rollup %}")
    a.para(doc, "（{{ period }}全公司汇总）", "副标题")
    a.tag(doc, "{%p endif %}")
    title_block(doc, [("填报单位：", "{{ unit.name }}"), ("期间：", "{{ period or '____年__月' }}"),
                      ("填报人：", "{{ filler }}"), ("审核人：", "{{ reviewer }}"),
                      ("填报日期：", "{{ date }}")], [84, 48, 38, 40, 57])
    headers, widths, cells = zip(*[(h, w, c) for h, w, c in COLUMNS])
    looped_table(doc, list(headers), list(widths), list(cells), dense=True, centered=CENTERED,
                 styles={i: "台账日期" for i in DATES})
    a.tag(doc, "{%p if not blank and not rows %}")
    a.para(doc, "本期无登记在册的信访隐患。", "说明")
    a.tag(doc, "{%p endif %}")

    a.tag(doc, "{%p if not blank %}")
    caption(doc, "分等级小计")
    looped_table(doc, ["风险等级"] + TALLY_HEADERS, [24] + [20] * 8,
                 ["{% cellbg t.bg %}{{ t.level }}"] + TALLY, loop="t in by_level",
                 centered=tuple(range(9)), footer=["合计"] + TOTAL)
    a.tag(doc, "{%p if by_unit %}")
    caption(doc, "分单位小计")
    looped_table(doc, ["单位"] + TALLY_HEADERS, [60] + [20] * 8, ["{{ t.unit }}"] + TALLY,
                 loop="t in by_unit", centered=tuple(range(1, 9)), footer=["合计"] + TOTAL)
    a.tag(doc, "{%p endif %}")
    a.para(doc, "注：风险等级红色为可能引发集体访或越级访，黄色为有一定风险，绿色为一般。"
                "状态以{{ date }}为准，“超期”指已过化解时限仍未销号。红色隐患每日更新；{{ rhythm.ledger }}。", "说明")
    a.tag(doc, "{%p endif %}")

    notes(doc, "填写说明", [
        "每条隐患填一行，行数不够可在表格末尾插入行；本单位及下属单位的隐患都应登记。",
        "编号：全公司唯一，建议写作“单位代号-年份-序号”，如 yk-2026-001。",
        "问题类别只能填以下之一：{{ allowed.categories }}。",
        "风险等级只能填“红”“黄”“绿”之一（{{ allowed.levels }}）：红色为可能引发集体访或越级访，"
        "黄色为有一定风险，绿色为一般。红色隐患必须明确包案领导。",
        "状态只能填“在办”或“已销号”（{{ allowed.states }}）；超过化解时限仍未销号的，汇总时自动标为“超期”。"
        "已销号的须填写销号日期。",
        "日期一律写作 2026-11-22 或 2026年11月22日；进展情况每条前写日期，按时间先后排列，最新的写在最后。",
        "涉及人数填阿拉伯数字。{{ rhythm.screening }}；{{ rhythm.ledger }}，"
        "{{ rhythm.deadline }}报送{{ enterprise.short_name }}{{ enterprise.office_full }}。",
    ])
    return save(doc, NAME, out_dir)

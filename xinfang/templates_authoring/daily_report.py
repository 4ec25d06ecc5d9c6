"""Template of the 风险预控日报告: summary, open red entries, entries found that day; 无 when none."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save, title_block
from .prose import addressee, fit_columns, min_height, secret_mark, sign_off_together, table

NAME = "daily_report.docx"
BLOCK = [62, 62, 32]
# Widths in mm add up to the 156 mm text width of portrait A4.
RED = [
    ("序号", 8, "{{ r.no }}"),
    ("单位", 16, "{{ r.unit }}"),
    ("问题描述", 41, "{{ r.description }}"),
    ("人数", 10, "{{ r.people }}"),
    ("包案领导", 16, "{{ r.leader }}"),
    ("最新进展", 33, "{{ r.progress }}"),
    ("化解时限", 20, "{{ r.deadline }}"),
    ("状态", 12, "{% cellbg r.status_bg %}{{ r.status }}"),
]
FOUND = [
    ("序号", 8, "{{ f.no }}"),
    ("单位", 16, "{{ f.unit }}"),
    ("问题描述", 67, "{{ f.description }}"),
    ("人数", 10, "{{ f.people }}"),
    ("等级", 10, "{% cellbg f.bg %}{{ f.level }}"),
    ("责任人", 14, "{{ f.owner }}"),
    ("排查方式", 31, "{{ f.screening }}"),
]


def _section(doc, columns, loop: str, rows: str, centered, dates=()):
    """The table when there are rows (or on the blank), else one plain 无."""
    a.tag(doc, "{%p if " + rows + " %}")
    headers, widths, cells = zip(*columns)
    t = table(doc, list(headers), list(widths), list(cells), loop=loop, centered=centered, dense=True,
              nowrap=(0, 3, 4))
    for i in dates:
        t.rows[2].cells[i].paragraphs[0].style = doc.styles["台账日期"]
    a.tag(doc, "{%p else %}")
    a.para(doc, "无。")
    a.tag(doc, "{%p endif %}")


def build_daily_report(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    secret_mark(doc)
    a.title(doc, "风险预控日报告")
    block = title_block(doc, [("报告单位：", "{{ unit.name }}"), ("报告日期：", "{{ date }}"),
                              ("填报人：", "{{ unit.liaison.name }}")], BLOCK)
    fit_columns(block, BLOCK)
    addressee(doc, "{{ to if to else '____________' }}：")
    a.para(doc, "{{ summary }}现将当日风险预控情况报告如下。")

    a.heading(doc, "一、红色隐患稳控情况")
    _section(doc, RED, "r in reds", "reds", centered=(0, 3, 4, 6, 7), dates=(6,))
    a.heading(doc, "二、当日新发现隐患")
    _section(doc, FOUND, "f in found", "found", centered=(0, 3, 4, 5))
    a.tag(doc, "{%p if blank %}")
    a.heading(doc, "三、其他需要报告的情况")
    box = a.table(doc, ["苗头动向、重点群体动态等（无情况的写“无”）"], [156])
    fit_columns(box, [156])
    min_height(a.row(doc, box, [""]), 36)
    a.tag(doc, "{%p endif %}")
    sign_off_together(doc, "{{ unit.name }}")

    a.tag(doc, "{%p if rule %}")
    caption(doc, "报告制度")
    a.para(doc, "本报告{{ rule.when }}报送{{ rule.to }}{{ '，内容为' + rule.content if rule.content else '' }}。"
                "红色隐患每日更新，发现重大群体性事件苗头动向的，另按重大风险专报第一时间报告。", "说明")
    a.tag(doc, "{%p endif %}")
    notes(doc, "填写说明", [
        "红色隐患指可能引发集体访或越级访的隐患，列出本单位及所属单位全部在办的红色隐患，每日更新最新进展。",
        "“当日新发现隐患”列出报告日期当天登记挂号的隐患，风险等级填“红”“黄”“绿”之一；同时登记到信访隐患排查台账。",
        "没有红色隐患或新发现隐患的，在该项下写“无”，实行零报告。",
        "日期一律写作“2026-11-20”；人数填阿拉伯数字。",
    ])
    return save(doc, NAME, out_dir)

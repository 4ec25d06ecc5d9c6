"""Template of the 退休人员社会化移交台账: landscape ledger per community and handover unit, with totals."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save, title_block
from .prose import fit_columns, table

NAME = "transfer_ledger.docx"
BLOCK = [90, 50, 55, 62]
# Widths in mm add up to the 257 mm text width of landscape A4.
COLUMNS = [
    ("序号", 9, "{{ r.no }}"),
    ("接收社区（街道）", 38, "{{ r.community }}"),
    ("所在县区", 20, "{{ r.district }}"),
    ("移交单位", 17, "{{ r.unit }}"),
    ("移交协议", 40, "{{ r.agreement }}"),
    ("签订日期", 28, "{% cellbg r.signed_bg %}{{ r.signed }}"),
    ("退休人员（人）", 16, "{{ r.retirees }}"),
    ("党员（人）", 14, "{{ r.party }}"),
    ("档案已移交（份）", 16, "{{ r.archives }}"),
    ("档案移交率", 15, "{{ r.archive_rate }}"),
    ("遗留问题", 44, "{{ r.issues }}"),
]
FOOTER = ["", "合计", "", "", "", "", "{{ total.retirees }}", "{{ total.party }}", "{{ total.archives }}",
          "{{ total.archive_rate }}", "{{ total.open }}{{ '项' if total.open != '' else '' }}"]


def build_transfer_ledger(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document(landscape=True)
    a.page_header(doc, "{{ enterprise.name }}", "退休人员社会化移交台账")
    a.title(doc, "退休人员社会化移交台账")
    block = title_block(doc, [("填报单位：", "{{ unit.name }}"), ("期间：", "{{ period or '____年__月' }}"),
                              ("信访联络员：", "{{ unit.liaison.name }}"), ("填报日期：", "{{ date }}")], BLOCK)
    fit_columns(block, BLOCK)
    headers, widths, cells = zip(*COLUMNS)
    ledger = table(doc, list(headers), list(widths), list(cells), loop="r in rows", centered=(0, 5, 6, 7, 8, 9),
          dense=True, footer=FOOTER, nowrap=(5,))
    ledger.rows[2].cells[5].paragraphs[0].style = doc.styles["台账日期"]
    a.tag(doc, "{%p if summary %}")
    a.para(doc, "{{ summary }}", "说明")
    a.tag(doc, "{%p endif %}")
    notes(doc, "填写说明", [
        "每个移交单位向一个社区（街道）的移交填一行；同一社区有几个移交单位就填几行。",
        "退休人员、党员写人数，档案已移交写份数，只写数字；党员人数和档案份数不能多于退休人员人数。",
        "档案移交率 = 档案已移交份数 ÷ 退休人员人数 × 100%；协议尚未签订的，签订日期填“未签订”。",
        "遗留问题逐条写明，已全部解决的填“无”；日期一律写作“2026年11月22日”。",
    ])
    return save(doc, NAME, out_dir)

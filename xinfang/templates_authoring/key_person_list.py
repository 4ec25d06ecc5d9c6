"""Template of the 重点人员动态管理清单: landscape, secret mark on the first line and on every later page's header."""

from __future__ import annotations

from docx.shared import Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, looped_table, notes, save, title_block

NAME = "key_person_list.docx"
# 267 mm of landscape text width (15 mm side margins).
COLUMNS = [
    ("序号", 8, "{{ r.no }}"),
    ("姓名", 15, "{{ r.name }}"),
    ("类别", 10, "{{ r.cls }}"),
    ("所属单位", 18, "{{ r.unit }}"),
    ("主要诉求", 50, "{{ r.demand }}"),
    ("关联隐患", 22, "{{ r.risk }}"),  # yk-2026-001 on one line
    ("稳控责任人", 24, "{{ r.contact }}"),
    ("联系频次", 22, "{{ r.frequency }}"),
    ("最近联系", 19, "{{ r.last_contact }}"),
    ("是否按期联系", 22, "{% cellbg r.on_time_bg %}{{ r.on_time }}"),
    ("现实表现", 57, "{{ r.status }}"),
]
CENTERED = (0, 1, 2, 8, 9)


def build_key_person_list(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document(landscape=True)
    a.page_margins(doc, 20, 15, 15, 15)
    # The secret mark at the first page's top left, as GB/T 9704 places 密级, and in the
    # header of every later page: printed once on each page.
    a.page_header(doc, "{{ enterprise.secret_mark }}", "涉密", bold=True)
    a.no_header_on_first_page(doc)
    mark = a.para(doc, "{{ enterprise.secret_mark }}", "密级")
    mark.paragraph_format.space_after = Pt(4)
    a.title(doc, "重点人员动态管理清单")
    title_block(doc, [("填报单位：", "{{ unit.name }}"), ("期间：", "{{ period or '____年__月' }}"), ("填报人：", "{{ filler }}"),
                      ("审核人：", "{{ reviewer }}"), ("填报日期：", "{{ date }}")], [84, 48, 38, 40, 57])
    headers, widths, cells = zip(*COLUMNS)
    looped_table(doc, list(headers), list(widths), list(cells), dense=True, centered=CENTERED,
                 styles={8: "台账日期"})
    a.tag(doc, "{%p if summary %}")
    a.para(doc, "{{ summary }}", "说明")
    a.tag(doc, "{%p endif %}")

    caption(doc, "分类稳控要求")
    looped_table(doc, ["类别", "认定标准", "联系人", "联系频次"], [16, 160, 45, 46],
                 ["{{ p.cls }}", "{{ p.criteria }}", "{{ p.contact_by }}", "{{ p.frequency }}"],
                 loop="p in policies", centered=(0,), dense=True)
    a.para(doc, "本清单涉及个人信息，严格按涉密资料管理：专人保管，不得复印、拍照、外传或在网络上存储传输。", "说明")

    notes(doc, "填写说明", [
        "每名重点人员填一行；类别只能填{{ allowed.classes }}类之一，认定标准和联系频次见上表。",
        "关联隐患填信访隐患排查台账中的隐患编号；稳控责任人填姓名和职务。",
        "最近联系日期写作 2026-11-22 或 2026年11月22日；超过本类别联系频次未联系的，“是否按期联系”填“否”并注明天数。",
        "现实表现写明近期思想动态、诉求变化和有无聚集、串联、赴省进京苗头。",
        "填好的清单即为涉密资料，不得通过互联网传输，报送{{ enterprise.short_name }}{{ enterprise.office_full }}。",
    ])
    return save(doc, NAME, out_dir)

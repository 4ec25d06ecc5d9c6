"""Template of the 应急通讯录 (portrait): person sections, unit contacts, outside contacts."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, looped_table, notes, save, title_block

NAME = "contacts_roster.docx"


def build_contacts_roster(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    a.page_header(doc, "{{ enterprise.name }}", "应急通讯录")
    a.title(doc, "应急通讯录")
    title_block(doc, [("单位：", "{{ unit.name }}"), ("信访电话：", "{{ unit.phone }}"), ("更新日期：", "{{ date }}")],
                [56, 50, 50])

    a.tag(doc, "{%p for s in sections %}")
    a.heading(doc, "{{ s.heading }}")
    looped_table(doc, ["序号", "职责", "姓名", "职务", "办公电话", "手机"], [8, 34, 16, 46, 26, 26],
                 ["{{ r.no }}", "{{ r.role }}", "{{ r.name }}", "{{ r.post }}", "{{ r.office_phone }}",
                  "{{ r.mobile }}"], loop="r in s.rows", centered=(0, 2), dense=True)
    a.tag(doc, "{%p if s.note %}")
    a.para(doc, "{{ s.note }}", "说明")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p endfor %}")

    a.tag(doc, "{%p if units %}")
    a.heading(doc, "{{ units_heading }}")
    looped_table(doc, ["序号", "单位", "信访电话", "主要领导", "分管领导", "信访联络员"], [8, 24, 24, 33, 33, 34],
                 ["{{ u.no }}", "{{ u.label }}", "{{ u.phone }}", "{{ u.leader }}", "{{ u.supervisor }}",
                  "{{ u.liaison }}"], loop="u in units", centered=(0,), dense=True)
    a.para(doc, "注：“办”为办公电话，“手”为手机。", "说明")
    a.tag(doc, "{%p endif %}")

    a.tag(doc, "{%p if contacts %}")
    a.heading(doc, "{{ contacts_heading }}")
    looped_table(doc, ["序号", "单位名称", "类别", "联系人", "电话"], [8, 70, 22, 28, 28],
                 ["{{ c.no }}", "{{ c.name }}", "{{ c.category }}", "{{ c.person }}", "{{ c.phone }}"],
                 loop="c in contacts", centered=(0, 2), dense=True)
    a.tag(doc, "{%p endif %}")

    a.tag(doc, "{%p if not blank %}")
    a.para(doc, "本通讯录为内部工作资料，仅供信访维稳和应急处置工作使用，不得外传。", "说明")
    a.tag(doc, "{%p endif %}")
    notes(doc, "填写说明", [
        "列出本单位主要领导、分管领导、信访联络员和应急处置中需要联系的人员，每人一行。",
        "手机写11位号码，如 13812345678；座机写作“区号-号码”，如 0373-3512110。",
        "人员或电话变动后及时更新，报{{ enterprise.short_name }}{{ enterprise.office_full }}。",
        "更新日期写作 2026-11-22 或 2026年11月22日。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 信访工作责任分工表 (portrait)."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, looped_table, notes, save, title_block

NAME = "responsibility_table.docx"


def build_responsibility_table(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    a.page_header(doc, "{{ enterprise.name }}", "信访工作责任分工表")
    a.title(doc, "信访工作责任分工表")
    title_block(doc, [("单位：", "{{ unit.name }}"), ("年度：", "{{ year }}年"), ("日期：", "{{ date }}")],
                [70, 36, 50])

    a.tag(doc, "{%p if not blank %}")
    a.heading(doc, "一、三级责任体系")
    looped_table(doc, ["层级", "责任主体", "职责"], [16, 40, 100],
                 ["{{ r.level }}", "{{ r.holder }}", "{{ r.duty }}"], loop="r in levels", centered=(0,))
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "{% if blank %}一{% else %}二{% endif %}、责任分工")
    a.tag(doc, "{%p if not blank and not company %}")
    a.para(doc, "（本表列出分管或联系本单位及上级单位的领导和本单位人员的分工）", "说明")
    a.tag(doc, "{%p endif %}")
    looped_table(doc, ["序号", "层级", "责任人", "职务", "分管领域", "责任单位"], [10, 12, 17, 33, 52, 32],
                 ["{{ r.no }}", "{{ r.level }}", "{{ r.name }}", "{{ r.post }}", "{{ r.area }}", "{{ r.units }}"],
                 loop="r in assignments", centered=(0, 1, 2))

    a.tag(doc, "{%p if not blank %}")
    a.heading(doc, "三、五项责任")
    looped_table(doc, ["责任", "承担者", "内容", "责任人"], [20, 36, 72, 28],
                 ["{{ f.name }}", "{{ f.holder }}", "{{ f.content }}", "{{ f.people }}"], loop="f in five",
                 centered=(0,))
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "{% if blank %}二{% else %}四{% endif %}、本单位信访工作责任人")
    looped_table(doc, ["岗位", "职责", "姓名", "职务", "办公电话"], [24, 28, 20, 50, 34],
                 ["{{ r.role }}", "{{ r.duty }}", "{{ r.name }}", "{{ r.post }}", "{{ r.office_phone }}"],
                 loop="r in own", centered=(0, 2))
    p = a.para(doc, "审核人：{{ unit.leader.name }}        填报人：{{ unit.liaison.name }}", "表单信息")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.paragraph_format.space_before = Pt(12)

    notes(doc, "填写说明", [
        "层级只能填{{ allowed.resp_levels }}之一：一级为企业主要领导，二级为分管领导，三级为各部门、单位负责人。",
        "五项责任为：{{ allowed.five }}，一级抓一级、层层抓落实。",
        "责任人填姓名，职务写全称；责任单位写单位简称，多个单位用顿号分隔，不限单位的写“全公司”。",
        "人员变动后5个工作日内更新本表，报{{ enterprise.short_name }}{{ enterprise.office_full }}。",
        "日期写作 2026-11-22 或 2026年11月22日。",
    ])
    return save(doc, NAME, out_dir)

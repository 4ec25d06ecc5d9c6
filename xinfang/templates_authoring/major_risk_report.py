"""Template of the 重大风险专报: one red entry's facts, people, measures, progress and requests."""

from __future__ import annotations

from docx.shared import Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save
from .prose import addressee, blank_unit_line, lines, numbered, secret_mark, sign_off_together

NAME = "major_risk_report.docx"


def build_major_risk_report(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    secret_mark(doc)
    blank_unit_line(doc)
    a.title(doc, "重大风险专报")
    p = a.para(doc, "{{ unit.name }}　隐患编号：{{ risk.id }}", "副标题")
    p.paragraph_format.first_line_indent = Pt(0)
    addressee(doc, "{{ to }}：")
    a.para(doc, "{{ unit.name }}在办的一项红色信访隐患可能引发集体访或越级访，现专报如下。")

    a.heading(doc, "一、基本情况")
    lines(doc, "{{ risk.description }}",
          "问题类别：{{ risk.category }}；涉及人数：{{ risk.people }}人；排查方式：{{ risk.screening }}。",
          "挂号日期：{{ risk.registered }}（已挂号{{ risk.months }}个月）；化解时限：{{ risk.deadline }}；"
          "当前状态：{{ risk.status }}。")

    a.heading(doc, "二、责任落实")
    lines(doc, "包案领导：{{ risk.leader }}。", "责任人：{{ risk.owner }}。")
    a.tag(doc, "{%p if case %}")
    lines(doc, "该隐患已列入积案包案，实行“一案一专班、一案一方案”：包案领导{{ case.leader }}，"
               "专班成员{{ case.team }}，化解时限{{ case.deadline }}。",
          "化解方案：{{ case.plan }}")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "三、稳控和化解措施")
    a.para(doc, "{{ risk.measures }}")

    a.heading(doc, "四、进展情况")
    a.tag(doc, "{%p if progress %}")
    a.tag(doc, "{%p for p in progress %}")
    a.para(doc, "{{ p.date }}：{{ p.note }}")
    a.tag(doc, "{%p endfor %}")
    a.tag(doc, "{%p else %}")
    a.para(doc, "无。挂号以来尚无进展记录。")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "五、请求事项")
    numbered(doc, "q in requests", "{{ q }}")
    a.para(doc, "联系人：{{ unit.liaison.name }}　联系电话：{{ unit.phone or unit.liaison.office_phone }}")
    sign_off_together(doc)

    notes(doc, "填写说明", [
        "本专报用于红色隐患（可能引发集体访或越级访）和重大群体性事件苗头动向，发现后第一时间报送{{ to }}。",
        "一事一报：每项红色隐患单独报送，隐患编号与信访隐患排查台账一致；情况变化随时续报。",
        "进展情况按日期先后逐条填写；请求事项写明需要{{ to }}协调解决的具体事项。",
        "日期一律写作“2026年11月22日”；人数填阿拉伯数字。本专报不填写信访人的姓名、电话等个人信息。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 一案一策化解方案: the case, task force, plan, steps and responsibility chain."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save
from .grid import form_grid
from .prose import blank_unit_line, lines, sign_off, table
from .supervision_order import WIDTHS, case_grid, chain_table

NAME = "case_plan.docx"


def build_case_plan(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    blank_unit_line(doc)
    a.title(doc, "{{ unit.name }}\n一案一策化解方案")
    a.heading(doc, "一、基本情况")
    case_grid(doc)
    a.heading(doc, "二、工作专班")
    form_grid(doc, WIDTHS, [
        [("包案领导", 1), ("{{ case.leader }}", 3)],
        [("专班成员", 1), ("{{ case.team }}", 3)],
    ])
    a.heading(doc, "三、化解方案")
    a.tag(doc, "{%p if blank %}")
    lines(doc, "化解方案：", "", "", "台账化解措施：", "")
    a.tag(doc, "{%p else %}")
    a.para(doc, "{{ case.plan }}")
    a.para(doc, "台账所列化解措施：{{ case.measures }}")
    a.tag(doc, "{%p endif %}")
    a.heading(doc, "四、化解时限和进展")
    a.para(doc, "化解时限：{{ case.deadline or '______年____月____日' }}。包案领导按时限组织专班逐项落实，"
                "情况变化及时调整方案。")
    a.tag(doc, "{%p if case.progress %}")
    table(doc, ["日期", "进展情况"], [40, 116], ["{{ p.date }}", "{{ p.note }}"],
          loop="p in case.progress", centered=(0,), nowrap=(0,))
    a.tag(doc, "{%p else %}")
    a.para(doc, "尚无进展记录。")
    a.tag(doc, "{%p endif %}")
    a.heading(doc, "五、责任链条")
    a.para(doc, "按照首要责任、直接责任、管理责任、包案责任、督查责任一级抓一级的要求，明确本案各级责任：")
    chain_table(doc)
    a.heading(doc, "六、工作要求")
    lines(doc,
          "1.实行“一案一专班、一案一方案”，包案领导一包到底，定期约见信访人，直至案结事了、销号为止。",
          "2.专班每月向领导小组办公室报告化解进展；隐患台账同步更新。",
          "3.积案化解率低于{{ threshold }}%的单位取消年度评先资格；逾期未化解的，按督查责任提出问责建议。")
    sign_off(doc)
    notes(doc, "填写说明", [
        "挂号超过{{ backlog_months }}个月仍未化解的隐患为积案，每件积案填一份方案。",
        "问题描述、隐患编号与信访隐患排查台账一致；专班成员写姓名，用顿号分隔。",
        "化解方案写明措施、责任分工和步骤；进展情况按日期逐条填写。",
        "日期一律写作“2026年11月22日”。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 包案责任清单: landscape list of backlog cases, untaken backlog, resolution rule."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save, title_block
from .prose import fit_columns, table

NAME = "case_ownership.docx"
BLOCK = [80, 55, 55, 67]
# Widths in mm add up to the 257 mm text width of landscape A4.
COLUMNS = [
    ("序号", 9, "{{ r.no }}"),
    ("问题描述", 52, "{{ r.description }}"),
    ("单位", 18, "{{ r.unit }}"),
    ("挂号日期", 26, "{{ r.registered }}"),
    ("挂账时间", 14, "{{ r.months }}"),
    ("包案领导", 15, "{{ r.leader }}"),
    ("专班成员", 26, "{{ r.team }}"),
    ("化解方案", 56, "{{ r.plan }}"),
    ("化解时限", 26, "{{ r.deadline }}"),
    ("状态", 15, "{% cellbg r.status_bg %}{{ r.status }}"),
]
UNTAKEN = [
    ("序号", 9, "{{ u.no }}"),
    ("问题描述", 110, "{{ u.description }}"),
    ("单位", 26, "{{ u.unit }}"),
    ("风险等级", 18, "{{ u.level }}"),
    ("挂号日期", 30, "{{ u.registered }}"),
    ("挂账时间", 20, "{{ u.months }}"),
    ("台账包案领导", 44, "{{ u.leader }}"),
]


def build_case_ownership(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document(landscape=True)
    a.page_header(doc, "{{ enterprise.name }}", "包案责任清单")
    a.title(doc, "积案包案责任清单")
    block = title_block(doc, [("填报单位：", "{{ unit.name }}"), ("期间：", "{{ period or '______年____月' }}"),
                              ("信访联络员：", "{{ unit.liaison.name }}"), ("填报日期：", "{{ date }}")], BLOCK)
    fit_columns(block, BLOCK)
    headers, widths, cells = zip(*COLUMNS)
    table(doc, list(headers), list(widths), list(cells), loop="r in rows", centered=(0, 3, 4, 5, 8, 9),
          dense=True)
    a.tag(doc, "{%p if not blank %}")
    a.tag(doc, "{%p if not rows %}")
    a.para(doc, "本期没有列入包案的积案。", "说明")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "当前积案化解率：{{ rate.percent }}（已化解{{ rate.resolved }}件，共{{ rate.total }}件）；"
                "考核线{{ rules.threshold }}%。", "说明")
    a.tag(doc, "{%p if untaken %}")
    caption(doc, "尚未落实包案的积案（挂号超过{{ rules.backlog_months }}个月仍在办，须明确包案领导和专班）")
    headers, widths, cells = zip(*UNTAKEN)
    table(doc, list(headers), list(widths), list(cells), loop="u in untaken", centered=(0, 3, 4, 5, 6),
          dense=True, height=6)
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "注：隐患挂号后超过{{ rules.backlog_months }}个月仍未化解的，认定为积案，实行“一案一专班、一案一方案”，"
                "包案领导一包到底、案结事了。积案化解率 = 已化解积案件数 ÷ 积案总件数 × 100%，"
                "低于{{ rules.threshold }}%的单位取消年度评先资格。", "说明")
    notes(doc, "填写说明", [
        "每件积案填一行，行数不够可插入行；问题描述与信访隐患排查台账一致。",
        "挂账时间写整月数，如“6个月”；日期一律写作“2026年11月22日”。",
        "专班成员写姓名，用顿号分隔；化解方案写明措施、责任分工和步骤。",
        "状态只能填“在办”“超期”“已化解”之一：已过化解时限仍未化解的填“超期”，隐患销号后填“已化解”。",
    ])
    return save(doc, NAME, out_dir)

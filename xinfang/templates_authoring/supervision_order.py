"""Template of the 积案挂牌督办单: one backlog case, its five-responsibility chain, the supervision rules."""

from __future__ import annotations

from docx.shared import Mm

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save
from .grid import form_grid
from .prose import blank_unit_line, table

NAME = "supervision_order.docx"
WIDTHS = [24, 54, 24, 54]  # the 156 mm text width of portrait A4
CHAIN = [("责任", 22, "{{ c.name }}"), ("承担者", 30, "{{ c.holder }}"), ("责任人", 42, "{{ c.people }}"),
         ("主要职责", 62, "{{ c.content }}")]


def case_grid(doc):
    """The case's facts, as the order and the plan both show them."""
    return form_grid(doc, WIDTHS, [
        [("承办单位", 1), ("{{ case.unit }}", 3)],
        [("包案编号", 1), ("{{ case.id }}", 1), ("隐患编号", 1), ("{{ case.risk }}", 1)],
        [("问题类别", 1), ("{{ case.category }}", 1), ("风险等级", 1), ("{{ case.level }}", 1)],
        [("挂号日期", 1), ("{{ case.registered }}", 1), ("挂账时间", 1), ("{{ case.months }}", 1)],
        [("涉及人数", 1), ("{{ case.people_count }}", 1), ("当前状态", 1), ("{{ case.status }}", 1)],
        [("问题描述", 1), ("{{ case.description }}", 3)],
    ], height=9)


def chain_table(doc):
    headers, widths, cells = zip(*CHAIN)
    return table(doc, list(headers), list(widths), list(cells), loop="c in chain", centered=(0,), nowrap=(0,))


def note(doc, text: str):
    p = a.para(doc, text, "说明")
    p.paragraph_format.first_line_indent = Mm(7.4)
    return p


def build_supervision_order(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    a.page_header(doc, "{{ enterprise.name }}", "积案挂牌督办单")
    blank_unit_line(doc)
    a.title(doc, "积案挂牌督办单")
    case_grid(doc)
    form_grid(doc, WIDTHS, [
        [("包案领导", 1), ("{{ case.leader }}", 3)],
        [("专班成员", 1), ("{{ case.team }}", 3)],
        [("化解时限", 1), ("{{ case.deadline }}", 3)],
    ])
    caption(doc, "五项责任链条（一级抓一级）")
    chain_table(doc)
    caption(doc, "督办要求")
    note(doc, "1.本积案自挂号起超过{{ rules.backlog_months }}个月仍未化解，现挂牌督办，实行“一案一专班、一案一方案”，"
              "包案领导一包到底，直至案结事了。")
    note(doc, "2.承办单位收到本督办单后{{ rules.feedback }}个工作日内书面反馈化解进展；"
              "{{ enterprise.office_full }}{{ rules.bulletin }}通报督办事项办理情况。")
    note(doc, "3.化解时限届满前{{ rules.reminder }}日，{{ enterprise.office_full }}提醒承办单位；"
              "化解后凭信访人签字的答复意见或协议等材料申请销号摘牌，逾期未化解的按督查责任提出问责建议。")
    a.tag(doc, "{%p if case.progress %}")
    caption(doc, "化解进展")
    table(doc, ["日期", "进展情况"], [40, 116], ["{{ p.date }}", "{{ p.note }}"], loop="p in case.progress",
          centered=(0,), nowrap=(0,))
    a.tag(doc, "{%p endif %}")
    form_grid(doc, WIDTHS, [
        [("督办单位", 1), ("{{ issuer }}", 1), ("签发人", 1), ("{{ signer }}", 1)],
        [("签发日期", 1), ("{{ date }}", 1), ("签收人", 1), ("", 1)],
    ])
    notes(doc, "填写说明", [
        "每件积案填一份；问题描述、隐患编号与信访隐患排查台账一致，包案编号与包案责任清单一致。",
        "风险等级填红、黄、绿之一；挂账时间写整月数，如“6个月”；日期一律写作“2026年11月22日”。",
        "责任链条的“责任人”写姓名和职务；包案责任写包案领导和专班成员。",
        "督办单一式两份，督办单位和承办单位各执一份；承办单位负责人签收。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 领导接访安排表: landscape schedule with announcement dates and reply rules."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save, title_block
from .prose import fit_columns, table

NAME = "reception_schedule.docx"
BLOCK = [72, 80, 40, 65]
# Widths in mm add up to the 257 mm text width of landscape A4.
COLUMNS = [
    ("日期", 38, "{{ r.date }}"),
    ("星期", 16, "{{ r.weekday }}"),
    ("时间", 30, "{{ r.time }}"),  # "15:00—17:30" on one line
    ("接访领导", 44, "{{ r.leader }}"),
    ("方式", 20, "{{ r.mode }}"),
    ("地点", 46, "{{ r.place }}"),
    ("公告日期", 38, "{{ r.notice }}"),
    ("备注", 25, "{{ r.note }}"),
]


def build_reception_schedule(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document(landscape=True)
    a.page_header(doc, "{{ enterprise.name }}", "领导接访安排表")
    a.title(doc, "领导接访安排表")
    block = title_block(doc, [("编制单位：", "{{ unit.name }}"), ("排班期间：", "{{ period or '______年____月至______年____月' }}"),
                      ("信访联络员：", "{{ unit.liaison.name }}"), ("编制日期：", "{{ date }}")],
                BLOCK)
    fit_columns(block, BLOCK)
    headers, widths, cells = zip(*COLUMNS)
    table(doc, list(headers), list(widths), list(cells), loop="r in rows", centered=(0, 1, 2, 4, 6),
          nowrap=(0, 1, 2, 4, 6))
    a.tag(doc, "{%p if not blank and not rows %}")
    a.para(doc, "排班期间没有接访安排（reception.yaml 中未填写接访规则）。", "说明")
    a.tag(doc, "{%p endif %}")
    for line in (
        "注：1.接访时间、地点提前{{ rules.notice_days }}个工作日{% if rules.notice %}在{{ rules.notice }}{% endif %}公告"
        "{% if rules.booking %}，职工可通过{{ rules.booking }}预约{% endif %}；"
        "接访日遇法定节假日或休息日的，顺延至下一个工作日。",
        "2.接访中能当场答复的当场答复；不能当场答复的，{{ rules.reply_days }}个工作日内告知信访人承办部门和办理时限，"
        "一般在{{ rules.finish_days }}个工作日内办结。",
        "3.主要领导每月至少定点接访一次，分管领导每周至少预约接访一次；接访情况记入接访登记簿"
        "{% if rules.equipment %}，接待室配备{{ rules.equipment }}，保障双方权益{% endif %}。",
    ):
        a.para(doc, line, "说明")
    notes(doc, "填写说明", [
        "日期、公告日期一律写作“2026年12月2日”；时间写作“9:00—11:30”。",
        "方式只能填“定点接访”或“预约接访”之一；接访领导写姓名和职务。",
        "公告日期为接访日前第{{ rules.notice_days }}个工作日（法定节假日不算，调休上班日算）。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 专项排查报告: portrait GB/T 9704 report with count tables and red items."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save
from .prose import addressee, blank_unit_line, numbered, sign_off, table

NAME = "inspection_report.docx"
COUNTS = ["{{ t.red }}", "{{ t.yellow }}", "{{ t.green }}", "{{ t.total }}", "{{ t.people }}"]
COUNT_HEADERS = ["红色", "黄色", "绿色", "合计", "涉及人数"]
TOTAL = [c.replace("t.", "total.") for c in COUNTS]
FILLS = {"红色": "FF9999", "黄色": "FFE699", "绿色": "C6EFCE"}


def _count_table(doc, first: str, loop: str):
    """Counts per level for each unit or category, with a total row; level headers tinted."""
    t = table(doc, [first] + COUNT_HEADERS, [56, 20, 20, 20, 20, 20], ["{{ t.name }}"] + COUNTS,
                     loop=loop, centered=(1, 2, 3, 4, 5), footer=["合计"] + TOTAL)
    for cell in t.rows[0].cells:
        text = cell.text
        if text in FILLS:
            a.shade(cell, FILLS[text])
    return t


def _list_or_none(doc, items: str, loop_var: str, none: str):
    """A numbered list, or one plain sentence when the data lists nothing."""
    a.tag(doc, "{%p if " + items + " %}")
    numbered(doc, f"{loop_var} in {items}", "{{ " + loop_var + " }}")
    a.tag(doc, "{%p else %}")
    a.para(doc, none)
    a.tag(doc, "{%p endif %}")


def build_inspection_report(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    blank_unit_line(doc)
    a.title(doc, "关于{{ campaign.name }}情况的报告")
    addressee(doc, "{{ addressee }}：")
    a.para(doc, "{{ words.intro }}")

    a.heading(doc, "一、排查范围和时间")
    a.para(doc, "排查范围：{{ campaign.scope }}。")
    a.para(doc, "排查时间：{{ campaign.start }}至{{ campaign.milestone }}。按照在重大节日、重要会议和改革节点前"
                "{{ campaign.lead_days }}个工作日启动专项排查的要求，开始日期自节点日期{{ campaign.milestone }}"
                "起向前推算{{ campaign.lead_days }}个工作日，法定节假日不计，调休上班日计入。")

    a.heading(doc, "二、组织参与情况")
    a.para(doc, "牵头部门：{{ campaign.lead }}。")
    a.para(doc, "牵头领导：{{ campaign.leader }}。")
    a.para(doc, "参加部门：{{ campaign.departments }}。")
    a.tag(doc, "{%p if campaign.focus %}")
    a.para(doc, "{{ words.focus }}")
    numbered(doc, "f in campaign.focus", "{{ f }}")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "三、排查发现的问题")
    a.tag(doc, "{%p if blank %}")
    a.para(doc, "本次排查共发现信访隐患____条，涉及____人，其中红色____条、黄色____条、绿色____条。")
    a.tag(doc, "{%p else %}")
    a.para(doc, "{{ words.findings }}")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p if found %}")
    a.heading(doc, "（一）按风险等级统计", 2)
    t = table(doc, ["风险等级", "隐患数（条）", "涉及人数（人）", "占比"], [40, 38, 38, 40],
                     ["{% cellbg l.shade %}{{ l.level }}", "{{ l.count }}", "{{ l.people }}", "{{ l.share }}"],
                     loop="l in levels", centered=(0, 1, 2, 3),
                     footer=["合计", "{{ total.total }}", "{{ total.people }}",
                             "{{ '100%' if total.total else '' }}"])
    t.rows[-1].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    a.heading(doc, "（二）按单位统计", 2)
    _count_table(doc, "单位", "t in units")
    a.heading(doc, "（三）按问题类别统计", 2)
    _count_table(doc, "问题类别", "t in categories")
    a.heading(doc, "（四）红色隐患情况", 2)
    a.tag(doc, "{%p for r in reds %}")
    a.para(doc, "{{ loop.index }}.{{ r.unit }}：{{ r.description }}")
    a.para(doc, "涉及{{ r.people }}人，问题类别为{{ r.category }}，{{ r.registered }}挂号。"
                "包案领导：{{ r.leader }}；责任人：{{ r.owner }}；化解时限：{{ r.deadline }}。")
    a.para(doc, "化解措施：{{ r.measures }}")
    a.tag(doc, "{%p if r.progress %}")
    a.para(doc, "最新进展（{{ r.progress.date }}）：{{ r.progress.note }}")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p endfor %}")
    a.tag(doc, "{%p if blank %}")
    a.para(doc, "（逐条填写红色隐患：所在单位、问题描述、涉及人数、问题类别、挂号日期、包案领导、责任人、"
                "化解措施、化解时限和最新进展。）")
    a.tag(doc, "{%p elif not reds %}")
    a.para(doc, "{{ '本次排查未发现红色隐患。' if phase == 'past' else '截至目前未发现红色隐患。' }}")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "四、信访形势同比分析")
    a.tag(doc, "{%p if yoy and yoy.counts and yoy.counts.same_period %}")
    a.para(doc, "{{ yoy.counts.current_year }}与{{ yoy.counts.previous_year }}相比，信访批次{{ yoy.counts.batches }}，"
                "人次{{ yoy.counts.people }}，详见下表。")
    table(doc, ["指标", "{{ yoy.counts.previous_year }}", "{{ yoy.counts.current_year }}", "同比"],
                 [28, 48, 48, 32], ["{{ t.name }}", "{{ t.previous }}", "{{ t.current }}", "{{ t.change }}"],
                 loop="t in yoy.counts.rows", centered=(1, 2, 3))
    caption(doc, "注：同比 =（本年 − 上年）÷ 上年 × 100%，保留两位小数。")
    a.tag(doc, "{%p elif yoy and yoy.counts %}")
    a.para(doc, "{{ yoy.current_year }}的信访数字统计至{{ yoy.counts.as_of }}，未满全年，"
                "不与{{ yoy.previous_year }}全年数字作同比；两年数字见下表，全年统计完成后再作同比分析。")
    table(doc, ["指标", "{{ yoy.counts.previous_year }}（全年）", "{{ yoy.counts.current_year }}"],
                 [40, 52, 64], ["{{ t.name }}", "{{ t.previous }}", "{{ t.current }}"],
                 loop="t in yoy.counts.rows", centered=(1, 2))
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p if yoy and yoy.stated %}")
    a.para(doc, "{{ yoy.stated_period }}，{% for c in yoy.stated %}{{ c.name }}同比{{ c.change }}"
                "{{ '。' if loop.last else '，' }}{% endfor %}")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p if not yoy %}")
    a.para(doc, "本年度或上年度的信访统计数字不全，暂不作同比分析。")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "{{ words.measures }}")
    _list_or_none(doc, "campaign.measures", "m", "本次排查未列出专门的工作措施。")
    a.heading(doc, "六、下一步工作")
    _list_or_none(doc, "campaign.next_steps", "s", "下一步工作待排查结束后另行部署。")
    sign_off(doc)

    notes(doc, "填写说明", [
        "专项排查在重大节日、重要会议或改革节点前{{ lead_days_default }}个工作日启动；开始日期从节点日期向前数工作日，"
        "法定节假日不算，调休上班日算。",
        "风险等级只能填“红”“黄”“绿”之一：红色为可能引发集体访或越级访，黄色为有一定风险，绿色为一般。",
        "问题类别只能填以下之一：{{ allowed.categories }}。",
        "日期一律写作“2026年11月22日”；人数、条数填阿拉伯数字。",
        "同比 =（本年 − 上年）÷ 上年 × 100%，保留两位小数，写作“下降24.81%”或“上升3.20%”；"
        "本年未满全年的，不与上年全年作同比。",
        "本单位排查出的隐患同时登记到信访隐患排查台账，“专项排查”一栏填本次排查的编号。",
    ])
    return save(doc, NAME, out_dir)

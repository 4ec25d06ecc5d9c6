"""Template of the 年度信访维稳工作方案: targets, organisation, responsibilities, tasks, assessment."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save
from .prose import blank_unit_line, lines, numbered, secret_mark, sign_off_together, table

NAME = "work_plan.docx"


def build_work_plan(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    secret_mark(doc)
    blank_unit_line(doc)
    a.title(doc, "{{ unit.name }}\n{{ year }}{{ work }}方案")
    a.para(doc, "为深入贯彻《信访工作条例》，做好{{ year }}{{ work }}，把矛盾纠纷发现在早、化解在小、解决在基层，"
                "维护{{ unit.name }}改革发展稳定大局和职工群众合法权益，结合实际，制定本方案。")

    a.heading(doc, "一、工作目标和基本原则")
    a.heading(doc, "（一）工作目标", 2)
    a.tag(doc, "{%p if targets %}")
    a.para(doc, "{{ year }}，{{ work }}实现以下目标，努力形成“{{ pattern }}”的工作格局：")
    table(doc, ["序号", "指标", "目标值"], [12, 94, 50], ["{{ loop.index }}", "{{ t.indicator }}", "{{ t.value }}"],
          loop="t in targets", centered=(0, 2))
    a.tag(doc, "{%p else %}")
    a.para(doc, "本年度的量化工作目标另行下达。")
    a.tag(doc, "{%p endif %}")
    a.heading(doc, "（二）基本原则", 2)
    a.tag(doc, "{%p if principles %}")
    numbered(doc, "p in principles", "{{ p }}")
    a.tag(doc, "{%p else %}")
    a.para(doc, "按照《信访工作条例》规定的原则开展工作。")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "二、组织领导")
    a.heading(doc, "（一）{{ group_name }}", 2)
    a.para(doc, "成立{{ group_name }}。组长：{{ group.leader }}"
                "{{ '；副组长：' ~ group.deputies if group.deputies else '' }}"
                "{{ '；成员：' ~ group.members if group.members else '' }}。")
    a.para(doc, "{{ group_name }}统筹{{ work }}全局，研究部署重点任务，协调解决重大疑难问题。{{ group.meetings }}")
    a.heading(doc, "（二）{{ office_name }}", 2)
    a.para(doc, "{{ office_name }}设在{{ office.unit }}，主任：{{ office.director }}，配备专职信访工作人员"
                "{{ office.staff_count }}名（{{ office.staff }}），电话：{{ office.phone }}。主要职责：{{ office.duties }}")
    a.para(doc, "{{ '本单位和所属基层单位' if blank else '企业本部和各二级单位、基层单位' }}设信访联络岗，"
                "明确信访联络员，负责本单位信访信息收集、隐患排查和上传下达，形成“纵向到底、横向到边”的工作网络。")

    a.heading(doc, "三、责任体系")
    a.heading(doc, "（一）三级责任体系", 2)
    table(doc, ["层级", "责任主体", "职责"], [16, 44, 96], ["{{ l.level }}", "{{ l.holder }}", "{{ l.duty }}"],
          loop="l in levels", centered=(0,), nowrap=(0,))
    a.tag(doc, "{%p if five %}")
    a.heading(doc, "（二）五项责任", 2)
    a.para(doc, "落实{% for f in five %}{{ f.name }}{{ '、' if not loop.last else '' }}{% endfor %}，一级抓一级、层层抓落实：")
    a.tag(doc, "{%p for f in five %}")
    a.para(doc, "{{ loop.index }}.{{ f.name }}（{{ f.holder }}）。{{ f.content }}")
    a.tag(doc, "{%p endfor %}")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "各部门、各单位的具体责任分工见《信访工作责任分工表》。")

    a.heading(doc, "四、重点任务")
    a.heading(doc, "（一）矛盾纠纷排查化解", 2)
    lines(doc,
          "1.日常排查。{{ rhythm.screening }}，填写《信访隐患排查台账》，列明问题描述、涉及人数、风险等级（红、黄、绿）、"
          "包案领导、责任人、化解措施和化解时限，{{ rhythm.deadline }}报送{{ office_name }}。",
          "2.专项排查。在重大节日、重要会议和改革关键节点前{{ lead_days }}个工作日启动专项排查，由{{ office_name }}牵头，"
          "会同有关部门对历史遗留问题和重点群体开展“拉网式”排查，形成《专项排查报告》。")
    a.tag(doc, "{%p if campaigns %}")
    a.para(doc, "本年度安排的专项排查：")
    a.tag(doc, "{%p for c in campaigns %}")
    a.para(doc, "（{{ loop.index }}）{{ c.name }}（节点日期{{ c.milestone }}，{{ c.lead }}牵头）。")
    a.tag(doc, "{%p endfor %}")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "3.动态跟踪。对已录入台账的隐患实行“{{ rhythm.dispatch }}”，{{ rhythm.ledger }}；"
                "风险等级为红色（可能引发集体访或越级访）的隐患每日更新进展。"
                "隐患一经发现即登记挂号，包案领导和责任人一包到底，案结事了方可销号。")

    a.heading(doc, "（二）领导接访", 2)
    a.tag(doc, "{%p if reception.rules %}")
    a.para(doc, "严格落实领导接访制度，接访安排如下：")
    table(doc, ["接访领导", "方式", "时间", "地点"], [42, 20, 40, 54],
          ["{{ r.leader }}", "{{ r.mode }}", "{{ r.cadence }} {{ r.time }}", "{{ r.place }}"],
          loop="r in reception.rules", centered=(1,), nowrap=(1,))
    a.tag(doc, "{%p else %}")
    a.para(doc, "本年度领导接访安排另行公布。")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "接访时间、地点提前{{ rules.notice_days }}个工作日{{ '在' ~ reception.notice if reception.notice else '' }}公示"
                "{{ '，职工可通过' ~ reception.booking ~ '预约' if reception.booking else '' }}"
                "{{ '；信访接待室配备' ~ reception.equipment ~ '，保障双方权益' if reception.equipment else '' }}。"
                "能当场答复的当场答复；不能当场答复的，{{ rules.reply_days }}个工作日内明确承办部门和办理时限，"
                "一般不超过{{ rules.finish_days }}个工作日，并向职工反馈办理情况。")

    a.heading(doc, "（三）积案包案化解", 2)
    a.para(doc, "隐患挂号后超过{{ rules.backlog_months }}个月仍未化解的认定为积案，实行“一案一专班、一案一方案”，"
                "由{{ group_name }}确定包案领导。包案领导牵头召开案情分析会，约见信访人听取诉求，协调制定包括政策解释、"
                "帮扶救助、心理疏导在内的综合化解方案，一包到底、案结事了。"
                "{{ '目前列入包案的积案' ~ case_count ~ '件，见《包案责任清单》。' if case_count else '' }}"
                "积案化解情况纳入领导干部年度考核，化解率未达{{ rules.threshold }}%的单位取消年度评优资格。")

    a.heading(doc, "（四）重点群体和人员稳控", 2)
    a.tag(doc, "{%p if policies %}")
    a.para(doc, "建立重点群体和人员动态管理清单，按类别明确联系人和联系频次，分类稳控：")
    table(doc, ["类别", "认定标准", "联系人", "联系频次"], [16, 76, 32, 32],
          ["{{ p.cls }}类", "{{ p.criteria }}", "{{ p.contact_by }}", "{{ p.frequency }}"],
          loop="p in policies", centered=(0,), nowrap=(0,))
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p if measures %}")
    a.para(doc, "稳控措施：")
    numbered(doc, "m in measures", "{{ m }}")
    a.tag(doc, "{%p endif %}")
    a.para(doc, "重点人员名单和个人信息属于涉密资料，由{{ office_name }}单独管理，不在本方案中列出；"
                "重点人员的应急处置按《重点人员应急处置预案》执行。")

    a.heading(doc, "（五）应急处置", 2)
    a.para(doc, "成立{{ emergency.post }}，总指挥：{{ emergency.commander }}；{{ emergency.office }}值班电话："
                "{{ emergency.phone }}。发现集体上访、聚集苗头或其他突发信访事件的，事发单位须在{{ emergency.report }}内"
                "报告{{ emergency.office }}，{{ emergency.onsite }}内到达现场"
                "{{ '，异地事件按到达时限赶赴现场' if emergency.arrivals else '' }}。{{ emergency.fund }}"
                "具体按《突发信访事件应急预案》执行。")

    a.heading(doc, "（六）信息报告", 2)
    a.tag(doc, "{%p if reports %}")
    a.para(doc, "实行以下报告制度：")
    table(doc, ["报告", "时间", "报送对象", "内容"], [34, 34, 34, 54],
          ["{{ r.name }}", "{{ r.when }}", "{{ r.to }}", "{{ r.content }}"], loop="r in reports", nowrap=(0,))
    a.tag(doc, "{%p endif %}")
    a.para(doc, "{{ rules.zero_period }}实行零报告制度，各单位每日{{ rules.zero_time }}前报送当日情况，"
                "无情况也要报告“无”。信息报告不得迟报、漏报、瞒报。")

    a.heading(doc, "五、督查考核")
    a.para(doc, "{{ office_name }}对责任落实、台账更新、接访包案和化解时限进行督查督办；承办单位收到督办通知后"
                "{{ rules.feedback_days }}个工作日内书面反馈办理进展，督办事项办理情况{{ rules.bulletin }}通报一次。")
    numbered(doc, "c in accountability", "{{ c }}")
    sign_off_together(doc)

    notes(doc, "填写说明", [
        "工作目标每项写指标和目标值，如“信访总量同比下降”“15%以上”；责任体系按本单位实际写层级和责任主体。",
        "领导接访写接访领导的姓名和职务、方式（定点接访或预约接访）、时间和地点。",
        "时限一律写作“30分钟”“1小时”；电话座机写作“区号-号码”；日期写作“2026年11月22日”。",
        "本方案只写重点人员的类别和稳控规则，不得填写任何重点人员的姓名、身份证号、住址、电话等个人信息。",
    ])
    return save(doc, NAME, out_dir)

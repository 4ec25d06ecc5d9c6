"""Template of the 突发信访事件应急预案: the plan's standing wording, data rosters, contact appendix."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save
from .prose import blank_unit_line, lines, secret_mark, sign_off, table

NAME = "emergency_plan.docx"


def build_emergency_plan(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    secret_mark(doc)
    blank_unit_line(doc)
    a.title(doc, "{{ unit.name }}\n突发信访事件应急预案")

    a.heading(doc, "一、总则")
    a.heading(doc, "（一）编制目的", 2)
    a.para(doc, "为及时、有效、妥善处置突发信访事件，最大限度减少事件造成的影响和损失，维护{{ unit.name }}"
                "正常的生产经营秩序和职工群众的合法权益，维护企业和社会稳定，制定本预案。")
    a.heading(doc, "（二）编制依据", 2)
    a.para(doc, "《信访工作条例》《中华人民共和国突发事件应对法》《国家突发公共事件总体应急预案》"
                "以及上级关于信访维稳工作的有关规定，结合本单位实际。")
    a.heading(doc, "（三）适用范围", 2)
    a.para(doc, "本预案适用于{{ unit.name }}及所属各单位发生的集体上访、越级上访、聚集滞留、堵门堵路、"
                "个人极端行为等突发信访事件的预防、报告和处置。")
    a.heading(doc, "（四）工作原则", 2)
    lines(doc,
           "1.统一领导，分级负责。在{{ post.name }}统一领导下，按照“属地管理、分级负责”“谁主管、谁负责”的要求，"
           "各单位主要领导是本单位突发信访事件处置的第一责任人。",
           "2.预防为主，及早化解。坚持抓早、抓小、抓苗头，把矛盾化解在基层、解决在萌芽状态。",
           "3.快速反应，就地处置。发现苗头立即报告，迅速赶赴现场，做到来得早、劝得回、处得妥。",
           "4.依法依规，教育疏导。运用法治思维和法治方式处置，以教育疏导为主，慎用强制措施，防止激化矛盾。")

    a.heading(doc, "二、组织指挥体系及职责")
    a.heading(doc, "（一）{{ post.name }}", 2)
    a.para(doc, "成立{{ post.name }}（以下简称指挥部），统一领导、指挥和协调突发信访事件的处置工作。")
    lines(doc, "总指挥：{{ post.commander }}", "副总指挥：{{ post.deputies }}",
           "成员单位：{{ post.member_units }}")
    a.para(doc, "指挥部主要职责：研究决定应急处置中的重大事项，决定启动和终止应急响应，统一调配应急力量和资源，"
                "及时向上级和属地党委政府报告情况。")
    a.heading(doc, "（二）{{ post.office.name }}", 2)
    a.para(doc, "{{ post.office.name }}设在{{ post.office.unit }}。主任：{{ post.office.director }}；"
                "副主任：{{ post.office.deputies }}；值班电话：{{ post.office.phone }}。")
    a.para(doc, "主要职责：{{ post.office.duty }}")
    a.heading(doc, "（三）工作组", 2)
    a.tag(doc, "{%p if post.teams %}")
    a.para(doc, "指挥部下设{{ post.team_count }}个工作组，在指挥部统一领导下开展工作。")
    table(doc, ["工作组", "组长", "成员", "职责"], [28, 16, 36, 76],
          ["{{ t.name }}", "{{ t.leader }}", "{{ t.members }}", "{{ t.duty }}"], loop="t in post.teams",
          centered=(0, 1), nowrap=(0, 1))
    a.tag(doc, "{%p else %}")
    a.para(doc, "指挥部不设专门工作组，处置工作由{{ post.office.name }}统一调度。")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "三、预警与信息报告")
    a.heading(doc, "（一）预警", 2)
    a.para(doc, "各单位要加强对信访隐患和重点人员的日常排查和动态跟踪，在重大节日、重要会议和改革节点前开展专项排查。"
                "对可能引发集体访、越级访的红色隐患和重点人员，落实包案领导和稳控责任人，及时掌握动态，"
                "做到早发现、早报告、早处置。")
    a.heading(doc, "（二）信息报告", 2)
    lines(doc,
           "1.报告时限。发现集体上访、聚集苗头或其他突发信访事件，事发单位和知情人员须在{{ report }}内报告{{ post.office.name }}"
           "（值班电话：{{ post.office.phone }}），{{ post.office.name }}接报后立即报告总指挥。",
           "2.到场时限。事发单位主要领导、包案领导和信访联络员须在{{ onsite }}内到达现场"
           "{% if arrivals %}；各二级单位负责人按本预案“到达时限”的规定赶赴现场{% endif %}。",
           "3.报告内容。事件发生的时间、地点、人数、主要诉求、现场情况、已采取的措施和下一步建议；"
           "情况发生变化的随时续报。",
           "4.报告方式。先电话报告，后书面报告；不得迟报、漏报、瞒报。")

    a.tag(doc, "{%p if reports %}")
    a.heading(doc, "（三）报告制度", 2)
    a.para(doc, "除突发事件报告外，实行以下报告制度：")
    table(doc, ["报告", "时间", "报送对象", "内容"], [36, 30, 36, 54],
          ["{{ r.name }}", "{{ r.when }}", "{{ r.to }}", "{{ r.content }}"], loop="r in reports",
          nowrap=(0,))
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "四、分级响应")
    a.heading(doc, "（一）响应级别", 2)
    a.tag(doc, "{%p if levels %}")
    table(doc, ["级别", "启动条件", "响应措施"], [18, 58, 80],
          ["{{ l.level }}", "{{ l.condition }}", "{{ l.response }}"], loop="l in levels", centered=(0,),
          nowrap=(0,))
    a.tag(doc, "{%p else %}")
    a.para(doc, "本预案未设分级响应。突发信访事件发生后，由总指挥根据事态决定启动哪些工作组和应急力量。")
    a.tag(doc, "{%p endif %}")
    a.heading(doc, "（二）到达时限", 2)
    a.tag(doc, "{%p if arrivals %}")
    a.para(doc, "突发信访事件发生后，各二级单位负责人按事发地点在下列时限内赶到现场：")
    table(doc, ["事发地点", "同城单位到达时限", "其他单位到达时限"], [40, 76, 40],
          ["{{ p.place }}", "{{ p.same }}", "{{ p.other }}"], loop="p in arrivals", centered=(2,))
    a.tag(doc, "{%p else %}")
    a.para(doc, "本预案未按事发地点规定到达时限，各单位负责人接到指令后在{{ onsite }}内赶到现场。")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "五、处置措施")
    lines(doc,
           "1.迅速到场，控制事态。指挥部接报后{% if levels %}按响应级别{% endif %}"
           "{% if post.teams %}启动相应工作组{% else %}调派应急力量{% endif %}，事发单位领导和工作人员按时限赶到现场，"
           "掌握人数、诉求和现场情况，防止人员增加、事态扩大。",
           "2.接待代表，疏导劝返。引导信访人推选代表（一般不超过5人）到指定地点反映诉求，由相关领导当面接谈，"
           "宣传政策、答复诉求，劝导其余人员返回。",
           "3.分类处置，限时办理。诉求合理的，明确承办部门和办理时限，能当场解决的当场解决；"
           "诉求缺乏政策依据的，耐心细致做好解释；涉及多个部门的，由指挥部统一协调。",
           "4.加强信息和舆情管理。{{ tasks.report or post.office.name }}按时报告现场动态，统一口径，做好舆情监测与引导，防止不实信息传播。",
           "5.依法处置违法行为。对冲击办公场所、堵门堵路、打砸抢等违法行为，及时报告属地公安机关依法处置，"
           "工作人员做好取证和配合工作。")

    a.heading(doc, "六、后期处置")
    lines(doc,
           "1.善后处理。事件平息后，事发单位{{ '和' + tasks.aftercare if tasks.aftercare else '' }}落实承诺事项，做好当事人的思想工作和帮扶救助，防止反弹。",
           "2.调查原因。查明事件起因、经过和责任，对因工作不力、处置不当引发或激化矛盾的，依规依纪追究责任。",
           "3.损失评估和总结。评估事件造成的损失和影响，总结经验教训，完善相关制度和预案，书面报告指挥部。",
           "4.通报反馈。及时向信访人代表通报问题的处理情况和结果，做好跟踪回访。")

    a.heading(doc, "七、应急保障")
    lines(doc,
           "1.队伍保障。组建{{ post.team_size }}人的应急队伍，由各工作组和成员单位人员组成，保持通讯畅通，随时待命。",
           "{{ '2.车辆保障。配备应急车辆' ~ post.vehicle_count ~ '台，明确停放地点和驾驶员，确保接到指令后立即出动：' "
           "if post.vehicles else '2.车辆保障。未配备专用应急车辆，处置用车由' ~ post.office.name ~ '临时调派。' }}")
    a.tag(doc, "{%p if post.vehicles %}")
    table(doc, ["车型", "数量", "停放地点", "驾驶员"], [46, 20, 60, 30],
          ["{{ v.kind }}", "{{ v.count }}", "{{ v.place }}", "{{ v.driver }}"], loop="v in post.vehicles",
          centered=(1, 3), nowrap=(3,))
    a.tag(doc, "{%p endif %}")
    lines(doc,
           "3.资金保障。{{ post.fund }}",
           "4.通信保障。{{ post.office.name }}实行24小时值班，值班电话{{ post.office.phone }}；"
           "应急通讯录见附件，人员变动时及时更新。")

    a.heading(doc, "八、附则")
    lines(doc, "1.本预案由{{ post.office.name }}负责解释。",
           "2.所属各单位参照本预案制定本单位突发信访事件应急预案，报{{ post.office.name }}备案。",
           "3.本预案自印发之日起施行。")
    sign_off(doc)

    doc.add_page_break()
    attachment = a.para(doc, "附件", "Heading 1")
    attachment.paragraph_format.first_line_indent = Pt(0)
    a.title(doc, "应急通讯录")
    a.heading(doc, "一、{{ post.name }}", 1)
    # Phone columns hold "0373-3512001" on one line even in LibreOffice's wide-digit fallback fonts.
    table(doc, ["指挥部职务", "姓名", "单位及职务", "办公电话", "手机"], [38, 15, 37, 33, 33],
          ["{{ r.role }}", "{{ r.name }}", "{{ r.post }}", "{{ r.office_phone }}", "{{ r.mobile }}"],
          loop="r in roster", centered=(1, 3, 4), nowrap=(1, 3, 4))
    a.heading(doc, "二、成员单位", 1)
    table(doc, ["单位", "主要领导", "信访联络员", "联系电话"], [64, 28, 28, 36],
          ["{{ m.unit }}", "{{ m.leader }}", "{{ m.liaison }}", "{{ m.phone }}"], loop="m in members",
          centered=(1, 2, 3), nowrap=(1, 2, 3))
    a.tag(doc, "{%p if not blank %}")
    p = a.para(doc, "本通讯录为内部资料，仅供应急联络使用，不得外传。", "说明")
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    a.tag(doc, "{%p endif %}")

    notes(doc, "填写说明", [
        "总指挥一般由本单位主要领导担任，副总指挥由分管领导担任；工作组、成员单位按本单位实际增减。",
        "时限一律写作“30分钟”“1小时”“2小时”；事发地点写城市名，与事发地同城的单位适用同城时限。",
        "日期一律写作“2026年11月22日”；电话座机写作“区号-号码”，手机写11位数字。",
        "应急通讯录只列应急指挥部成员和成员单位；本预案含个人联系方式，印发后按内部资料管理。",
    ])
    return save(doc, NAME, out_dir)

"""Template of the 重点人员应急处置预案: the A/B/C policy, responsible people, four handling steps."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import form_document, notes, save
from .prose import blank_unit_line, lines, numbered, sign_off, table

NAME = "key_person_plan.docx"


def build_key_person_plan(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    blank_unit_line(doc)
    a.title(doc, "{{ unit.name }}\n重点人员应急处置预案")

    a.heading(doc, "一、总则")
    lines(doc,
           "为做好重点人员的稳控和应急处置工作，及时化解矛盾，防止发生集体访、越级访和个人极端行为，"
           "根据《信访工作条例》和《{{ unit.name }}突发信访事件应急预案》，制定本预案。",
           "本预案所称重点人员，是指按照下列标准认定、实行分类稳控的信访人员。重点人员的具体名单和个人信息"
           "属于涉密资料，由{{ enterprise.office }}单独管理，不在本预案中列出。")

    a.heading(doc, "二、组织领导和责任人")
    lines(doc,
           "重点人员稳控和应急处置工作在{{ enterprise.group }}统一领导下进行，组长：{{ group_leader }}。"
           "{{ enterprise.office }}设在{{ office.unit }}，主任：{{ office.director }}，值班电话：{{ office.phone }}，"
           "负责重点人员的动态管理、信息汇总和处置协调。",
           "各单位主要领导是本单位重点人员稳控的第一责任人，分管领导具体负责，信访联络员负责日常联系和信息报送：")
    table(doc, ["单位", "主要领导", "分管领导", "信访联络员", "联系电话"], [52, 22, 22, 24, 36],
          ["{{ u.unit }}", "{{ u.leader }}", "{{ u.supervisor }}", "{{ u.liaison }}", "{{ u.phone }}"],
          loop="u in units", centered=(1, 2, 3, 4), nowrap=(1, 2, 3, 4))

    a.heading(doc, "三、分类稳控")
    a.para(doc, "重点人员分为A、B、C三类，按类别明确联系人和联系频次，实行“一人一档、一人一策”：")
    table(doc, ["类别", "认定标准", "联系人", "联系频次"], [16, 76, 32, 32],
          ["{{ p.cls }}类", "{{ p.criteria }}", "{{ p.contact_by }}", "{{ p.frequency }}"],
          loop="p in policies", centered=(0,))
    a.tag(doc, "{%p if measures %}")
    a.para(doc, "稳控措施：")
    numbered(doc, "m in measures", "{{ m }}")
    a.tag(doc, "{%p endif %}")

    a.heading(doc, "四、信息报告")
    lines(doc,
           "1.稳控责任人发现重点人员有串联聚集、赴省进京、越级上访或极端言行苗头的，须在{{ report }}内"
           "报告本单位主要领导和{{ enterprise.office }}（值班电话：{{ office.phone }}）。",
           "2.{{ enterprise.office }}接报后立即核实，按突发信访事件应急预案报告总指挥，并通知相关单位和包案领导。",
           "3.报告内容包括：人员类别、人数、去向或所在位置、主要诉求、现实表现和已采取的措施；"
           "不得迟报、漏报、瞒报，情况变化随时续报。")

    a.heading(doc, "五、现场劝导")
    lines(doc,
           "1.所在单位主要领导、包案领导和稳控责任人须在{{ onsite }}内到达现场{% if arrivals %}，"
           "按突发信访事件应急预案规定的到达时限赶赴外地劝返{% endif %}。",
           "2.现场劝导以所在单位为主，熟悉情况的领导和亲友共同参与，耐心听取诉求，讲清政策和依法信访的规定，"
           "引导其通过正常渠道反映问题。",
           "3.对已到上级机关的，会同属地信访部门接回，做好途中的安全保障和思想工作。")

    a.heading(doc, "六、情绪疏导")
    lines(doc,
           "1.对情绪激动的，由稳控责任人和工会、心理疏导人员一对一谈心，稳定情绪，防止事态升级。",
           "2.对生活确有困难的，落实帮扶救助措施；对合理诉求，明确办理部门和时限，限期解决。",
           "3.处置结束后，稳控责任人加密联系，跟踪思想动态，防止反复。")

    a.heading(doc, "七、依法处置")
    lines(doc,
           "1.坚持依法依规，对诉求不合理、经反复做工作仍无理缠访闹访的，依据《信访工作条例》做好教育和告知。",
           "2.对扰乱办公秩序、堵门堵路、煽动串联等违法行为，及时报告属地公安机关依法处置，工作人员做好取证和配合工作。",
           "3.处置中注意保护重点人员的个人信息，严禁泄露其身份、住址和联系方式。")

    a.heading(doc, "八、附则")
    lines(doc, "1.本预案由{{ enterprise.office }}负责解释，自印发之日起施行。",
           "2.重点人员名单实行动态管理，每月更新一次，作为涉密资料单独保管。")
    sign_off(doc)

    notes(doc, "填写说明", [
        "重点人员类别只能填A、B、C之一，认定标准见“分类稳控”表；联系人写职务（如“所在单位负责人”），"
        "联系频次写明间隔（如“每3天一次”）。",
        "时限一律写作“30分钟”“1小时”；电话座机写作“区号-号码”；日期写作“2026年11月22日”。",
        "本预案不得填写任何重点人员的姓名、身份证号、住址、电话等个人信息；名单另行按涉密资料管理。",
    ])
    return save(doc, NAME, out_dir)

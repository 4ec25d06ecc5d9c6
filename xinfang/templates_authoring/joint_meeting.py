"""Template of the 联席会议（碰头会）纪要: meeting block, attendance, partner communities, decisions."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save
from .grid import form_grid
from .prose import blank_unit_line, sign_off, table

NAME = "joint_meeting.docx"
WIDTHS = [24, 54, 24, 54]  # the 156 mm text width of portrait A4


def build_joint_meeting(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    blank_unit_line(doc)
    a.title(doc, "{{ meeting.name }}（碰头会）纪要")
    form_grid(doc, WIDTHS, [
        [("会议时间", 1), ("", 1), ("会议地点", 1), ("", 1)],
        [("主持人", 1), ("", 1), ("记录人", 1), ("", 1)],
        [("牵头单位", 1), ("{{ meeting.host }}", 1), ("会议周期", 1), ("{{ meeting.cycle }}", 1)],
    ])
    caption(doc, "一、参会单位和人员")
    table(doc, ["类别", "单位", "参会人", "电话", "签到"], [20, 48, 34, 34, 20],
          ["{{ m.side }}", "{{ m.name }}", "{{ m.attendee }}", "{{ m.phone }}", ""],
          loop="m in members", centered=(0, 3), nowrap=(0, 3))
    caption(doc, "二、联建社区（街道）")
    a.tag(doc, "{%p if communities %}")
    table(doc, ["序号", "社区（街道）", "所在县区", "对接单位", "联系人", "电话"], [12, 46, 26, 20, 18, 34],
          ["{{ c.no }}", "{{ c.name }}", "{{ c.district }}", "{{ c.unit }}", "{{ c.contact }}", "{{ c.phone }}"],
          loop="c in communities", centered=(0, 4, 5), nowrap=(0, 4, 5))
    a.tag(doc, "{%p else %}")
    a.para(doc, "尚未建立联建社区。", "说明")
    a.tag(doc, "{%p endif %}")
    caption(doc, "三、会议议题和通报情况")
    for _ in range(4):
        a.para(doc, "", "说明")
    caption(doc, "四、议定事项")
    table(doc, ["序号", "议定事项", "责任单位", "完成时限"], [10, 86, 32, 28],
          ["{{ d.no }}", "{{ d.item }}", "{{ d.owner }}", "{{ d.deadline }}"], loop="d in decisions",
          centered=(0, 3), height=9)
    a.para(doc, "议定事项由责任单位按时限办理，办理情况在下次{{ meeting.name }}上通报；"
                "会议按{{ meeting.cycle }}召开一次，遇退休人员重大信访问题随时召开。", "说明")
    sign_off(doc, issuer="纪要整理：{{ enterprise.office_full }}", date="____年__月__日")
    notes(doc, "填写说明", [
        "参会单位按政府、信访、政法、公安、街道社区和本企业分类填写；参会人写职务和姓名，到会后本人签到。",
        "联建社区写社区（街道）全称、所在县区和本企业的对接单位。",
        "议定事项逐条写明要办的事、责任单位和完成时限；日期写作“2026年11月22日”。",
        "纪要不写信访人的身份证号、住址、电话等个人信息。",
    ])
    return save(doc, NAME, out_dir)

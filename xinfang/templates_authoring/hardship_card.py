"""Template of the 困难退休人员帮扶档案卡: one person's card and aid record; secret mark when filled."""

from __future__ import annotations

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, notes, save
from .grid import form_grid
from .prose import secret_mark, table

NAME = "hardship_card.docx"
WIDTHS = [24, 54, 24, 54]  # the 156 mm text width of portrait A4


def build_hardship_card(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    # The mark at the first page's top left and in the header of every later page (filled cards only).
    a.page_header(doc, "{{ enterprise.secret_mark if not blank else '' }}", "困难退休人员帮扶档案卡", bold=True)
    a.no_header_on_first_page(doc)
    secret_mark(doc)
    a.title(doc, "困难退休人员帮扶档案卡")
    form_grid(doc, WIDTHS, [
        [("档案编号", 1), ("{{ card.id }}", 1), ("建档日期", 1), ("{{ card.opened }}", 1)],
        [("姓名", 1), ("{{ card.name }}", 1), ("身份证号", 1), ("{{ card.id_number }}", 1)],
        [("手机", 1), ("{{ card.mobile }}", 1), ("退休日期", 1), ("{{ card.retired }}", 1)],
        [("原单位", 1), ("{{ card.unit }}", 1), ("所在社区", 1), ("{{ card.community }}", 1)],
        [("住址", 1), ("{{ card.address }}", 3)],
        [("困难类型", 1), ("{{ card.hardship }}", 1), ("帮扶责任人", 1), ("{{ card.helper }}", 1)],
        [("家庭情况", 1), ("{{ card.family }}", 3)],
        [("帮扶措施", 1), ("{{ card.measures }}", 3)],
    ], height=10)
    caption(doc, "帮扶记录")
    table(doc, ["日期", "走访、慰问、救助内容", "金额（元）"], [40, 92, 24],
          ["{{ r.date }}", "{{ r.note }}", "{{ r.amount }}"], loop="r in records", centered=(0, 2), nowrap=(0, 2),
          footer=["合计", "", "{{ total }}"], height=8)
    a.para(doc, "本档案卡含个人信息，按涉密资料管理：专人保管，不得复印、拍照、外传或在网络上存储传输。", "说明")
    notes(doc, "填写说明", [
        "每名困难退休人员建一张卡；档案编号如 bf-001，不要用姓名拼音。",
        "困难类型写因病致困、独居高龄、子女残疾等；家庭情况写明家庭成员、收入和主要困难。",
        "每次走访、慰问、救助后在帮扶记录中加一行；日期写作“2026年11月22日”，金额只写数字。",
        "填好的档案卡即为涉密资料，报送{{ enterprise.office_full }}，不得通过互联网传输。",
    ])
    return save(doc, NAME, out_dir)

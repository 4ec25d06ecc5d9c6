"""Templates of the 信访工作满意度评价表 (ticked by the petitioner) and its results summary."""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, gap, notes, save, title_block
from .prose import fit_columns, min_height, sign_off_together, table

FORM_NAME = "satisfaction_form.docx"
SUMMARY_NAME = "satisfaction_summary.docx"
BLOCK = [86, 70]
BOX = "□"
COUNT_HEADERS = ["评价项目", "满意", "基本满意", "不满意", "评价份数", "满意率"]
COUNT_WIDTHS = [28, 24, 26, 24, 26, 28]


def _plain(doc, text: str, style: str = "说明"):
    p = a.para(doc, text, style)
    p.paragraph_format.first_line_indent = Pt(0)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return p


def build_satisfaction_form(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    p = a.para(doc, "{{ enterprise.name }}", "副标题")
    p.paragraph_format.first_line_indent = Pt(0)
    a.title(doc, "信访工作满意度评价表")
    block = title_block(doc, [("接待单位：", "{{ unit.name }}"), ("评价日期：", "____年__月__日")], BLOCK)
    fit_columns(block, BLOCK)
    block2 = title_block(doc, [("信访事项：", "________________________"), ("经办人：", "____________")], BLOCK)
    fit_columns(block2, BLOCK)
    _plain(doc, "请在每个评价项目相应的栏内打勾（每项只选一栏）。", "表单信息")
    table(doc, ["评价项目", "评价内容", "满意", "基本满意", "不满意"], [20, 70, 20, 24, 22],
          ["{{ i.name }}", "{{ i.criteria }}", BOX, BOX, BOX], loop="i in items", centered=(0, 2, 3, 4),
          height=14, nowrap=(0, 2, 3, 4))
    box = a.table(doc, ["意见和建议"], [156])
    fit_columns(box, [156])
    row = a.row(doc, box, [""])
    min_height(row, 45)
    row.cells[0].vertical_alignment = WD_ALIGN_VERTICAL.TOP
    gap(doc, 0)
    _plain(doc, "评价人可以不署名。本表不收集姓名、身份证号、住址、电话等个人信息，评价结果只按份数汇总。")
    _plain(doc, "填好后请投入信访接待室意见箱，或交{{ enterprise.office }}（电话：{{ office.phone }}）。"
                "对评价为“不满意”的事项，{{ enterprise.office }}将核查处理情况并督促整改。")
    return save(doc, FORM_NAME, out_dir)


def build_satisfaction_summary(out_dir=TEMPLATE_DIR) -> str:
    doc = form_document()
    a.title(doc, "信访工作满意度评价结果汇总")
    block = title_block(doc, [("汇总单位：", "{{ unit.name }}"), ("年度：", "{{ period or '______年' }}")], BLOCK)
    fit_columns(block, BLOCK)
    a.tag(doc, "{%p for s in surveys %}")
    caption(doc, "{{ s.period }}（{{ '收回评价表' ~ s.forms ~ '份，' if s.forms != '' else '' }}单位：份）")
    cells = ["{{ r.name }}", "{{ r.satisfied }}", "{{ r.basic }}", "{{ r.unsatisfied }}", "{{ r.total }}",
             "{{ r.rate }}"]
    footer = [c.replace("r.", "s.total.") for c in cells]
    table(doc, COUNT_HEADERS, COUNT_WIDTHS, cells, loop="r in s.rows", centered=(0, 1, 2, 3, 4, 5),
          footer=footer, nowrap=(0, 1, 2, 3, 4, 5), height=6)
    a.tag(doc, "{%p if not blank %}")
    a.para(doc, "{{ s.period }}综合满意率{{ s.total.rate }}"
                "{{ '，其中' ~ s.weakest ~ '环节满意率最低（' ~ s.weakest_rate ~ '）' if s.weakest else '' }}。")
    a.tag(doc, "{%p endif %}")
    a.tag(doc, "{%p endfor %}")
    a.tag(doc, "{%p if target %}")
    a.para(doc, "年度工作目标：{{ target }}。")
    a.tag(doc, "{%p endif %}")
    p = a.para(doc, "注：满意率 =（满意份数 + 基本满意份数）÷ 该项目评价份数 × 100%，保留两位小数；"
                    "评价结果只按份数汇总，不记录评价人的个人信息。", "说明")
    p.paragraph_format.first_line_indent = Mm(0)
    sign_off_together(doc, "{{ unit.name }}")
    notes(doc, "填写说明", [
        "按期间汇总收回的信访工作满意度评价表，每个评价项目分别统计满意、基本满意、不满意的份数；未评价的项目不计。",
        "满意率 =（满意份数 + 基本满意份数）÷ 该项目评价份数 × 100%，保留两位小数。",
        "汇总表只填份数，不填写评价人的姓名、电话等个人信息。",
    ])
    return save(doc, SUMMARY_NAME, out_dir)


def build_satisfaction(out_dir=TEMPLATE_DIR) -> str:
    return "\n".join(build(out_dir) for build in (build_satisfaction_form, build_satisfaction_summary))

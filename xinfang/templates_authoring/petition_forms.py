"""Templates of the petition-handling forms: the 来访登记表 grid and six letters to the petitioner.

Every letter is laid out the same way: unit and title, document number, addressee,
body, contact line, sign-off, then a 送达回执 that prints the form's time limit and
the date it falls on. The example (示例) marks itself in the running header and in
a line under it; blanks show ______ or □ choices where a clerk writes.
"""

from __future__ import annotations

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from ..docx import authoring as a
from . import TEMPLATE_DIR
from .blocks import caption, form_document, gap, notes, save, title_block
from .prose import addressee, fit_columns, lines, min_height, no_wrap, sign_off

WIDTHS = [30, 48, 30, 48]  # 156 mm: the text width of portrait A4
LABEL, VALUE = "label", "value"
CONTACT = "联系人：{{ contact.name }}　　联系电话：{{ contact.phone }}"
EXAMPLE_NOTE = "示例：本文书由操作手册的示例数据生成，信访人及其反映的事项均为虚构，仅供培训使用。"
DATE_NOTE = "日期一律写作“2026年11月22日”；法定时限按日历日计算，自收到或受理的次日起算。"


def _document(name: str):
    doc = form_document()
    a.page_header(doc, "{{ enterprise.name }}", name + "{% if example %}（示例）{% endif %}")
    a.tag(doc, "{%p if example %}")
    p = a.para(doc, EXAMPLE_NOTE, "说明")
    p.paragraph_format.space_after = Pt(4)
    for run in p.runs:
        run.bold = True
    a.tag(doc, "{%p endif %}")
    return doc


def grid(doc, rows, widths=WIDTHS):
    """A bordered label/value grid. Each row is [(kind, text, span), …]; `kind` LABEL cells
    are shaded and bold; a row may end with a height in mm for handwriting. A row given
    as a string is a docxtpl row tag."""
    t = doc.add_table(rows=0, cols=len(widths))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    a._fixed_layout(t)
    fit_columns(t, widths)
    for spec in rows:
        if isinstance(spec, str):  # a docxtpl row tag, e.g. {%tr if blank %}
            a.tag_row(doc, t, spec)
            continue
        height = spec[-1] if isinstance(spec[-1], (int, float)) else 9
        cells = [c for c in spec if isinstance(c, tuple)]
        r = t.add_row()
        min_height(r, height)
        r_cells, col = r.cells, 0
        for cell, width in zip(r_cells, widths):
            cell.width = Mm(width)
        for kind, text, span in cells:
            cell = r_cells[col]
            if span > 1:
                cell = cell.merge(r_cells[col + span - 1])
            p = cell.paragraphs[0]
            p.style = doc.styles["表头" if kind == LABEL else "表格文字"]
            p.add_run(text)
            if kind == LABEL:
                a.shade(cell, "F2F2F2")
                no_wrap(cell)
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER if height <= 12 else WD_ALIGN_VERTICAL.TOP
            col += span
    gap(doc, 0)
    return t


def label(text: str, span: int = 1):
    return (LABEL, text, span)


def value(text: str, span: int = 1):
    return (VALUE, text, span)


def time_limit_rows():
    """The two rows every form prints: the statutory limit and the date it falls on."""
    return [[label("法定时限"), value("{{ rule }}", 3), 12],
            [label("办理期限"), value("{{ due }}", 3)]]


def receipt(doc):
    """送达回执: the limit, the deadline, and who handed the letter over when."""
    # On a page of its own: the letter goes to the petitioner, the receipt stays in the file.
    caption(doc, "送达回执（本页由出具单位留存归档）").paragraph_format.page_break_before = True
    grid(doc, time_limit_rows() + [
        [label("送达方式"), value("{% if example %}直接送达{% endif %}"), label("送达日期"),
         value("{% if example %}{{ date }}{% endif %}")],
        [label("信访人签收"), value(""), label("送达人"), value("")],
    ])


def letter(name: str, body: list[str], blank_notes: list[str], *, choices: list[str] = ()) -> object:
    """A letter to the petitioner; `choices` are □ alternatives printed on blanks only."""
    doc = _document(name)
    heading = a.title(doc, "{{ issuer }}\n" + name)
    heading.paragraph_format.first_line_indent = Pt(0)  # both lines centred alike
    number = a.para(doc, "{{ number }}", "说明")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    number.paragraph_format.space_after = Pt(6)
    addressee(doc, "{{ addressee }}：")
    lines(doc, body[0])
    if choices:
        a.tag(doc, "{%p if blank %}")
        lines(doc, *choices)
        a.tag(doc, "{%p endif %}")
    lines(doc, *body[1:], CONTACT)
    sign_off(doc, "{{ issuer }}", "{{ date }}")
    # The contact line, issuer and date stay on one page: a date alone on page 2 is no letter.
    for p in doc.paragraphs[-4:-1]:
        p.paragraph_format.keep_with_next = True
    receipt(doc)
    notes(doc, "填写说明", blank_notes + [DATE_NOTE])
    return doc


def build_visit(out_dir):
    doc = _document("来访登记表")
    a.title(doc, "来访登记表")
    title_block(doc, [("登记单位：", "{{ issuer }}"), ("编号：", "{{ number }}")], [84, 72])
    grid(doc, [
        [label("来访人姓名"), value("{{ p.name }}"), label("性别"), value("{{ p.gender }}")],
        [label("身份证号码"), value("{{ p.id_number }}"), label("联系电话"), value("{{ p.phone }}")],
        [label("住址或工作单位"), value("{{ p.address }}", 3)],
        [label("来访时间"), value("{{ d.received }}"), label("接待地点"), value("{{ place }}")],
        [label("来访人数"), value("{{ visitors }}"), label("推选代表人数"), value("{{ representatives }}")],
        # One choice per cell: a PDF's text layer keeps each □ with its own word.
        "{%tr if blank %}",
        [label("信访事项类别"), value("□建议意见"), value("□检举控告"), value("□申诉求决")],
        "{%tr else %}",
        [label("信访事项类别"), value("{{ case.category }}", 3)],
        "{%tr endif %}",
        [label("反映的主要\n问题和诉求"), value("{{ case.request }}", 3), 38],
        [label("初步处理意见"), value(
            "{% if blank %}□属于本单位职权范围，拟予受理，由________________办理\n"
            "□不属于本单位职权范围，告知信访人向________________提出\n"
            "□已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，告知信访人依照有关规定办理"
            "{% else %}属于本单位职权范围，拟予受理，由{{ handler }}办理。{% endif %}", 3), 20],
        *time_limit_rows(),
        [label("接待人"), value("{{ receiver }}"), label("信访人签字"), value(""), 12],
    ])
    notes(doc, "填写说明", [
        "来信、来电、走访和网上信访一律登记，一事一表；信访人口头反映的，由接待人记录后请信访人签字确认。",
        "多人走访提出同一信访事项的，请其推选代表，代表不超过{{ lim.representatives }}人，在“推选代表人数”中填写。",
        "“办理期限”为收到信访事项之日后第{{ lim.accept_days }}日；在此之前须出具受理告知书或不予受理告知书。",
        "本表含信访人个人信息，按涉密资料保管，不得透露或转给被检举、揭发的人员或单位。",
        DATE_NOTE,
    ])
    return save(doc, "petition_visit.docx", out_dir)


def build_acceptance(out_dir):
    doc = letter("受理告知书", [
        "你（们）于{{ d.received }}以{{ case.channel }}形式反映的{{ case.matter }}的信访事项收悉。经审查，该事项"
        "属于本单位职权范围，根据《信访工作条例》的规定，本单位决定予以受理，由{{ handler }}负责办理。",
        "本单位将自受理之日起{{ lim.handle_days }}日内办结并书面答复你（们）{% if example %}（即{{ d.handle_due }}前）"
        "{% endif %}；情况复杂的，经本单位负责人批准，可以适当延长办理期限，延长期限不超过{{ lim.extend_days }}日，"
        "并告知你（们）延期理由。",
        "办理期间，请你（们）保持联系方式畅通，如实提供有关材料，依法有序反映诉求。",
    ], ["本告知书一式两份，一份送达信访人，一份连同送达回执留存归档。"])
    return save(doc, "petition_acceptance.docx", out_dir)


def build_rejection(out_dir):
    doc = letter("不予受理告知书", [
        "你（们）于{{ d.received }}以{{ case.channel }}形式反映的{{ case.rejection_matter }}的信访事项收悉。"
        "{% if example %}经审查，{{ case.rejection_reason }}请你依照有关法律、行政法规规定的程序向有关机关提出。"
        "{% else %}经审查（选择适用的一项）：{% endif %}",
        "根据《信访工作条例》的规定，本单位对该信访事项不予受理。特此告知。",
    ], ["不属于本单位职权范围的，写明有权处理的机关、单位；应当通过法定途径解决的，不再写明具体机关。",
        "本告知书一式两份，一份送达信访人，一份连同送达回执留存归档。"],
        choices=["□该事项不属于本单位职权范围，请你（们）向________________提出。",
                 "□该事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，请你（们）依照有关法律、"
                 "行政法规规定的程序向有关机关提出。"])
    return save(doc, "petition_rejection.docx", out_dir)


def build_extension(out_dir):
    doc = letter("延期办理告知书", [
        "你（们）反映的{{ case.matter }}的信访事项，本单位已于{{ d.accepted }}受理，按规定应于{{ d.handle_due }}前办结。",
        "因{{ case.extension_reason }}，情况复杂，经本单位负责人批准，办理期限延长{{ case.extend_days }}日，"
        "本单位将于{{ d.extended_due }}前办结并书面答复你（们）。根据《信访工作条例》的规定，延长期限不超过"
        "{{ lim.extend_days }}日。特此告知。",
    ], ["延期须在原办理期限届满前经本单位负责人批准，批准件随本告知书留存归档。",
        "延长的日数不得超过{{ lim.extend_days }}日；延期理由写明情况复杂的具体原因。"])
    return save(doc, "petition_extension.docx", out_dir)


def build_reply(out_dir):
    doc = letter("答复意见书", [
        "你（们）于{{ d.received }}反映的{{ case.matter }}的信访事项，本单位已于{{ d.accepted }}受理"
        "{% if example %}，并于{{ d.extension }}告知延期办理{% endif %}。经调查核实，现答复如下：",
        "一、调查核实情况：{{ case.findings }}",
        "二、处理意见：{{ case.decision }}",
        "三、处理依据：{{ case.basis }}",
        "你（们）如对本处理意见不服，可以自收到本意见书之日起{{ lim.review_request_days }}日内，"
        "向{{ next_body }}书面请求复查。",
    ], ["处理意见写明支持、部分支持或不支持诉求及其理由；处理依据写明所依据的法律法规、政策和公司制度。",
        "信访人对答复满意的，或收到答复后{{ lim.review_request_days }}日内未请求复查的，办结归档。"])
    return save(doc, "petition_reply.docx", out_dir)


def build_review(out_dir):
    doc = letter("复查意见书", [
        "你（们）不服{{ original }}于{{ d.reply }}作出的{{ case.matter }}的信访事项处理意见"
        "{% if example %}，{{ case.review_request }}{% endif %}，于{{ d.review_requested }}向本单位请求复查。"
        "本单位依照《信访工作条例》的规定进行了复查，现提出复查意见如下：",
        "一、复查认定的事实：{{ case.review_findings }}",
        "二、复查意见：{{ case.review_decision }}",
        "你（们）如对本复查意见不服，可以自收到本意见书之日起{{ lim.recheck_request_days }}日内，"
        "向{{ next_body }}书面请求复核。",
    ], ["复查由原办理单位的上一级机关、单位进行；复查意见写明维持、变更或撤销原处理意见及理由。"])
    return save(doc, "petition_review.docx", out_dir)


def build_recheck(out_dir):
    doc = letter("复核意见书", [
        "你（们）不服{{ reviewed_by }}于{{ d.review }}作出的{{ case.matter }}的信访事项复查意见，"
        "于{{ d.recheck_requested }}向本单位请求复核。本单位依照《信访工作条例》的规定进行了复核，现提出复核意见如下：",
        "一、复核认定的事实：{{ case.recheck_findings }}",
        "二、复核意见：{{ case.recheck_decision }}",
        "你（们）对本复核意见不服，仍以同一事实和理由提出投诉请求的，不再受理。",
    ], ["复核由复查机关、单位的上一级机关、单位进行；复核意见写明维持、变更或撤销复查意见及理由。"])
    return save(doc, "petition_recheck.docx", out_dir)


BUILDERS = [build_visit, build_acceptance, build_rejection, build_extension, build_reply, build_review,
            build_recheck]


def build_petition_forms(out_dir=TEMPLATE_DIR) -> str:
    return "\n".join(build(out_dir) for build in BUILDERS)

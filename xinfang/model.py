"""The office's domain: units, people, responsibilities, risks, plans.

Each dataclass field declared with `F(YAML key, spec)` is read from the data;
fields without it are derived by the loader. Nothing here knows Word or HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .schema import (Choice, Date, F, Id, Integer, ListOf, Number, Phone, Record,
                     Ref, Text)

RISK_LEVELS = ("红", "黄", "绿")
RISK_CATEGORIES = (
    "工资待遇", "社会保险", "岗位调整", "工伤赔偿", "退休人员社会化管理", "三供一业",
    "去产能关闭", "历史遗留问题", "劳动合同", "住房拆迁", "其他",
)
SCREENING_KINDS = ("日常排查", "专项排查", "动态跟踪")
RISK_STATES = ("在办", "已销号")
KEY_CLASSES = ("A", "B", "C")
UNIT_KINDS = ("企业", "职能部门", "二级单位", "基层单位", "班组")
RESPONSIBILITY_LEVELS = ("一级", "二级", "三级")
FIVE_RESPONSIBILITIES = ("首要责任", "直接责任", "管理责任", "包案责任", "督查责任")
LEVELS_DOC = "一级：企业主要领导，负总责；二级：分管领导；三级：各部门、单位负责人（两级管理的企业不用三级）"
KEY_CLASSES_DOC = ("A：组织或参与过集体访、越级访，诉求未解决；B：怨气较大、可能串联他人；"
                   "C：关注同类问题、无过激行为（以 key-groups.yaml 的分类稳控为准）")
PUBLIC_FIELDS = ("姓名", "职务", "单位", "办公电话", "手机")
DEFAULT_PUBLIC = ["姓名", "职务", "单位", "办公电话"]
SCREENING_CYCLES = ("季", "月", "旬")


PLACE_SUFFIXES = ("市", "县", "区")


def place_key(place: str) -> str:
    """A city as compared: 鹤壁 and 鹤壁市 are one place (a two-character name like 辉县 keeps its 县)."""
    place = place.strip()
    if len(place) > 2 and place[-1] in PLACE_SUFFIXES:
        return place[:-1]
    return place


def same_place(a: str, b: str) -> bool:
    return place_key(a) == place_key(b)


class Located:
    """Where a record came from: set by the schema's Record spec after loading."""

    pos = None
    where = ()  # field positions, packed (schema.places; read with schema.field_place)
    path = ""


# --- enterprise.yaml -------------------------------------------------------

@dataclass
class LeadingGroup(Located):
    """信访维稳工作领导小组。"""

    name: str = F("名称", Text(), default="信访维稳工作领导小组", doc="领导小组全称")
    leader: str = F("组长", Ref("person"), required=True, doc="组长（一般为党委书记、董事长）的人员编号")
    deputies: list = F("副组长", ListOf(Ref("person"), unique=True), default=[], doc="副组长人员编号列表")
    members: list = F("成员", ListOf(Ref("person"), unique=True), default=[], doc="成员人员编号列表")
    meetings: str = F("会议制度", Text(), default="每季度召开专题会议，每月听取工作汇报")


@dataclass
class GroupOffice(Located):
    """领导小组办公室。"""

    name: str = F("名称", Text(100), default="领导小组办公室",
                  doc="文档和手册对办公室的称呼，如 信访办公室；不填为“领导小组办公室”")
    lead_unit: str = F("牵头部门", Ref("unit"), required=True, doc="办公室所在部门（单位编号），如党群工作部")
    director: str = F("主任", Ref("person"), required=True)
    staff: list = F("专职人员", ListOf(Ref("person"), min_items=1, unique=True), required=True, doc="专职信访工作人员")
    phone: str = F("电话", Phone("landline"), required=True, doc="办公室值班电话（座机）")
    duties: str = F("职责", Text(), default="负责领导小组日常工作，统筹协调信访隐患排查、督查督办、信息报送和应急处置。")


@dataclass
class Target(Located):
    """年度工作目标中的一项。"""

    indicator: str = F("指标", Text(200), required=True, doc="如：信访总量同比下降")
    value: str = F("目标值", Text(100), required=True, doc="如：15%以上")


@dataclass
class Change(Located):
    """只以同比百分比报告的一项结果，如 上访率同比下降57%。"""

    indicator: str = F("指标", Text(100), required=True, doc="如：退休人员上访率、信访工作总量")
    percent: float = F("同比变化", Number(None), required=True,
                       doc="同比变化的百分数，下降写负数：同比下降57%写 -57，上升3.5%写 3.5")


def _check_figures(figures: "YearFigures"):
    if (figures.batches is None) != (figures.people is None):
        missing = "people" if figures.people is None else "batches"
        yield missing, "批次和人次须同时填写（只有同比百分比时两项都不填，写在“同比”中）"
    elif figures.batches is None and not figures.changes:
        yield "batches", "须填写批次和人次，或在“同比”中填写同比变化百分比"


@dataclass
class YearFigures(Located):
    """某一年度的信访统计数字：批次、人次，或只有同比百分比。"""

    year: int = F("年度", Integer(1949, 2200), required=True)
    batches: Optional[int] = F("批次", Integer(), doc="信访批次；只有同比百分比时不填")
    people: Optional[int] = F("人次", Integer(), doc="信访人次；只有同比百分比时不填")
    skip_level: Optional[int] = F("越级访批次", Integer(), doc="越级上访批次")
    collective: Optional[int] = F("集体访批次", Integer(), doc="集体上访批次")
    as_of: Optional[dt.date] = F("统计截止", Date(), doc="未满一年时填写统计截止日期")
    changes: list = F("同比", ListOf(Record(Change)), default=[],
                      doc="只以百分比报告的同比结果（如 上访率同比下降57%），每项写指标和同比变化")


@dataclass
class ScreeningRules(Located):
    """隐患排查节奏和台账更新、汇总制度。"""

    cycles: list = F("排查周期", ListOf(Choice(*SCREENING_CYCLES), min_items=1, unique=True), default=["月"],
                     doc="常态化排查的周期：季、月、旬中的一项或几项；不填为每月排查")
    self_check_day: int = F("自查截止日", Integer(1, 31), default=25,
                            doc="按月排查时，各单位每月几日前完成一次自查")
    update: str = F("台账更新", Text(40), default="每日一更新", doc="台账多久更新一次，如 每日一更新")
    rollup: str = F("台账汇总", Text(40), default="每月一汇总", doc="台账多久汇总一次，如 每月一汇总")
    dispatch: str = F("调度销号", Text(40), default="周调度、月销号", doc="隐患调度和销号的节奏")


# Today's wording where an enterprise's data says nothing (seed 004's plan).
DEFAULT_PRINCIPLES = [
    "坚持党的领导。将信访维稳工作纳入企业党委重要议事日程，强化政治责任。",
    "坚持依法依规。严格按照《信访工作条例》和企业规章制度处理问题，维护法律权威。",
    "坚持问题导向。聚焦职工关心的薪酬分配、劳动权益、历史遗留等问题，精准施策。",
    "坚持源头治理。通过完善管理制度、优化决策流程，减少矛盾产生。",
    "坚持人文关怀。注重心理疏导与情感沟通，体现企业温度。",
]
DEFAULT_ACCOUNTABILITY = [
    "信访维稳工作纳入各单位和领导干部年度考核，考核结果与评先评优挂钩。",
    "对责任不落实、工作不到位，导致发生集体访、越级访或造成严重后果的，按规定追究有关单位和人员的责任。",
]
SATISFACTION_ITEMS = ("接访", "处访", "程序", "效果")


def _check_survey(survey: "SatisfactionSurvey"):
    items = [r.item for r in survey.results]
    for item in sorted(set(items), key=items.index):
        if items.count(item) > 1:
            yield "results", f"评价项目“{item}”重复填写，每个项目只填一次"
    for result in survey.results:
        if result.satisfied + result.basic + result.unsatisfied == 0:
            yield "results", f"评价项目“{result.item}”的满意、基本满意、不满意份数都是0，没有评价的项目不要填写"
        elif survey.forms is not None and result.satisfied + result.basic + result.unsatisfied > survey.forms:
            yield "results", (f"评价项目“{result.item}”的满意、基本满意、不满意份数合计"
                              f"{result.satisfied + result.basic + result.unsatisfied}份，多于收回份数{survey.forms}份")


@dataclass
class SatisfactionResult(Located):
    """一个评价项目的结果：满意、基本满意、不满意各几份。"""

    item: str = F("项目", Choice(*SATISFACTION_ITEMS), required=True, doc="接访、处访、程序、效果之一")
    satisfied: int = F("满意", Integer(unit="份"), required=True, doc="评价为满意的份数")
    basic: int = F("基本满意", Integer(unit="份"), default=0, doc="评价为基本满意的份数")
    unsatisfied: int = F("不满意", Integer(unit="份"), default=0, doc="评价为不满意的份数")


@dataclass
class SatisfactionSurvey(Located):
    """一个期间收回的信访工作满意度评价表的汇总结果（只有份数，没有评价人信息）。"""

    period: str = F("期间", Text(60), required=True, doc="如：2026年1—10月")
    forms: Optional[int] = F("收回份数", Integer(unit="份"), doc="收回的评价表份数；不填则不写")
    results: list = F("评价结果", ListOf(Record(SatisfactionResult), min_items=1), required=True,
                      doc="按接访、处访、程序、效果分项填写满意、基本满意、不满意的份数")


@dataclass
class Fonts(Located):
    """公文字体（GB/T 9704-2012）及其备用字体。"""

    title: str = F("标题", Text(60), default="方正小标宋简体")
    body: str = F("正文", Text(60), default="仿宋_GB2312")
    heading1: str = F("一级标题", Text(60), default="黑体")
    heading2: str = F("二级标题", Text(60), default="楷体_GB2312")
    page_number: str = F("页码", Text(60), default="宋体")
    title_fallback: str = F("标题备用", Text(60), default="宋体")
    body_fallback: str = F("正文备用", Text(60), default="仿宋")
    heading1_fallback: str = F("一级标题备用", Text(60), default="黑体")
    heading2_fallback: str = F("二级标题备用", Text(60), default="楷体")


@dataclass
class DocumentSettings(Located):
    """公文设置。"""

    issuer: str = F("发文机关", Text(200), required=True, doc="落款的发文机关，如某某公司信访维稳工作领导小组办公室")
    fonts: Fonts = F("字体", Record(Fonts), default=Fonts)
    secret_mark: str = F("保密标识", Text(40), default="内部资料 注意保密")


@dataclass
class Enterprise(Located):
    """企业基本信息（enterprise.yaml）。"""

    name: str = F("名称", Text(200), required=True, doc="企业全称")
    short_name: str = F("简称", Text(60), required=True)
    root_unit: str = F("本部单位", Ref("unit"), required=True, doc="单位树的根（企业本部）的单位编号")
    year: int = F("年度", Integer(2000, 2200), required=True, doc="当前工作年度")
    data_date: dt.date = F("数据日期", Date(), required=True,
                           doc="数据更新到哪一天；文档日期、是否超期都以此为准，保证重复生成的文件完全一致")
    city: str = F("所在城市", Text(60), required=True)
    province: str = F("所在省份", Text(60), required=True)
    group: LeadingGroup = F("领导小组", Record(LeadingGroup), required=True)
    office: GroupOffice = F("领导小组办公室", Record(GroupOffice), required=True)
    targets: list = F("工作目标", ListOf(Record(Target)), default=[])
    figures: list = F("信访统计", ListOf(Record(YearFigures, check=lambda f: list(_check_figures(f)))), default=[],
                      doc="历年信访批次、人次或同比百分比，用于同比")
    screening: ScreeningRules = F("排查制度", Record(ScreeningRules), default=ScreeningRules,
                                  doc="排查周期、自查截止日和台账更新、汇总制度")
    documents: DocumentSettings = F("公文设置", Record(DocumentSettings), required=True)
    principles: list = F("基本原则", ListOf(Text()), default=DEFAULT_PRINCIPLES,
                         doc="年度工作方案的基本原则，每条一句；不填为“坚持党的领导、坚持依法依规……”五条")
    accountability: list = F("考核问责", ListOf(Text()), default=DEFAULT_ACCOUNTABILITY,
                             doc="年度工作方案的考核问责规定，每条一句；积案化解率考核线见 reception.yaml")
    pattern: str = F("工作格局", Text(60), default="小事不出班组、大事不出单位、矛盾不上交",
                     doc="年度工作方案要形成的工作格局，如 小事不出供电所、大事不出县公司、矛盾不上交；"
                         "不填为“小事不出班组、大事不出单位、矛盾不上交”")
    satisfaction: list = F("满意度评价", ListOf(Record(SatisfactionSurvey, check=lambda s: list(_check_survey(s)))),
                           default=[], doc="收回的信访工作满意度评价表按期间汇总的份数；没有时不填")


# --- units.yaml, people.yaml, contacts.yaml --------------------------------

@dataclass
class Unit(Located):
    """单位（任意层级）。"""

    id: str = F("编号", Id(), required=True, doc="单位编号：小写字母、数字、连字符，如 yi-kuang")
    name: str = F("名称", Text(200), required=True)
    short_name: Optional[str] = F("简称", Text(60), doc="用于文件名和表格，如 一矿")
    kind: str = F("类型", Choice(*UNIT_KINDS), required=True,
                  doc="企业：企业本部；职能部门：本部的部室；二级单位：矿、厂、分公司等；基层单位：队、站、所；"
                      "班组：基层单位下的班组。企业、二级单位、基层单位须设信访联络员")
    parent: Optional[str] = F("上级", Ref("unit"), doc="上级单位编号；企业本部不填")
    city: str = F("所在城市", Text(60), required=True, doc="用于应急到达时限")
    address: Optional[str] = F("地址", Text(200))
    leader: Optional[str] = F("主要领导", Ref("person"), doc="主要负责人（第一责任人）")
    supervisor: Optional[str] = F("分管领导", Ref("person"), doc="分管信访工作的领导")
    liaison: Optional[str] = F("信访联络员", Ref("person"), doc="信访联络岗人员")
    phone: Optional[str] = F("信访电话", Phone("landline"))
    order: int = F("排序", Integer(), default=0, doc="同级单位的显示顺序，小的在前")
    children: list = field(default_factory=list, metadata={})

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass
class UnitsFile(Located):
    units: list = F("单位", ListOf(Record(Unit, id_kind="unit"), min_items=1), required=True)


@dataclass
class Person(Located):
    """人员。"""

    id: str = F("编号", Id(), required=True, doc="人员编号：小写拼音加连字符，如 wang-jianguo")
    name: str = F("姓名", Text(40), required=True)
    post: str = F("职务", Text(100), required=True)
    unit: str = F("单位", Ref("unit"), required=True)
    office_phone: Optional[str] = F("办公电话", Phone("landline"))
    mobile: Optional[str] = F("手机", Phone("mobile"))
    public: list = F("公开字段", ListOf(Choice(*PUBLIC_FIELDS), unique=True), default=list(DEFAULT_PUBLIC),
                     doc="可在操作手册网站上公开的字段；默认 姓名、职务、单位、办公电话")
    left: Optional[dt.date] = F("离任日期", Date(),
                                doc="人员离任（调离、退休）的日期；离任人员保留在本文件中，历史文档仍显示其姓名，"
                                    "其担任的职务用 generate.py handover 交接给接任人")


@dataclass
class PeopleFile(Located):
    people: list = F("人员", ListOf(Record(Person, id_kind="person"), min_items=1), required=True)


@dataclass
class Contact(Located):
    """外部联系单位（政府信访部门、公安、街道社区等）。"""

    name: str = F("名称", Text(200), required=True)
    category: str = F("类别", Choice("政府部门", "信访部门", "政法公安", "街道社区", "其他"), required=True)
    person: Optional[str] = F("联系人", Text(40))
    phone: str = F("电话", Phone("landline"), required=True)
    public: str = F("公开", Choice("是", "否"), default="是", doc="是否在操作手册网站上公开")


@dataclass
class ContactsFile(Located):
    contacts: list = F("外部联系单位", ListOf(Record(Contact)), default=[])


# --- responsibilities.yaml -------------------------------------------------

@dataclass
class LevelDefinition(Located):
    """三级责任体系中的一级。"""

    level: str = F("层级", Choice(*RESPONSIBILITY_LEVELS), required=True, doc=LEVELS_DOC)
    holder: str = F("责任主体", Text(200), required=True)
    duty: str = F("职责", Text(), required=True)


@dataclass
class Assignment(Located):
    """一条责任分工：谁、哪一级、管哪些单位和领域。"""

    person: str = F("责任人", Ref("person"), required=True)
    level: str = F("层级", Choice(*RESPONSIBILITY_LEVELS), required=True, doc=LEVELS_DOC)
    units: list = F("责任单位", ListOf(Ref("unit"), unique=True), default=[])
    area: str = F("分管领域", Text(200), required=True)


@dataclass
class FiveDuty(Located):
    """五项责任中的一项。"""

    name: str = F("名称", Choice(*FIVE_RESPONSIBILITIES), required=True)
    holder: str = F("承担者", Text(200), required=True)
    content: str = F("内容", Text(), required=True)
    people: list = F("责任人", ListOf(Ref("person"), unique=True), default=[])


@dataclass
class ResponsibilitiesFile(Located):
    levels: list = F("三级责任体系", ListOf(Record(LevelDefinition), min_items=1), required=True,
                     doc="按层级写一级、二级、三级；两级管理的企业（公司→矿）可只写两级")
    assignments: list = F("责任分工", ListOf(Record(Assignment)), default=[])
    five: list = F("五项责任", ListOf(Record(FiveDuty)), default=[])


# --- risks/<unit>.yaml -----------------------------------------------------

@dataclass
class Progress(Located):
    date: dt.date = F("日期", Date(), required=True)
    note: str = F("内容", Text(), required=True)


def _check_risk(risk: "RiskEntry"):
    if risk.state == "已销号" and risk.closed is None:
        yield "state", "状态为“已销号”时须填写销号日期"
    if risk.state == "在办" and risk.closed is not None:
        yield "closed", "状态为“在办”的隐患不应有销号日期（已化解请将状态改为“已销号”）"
    if risk.closed is not None and risk.closed < risk.registered:
        yield "closed", "销号日期早于挂号日期"
    if risk.deadline < risk.registered:
        yield "deadline", "化解时限早于挂号日期"
    if risk.level == "红" and not risk.leader:
        yield "level", "红色隐患必须明确包案领导"


@dataclass
class RiskEntry(Located):
    """信访隐患台账的一条。"""

    id: str = F("编号", Id(), required=True, doc="隐患编号，全公司唯一，如 yk-2026-001")
    description: str = F("问题描述", Text(), required=True)
    category: str = F("问题类别", Choice(*RISK_CATEGORIES), required=True)
    people_count: int = F("涉及人数", Integer(unit="人"), required=True)
    level: str = F("风险等级", Choice(*RISK_LEVELS), required=True,
                   doc="红：可能引发集体访或越级访；黄：有一定风险；绿：一般")
    leader: Optional[str] = F("包案领导", Ref("person"), doc="红色隐患必填")
    owner: str = F("责任人", Ref("person"), required=True)
    measures: str = F("化解措施", Text(), required=True)
    deadline: dt.date = F("化解时限", Date(), required=True)
    registered: dt.date = F("挂号日期", Date(), required=True)
    state: str = F("状态", Choice(*RISK_STATES), default="在办",
                   doc="在办：尚未化解（不填即为在办）；已销号：案结事了，须填写销号日期")
    closed: Optional[dt.date] = F("销号日期", Date())
    screening: str = F("排查方式", Choice(*SCREENING_KINDS), default="日常排查",
                       doc="日常排查：各单位每月自查（不填即为此项）；专项排查：节日、会议、改革节点前的排查；"
                           "动态跟踪：对已知问题的跟踪")
    campaign: Optional[str] = F("专项排查", Ref("campaign"), doc="在哪次专项排查中发现（专项排查编号）")
    progress: list = F("进展情况", ListOf(Record(Progress)), default=[])
    unit: str = ""  # set by the loader from the file's unit

    def status(self, today: dt.date) -> str:
        """在办 / 已销号 / 超期 (past its deadline and not closed) as of `today`."""
        if self.state == "已销号":
            return "已销号"
        return "超期" if self.deadline < today else "在办"


RISK_RECORD = Record(RiskEntry, id_kind="risk", check=lambda r: list(_check_risk(r)))


@dataclass
class RiskFile(Located):
    unit: str = F("单位", Ref("unit"), required=True, doc="本台账所属单位编号（应与文件名一致）")
    entries: list = F("隐患", ListOf(RISK_RECORD), default=[])


# --- key-groups.yaml and confidential/key-persons.yaml ---------------------

@dataclass
class KeyClassPolicy(Located):
    """重点人员分类稳控政策（公开）。"""

    cls: str = F("类别", Choice(*KEY_CLASSES), required=True, doc=KEY_CLASSES_DOC)
    criteria: str = F("标准", Text(), required=True)
    contact_by: str = F("联系人", Text(100), required=True, doc="如：分管领导")
    frequency: str = F("联系频次", Text(100), required=True, doc="如：至少每周一次")
    interval_days: int = F("间隔天数", Integer(1, 366, unit="天"), required=True, doc="两次联系最长间隔天数")


@dataclass
class KeyGroupsFile(Located):
    policies: list = F("分类稳控", ListOf(Record(KeyClassPolicy), min_items=1), default=[])
    measures: list = F("稳控措施", ListOf(Text()), default=[])


@dataclass
class KeyPerson(Located):
    """重点人员（涉密）。"""

    id: str = F("编号", Id(), required=True)
    name: str = F("姓名", Text(40), required=True)
    id_number: Optional[str] = F("身份证号", Text(18))
    address: Optional[str] = F("住址", Text(200))
    mobile: Optional[str] = F("手机", Phone("mobile"))
    cls: str = F("类别", Choice(*KEY_CLASSES), required=True, doc=KEY_CLASSES_DOC)
    unit: str = F("所属单位", Ref("unit"), required=True)
    demand: str = F("主要诉求", Text(), required=True)
    risk: Optional[str] = F("关联隐患", Ref("risk"))
    contact: str = F("稳控责任人", Ref("person"), required=True)
    frequency: Optional[str] = F("联系频次", Text(100), doc="不填则按类别的稳控政策")
    last_contact: Optional[dt.date] = F("最近联系", Date())
    status: Optional[str] = F("现实表现", Text())


@dataclass
class KeyPersonsFile(Located):
    persons: list = F("重点人员", ListOf(Record(KeyPerson, id_kind="key-person")), default=[])


# --- campaigns.yaml --------------------------------------------------------

@dataclass
class Campaign(Located):
    """一次专项排查。"""

    id: str = F("编号", Id(), required=True)
    name: str = F("名称", Text(200), required=True)
    trigger: str = F("触发事项", Text(200), required=True, doc="重大节日、重要会议或改革节点")
    milestone: dt.date = F("节点日期", Date(), required=True)
    lead_days: int = F("提前工作日", Integer(1, 60), default=10, doc="在节点日期前多少个工作日开始")
    lead: str = F("牵头部门", Ref("unit"), required=True)
    leader: str = F("牵头领导", Ref("person"), required=True)
    departments: list = F("参加部门", ListOf(Ref("unit"), unique=True), default=[])
    scope: list = F("排查范围", ListOf(Ref("unit"), unique=True), default=[], doc="不填为全公司")
    focus: list = F("排查重点", ListOf(Text()), default=[])
    measures: list = F("工作措施", ListOf(Text()), default=[])
    next_steps: list = F("下一步工作", ListOf(Text()), default=[])


@dataclass
class CampaignsFile(Located):
    campaigns: list = F("专项排查", ListOf(Record(Campaign, id_kind="campaign")), default=[])


# --- reception.yaml --------------------------------------------------------

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass
class ReceptionRule(Located):
    """一位领导的接访规则。"""

    leader: str = F("接访领导", Ref("person"), required=True)
    mode: str = F("方式", Choice("定点接访", "预约接访"), required=True,
                  doc="定点接访：在固定地点、固定时间接待来访群众；预约接访：群众预约后按约定时间接待")
    cycle: str = F("周期", Choice("每月", "每周"), required=True, doc="每月：每月一次（须填第几周）；每周：每周一次")
    weekday: str = F("星期", Choice(*WEEKDAYS), required=True)
    week_of_month: Optional[int] = F("第几周", Integer(1, 4), doc="周期为每月时：当月第几个该星期几")
    time: str = F("时间", Text(40), required=True, doc="如 9:00—11:30")
    place: str = F("地点", Text(200), required=True)


@dataclass
class CaseOwnership(Located):
    """积案包案：一案一专班、一案一方案。"""

    id: str = F("编号", Id(), required=True)
    risk: str = F("隐患", Ref("risk"), required=True, doc="对应的隐患编号")
    leader: str = F("包案领导", Ref("person"), required=True)
    team: list = F("专班成员", ListOf(Ref("person"), min_items=1, unique=True), required=True)
    plan: str = F("化解方案", Text(), required=True)
    deadline: dt.date = F("化解时限", Date(), required=True)


@dataclass
class ReceptionFile(Located):
    notice_days: int = F("公告提前工作日", Integer(0, 30), default=3)
    reply_days: int = F("答复时限工作日", Integer(1, 60), default=3)
    finish_days: int = F("办结时限工作日", Integer(1, 90), default=15)
    schedule_months: int = F("排班月数", Integer(1, 12), default=3, doc="接访安排表排多少个月")
    backlog_months: int = F("积案认定月数", Integer(1, 24), default=3)
    award_threshold: int = F("积案化解率考核线", Integer(0, 100, unit="%"), default=80,
                             doc="百分比，只填数字：80 表示 80%")
    notice_channels: list = F("公示渠道", ListOf(Text(40), unique=True), default=[],
                              doc="接访时间地点在哪里公示，如 企业内网、公告栏")
    booking_channels: list = F("预约渠道", ListOf(Text(40), unique=True), default=[],
                               doc="职工可以怎样预约接访，如 电话、线上平台")
    equipment: Optional[str] = F("接待室设备", Text(200), doc="信访接待室配备的设备，如 录音录像设备")
    rules: list = F("接访规则", ListOf(Record(ReceptionRule)), default=[])
    cases: list = F("包案", ListOf(Record(CaseOwnership, id_kind="case")), default=[])


# --- emergency.yaml --------------------------------------------------------

@dataclass
class Team(Located):
    name: str = F("名称", Text(100), required=True)
    leader: str = F("组长", Ref("person"), required=True)
    members: list = F("成员", ListOf(Ref("person"), unique=True), default=[])
    duty: str = F("职责", Text(), required=True)


@dataclass
class CommandOffice(Located):
    name: str = F("名称", Text(100), default="指挥部办公室", doc="指挥部办公室的称呼")
    unit: str = F("设在", Ref("unit"), required=True)
    director: str = F("主任", Ref("person"), required=True)
    deputies: list = F("副主任", ListOf(Ref("person"), unique=True), default=[])
    phone: str = F("值班电话", Phone("landline"), required=True)
    duty: str = F("职责", Text(), required=True)


@dataclass
class Vehicle(Located):
    kind: str = F("车型", Text(60), required=True)
    count: int = F("数量", Integer(1, unit="辆"), required=True)
    place: str = F("停放地点", Text(200), required=True)
    driver: Optional[str] = F("驾驶员", Ref("person"))


@dataclass
class UnitFund(Located):
    """一个单位自己留存的信访稳定备用金。"""

    unit: str = F("单位", Ref("unit"), required=True, doc="留存备用金的单位编号")
    amount: Optional[float] = F("备用金万元", Number(0), doc="额度（万元）；不填表示额度由本单位按需核定")


def _check_post(post: "CommandPost"):
    if post.fund is not None and not post.fund_keeper:
        yield "fund", "填写了备用金额度时须填写备用金管理部门"


@dataclass
class CommandPost(Located):
    """应急指挥部。"""

    name: str = F("名称", Text(100), default="突发信访事件应急指挥部", doc="指挥部全称，如 信访稳定突发事件应急处置指挥部")
    commander: str = F("总指挥", Ref("person"), required=True)
    deputies: list = F("副总指挥", ListOf(Ref("person"), unique=True), default=[])
    member_units: list = F("成员单位", ListOf(Ref("unit"), unique=True), default=[])
    office: CommandOffice = F("办公室", Record(CommandOffice), required=True)
    teams: list = F("工作组", ListOf(Record(Team)), default=[])
    team_size: int = F("应急队伍人数", Integer(1, unit="人"), required=True)
    vehicles: list = F("应急车辆", ListOf(Record(Vehicle)), default=[])
    fund: Optional[float] = F("备用金万元", Number(0, unit="万元"),
                              doc="公司应急备用金（万元）；只填管理部门不填额度表示额度按需核定，两项都不填表示公司不设")
    fund_keeper: Optional[str] = F("备用金管理部门", Ref("unit"), doc="管理公司备用金的部门（单位编号）")
    unit_funds: list = F("单位备用金", ListOf(Record(UnitFund)), default=[],
                         doc="各单位自己留存的备用金：每个单位一项，额度可不填")


@dataclass
class Arrival(Located):
    """按事发地点的到达时限。"""

    place: str = F("事发地点", Text(60), required=True, doc="城市名，如 鹤壁市、郑州市、北京市")
    note: str = F("说明", Text(100), required=True, doc="如：公司所在地、省会、进京")
    same_city_minutes: Optional[int] = F("同城单位时限分钟", Integer(1, unit="分钟"),
                                         doc="与事发地同城的单位到达时限（分钟），如 1小时填 60")
    other_minutes: int = F("其他单位时限分钟", Integer(1, unit="分钟"), required=True,
                           doc="其他城市的单位到达时限（分钟），如 2小时填 120")


@dataclass
class Report(Located):
    """一项报告制度，如 风险预控日报告、重大风险专报。"""

    name: str = F("名称", Text(60), required=True, doc="如：风险预控日报告")
    when: str = F("时间", Text(100), required=True, doc="何时报告，如 每天、第一时间")
    to: str = F("报送对象", Text(100), required=True, doc="报给谁，如 所在单位领导、公司信访办公室")
    content: Optional[str] = F("内容", Text(), doc="报告什么，如 当日排查的风险和稳控情况")


@dataclass
class ResponseLevel(Located):
    level: str = F("级别", Text(20), required=True)
    condition: str = F("启动条件", Text(), required=True)
    response: str = F("响应措施", Text(), required=True)


@dataclass
class EmergencyFile(Located):
    post: CommandPost = F("应急指挥部", Record(CommandPost, check=lambda p: list(_check_post(p))), required=True)
    report_minutes: int = F("信息报告时限分钟", Integer(1, unit="分钟"), required=True,
                            doc="发现聚集苗头后报告领导小组的时限（分钟）")
    onsite_minutes: int = F("到场时限分钟", Integer(1, unit="分钟"), required=True, doc="人员到达现场的时限（分钟），如 1小时填 60")
    arrivals: list = F("到达时限", ListOf(Record(Arrival)), default=[])
    levels: list = F("分级响应", ListOf(Record(ResponseLevel)), default=[])
    reports: list = F("报告制度", ListOf(Record(Report)), default=[],
                      doc="日常报告制度：如风险预控日报告、重大风险专报，每项写名称、时间、报送对象")


# --- procedure.yaml and holidays.yaml -------------------------------------

@dataclass
class Branch(Located):
    """流程图中从某一环节分出的一条支路（如不予受理、满意终结）。"""

    condition: str = F("条件", Text(40), required=True, doc="走这条支路的情形，写在箭头旁，如：信访人满意")
    outcome: str = F("结果", Text(60), required=True, doc="支路的去向，如：满意终结")
    detail: Optional[str] = F("说明", Text(200), doc="具体做法，显示在支路框中")


@dataclass
class Step(Located):
    """办理流程中的一个环节。"""

    name: str = F("环节", Text(60), required=True)
    limit: str = F("时限", Text(100), required=True, doc="如：15日内")
    basis: str = F("依据", Text(200), default="《信访工作条例》")
    detail: str = F("说明", Text(), required=True)
    branches: list = F("分支", ListOf(Record(Branch)), default=[], doc="从本环节分出的支路，流程图画在本环节之后")


@dataclass
class Limits(Located):
    """《信访工作条例》规定的时限和人数；手册的流程、清单和问答都按此表述。"""

    accept_days: int = F("受理告知日数", Integer(1, 90), default=15,
                         doc="收到信访事项之日起多少日内书面告知信访人是否受理")
    objection_workdays: int = F("异议工作日数", Integer(1, 30), default=5,
                                doc="收到交办、转送的信访事项后，认为不属于本单位职权范围的，多少个工作日内提出异议")
    handle_days: int = F("办理日数", Integer(1, 180), default=60, doc="自受理之日起多少日内办结")
    extend_days: int = F("延长日数", Integer(0, 180), default=30,
                         doc="情况复杂的，经本单位负责人批准最多可延长多少日，并告知信访人延期理由")
    review_request_days: int = F("复查请求日数", Integer(1, 90), default=30,
                                 doc="信访人自收到书面答复之日起多少日内可以请求复查")
    review_days: int = F("复查办理日数", Integer(1, 90), default=30,
                         doc="复查机关、单位自收到复查请求之日起多少日内提出复查意见并书面答复")
    recheck_request_days: int = F("复核请求日数", Integer(1, 90), default=30,
                                  doc="信访人自收到复查意见之日起多少日内可以请求复核")
    recheck_days: int = F("复核办理日数", Integer(1, 90), default=30,
                          doc="复核机关、单位自收到复核请求之日起多少日内提出复核意见")
    representatives: int = F("走访代表人数", Integer(1, 20), default=5,
                             doc="多人走访提出同一信访事项的，推选代表的最多人数")


@dataclass
class Reporting(Located):
    """信息报送：首报、续报、终报和零报告的要求（首报时限见 emergency.yaml 的信息报告时限分钟）。"""

    written_hours: int = F("书面首报小时", Integer(1, 72), default=2, doc="电话首报后多少小时内报送书面材料")
    followup_hours: int = F("续报间隔小时", Integer(1, 168), default=24, doc="事态未平息前，最长每隔多少小时续报一次")
    final_days: int = F("终报日数", Integer(1, 30), default=3, doc="处置结束后多少日内报送终报")
    zero_time: str = F("零报告时间", Text(40), default="16:00", doc="零报告期间每日报送的截止时间，如 16:00")
    zero_period: str = F("零报告期间", Text(200), default="重大节日、重要会议和敏感时期",
                         doc="实行零报告（无情况也报告“无”）的期间")


@dataclass
class Supervision(Located):
    """督查督办的时限。"""

    feedback_workdays: int = F("督办反馈工作日", Integer(1, 30), default=5,
                               doc="承办单位收到督办通知后多少个工作日内书面反馈办理进展")
    reminder_days: int = F("到期提醒日数", Integer(1, 30), default=5,
                           doc="办理期限届满前多少日，领导小组办公室提醒承办单位")
    bulletin: str = F("通报周期", Text(60), default="每月", doc="督办事项办理情况多久通报一次，如：每月")


@dataclass
class FieldVisits(Located):
    """领导下访和约访。"""

    visit_cycle: str = F("下访频次", Text(100), default="每季度至少一次",
                         doc="公司领导带案到基层单位下访的频次")
    appointment_workdays: int = F("约访提前工作日", Integer(0, 30), default=3,
                                  doc="约访前提前几个工作日与信访人约定时间和地点")


_DAYS = re.compile(r"(\d+)日")
_WORKDAYS = re.compile(r"(\d+)个工作日")


def _check_procedure(proc: "ProcedureFile"):
    """The day counts written in the steps' texts must be among the 法定时限 (so the manual never says both)."""
    lim = proc.limits
    days = {lim.accept_days, lim.handle_days, lim.extend_days, lim.review_request_days, lim.review_days,
            lim.recheck_request_days, lim.recheck_days}
    for i, step in enumerate(proc.steps, 1):
        texts = [step.limit] + [b.detail or "" for b in step.branches]
        for text in texts:
            for n in sorted({int(m) for m in _DAYS.findall(text)} - days):
                yield "steps", f"办理流程[{i}]（{step.name}）写有“{n}日”，与法定时限中的天数都不一致，请核对"
            for n in sorted({int(m) for m in _WORKDAYS.findall(text)} - {lim.objection_workdays}):
                yield "steps", f"办理流程[{i}]（{step.name}）写有“{n}个工作日”，与法定时限的异议工作日数不一致，请核对"


@dataclass
class ProcedureFile(Located):
    steps: list = F("办理流程", ListOf(Record(Step), min_items=1), required=True)
    limits: Limits = F("法定时限", Record(Limits), default=Limits)
    reporting: Reporting = F("信息报送", Record(Reporting), default=Reporting)
    supervision: Supervision = F("督查督办", Record(Supervision), default=Supervision)
    visits: FieldVisits = F("领导下访", Record(FieldVisits), default=FieldVisits)


PROCEDURE_RECORD = Record(ProcedureFile, check=lambda p: list(_check_procedure(p)))


@dataclass
class HolidayYear(Located):
    year: int = F("年份", Integer(2000, 2200), required=True)
    holidays: list = F("放假日期", ListOf(Date(), unique=True), default=[])
    workdays: list = F("调休上班日期", ListOf(Date(), unique=True), default=[])
    provisional: str = F("暂定", Choice("是", "否"), default="否",
                         doc="“是”表示本年安排是推测的、尚未按国务院办公厅通知核对；据此算出的日期会给出警告")


@dataclass
class HolidaysFile(Located):
    years: list = F("节假日", ListOf(Record(HolidayYear)), default=[])


# --- partners.yaml: joint meeting, partner communities, retiree transfer ---

MEETING_SIDES = ("政府", "信访", "政法", "公安", "街道社区", "其他")


@dataclass
class StandingMember(Located):
    """联席会议（碰头会）的一家外部成员单位。"""

    side: str = F("类别", Choice(*MEETING_SIDES), required=True,
                  doc="政府：地方政府及其部门；信访：信访局；政法：政法委；公安：公安机关；街道社区：街道办事处、社区居委会")
    name: str = F("单位", Text(200), required=True, doc="成员单位全称，如 新乡市红旗区人民政府")
    attendee: Optional[str] = F("参会人", Text(60), doc="参会人的职务或称呼，如 分管副区长；不填时纪要上留空待填")
    phone: Optional[str] = F("电话", Phone("landline"))


@dataclass
class JointMeeting(Located):
    """信访维稳联席会议（碰头会）。"""

    name: str = F("名称", Text(100), default="信访维稳联席会议", doc="会议名称，纪要标题为“名称（碰头会）纪要”")
    host: str = F("牵头", Text(100), default="地方政府", doc="由谁主导召集，如 新乡市红旗区人民政府")
    cycle: str = F("会议周期", Text(60), default="每季度", doc="定期召开的周期，如 每季度、每月")
    members: list = F("成员单位", ListOf(Record(StandingMember)), default=[],
                      doc="常设的外部成员单位：政府、信访、政法、公安、街道社区")
    own: list = F("企业参会人员", ListOf(Ref("person"), unique=True), default=[],
                  doc="本企业常设参会人员的人员编号，如分管领导、信访办公室主任")


def _check_transfer(t: "Transfer"):
    if t.party_members > t.retirees:
        yield "party_members", f"移交党员 {t.party_members} 人多于移交退休人员 {t.retirees} 人"
    if t.archives > t.retirees:
        yield "archives", f"已移交档案 {t.archives} 份多于移交退休人员 {t.retirees} 人"


@dataclass
class Transfer(Located):
    """一个单位向本社区移交退休人员社会化管理的情况。"""

    unit: str = F("移交单位", Ref("unit"), required=True, doc="移交退休人员的单位编号")
    agreement: str = F("移交协议", Text(200), required=True, doc="协议名称或编号，如 北辰能源-北站社区退休人员移交协议")
    signed: Optional[dt.date] = F("签订日期", Date(), doc="协议签订日期；尚未签订不填")
    retirees: int = F("退休人员", Integer(0, unit="人"), required=True, doc="移交的退休人员人数")
    party_members: int = F("党员", Integer(0, unit="人"), default=0, doc="其中转接组织关系的党员人数")
    archives: int = F("档案已移交", Integer(0, unit="份"), default=0, doc="已移交社区的人事档案份数")
    issues: list = F("遗留问题", ListOf(Text()), default=[], doc="尚未解决的问题，每项一行；没有不填")


@dataclass
class Community(Located):
    """联建社区（街道）。"""

    id: str = F("编号", Id(), required=True, doc="社区编号：小写字母、数字、连字符，如 beizhan-shequ")
    name: str = F("名称", Text(200), required=True, doc="社区（街道）全称")
    district: str = F("所在县区", Text(60), required=True, doc="如 新乡市红旗区")
    unit: str = F("对接单位", Ref("unit"), required=True, doc="与该社区联建、日常对接的本企业单位编号")
    contact: Optional[str] = F("联系人", Text(40), doc="社区联系人的称呼，如 王主任")
    phone: Optional[str] = F("电话", Phone("landline"))
    transfers: list = F("社会化移交", ListOf(Record(Transfer, check=lambda t: list(_check_transfer(t)))),
                        default=[], doc="各单位向本社区移交退休人员的情况，每个移交单位一项")


@dataclass
class PartnersFile(Located):
    meeting: JointMeeting = F("联席会议", Record(JointMeeting), default=JointMeeting,
                              doc="信访维稳联席会议（碰头会）的名称、周期和常设成员")
    communities: list = F("联建社区", ListOf(Record(Community, id_kind="community")), default=[],
                          doc="与企业建立联建关系的社区（街道）及退休人员社会化移交情况")


# --- confidential/hardship.yaml --------------------------------------------

@dataclass
class AidRecord(Located):
    date: dt.date = F("日期", Date(), required=True)
    note: str = F("内容", Text(), required=True, doc="走访、慰问、救助的内容")
    amount: Optional[float] = F("金额元", Number(0, unit="元"), doc="发放的救助金或慰问品折合金额（元）")


@dataclass
class HardshipCase(Located):
    """困难退休人员帮扶档案（涉密）。"""

    id: str = F("编号", Id(), required=True, doc="档案编号，如 bf-001；不要用姓名拼音")
    name: str = F("姓名", Text(40), required=True)
    id_number: Optional[str] = F("身份证号", Text(18))
    address: Optional[str] = F("住址", Text(200))
    mobile: Optional[str] = F("手机", Phone("mobile"))
    unit: str = F("原单位", Ref("unit"), required=True, doc="退休前所在单位编号")
    community: Optional[str] = F("所在社区", Ref("community"), doc="移交后所在的联建社区编号（见 partners.yaml）")
    retired: Optional[dt.date] = F("退休日期", Date())
    hardship: str = F("困难类型", Text(60), required=True, doc="如 因病致困、独居高龄、子女残疾")
    family: str = F("家庭情况", Text(), required=True)
    helper: str = F("帮扶责任人", Ref("person"), required=True)
    measures: list = F("帮扶措施", ListOf(Text()), default=[])
    opened: dt.date = F("建档日期", Date(), required=True)
    records: list = F("帮扶记录", ListOf(Record(AidRecord)), default=[])


@dataclass
class HardshipFile(Located):
    cases: list = F("帮扶对象", ListOf(Record(HardshipCase, id_kind="hardship")), default=[])

"""Which units get which blank: plans for units that plan, supervision for units with units below.

The site's downloads come from the same blank jobs, so they follow the same rule.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import unquote

from xinfang.forms import blank_jobs
from xinfang.forms.common import BLANK_DIR, unit_folder
from xinfang.forms.scope import issuing_units, planning_units, reception_units, supervising_units
from xinfang.model import ReceptionRule

PLANS = ("突发信访事件应急预案", "重点人员应急处置预案", "专项排查报告", "领导接访安排表")
EVERYONE = ("信访隐患排查台账", "信访工作责任分工表", "应急通讯录", "重点人员动态管理清单", "包案责任清单",
            "一案一策化解方案")


def _blank_forms(data, unit) -> set[str]:
    """The forms of the unit's own blanks (in its folder, not below it), e.g. 应急通讯录."""
    folder, prefix = f"{BLANK_DIR}/{unit_folder(data, unit)}", f"{unit.label}-"
    return {name[len(prefix):].removesuffix(".docx") for job in blank_jobs(data)
            for parent, name in [job.path.rsplit("/", 1)] if parent == folder}


def test_a_team_and_a_department_get_no_plans_of_their_own(example):
    for unit_id in ("zongcai-yidui", "renli"):
        forms = _blank_forms(example, example.units[unit_id])
        assert not forms & set(PLANS), unit_id
        assert set(EVERYONE) <= forms, unit_id


def test_root_and_second_level_units_get_every_plan(example):
    for unit_id in ("hq", "yi-kuang", "er-kuang"):
        assert set(PLANS) <= _blank_forms(example, example.units[unit_id]), unit_id
    kinds = {u.kind for u in planning_units(example)}
    assert kinds == {"企业", "二级单位"}


def test_a_department_whose_leader_receives_gets_a_reception_schedule(example):
    data = copy.deepcopy(example)
    assert "dangqun" not in {u.id for u in reception_units(data)}
    rule = copy.copy(data.reception.rules[0])
    rule.leader = "ma-lihua"  # 党群工作部's head takes on a reception day
    data.reception.rules = [*data.reception.rules, rule]
    assert isinstance(rule, ReceptionRule)
    units = {u.id for u in reception_units(data)}
    assert "dangqun" in units and "renli" not in units
    assert "领导接访安排表" in _blank_forms(data, data.units["dangqun"])


def test_supervision_orders_go_to_units_with_units_below(example):
    ids = [u.id for u in supervising_units(example)]
    assert ids[0] == "hq" and {"yi-kuang", "er-kuang", "redian", "wuye"} <= set(ids)
    assert not {"zongcai-yidui", "renli", "tuiguan"} & set(ids)
    assert "积案挂牌督办单" in _blank_forms(example, example.units["yi-kuang"])
    assert "积案挂牌督办单" not in _blank_forms(example, example.units["zongcai-yidui"])
    assert set(ids) <= {u.id for u in issuing_units(example)}


def _own_downloads(site, unit_id: str) -> str:
    """The unit page's links to files in its own download folder, decoded."""
    markup = (site / "units" / f"{unit_id}.html").read_text("utf-8")
    links = re.findall(r'href="\.\./downloads/' + unit_id + r'/([^"]+)"', markup)
    assert links
    return "\n".join(unquote(link) for link in links)


def test_site_downloads_follow_the_same_rule(site, example):
    team, mine = _own_downloads(site, "zongcai-yidui"), _own_downloads(site, "yi-kuang")
    assert "应急通讯录" in team and "应急通讯录" in mine
    for form in ("突发信访事件应急预案", "领导接访安排表", "积案挂牌督办单"):
        assert form not in team and form in mine, form
    # The team still finds the company's plan among the downloads its page offers.
    assert "北辰能源-突发信访事件应急预案" in unquote((site / "units" / "zongcai-yidui.html").read_text("utf-8"))

"""Which units get which forms, and the empty rows and allowed values of blanks."""

from __future__ import annotations

from .. import model as m

# Units that issue forms of their own; 班组 report through their parent unit.
ISSUING_KINDS = ("企业", "二级单位", "基层单位", "职能部门")
BLANK_ROWS = 12
# Light tints that still print legibly in black and white.
LEVEL_FILL = {"红": "FF9999", "黄": "FFE699", "绿": "C6EFCE"}
ALERT_FILL = "FFC7CE"
NO_FILL = "auto"


def issuing_units(data) -> list:
    """Every unit that issues forms, in display order (depth first)."""
    return [u for u in data.descendants(data.root) if u.kind in ISSUING_KINDS]


def empty_rows(keys, count: int = BLANK_ROWS, **fixed) -> list[dict]:
    """`count` rows whose every key is empty, for the lines of a blank form."""
    return [{**{key: "" for key in keys}, **fixed} for _ in range(count)]


def allowed_values() -> dict:
    """The values a person filling a blank may use, straight from the data model."""
    return {
        "levels": "、".join(m.RISK_LEVELS),
        "states": "、".join(m.RISK_STATES),
        "categories": "、".join(m.RISK_CATEGORIES),
        "classes": "、".join(m.KEY_CLASSES),
        "screening": "、".join(m.SCREENING_KINDS),
        "resp_levels": "、".join(m.RESPONSIBILITY_LEVELS),
        "five": "、".join(m.FIVE_RESPONSIBILITIES),
    }


def blank_date() -> str:
    return "____年__月__日"


# Units that draw up plans of their own (emergency plan, key-person plan, special inspection
# report, reception schedule); 职能部门 and 基层单位 work under their parent's plan.
PLANNING_KINDS = ("企业", "二级单位")


def planning_units(data) -> list:
    """The root and every unit of a planning kind, in display order."""
    root = data.root.id
    return [u for u in data.descendants(data.root) if u.id == root or u.kind in PLANNING_KINDS]


def reception_units(data) -> list:
    """The planning units, and any unit one of reception.yaml's 接访领导 belongs to."""
    receiving = {data.people[r.leader].unit for r in data.reception.rules}
    root = data.root.id
    return [u for u in data.descendants(data.root)
            if u.id == root or u.kind in PLANNING_KINDS or (u.id in receiving and u.kind in ISSUING_KINDS)]


def supervising_units(data) -> list:
    """The issuing units with an issuing unit below them: those that supervise another's cases."""
    return [u for u in issuing_units(data)
            if u.id == data.root.id or any(c.kind in ISSUING_KINDS for c in u.children)]


# Units that take in and answer petitions in their own name. 职能部门 handle petitions
# assigned to them in the enterprise's name (its petition office issues the letters);
# 班组 pass what they hear to their unit.
PETITION_KINDS = ("企业", "二级单位", "基层单位")


def petition_units(data) -> list:
    """Every unit that registers, accepts and answers petitions, in display order."""
    return [u for u in data.descendants(data.root) if u.kind in PETITION_KINDS]

"""Risk entries as the plain field values a return workbook carries, and people by their labels.

Canonical values (IDs for people and campaigns, ISO dates, integers) are what the
workbook's hidden sheet records as issued and what the import compares; labels
("姓名（职务）", a campaign's name) are what a unit sees and picks.
"""

from __future__ import annotations

import hashlib
import json

# The fields a return may change or set, by YAML key, in the model's order.
FIELDS = ("问题描述", "问题类别", "涉及人数", "风险等级", "包案领导", "责任人", "化解措施", "化解时限",
          "挂号日期", "状态", "销号日期", "排查方式", "专项排查")


def fields_of(risk) -> dict:
    """An entry's returnable fields as canonical plain values (None when not filled)."""
    return {
        "问题描述": risk.description, "问题类别": risk.category, "涉及人数": risk.people_count,
        "风险等级": risk.level, "包案领导": risk.leader, "责任人": risk.owner,
        "化解措施": risk.measures, "化解时限": risk.deadline.isoformat(),
        "挂号日期": risk.registered.isoformat(), "状态": risk.state,
        "销号日期": risk.closed.isoformat() if risk.closed else None,
        "排查方式": risk.screening, "专项排查": risk.campaign,
    }


def digest(fields: dict) -> str:
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()[:16]


def canonical_json(fields: dict) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def person_labels(data, people: list) -> dict[str, str]:
    """Person ID → "姓名（职务）", with the unit added where two of them would read the same."""
    plain = {p.id: f"{p.name}（{p.post}）" for p in people}
    seen: dict[str, int] = {}
    for label in plain.values():
        seen[label] = seen.get(label, 0) + 1
    return {p.id: (plain[p.id] if seen[plain[p.id]] == 1 else f"{p.name}（{p.post}，{data.units[p.unit].label}）")
            for p in people}


def workbook_people(data, unit) -> list:
    """Who a unit may name: its own people and those below it, then the leaders above it;
    not those who have left (they stay in people.yaml for history only)."""
    chain = list(reversed(data.ancestors(unit)))
    below = data.descendants(unit)
    return [p for u in chain + below for p in data.people_in(u) if p.left is None or p.left > data.today]

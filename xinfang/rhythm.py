"""The enterprise's screening rhythm and ledger cycle, worded once for the forms and the manual."""

from __future__ import annotations

CYCLE_WORDS = {"季": "每季度全面排查一次", "旬": "每旬跟踪排查一次"}


def screening(rules) -> str:
    """各单位每月25日前完成一次自查, or 各单位按“季、月、旬”常态化排查：每季度全面排查一次，…"""
    month = f"每月{rules.self_check_day}日前完成一次自查"
    if rules.cycles == ["月"]:
        return "各单位" + month
    parts = [month if c == "月" else CYCLE_WORDS[c] for c in rules.cycles]
    return f"各单位按“{'、'.join(rules.cycles)}”常态化排查信访隐患：" + "，".join(parts)


def deadline(rules) -> str:
    """When a unit sends in its ledger: 每月25日前, else at the end of its shortest cycle."""
    if "月" in rules.cycles:
        return f"每月{rules.self_check_day}日前"
    return "每旬末" if "旬" in rules.cycles else "每季度末"


def ledger(rules) -> str:
    """台账每日一更新、每月一汇总."""
    return f"台账{rules.update}、{rules.rollup}"


def wording(rules) -> dict:
    return {"screening": screening(rules), "deadline": deadline(rules), "ledger": ledger(rules),
            "dispatch": rules.dispatch}

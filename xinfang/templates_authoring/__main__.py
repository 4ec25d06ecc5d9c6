"""(Re)create every form template under templates/forms/: one build_<form>() per module."""

from __future__ import annotations

from . import TEMPLATE_DIR
from .ledger import build_ledger
from .responsibility_table import build_responsibility_table
from .contacts_roster import build_contacts_roster
from .key_person_list import build_key_person_list
from .inspection_report import build_inspection_report
from .emergency_plan import build_emergency_plan
from .key_person_plan import build_key_person_plan
from .reception_schedule import build_reception_schedule
from .case_ownership import build_case_ownership
from .supervision_order import build_supervision_order
from .case_plan import build_case_plan
from .joint_meeting import build_joint_meeting
from .transfer_ledger import build_transfer_ledger
from .hardship_card import build_hardship_card
from .work_plan import build_work_plan
from .daily_report import build_daily_report
from .major_risk_report import build_major_risk_report
from .satisfaction import build_satisfaction_form, build_satisfaction_summary
from .petition_forms import build_petition_forms

BUILDERS = [
    build_ledger,
    build_responsibility_table,
    build_contacts_roster,
    build_key_person_list,
    build_inspection_report,
    build_emergency_plan,
    build_key_person_plan,
    build_reception_schedule,
    build_case_ownership,
    build_supervision_order,
    build_case_plan,
    build_joint_meeting,
    build_transfer_ledger,
    build_hardship_card,
    build_work_plan,
    build_daily_report,
    build_major_risk_report,
    build_satisfaction_form,
    build_satisfaction_summary,
    build_petition_forms,
]


def main() -> None:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        print(build(TEMPLATE_DIR))


if __name__ == "__main__":
    main()

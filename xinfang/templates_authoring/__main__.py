"""(Re)create every form template under templates/forms/: one build_<form>() per module."""

from __future__ import annotations

from . import TEMPLATE_DIR
from .ledger import build_ledger
from .inspection_report import build_inspection_report
from .emergency_plan import build_emergency_plan

BUILDERS = [
    build_ledger,
    build_inspection_report,
    build_emergency_plan,
]


def main() -> None:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        print(build(TEMPLATE_DIR))


if __name__ == "__main__":
    main()

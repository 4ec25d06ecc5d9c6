"""(Re)create every form template under templates/forms/.

Each form module of xinfang.forms.FORM_MODULES (the one list of forms) has its
template builder here, in the module of the same name with build_<name>(); a form
laid out by code alone (the return workbook, xinfang.returns) has none.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from ..forms import FORM_MODULES
from . import TEMPLATE_DIR


def builders() -> list:
    """build_<name> of every form that has a template builder, in FORM_MODULES' order."""
    found = []
    for name in FORM_MODULES:
        if find_spec(f"{__package__}.{name}") is not None:
            found.append(getattr(import_module(f"{__package__}.{name}"), f"build_{name}"))
    return found


def main() -> None:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for build in builders():
        print(build(TEMPLATE_DIR))


if __name__ == "__main__":
    main()

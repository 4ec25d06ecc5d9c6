"""Write JSON Schemas of the data files, so editors validate and complete YAML."""

from __future__ import annotations

import json
from pathlib import Path

from .loader import KEY_PERSONS_FILE, RISK_FILE, SINGLE_FILES
from .outputs import write_atomic

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict]:
    """File name → schema, one per kind of data file."""
    specs = {name.removesuffix(".yaml"): spec for name, (spec, _) in SINGLE_FILES.items()}
    specs["risks"] = RISK_FILE
    specs["key-persons"] = KEY_PERSONS_FILE
    result = {}
    for stem, spec in sorted(specs.items()):
        schema = {"$schema": DIALECT, "title": f"{stem}.yaml"}
        schema.update(spec.json_schema())
        result[f"{stem}.schema.json"] = schema
    return result


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, schema in schemas().items():
        path = Path(folder) / name
        write_atomic(path, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        written.append(path)
    return written

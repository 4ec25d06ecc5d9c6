"""Write JSON Schemas of the data files, so editors validate and complete YAML.

Every reference field points to one `$defs` entry per kind (人员, 单位 …); with
the loaded data at hand, the entries for people and units carry the existing
IDs (and the names that belong to one person) as `examples`, which the YAML
language server offers as completions. Ledger entries, campaigns and key
persons are not listed: they change with every monthly return.
"""

from __future__ import annotations

import json
from pathlib import Path

from .loader import HARDSHIP_FILE, KEY_PERSONS_FILE, RISK_FILE, SINGLE_FILES
from .outputs import write_atomic
from .schema import ID_MAX, ID_RE, PERSON_NAME_MAX, Ref

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_ERROR = "编号只能由小写英文字母、数字和连字符组成（如 yi-kuang），不能含空格、汉字"


def reference_defs(data=None) -> dict[str, dict]:
    """One definition per kind of reference, with completions from `data` for people and units."""
    defs = {}
    for kind, name in Ref.KIND_NAMES.items():
        spec = Ref(kind)
        entry = {"type": "string", "pattern": ID_RE.pattern, "maxLength": ID_MAX, "errorMessage": ID_ERROR}
        if kind == "person":
            entry = {"type": "string", "maxLength": max(ID_MAX, PERSON_NAME_MAX)}
        entry["description"] = entry["markdownDescription"] = spec.describe()
        defs[name] = entry
    if data is not None:
        names: dict[str, list[str]] = {}
        for person in data.people.values():
            names.setdefault(person.name, []).append(person.id)
        unique = sorted(name for name, ids in names.items() if len(ids) == 1)
        defs[Ref.KIND_NAMES["person"]]["examples"] = sorted(data.people) + unique
        defs[Ref.KIND_NAMES["unit"]]["examples"] = sorted(data.units)
    return defs


def schemas(data=None) -> dict[str, dict]:
    """File name → schema, one per kind of data file."""
    specs = {name.removesuffix(".yaml"): spec for name, (spec, _) in SINGLE_FILES.items()}
    specs["risks"] = RISK_FILE
    specs["key-persons"] = KEY_PERSONS_FILE
    specs["hardship"] = HARDSHIP_FILE
    defs = reference_defs(data)
    result = {}
    for stem, spec in sorted(specs.items()):
        schema = {"$schema": DIALECT, "title": f"{stem}.yaml"}
        schema.update(spec.json_schema())
        text = json.dumps(schema, ensure_ascii=False)
        used = {name: entry for name, entry in defs.items() if f'"#/$defs/{name}"' in text}
        if used:
            schema["$defs"] = used
        result[f"{stem}.schema.json"] = schema
    return result


def write_schemas(folder: Path, data=None) -> list[Path]:
    written = []
    for name, schema in schemas(data).items():
        path = Path(folder) / name
        write_atomic(path, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        written.append(path)
    return written

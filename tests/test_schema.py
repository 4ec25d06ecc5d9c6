"""The JSON Schemas offered to editors: never stale, referenced by every file, and true to the data."""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml

from conftest import DATA, copy_data, run_cli
from xinfang.jsonschema import schemas

SCHEMA_DIR = DATA / "schema"
DATA_FILES = sorted(p for p in DATA.rglob("*.yaml"))


def schema_name(path) -> str:
    """The schema a data file should use: risks/* and confidential/* share one each."""
    folder = path.parent.name
    if folder == "risks":
        return "risks.schema.json"
    if folder == "confidential":
        return "hardship.schema.json" if path.name == "hardship.yaml" else "key-persons.schema.json"
    return f"{path.stem}.schema.json"


def plain(value):
    """YAML values as JSON would hold them: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schemas_are_current(example):
    expected = {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
                for name, schema in schemas(example).items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert sorted(committed) == sorted(expected)
    stale = [name for name in expected if committed[name] != expected[name]]
    assert not stale, f"run `python generate.py schema` to refresh: {stale}"


def test_schema_command_writes_the_same_files(tmp_path):
    data = copy_data(tmp_path)
    for path in (data / "schema").glob("*.json"):
        path.unlink()
    proc = run_cli("schema", "--quiet", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"已生成 {len(schemas())} 个 JSON Schema 文件")
    for path in SCHEMA_DIR.glob("*.json"):
        assert (data / "schema" / path.name).read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(DATA).as_posix() for p in DATA_FILES])
def test_data_file_references_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "../" if path.parent != DATA else ""
    assert first == f"# yaml-language-server: $schema={prefix}schema/{schema_name(path)}"
    assert (path.parent / f"{prefix}schema/{schema_name(path)}").resolve().is_file()


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(DATA).as_posix() for p in DATA_FILES])
def test_example_data_validates_against_schema(path):
    document = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(schema_name(path)).iter_errors(document)]
    assert errors == []


def test_schema_rejects_what_the_loader_rejects():
    # The schemas are not vacuous: an unknown key, a wrong choice, a bad date, a bad ID.
    document = plain(yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8")))
    unit = document["单位"][0]
    unit["信访联络人"] = "x"
    unit["类型"] = "二级单价"
    unit["编号"] = "../../x"
    messages = sorted(e.message for e in validator("units.schema.json").iter_errors(document))
    assert len(messages) == 3, messages
    assert any("信访联络人" in m for m in messages)
    assert any("二级单价" in m for m in messages)
    assert any("../../x" in m for m in messages)
    risk = plain(yaml.safe_load((DATA / "risks" / "er-kuang.yaml").read_text(encoding="utf-8")))
    risk["隐患"][0]["化解时限"] = "2026-02-30"
    assert any("date" in e.message for e in validator("risks.schema.json").iter_errors(risk))


def _properties(schema, path=""):
    """(path, property schema) of every property, however deeply nested."""
    for key, prop in schema.get("properties", {}).items():
        yield f"{path}.{key}", prop
        yield from _properties(prop, f"{path}.{key}")
        if "items" in prop:
            yield from _properties(prop["items"], f"{path}.{key}[]")


def test_every_property_is_described_in_chinese_without_python_reprs():
    for name, schema in schemas().items():
        for path, prop in _properties(schema):
            assert re.search(r"[\u4e00-\u9fff]", prop.get("description", "")), f"{name}{path}"
            assert prop["markdownDescription"] == prop["description"]
        text = json.dumps(schema, ensure_ascii=False)
        assert not re.search(r"<factory>|'str'|Optional\[|\w+\(\w+: ", text), name


def test_reference_fields_offer_existing_people_and_units(example):
    schema = schemas(example)["enterprise.schema.json"]
    leader = schema["properties"]["领导小组"]["properties"]["组长"]
    assert leader["$ref"] == "#/$defs/人员"
    offered = schema["$defs"]["人员"]["examples"]
    assert "zhao-guoqiang" in offered and "赵国强" in offered
    assert schema["$defs"]["单位"]["examples"] == sorted(example.units)
    key_persons = schemas(example)["key-persons.schema.json"]
    assert "examples" not in key_persons["$defs"]["隐患"]  # ledger entries change monthly: not listed


def test_names_two_people_share_are_not_offered(example):
    import copy
    data = copy.copy(example)
    twin = copy.copy(example.people["li-wenbin"])
    twin.id = "li-wenbin-2"
    data.people = {**example.people, twin.id: twin}
    offered = schemas(data)["units.schema.json"]["$defs"]["人员"]["examples"]
    assert "li-wenbin-2" in offered and "李文斌" not in offered


def test_schema_error_messages_are_chinese():
    schema = schemas()["people.schema.json"]
    person = schema["properties"]["人员"]["items"]["properties"]
    assert person["手机"]["errorMessage"] == "手机号应为 11 位数字，以 1 开头（如 13903921234）"
    assert person["编号"]["errorMessage"].startswith("编号只能由小写英文字母")

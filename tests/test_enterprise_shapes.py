"""Enterprises of other shapes: two management levels, files they do not use, references by name."""

from __future__ import annotations

import shutil

from conftest import QuietReporter, copy_data
from datacase import check, mini_copy
from xinfang import loader
from xinfang.build import build_documents
from xinfang.model import place_key, same_place


def two_levels(data) -> None:
    """The responsibility system of a company → mine enterprise: no third level anywhere."""
    path = data / "responsibilities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - 层级: 三级")
    end = text.index("\n责任分工:")  # the third level's entry runs up to the next key
    text = text[:start] + text[end:].replace("    层级: 三级\n", "    层级: 二级\n")
    path.write_text(text, encoding="utf-8")


def test_two_level_enterprise_passes_and_builds(tmp_path):
    data = copy_data(tmp_path)
    two_levels(data)
    shutil.rmtree(data / "confidential")
    (data / "key-groups.yaml").unlink()
    loaded = loader.load(data)
    assert [level.level for level in loaded.responsibilities.levels] == ["一级", "二级"]
    assert loaded.key_groups.policies == [] and not loaded.has_confidential
    out = tmp_path / "out"
    build_documents(loaded, ["forms"], out, QuietReporter())
    assert list(out.rglob("*信访工作责任分工表*.docx"))


def test_key_groups_file_may_be_absent_without_key_persons(tmp_path, capsys):
    data = mini_copy(tmp_path)
    (data / "key-groups.yaml").unlink()
    shutil.rmtree(data / "confidential")
    result = check(data, capsys)
    assert result.code == 0, result.stderr


def test_key_persons_still_need_their_class_policy(tmp_path, capsys):
    data = mini_copy(tmp_path)
    (data / "key-groups.yaml").unlink()
    result = check(data, capsys)
    assert result.problems == [
        "confidential/key-persons.yaml:6:9  重点人员[1].类别: key-groups.yaml 的“分类稳控”中没有 A 类的稳控政策"]


def test_reference_by_unique_name_becomes_the_id(tmp_path):
    data = mini_copy(tmp_path)
    path = data / "emergency.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("总指挥: zhao-yi", "总指挥: 赵一"), encoding="utf-8")
    loaded = loader.load(data)
    assert loaded.emergency.post.commander == "zhao-yi"
    assert [u.written for u in loaded.uses if u.path == "应急指挥部.总指挥"] == ["赵一"]


def test_place_suffixes_are_one_place():
    assert same_place("鹤壁", "鹤壁市") and same_place("鹤壁县", "鹤壁")
    assert place_key("辉县") == "辉县" and same_place("辉县", "辉县市")
    assert not same_place("郑州市", "新乡市")

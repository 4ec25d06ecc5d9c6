"""The bad-input corpus: each case patches the small fixture and expects exact errors.

Most cases run the CLI in-process (fast); those marked `cli: true` also run a
real `generate.py check` process, as a user would.
"""

from __future__ import annotations

import pytest

from conftest import run_cli
from datacase import case_paths, check, load_case, mini_copy, apply_patch, Result

CASES = case_paths()


def _prepare(tmp_path, path):
    case = load_case(path)
    data = mini_copy(tmp_path)
    for op in case["patch"]:
        apply_patch(data, op)
    return case, data


def _assert_reported(case: dict, result: Result) -> None:
    assert result.code == case["exit"], result.stderr
    assert "Traceback" not in result.stderr
    if case["exit"] == 0:  # warnings only: the check passes and shows them
        assert result.warnings == case["expect"]
        assert result.stdout.startswith("数据检查通过")
        return
    assert result.problems == case["expect"]
    errors = sum(not line.startswith("警告") for line in case["expect"])
    assert result.stderr.splitlines()[-1] == f"数据有 {errors} 处错误，未生成任何文件（原有输出保持不变）。"
    assert result.stdout == ""


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert all(load_case(path)["expect"] for path in CASES)


def test_fixture_itself_is_valid(tmp_path, capsys):
    result = check(mini_copy(tmp_path), capsys)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("数据检查通过：单位 4 个，人员 6 人，隐患 2 条（红 1、黄 0、绿 1），重点人员 1 人；警告 0 条。")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path, tmp_path, capsys):
    case, data = _prepare(tmp_path, path)
    _assert_reported(case, check(data, capsys))
    # Again, now answered from the parse cache the first run left in the same --out.
    _assert_reported(case, check(data, capsys))


CLI_CASES = [p for p in CASES if load_case(p)["cli"]]


@pytest.mark.parametrize("path", CLI_CASES, ids=[p.stem for p in CLI_CASES])
def test_case_through_real_process(path, tmp_path):
    case, data = _prepare(tmp_path, path)
    proc = run_cli("check", "--quiet", "--data", str(data), "--out", str(tmp_path / "out"))
    _assert_reported(case, Result(proc.returncode, proc.stdout, proc.stderr))


def test_some_cases_run_through_real_process():
    assert len(CLI_CASES) >= 5

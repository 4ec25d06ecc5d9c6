"""Regeneration safety: incremental rewrites, change list, kills, locks, determinism."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, copy_data, replace_in, run_cli, user_documents
from formdocs import xml_parts


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every output file; hidden bookkeeping (.cache, .staging, .manifest.json) aside."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)}


def test_unchanged_data_rewrites_nothing(first_build):
    data, out = first_build
    before = {p: p.stat().st_mtime_ns for p in user_documents(out)}
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert re.search(r"新建 0 份，更新 0 份，未变 \d+ 份，归档 0 份", result.stdout)
    assert {p: p.stat().st_mtime_ns for p in user_documents(out)} == before


def test_phone_change_rewrites_only_documents_showing_it(first_build):
    data, out = first_build
    people = (data / "people.yaml").read_text("utf-8")
    old_phone = re.search(r"^ +办公电话: (0373-\d+)", people, re.M).group(1)  # not in a comment
    showing = {p for p in user_documents(out) if old_phone in "".join(xml_parts(p.read_bytes()).values())}
    assert showing, "the example's first office phone should appear in some document"
    replace_in(data / "people.yaml", f"  办公电话: {old_phone}", "  办公电话: 0373-7654321")
    before = {p: p.read_bytes() for p in user_documents(out)}

    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    changed = {p for p in user_documents(out) if before.get(p) != p.read_bytes()}
    filled_showing = {p for p in showing if "空白模板" not in p.parts}
    assert changed == filled_showing
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert f"办公电话 由 {old_phone} 改为 0373-7654321" in listing
    for path in changed:
        assert path.relative_to(out).as_posix() in listing


def test_font_setting_change_rewrites_every_document(first_build):
    data, out = first_build
    replace_in(data / "enterprise.yaml", "公文设置:\n", "公文设置:\n  字体:\n    正文: 仿宋\n")
    before = {p: p.read_bytes() for p in user_documents(out) if "空白模板" not in p.parts}
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert all(path.read_bytes() != content for path, content in before.items())
    styles = zipfile.ZipFile(next(iter(before))).read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in styles and "仿宋_GB2312" not in styles


def test_removed_unit_archives_its_outputs(first_build):
    data, out = first_build
    # A unit no one refers to: make one up, build, then take it away again.
    extra = ("\n  - 编号: linshi-zu\n    名称: 临时工作组\n    类型: 基层单位\n    上级: hq\n"
             "    所在城市: 新乡市\n    信访联络员: " + _first_person(data) + "\n")
    units = data / "units.yaml"
    original = units.read_text("utf-8")
    units.write_text(original.rstrip("\n") + "\n" + extra, "utf-8")
    assert run_cli("forms", "--data", str(data), "--out", str(out)).returncode == 0
    made = {p: p.read_bytes() for p in user_documents(out) if "临时工作组" in p.as_posix()}
    assert made
    units.write_text(original, "utf-8")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in made)
    assert not (out / "文档" / "北辰能源" / "临时工作组").exists()
    for path, content in made.items():  # moved to the archive of the period they were made for
        assert (out / "归档" / "2026年11月" / path.relative_to(out)).read_bytes() == content
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert "归档的文档" in listing and "移至 归档/2026年11月/文档/北辰能源/临时工作组/" in listing


def _first_person(data: Path) -> str:
    return re.search(r"^ +- 编号: ([a-z0-9-]+)", (data / "people.yaml").read_text("utf-8"), re.M).group(1)


def _start_build(data: Path, out: Path, log: Path) -> subprocess.Popen:
    # Output goes to a file, not a pipe: a pipe would also wait for any process still holding it.
    with open(log, "wb") as sink:
        return subprocess.Popen([sys.executable, str(REPO / "generate.py"), "forms", "--data", str(data),
                                 "--out", str(out)], cwd=REPO, stdout=sink, stderr=sink)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            return True
        time.sleep(0.002)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_build_leaves_every_output_whole(first_build, sig):
    data, out = first_build
    before = snapshot_files(out)
    replace_in(data / "enterprise.yaml", "北辰能源集团有限公司信访维稳工作领导小组办公室",
               "北辰能源集团有限公司信访工作领导小组办公室")
    log = out.parent / "build.log"
    proc = _start_build(data, out, log)
    if not _wait_for(out / ".staging", proc):
        pytest.skip("the build finished before it could be interrupted")
    proc.send_signal(sig)
    proc.wait(timeout=60)
    stderr = log.read_text("utf-8", "replace")
    assert "Traceback" not in stderr
    for path in user_documents(out):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
    after = snapshot_files(out)
    assert set(after) == set(before)  # nothing half-made, nothing lost
    if sig == signal.SIGTERM:
        assert proc.returncode == 130
        assert "原有输出保持不变" in stderr
        assert after == before
        assert not (out / ".staging").exists()
    _assert_no_workers_left(out)
    # The next build completes the job and leaves no temporary files behind.
    assert run_cli("forms", "--data", str(data), "--out", str(out)).returncode == 0
    assert not (out / ".staging").exists()
    assert not [p for p in out.rglob("*.tmp")]


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and text.encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def _assert_no_workers_left(out: Path) -> None:
    """No render worker of the killed build may live on."""
    deadline = time.monotonic() + 10
    while (alive := _processes_mentioning(str(out))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive, f"worker processes outlived the killed build: {alive}"


def test_second_build_on_the_same_folder_is_refused(first_build):
    data, out = first_build
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = run_cli("forms", "--data", str(data), "--out", str(out))
    finally:
        os.close(fd)
    assert result.returncode == 2
    assert "另一个生成任务正在使用输出目录" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_output_is_identical_whatever_the_time_zone_and_locale(tmp_path):
    data = copy_data(tmp_path)
    outputs = []
    for zone, lang in (("UTC", "C.UTF-8"), ("Asia/Shanghai", "zh_CN.UTF-8"), ("America/New_York", "en_US.UTF-8")):
        out = tmp_path / f"build-{len(outputs)}"
        env = {**os.environ, "TZ": zone, "LANG": lang, "LC_ALL": lang}
        for command in ("forms", "blanks"):
            result = subprocess.run([sys.executable, str(REPO / "generate.py"), command, "--data", str(data),
                                     "--out", str(out)], cwd=REPO, env=env, capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
        outputs.append(snapshot_files(out))
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_replacing_a_leader_is_worded_with_names_and_names_the_documents(first_build):
    data, out = first_build
    replace_in(data / "enterprise.yaml", "组长: zhao-guoqiang", "组长: li-wenbin")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert "数据变化 1 处：\n  - 领导小组·组长 由 赵国强 改为 李文斌\n" in listing
    assert re.search(r"  - 文档/北辰能源/北辰能源-应急通讯录-2026年11月\.docx：.*第1行（组长） 姓名 由 赵国强 改为 李文斌", listing)


NEW_ENTRY = """  - 编号: wy-2026-099
    问题描述: 新登记的测试隐患，物业费调整引发部分住户不满。
    问题类别: 其他
    涉及人数: 12
    风险等级: 绿
    责任人: peng-dehai
    化解措施: 召开住户座谈会解释调整依据。
    化解时限: 2026-12-31
    挂号日期: 2026-11-18
"""


def test_a_new_entry_is_one_change_naming_the_ledgers_it_enters(first_build):
    data, out = first_build
    ledger = data / "risks" / "wuye.yaml"
    ledger.write_text(ledger.read_text("utf-8").replace("\n隐患:\n", "\n隐患:\n" + NEW_ENTRY, 1), "utf-8")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert "数据变化 1 处：\n  - 新增 隐患“wy-2026-099”：新登记的测试隐患，物业费调整引发部分住户不满。\n" in listing
    assert re.search(r"  - 文档/北辰能源/物业公司/物业公司-信访隐患排查台账-2026年11月\.docx：新增 .*第\d+行：wy-2026-099 ", listing)
    assert re.search(r"  - 文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月\.docx：新增 .*第\d+行：wy-2026-099 ", listing)

    ledger.write_text(ledger.read_text("utf-8").replace(NEW_ENTRY, "", 1), "utf-8")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert "数据变化 1 处：\n  - 删除 隐患“wy-2026-099”（原为 新登记的测试隐患，物业费调整引发部分住户不满。）\n" in listing


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_second_site_build_on_the_same_folder_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    fd = os.open(site, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = run_cli("site", "--site-dir", str(site), "--out", str(tmp_path / "build"))
    finally:
        os.close(fd)
    assert result.returncode == 2
    assert f"另一个生成任务正在使用网站目录 {site}" in result.stderr
    assert not any(site.iterdir())

"""`generate.py who`: every place a person is named, and the documents that show them."""

from __future__ import annotations

import signal

import pytest

from conftest import run_cli
from datacase import mini_copy
from xinfang import cli

QIAN_ER_PLACES = [
    "  campaigns.yaml:7:11  专项排查[1].牵头领导（春节前专项排查）",
    "  enterprise.yaml:10:9  领导小组.副组长[1]（信访维稳工作领导小组）",
    "  reception.yaml:12:11  包案[1].包案领导（case-1）",
    "  responsibilities.yaml:12:10  责任分工[1].责任人",
    "  responsibilities.yaml:20:11  五项责任[1].责任人[1]（包案责任）",
    "  risks/yi-kuang.yaml:8:11  隐患[1].包案领导（yk-001）",
    "  units.yaml:8:11  单位[1].分管领导（测试能源）",
]


def who(data, capsys, query: str) -> tuple[int, str, str]:
    capsys.readouterr()
    term = signal.getsignal(signal.SIGTERM)
    try:
        code = cli.main(["who", query, "--data", str(data), "--out", str(data.parent / "out")])
    finally:
        signal.signal(signal.SIGTERM, term)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("query", ["qian-er", "钱二", " 钱二 "])
def test_every_place_by_id_or_name(tmp_path, capsys, query):
    code, out, err = who(mini_copy(tmp_path), capsys, query)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:3] == ["钱二（编号 qian-er）：党委副书记，测试能源", "  people.yaml:7:5  人员信息",
                         "担任或出现在以下 7 处："]
    assert lines[3:10] == QIAN_ER_PLACES
    assert lines[-1] == "此人离任时，运行 generate.py handover 钱二 接任人 交接全部职务。"


def test_documents_that_show_the_person(tmp_path, capsys):
    code, out, _ = who(mini_copy(tmp_path), capsys, "qian-er")
    assert code == 0
    assert "显示此人的文档 36 份（在输出目录中）：" in out
    documents = out.split("显示此人的文档", 1)[1]
    assert "  文档/测试能源/测试能源-包案责任清单-2026年6月.docx\n" in documents
    assert "  文档/测试能源/一矿/一矿-信访隐患排查台账-2026年6月.docx\n" in documents
    assert "  空白模板/测试能源/测试能源-信访工作责任分工表.docx\n" in documents
    # 党群工作部's ledger lists no entry of his, so it is not among them
    assert "党群工作部-信访隐患排查台账" not in documents


def test_key_person_contact_is_marked_confidential_without_the_key_persons_name(tmp_path, capsys):
    code, out, _ = who(mini_copy(tmp_path), capsys, "周五")
    assert code == 0
    assert "  confidential/key-persons.yaml:10:12  重点人员[1].稳控责任人（kp-1）（涉密）" in out.splitlines()
    assert "王某" not in out


def test_closed_ledger_entries_are_marked_as_history(tmp_path, capsys):
    code, out, _ = who(mini_copy(tmp_path), capsys, "wu-liu")
    assert code == 0
    assert "  risks/yi-kuang.yaml:21:10  隐患[2].责任人（yk-002）（已销号，属历史记录，交接时保留）" in out.splitlines()


def test_reference_written_as_a_name_says_so(tmp_path, capsys):
    data = mini_copy(tmp_path)
    path = data / "units.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("分管领导: qian-er", "分管领导: 钱二"), encoding="utf-8")
    code, out, _ = who(data, capsys, "qian-er")
    assert code == 0
    assert "  units.yaml:8:11  单位[1].分管领导（测试能源），写作“钱二”" in out.splitlines()


def test_person_who_left_and_holds_nothing(tmp_path, capsys):
    data = mini_copy(tmp_path)
    path = data / "people.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    职务: 专职信访干事\n", "    职务: 专职信访干事\n    离任日期: 2026-06-01\n"),
                    encoding="utf-8")
    code, out, _ = who(data, capsys, "李四")
    assert code == 0
    assert out.splitlines()[0] == "李四（编号 li-si）：专职信访干事，党群工作部；已于 2026-06-01 离任"
    assert "handover" not in out


def test_unknown_person_is_a_chinese_error(tmp_path, capsys):
    code, out, err = who(mini_copy(tmp_path), capsys, "钱三")
    assert code == 2
    assert out == ""
    assert err == "错误：people.yaml 中没有编号或姓名为“钱三”的人员。是否要找：钱二、孙三？\n"


def test_ambiguous_name_lists_the_candidates(tmp_path, capsys):
    data = mini_copy(tmp_path)
    path = data / "people.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - 编号: qian-er-2\n    姓名: 钱二\n    职务: 副矿长\n    单位: yi-kuang\n",
                    encoding="utf-8")
    code, _, err = who(data, capsys, "钱二")
    assert code == 2
    assert err == ("错误：有 2 人都叫“钱二”：qian-er（党委副书记，测试能源）；qian-er-2（副矿长，一矿）。"
                   "请改用编号\n")


def test_who_through_a_real_process(tmp_path):
    proc = run_cli("who", "nobody", "--data", str(mini_copy(tmp_path)), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr == "错误：people.yaml 中没有编号或姓名为“nobody”的人员。请用 people.yaml 中的编号或姓名查询。\n"
    assert "Traceback" not in proc.stderr
    proc = run_cli("who")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == "错误：who 命令需要一个参数：人员的姓名或编号，如 generate.py who 赵国强"

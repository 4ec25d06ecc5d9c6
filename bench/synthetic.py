#!/usr/bin/env python3
"""Generate a synthetic enterprise of any size, valid for `generate.py --data DIR`.

    python bench/synthetic.py --units 2000 --out /tmp/big

Defaults give 2,000 units, 10,000 people and 20,000 risk entries from a fixed
seed, so every run produces the same data. The procedure, key-group policy and
holiday files are copied from the shipped example in data/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
COPIED = ("procedure.yaml", "key-groups.yaml", "holidays.yaml")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国文明华平军伟芳丽强磊洋勇艳杰娟涛明超秀霞刚桂英辉敏燕鹏飞红梅海波静玉兰志宏金凤春雪峰晓东亮新宇"
CITIES = ["新乡市", "辉县市", "卫辉市", "获嘉县", "原阳县", "郑州市"]
CATEGORIES = ["工资待遇", "社会保险", "岗位调整", "工伤赔偿", "退休人员社会化管理", "三供一业",
              "去产能关闭", "历史遗留问题", "劳动合同", "其他"]
TODAY = dt.date(2026, 11, 20)


class Synth:
    def __init__(self, units: int, people_per_unit: float, risks_per_unit: float, seed: int):
        self.rng = random.Random(seed)
        self.target_units = units
        self.people_total = int(units * people_per_unit)
        self.risks_total = int(units * risks_per_unit)
        self.units: list[dict] = []
        self.people: list[dict] = []

    def person(self, unit_id: str, post: str) -> str:
        pid = f"p{len(self.people) + 1:05d}"
        name = self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))
        n = len(self.people) + 1
        self.people.append({
            "编号": pid, "姓名": name, "职务": post, "单位": unit_id,
            "办公电话": f"0373-{3500000 + n:07d}", "手机": f"139{n:08d}",
        })
        return pid

    def unit(self, uid: str, name: str, short: str, kind: str, parent: str | None, order: int) -> dict:
        unit = {"编号": uid, "名称": name, "简称": short, "类型": kind}
        if parent:
            unit["上级"] = parent
        unit["所在城市"] = self.rng.choice(CITIES) if kind != "企业" else "新乡市"
        unit["排序"] = order
        self.units.append(unit)
        unit["主要领导"] = self.person(uid, f"{short}主要负责人")
        unit["分管领导"] = self.person(uid, f"{short}分管领导")
        if kind != "班组":
            unit["信访联络员"] = self.person(uid, f"{short}信访联络员")
        return unit

    def tree(self) -> None:
        self.unit("hq", "合成能源集团有限公司", "合成集团", "企业", None, 0)
        for i, dept in enumerate(["党群工作部", "人力资源部", "法务部", "审计部", "工会", "财务部",
                                  "安全环保部", "办公室", "纪委", "企业管理部"], 1):
            self.unit(f"dept-{i:02d}", dept, dept, "职能部门", "hq", i)
        remaining = self.target_units - len(self.units)
        seconds = max(1, remaining // 33)
        base_per_second = max(0, (remaining - seconds) // (seconds * 4))
        for s in range(1, seconds + 1):
            if len(self.units) >= self.target_units:
                break
            sid = f"u{s:03d}"
            self.unit(sid, f"第{s}分公司", f"{s}分公司", "二级单位", "hq", 100 + s)
            for b in range(1, base_per_second + 1):
                if len(self.units) >= self.target_units:
                    break
                bid = f"{sid}-{b:02d}"
                self.unit(bid, f"第{s}分公司第{b}工区", f"{s}分{b}工区", "基层单位", sid, b)
                for t in range(1, 4):
                    if len(self.units) >= self.target_units:
                        break
                    self.unit(f"{bid}-{t}", f"第{s}分公司第{b}工区第{t}班组", f"{s}分{b}区{t}班", "班组", bid, t)
        while len(self.units) < self.target_units:
            n = len(self.units)
            self.unit(f"x{n:05d}", f"直属单位{n}", f"直属{n}", "基层单位", "hq", 1000 + n)
        while len(self.people) < self.people_total:
            unit = self.rng.choice(self.units)
            self.person(unit["编号"], "职员")

    def risks(self) -> dict[str, list[dict]]:
        owners = [u for u in self.units if u["类型"] in ("二级单位", "基层单位")]
        by_unit: dict[str, list[dict]] = {}
        for n in range(1, self.risks_total + 1):
            unit = owners[n % len(owners)]
            level = self.rng.choices(["红", "黄", "绿"], weights=[1, 3, 6])[0]
            registered = TODAY - dt.timedelta(days=self.rng.randint(5, 300))
            deadline = registered + dt.timedelta(days=self.rng.randint(30, 200))
            closed = self.rng.random() < 0.3
            entry = {
                "编号": f"r{n:06d}",
                "问题描述": f"第{n}号信访隐患：职工反映{self.rng.choice(CATEGORIES)}相关问题，诉求较集中，需持续跟踪化解。",
                "问题类别": self.rng.choice(CATEGORIES),
                "涉及人数": self.rng.randint(1, 120),
                "风险等级": level,
                "包案领导": unit["分管领导"],
                "责任人": unit["信访联络员"],
                "化解措施": "逐人谈心谈话，讲清政策依据；协调业务部门限期答复；落实帮扶措施。",
                "化解时限": deadline,
                "挂号日期": registered,
                "状态": "已销号" if closed else "在办",
                "进展情况": [{"日期": registered + dt.timedelta(days=3), "内容": "已登记挂号，明确包案领导和责任人。"}],
            }
            if closed:
                entry["销号日期"] = min(TODAY, registered + dt.timedelta(days=20))
            by_unit.setdefault(unit["编号"], []).append(entry)
        return by_unit


def dump(path: Path, data: dict, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"# yaml-language-server: $schema={schema}\n# 合成的压力测试数据，由 bench/synthetic.py 生成。\n{text}",
                    encoding="utf-8")


def generate(units: int, out: Path, people_per_unit: float = 5, risks_per_unit: float = 10,
             seed: int = 20261122) -> None:
    s = Synth(units, people_per_unit, risks_per_unit, seed)
    s.tree()
    by_unit = s.risks()
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(REPO / "data" / name, out / name)
    hq = s.units[0]
    seconds = [u for u in s.units if u["类型"] == "二级单位"]
    ids = [p["编号"] for p in s.people]
    dump(out / "enterprise.yaml", {
        "名称": "合成能源集团有限公司", "简称": "合成集团", "本部单位": "hq", "年度": 2026,
        "数据日期": TODAY, "所在城市": "新乡市", "所在省份": "河南省",
        "领导小组": {"组长": hq["主要领导"], "副组长": [hq["分管领导"]],
                  "成员": [u["主要领导"] for u in seconds[:40]]},
        "领导小组办公室": {"牵头部门": "dept-01", "主任": s.units[1]["主要领导"],
                     "专职人员": [s.units[1]["信访联络员"]], "电话": "0373-3512110"},
        "工作目标": [{"指标": "信访总量同比下降", "目标值": "15%以上"}],
        "信访统计": [{"年度": 2025, "批次": 403, "人次": 901}, {"年度": 2026, "批次": 303, "人次": 469}],
        "公文设置": {"发文机关": "合成能源集团有限公司信访维稳工作领导小组办公室"},
    }, "schema/enterprise.schema.json")
    dump(out / "units.yaml", {"单位": s.units}, "schema/units.schema.json")
    dump(out / "people.yaml", {"人员": s.people}, "schema/people.schema.json")
    dump(out / "responsibilities.yaml", {
        "三级责任体系": [
            {"层级": "一级", "责任主体": "企业主要领导", "职责": "对全公司信访维稳工作负总责。"},
            {"层级": "二级", "责任主体": "分管领导", "职责": "协调督导分管领域信访工作。"},
            {"层级": "三级", "责任主体": "各单位负责人", "职责": "本单位第一责任人。"},
        ],
        "责任分工": [{"责任人": u["主要领导"], "层级": "三级", "责任单位": [u["编号"]], "分管领域": f"{u['简称']}全面工作"}
                 for u in s.units if u["类型"] in ("二级单位", "基层单位")],
        "五项责任": [{"名称": n, "承担者": "各级党组织", "内容": f"{n}的具体内容。"}
                 for n in ("首要责任", "直接责任", "管理责任", "包案责任", "督查责任")],
    }, "schema/responsibilities.schema.json")
    dump(out / "emergency.yaml", {
        "应急指挥部": {
            "总指挥": hq["主要领导"], "副总指挥": [hq["分管领导"]], "成员单位": ["dept-01", "dept-02"],
            "办公室": {"设在": "dept-01", "主任": s.units[1]["主要领导"], "值班电话": "0373-3512110",
                    "职责": "统筹协调应急处置。"},
            "工作组": [{"名称": "现场处置组", "组长": s.units[2]["主要领导"], "成员": ids[100:104],
                     "职责": "现场劝导疏散。"}],
            "应急队伍人数": 60, "应急车辆": [{"车型": "商务车", "数量": 2, "停放地点": "本部停车场"}],
            "备用金万元": 50, "备用金管理部门": "dept-06",
        },
        "信息报告时限分钟": 30, "到场时限分钟": 60,
        "到达时限": [{"事发地点": "新乡市", "说明": "公司所在地", "同城单位时限分钟": 60, "其他单位时限分钟": 120},
                 {"事发地点": "北京市", "说明": "进京", "其他单位时限分钟": 360}],
    }, "schema/emergency.schema.json")
    dump(out / "campaigns.yaml", {"专项排查": [{
        "编号": "spring-2027", "名称": "2027年元旦春节前信访隐患专项排查", "触发事项": "元旦、春节",
        "节点日期": dt.date(2027, 1, 1), "牵头部门": "dept-01", "牵头领导": hq["分管领导"],
        "参加部门": ["dept-03", "dept-04", "dept-05"], "排查重点": ["历史遗留问题"]}]},
        "schema/campaigns.schema.json")
    dump(out / "reception.yaml", {"接访规则": [
        {"接访领导": hq["主要领导"], "方式": "定点接访", "周期": "每月", "星期": "星期三", "第几周": 1,
         "时间": "9:00—11:30", "地点": "信访接待室"}]}, "schema/reception.schema.json")
    dump(out / "contacts.yaml", {"外部联系单位": [
        {"名称": "新乡市信访局", "类别": "信访部门", "电话": "0373-2020000"}]}, "schema/contacts.schema.json")
    for unit_id, entries in by_unit.items():
        dump(out / "risks" / f"{unit_id}.yaml", {"单位": unit_id, "隐患": entries}, "../schema/risks.schema.json")
    key_people = []
    for n, unit in enumerate(seconds[:50], 1):
        key_people.append({"编号": f"kp{n:04d}", "姓名": f"重点{n}", "类别": "ABC"[n % 3], "所属单位": unit["编号"],
                           "主要诉求": "要求落实待遇。", "稳控责任人": unit["分管领导"]})
    dump(out / "confidential" / "key-persons.yaml", {"重点人员": key_people}, "../schema/key-persons.schema.json")


def main() -> None:
    parser = argparse.ArgumentParser(description="生成合成的压力测试数据")
    parser.add_argument("--units", type=int, default=2000, help="单位数（默认 2000）")
    parser.add_argument("--people-per-unit", type=float, default=5, help="每个单位平均人数（默认 5）")
    parser.add_argument("--risks-per-unit", type=float, default=10, help="每个单位平均隐患数（默认 10）")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--out", type=Path, required=True, help="输出的数据目录")
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    generate(args.units, args.out, args.people_per_unit, args.risks_per_unit, args.seed)
    print(f"已生成合成数据：{args.out}")


if __name__ == "__main__":
    main()

"""Value specs: turn YAML nodes into typed values, collecting located problems.

The model's dataclasses declare each field with `F(key, spec)`; a `Record` spec
reads those declarations, so one declaration drives validation, construction
and the JSON Schema offered to editors.
"""

from __future__ import annotations

import array
import dataclasses
import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor

from .errors import Pos, Problem

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 64
PERSON_NAME_MAX = 40
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|400-?\d{3}-?\d{4}|1[0-2]\d{3})$")
# Characters an XML 1.0 document (and so a DOCX) cannot hold.
XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_TEXT = 20000
MAX_NODES_VISITED = 2_000_000
CHINESE_OPEN_QUOTES, CHINESE_CLOSE_QUOTES = "“‘「『", "”’」』"
FULL_WIDTH_SPACE = "\u3000"
# A number written with a measure after it ("1小时", "30%"): the number and the words.
NUMBER_WITH_UNIT_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([^\d\s.].*?)\s*$")
PERCENT_SIGNS = ("%", "％", "个百分点")
HOUR_WORDS = ("小时", "个小时", "钟头", "个钟头", "h", "H")
# What a field counts in, as the noun a message names ("此项应填人数").
UNIT_NOUNS = {"人": "人数", "天": "天数", "辆": "车辆数", "分钟": "分钟数", "万元": "金额（万元）", "%": "百分比"}

NULL_TAG = "tag:yaml.org,2002:null"
_constructor = SafeConstructor()


def _construct(node):
    """The Python value of a scalar node, as PyYAML makes it. PyYAML's constructor remembers
    every node it built (keyed by the node, for aliases); ours builds single scalars, so it
    forgets each at once: kept, they held every parsed number and date with its marks
    (a cold load of 20,000 units: hundreds of megabytes)."""
    try:
        return _constructor.construct_object(node)
    finally:
        _constructor.constructed_objects.pop(node, None)


class _Missing:
    """The marker for "no usable value"; pickles as itself, so cached results keep it."""

    def __reduce__(self):
        return "MISSING"

    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


class _AliasBomb(Exception):
    """Raised when expanding aliases visits more nodes than any real file has."""


@dataclass
class Context:
    """What one file's validation gathers: problems, ID definitions, references."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    defs: list[tuple[str, str, Pos, str]] = field(default_factory=list)
    refs: list[tuple[str, str, Pos, str]] = field(default_factory=list)
    budget: int = MAX_NODES_VISITED
    first_line: int = 1  # the file's line number of the parsed text's first line

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.file, mark.line + self.first_line, mark.column + 1)

    def error(self, node: yaml.Node, path: str, message: str) -> object:
        self.problems.append(Problem(self.pos(node), path, message))
        return MISSING

    def visit(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _AliasBomb


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.4)
    return f"，是否应为“{close[0]}”？" if close else ""


class Spec:
    """Base of all specs: `load` a node into a value, or report and return MISSING."""

    kind_name = "值"

    def load(self, node: yaml.Node, path: str, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        """What to write here, in a few Chinese words (shown by editors)."""
        return self.kind_name

    def _scalar(self, node: yaml.Node, path: str, ctx: Context) -> yaml.ScalarNode | None:
        ctx.visit()
        if not isinstance(node, yaml.ScalarNode):
            shape = "列表" if isinstance(node, yaml.SequenceNode) else "键值对"
            ctx.error(node, path, f"应为{self.kind_name}，却是{shape}")
            return None
        value = node.value.strip()
        if len(value) >= 2 and value[0] in CHINESE_OPEN_QUOTES and value[-1] in CHINESE_CLOSE_QUOTES:
            ctx.error(node, path, f"值两端有中文引号 {value[0]} {value[-1]}，会原样印进文档，请删除这两个引号"
                                  "（YAML 的值不用加引号）")
            return None
        return node


class Text(Spec):
    """Free text. Plain scalars keep their written form (`2026` stays "2026")."""

    kind_name = "文本"

    def __init__(self, max_len: int = MAX_TEXT):
        self.max_len = max_len

    def load(self, node, path, ctx):
        node = self._scalar(node, path, ctx)
        if node is None:
            return MISSING
        # Line endings are not content: XML readers turn a lone CR into LF anyway.
        text = node.value.replace("\r\n", "\n").replace("\r", "\n")
        if node.style in ("|", ">"):
            text = text.rstrip("\n")
        bad = XML_ILLEGAL_RE.search(text)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            return ctx.error(node, path, f"含有文档无法保存的控制字符（{code}），请删除")
        if len(text) > self.max_len:
            return ctx.error(node, path, f"文本过长（{len(text)} 字），不得超过 {self.max_len} 字")
        if not text.strip():
            return ctx.error(node, path, "不能为空")
        return text

    def json_schema(self):
        return {"type": ["string", "number"], "maxLength": self.max_len}

    def describe(self):
        return f"文本，不超过 {self.max_len} 字"


class Integer(Spec):
    """A whole number; `unit` is what it counts in (分钟, 人, %), named when a clerk writes one."""

    kind_name = "整数"

    def __init__(self, minimum: int | None = 0, maximum: int | None = None, unit: str = ""):
        self.minimum, self.maximum, self.unit = minimum, maximum, unit

    def unit_problem(self, written: str) -> str | None:
        """The message for a number written with a measure after it, or None."""
        found = NUMBER_WITH_UNIT_RE.match(written)
        if not found:
            return None
        number, words = found.groups()
        if self.unit == "%":
            if words in PERCENT_SIGNS:
                return f"“{written}”不要带百分号：此项已按百分比计，只填数字 {number}"
            return f"“{written}”带了单位“{words}”：此项填百分比的数字（如 80 表示 80%），不带单位"
        noun = UNIT_NOUNS.get(self.unit, "数字")
        if words in PERCENT_SIGNS:
            return f"“{written}”是百分比：此项应填{noun}（数字），不能填百分比"
        if not self.unit:
            return f"“{written}”带了单位“{words}”：此项只填数字"
        example = f"，如 {number}"
        if self.unit == "分钟" and words in HOUR_WORDS:
            example = f"：{number}小时应填 {float(number) * 60:g}"
        elif words == self.unit:
            example = f"：应填 {number}"
        return f"“{written}”带了单位“{words}”：此项以“{self.unit}”为单位，只填数字{example}"

    def load(self, node, path, ctx):
        node = self._scalar(node, path, ctx)
        if node is None:
            return MISSING
        if node.tag != "tag:yaml.org,2002:int":
            return ctx.error(node, path, self.unit_problem(node.value) or f"应为整数，却是“{node.value}”")
        value = _construct(node)
        if self.minimum is not None and value < self.minimum:
            return ctx.error(node, path, f"不能小于 {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            return ctx.error(node, path, f"不能大于 {self.maximum}")
        return value

    def json_schema(self):
        schema: dict = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        schema["errorMessage"] = f"应为{self.describe()}"
        return schema

    def describe(self):
        bounds = ""
        if self.minimum is not None and self.maximum is not None:
            bounds = f"，{self.minimum}—{self.maximum}"
        elif self.minimum:
            bounds = f"，不小于 {self.minimum}"
        unit = f"，以“{self.unit}”计，只填数字" if self.unit else ""
        return f"{self.kind_name}{bounds}{unit}"


class Number(Integer):
    kind_name = "数字"

    def load(self, node, path, ctx):
        node = self._scalar(node, path, ctx)
        if node is None:
            return MISSING
        if node.tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            return ctx.error(node, path, self.unit_problem(node.value) or f"应为数字，却是“{node.value}”")
        value = _construct(node)
        if value != value or value in (float("inf"), float("-inf")):
            return ctx.error(node, path, f"应为数字，却是“{node.value}”")
        if self.minimum is not None and value < self.minimum:
            return ctx.error(node, path, f"不能小于 {self.minimum}")
        return value

    def json_schema(self):
        schema = super().json_schema()
        schema["type"] = "number"
        return schema


class Date(Spec):
    kind_name = "日期"

    def load(self, node, path, ctx):
        node = self._scalar(node, path, ctx)
        if node is None:
            return MISSING
        hint = "日期应写作 YYYY-MM-DD，如 2026-11-22"
        if node.tag != "tag:yaml.org,2002:timestamp":
            return ctx.error(node, path, f"“{node.value}”不是有效日期，{hint}")
        try:
            value = _construct(node)
        except ValueError:
            return ctx.error(node, path, f"“{node.value}”不是有效日期（该日不存在）")
        if isinstance(value, dt.datetime):
            return ctx.error(node, path, f"只填写日期，不要填写时间；{hint}")
        return value

    def json_schema(self):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                "errorMessage": f"应为{self.describe()}"}

    def describe(self):
        return "日期，写作 YYYY-MM-DD，如 2026-11-22"


class Choice(Text):
    kind_name = "选项"

    def __init__(self, *values: str):
        super().__init__()
        self.values = list(values)

    def load(self, node, path, ctx):
        value = super().load(node, path, ctx)
        if value is MISSING:
            return MISSING
        if value not in self.values:
            allowed = "、".join(self.values)
            return ctx.error(node, path, f"“{value}”不是允许的值（可选：{allowed}）{_suggest(value, self.values)}".rstrip("，"))
        return self.values[self.values.index(value)]  # the one string, not a copy per record

    def json_schema(self):
        return {"enum": self.values, "errorMessage": f"只能填：{'、'.join(self.values)}"}

    def describe(self):
        return f"只能填以下之一：{'、'.join(self.values)}"


def list_slip(value: str) -> str | None:
    """What is wrong with a list written with Chinese punctuation ("a，b", "【a, b】"), or None."""
    if value[:1] in "【［" or value[-1:] in "】］":
        return f"“{value}”用了中文方括号：列表请用英文方括号 [ ]，如 [a, b]，或每项一行以“- ”开头"
    if any(mark in value for mark in "，、；"):
        return f"“{value}”中用了中文逗号或顿号分隔：列表各项之间请用英文逗号“,”，如 [a, b]"
    return None


class Id(Text):
    """A stable ID: lower-case letters, digits and hyphens; safe in file names."""

    kind_name = "编号"

    def __init__(self, kind: str = ""):
        super().__init__(ID_MAX)
        self.kind = kind

    def load(self, node, path, ctx):
        value = super().load(node, path, ctx)
        if value is MISSING:
            return MISSING
        slip = list_slip(value)
        if slip:
            return ctx.error(node, path, slip)
        if not ID_RE.match(value):
            return ctx.error(
                node, path,
                f"编号“{value}”无效：只能由小写英文字母、数字和连字符组成（如 yi-kuang），"
                "不能含空格、汉字、“/”或“.”",
            )
        return value

    def json_schema(self):
        return {"type": "string", "pattern": ID_RE.pattern, "maxLength": ID_MAX,
                "errorMessage": "编号只能由小写英文字母、数字和连字符组成（如 yi-kuang），不能含空格、汉字"}

    def describe(self):
        return "编号：小写英文字母、数字和连字符，如 yi-kuang；一经使用不要改动"


class Ref(Id):
    """An ID that must name something defined elsewhere (checked after loading).

    A person may also be named by their name (姓名): the loader replaces a name
    that belongs to exactly one person by that person's ID.
    """

    KIND_NAMES = {
        "person": "人员", "unit": "单位", "risk": "隐患", "campaign": "专项排查",
        "key-person": "重点人员", "community": "联建社区",
    }
    DEFINED_IN = {"person": "people.yaml", "unit": "units.yaml", "risk": "risks/ 下的隐患台账",
                  "campaign": "campaigns.yaml", "key-person": "confidential/key-persons.yaml",
                  "community": "partners.yaml 的联建社区"}

    def load(self, node, path, ctx):
        if self.kind == "person":
            value = Text.load(self, node, path, ctx)
            if value is not MISSING and list_slip(value):
                return ctx.error(node, path, list_slip(value))
            if value is not MISSING and not ID_RE.match(value) and len(value) > PERSON_NAME_MAX:
                return ctx.error(node, path, f"“{value}”既不是人员编号，也不像姓名（姓名不超过 {PERSON_NAME_MAX} 字）")
        else:
            value = super().load(node, path, ctx)
        if value is not MISSING:
            ctx.refs.append((self.kind, value, ctx.pos(node), path))
        return value

    def json_schema(self):
        """A reference to the file's `$defs` entry for this kind (xinfang.jsonschema adds it, with the
        existing IDs and names as completions)."""
        return {"$ref": f"#/$defs/{self.KIND_NAMES[self.kind]}"}

    def describe(self):
        where = self.DEFINED_IN[self.kind]
        if self.kind == "person":
            return f"人员编号（见 {where}），或姓名（只有一人叫这个名字时）"
        return f"{self.KIND_NAMES[self.kind]}编号（见 {where}）"


class Phone(Text):
    kind_name = "电话号码"
    FORMS = {
        "mobile": (MOBILE_RE, "手机号应为 11 位数字，以 1 开头（如 13903921234）"),
        "landline": (LANDLINE_RE, "座机号应写作“区号-号码”（如 0392-3312001）"),
    }

    def __init__(self, form: str):
        super().__init__(40)
        self.form = form

    def load(self, node, path, ctx):
        value = super().load(node, path, ctx)
        if value is MISSING:
            return MISSING
        pattern, hint = self.FORMS[self.form]
        if not pattern.match(value):
            return ctx.error(node, path, f"“{value}”不是有效的电话号码：{hint}")
        return value

    def json_schema(self):
        pattern, hint = self.FORMS[self.form]
        return {"type": ["string", "integer"], "pattern": pattern.pattern, "errorMessage": hint}

    def describe(self):
        return self.FORMS[self.form][1]


class ListOf(Spec):
    kind_name = "列表"

    def __init__(self, item: Spec, min_items: int = 0, unique: bool = False):
        self.item, self.min_items, self.unique = item, min_items, unique

    def load(self, node, path, ctx):
        ctx.visit()
        if not isinstance(node, yaml.SequenceNode):
            # A single value where a list is expected is a common, harmless slip.
            if isinstance(node, yaml.ScalarNode) and not isinstance(self.item, Record):
                value = self.item.load(node, f"{path}[1]", ctx)
                return MISSING if value is MISSING else [value]
            return ctx.error(node, path, "应为列表（每项以“- ”开头）")
        values, seen = [], {}
        for index, child in enumerate(node.value, 1):
            value = self.item.load(child, f"{path}[{index}]", ctx)
            if value is MISSING:
                continue
            if self.unique and value in seen:
                ctx.error(child, f"{path}[{index}]", f"“{value}”重复（第 {seen[value]} 项已有）")
                continue
            seen.setdefault(value, index) if self.unique else None
            values.append(value)
        if len(node.value) < self.min_items:
            return ctx.error(node, path, f"至少应有 {self.min_items} 项")
        return values

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema

    def describe(self):
        if isinstance(self.item, Record):
            return "列表，每项以“- ”开头"
        return f"列表，每项以“- ”开头，或写在方括号 [ ] 中用逗号分隔；每项：{self.item.describe()}"


def F(key: str, spec: Spec, *, required: bool = False, default: Any = None,
      doc: str = "") -> Any:
    """Declare a model field read from the YAML key `key` with `spec`."""
    meta = {"key": key, "spec": spec, "required": required, "doc": doc}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    if isinstance(default, type):  # a record class: its own defaults apply
        return field(default_factory=default, metadata=meta)
    return field(default=default, metadata=meta)


@functools.lru_cache(maxsize=None)
def declared_fields(cls: type) -> list[dataclasses.Field]:
    """The fields of `cls` read from YAML, in declaration order (cached: asked per record)."""
    return [f for f in dataclasses.fields(cls) if "key" in f.metadata]


@functools.lru_cache(maxsize=None)
def _field_index(cls: type) -> dict[str, int]:
    return {f.name: i for i, f in enumerate(declared_fields(cls))}


def places(cls: type, found: dict[str, tuple[int, int]]) -> array.array:
    """Where each field of a `cls` record was written, packed: (line, column) per declared
    field in order, 0 for a field not written. A dict of tuples per record took two fifths
    of a loaded enterprise's objects; this takes a fifth of that."""
    index = _field_index(cls)
    packed = array.array("I", bytes(8 * len(index)))
    for name, (line, column) in found.items():
        packed[2 * index[name]], packed[2 * index[name] + 1] = line, column
    return packed


def field_place(record: Any, attr: str) -> tuple[int, int] | None:
    """(line, column) where `record`'s field `attr` was written; None if it was not."""
    i = _field_index(type(record)).get(attr)
    where = record.where
    if i is None or 2 * i >= len(where) or not where[2 * i]:
        return None
    return where[2 * i], where[2 * i + 1]


class Record(Spec):
    """A mapping read into the dataclass `cls`, whose fields are declared with F()."""

    kind_name = "键值对"

    def __init__(self, cls: type, id_kind: str = "", check: Callable | None = None):
        self.cls, self.id_kind, self.check = cls, id_kind, check

    @property
    def fields(self) -> list[dataclasses.Field]:
        return declared_fields(self.cls)

    def load(self, node, path, ctx):
        ctx.visit()
        if not isinstance(node, yaml.MappingNode):
            shape = "列表" if isinstance(node, yaml.SequenceNode) else f"“{getattr(node, 'value', '')}”"
            hint = ""
            if isinstance(node, yaml.ScalarNode) and "：" in node.value:
                hint = "（键后面用了中文冒号“：”，请改为英文冒号“:”，并在冒号后加一个空格）"
            return ctx.error(node, path, f"应为键值对（“键: 值”），却是{shape}{hint}")
        by_key = {f.metadata["key"]: f for f in self.fields}
        values: dict[str, Any] = {}
        where: dict[str, tuple[int, int]] = {}  # (line, col), packed into the record (places)
        seen: dict[str, int] = {}
        empty: dict[str, yaml.Node] = {}
        failed = False
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_path = f"{path}.{key}" if path else key
            if key in seen:
                ctx.error(key_node, key_path, f"键“{key}”重复（第 {seen[key]} 行已出现；YAML 只保留后一个，请合并）")
                failed = True
                continue
            seen[key] = key_node.start_mark.line + ctx.first_line
            spec_field = by_key.get(key)
            if spec_field is None and key.startswith(FULL_WIDTH_SPACE):
                meant = key.lstrip(FULL_WIDTH_SPACE + " ")
                ctx.error(key_node, f"{path}.{meant}" if path else meant,
                          "行首用了全角空格（中文输入法的空格）缩进，请改用半角空格")
                failed = True
                continue
            if spec_field is None:
                ctx.error(key_node, key_path, f"未知的键“{key}”{_suggest(key, list(by_key))}".rstrip("，"))
                failed = True
                continue
            if is_null(value_node):
                empty[key] = key_node
                continue  # an empty value means "not filled in"
            value = spec_field.metadata["spec"].load(value_node, key_path, ctx)
            if value is MISSING:
                failed = True
                continue
            values[spec_field.name] = value
            mark = value_node.start_mark
            where[spec_field.name] = (mark.line + ctx.first_line, mark.column + 1)
        for f in self.fields:
            key = f.metadata["key"]
            if not f.metadata["required"] or f.name in values:
                continue
            if key not in seen:
                ctx.error(node, f"{path}.{key}" if path else key, "缺少必填项")
                failed = True
            elif key in empty:
                ctx.error(empty[key], f"{path}.{key}" if path else key, "必填项不能为空")
                failed = True
        if self.id_kind and "id" in values:
            # Defined even when another field failed, so references to it do not
            # each report a second, misleading "does not exist".
            ctx.defs.append((self.id_kind, values["id"], Pos(ctx.file, *where["id"]), f"{path}.编号"))
        if failed:
            return MISSING
        record = self.cls(**values)
        record.pos, record.where, record.path = ctx.pos(node), places(self.cls, where), path
        if self.check:
            for attr, message in self.check(record):
                ctx.problems.append(Problem(field_pos(record, attr), _field_path(self.cls, path, attr), message))
        return record

    def json_schema(self):
        properties, required = {}, []
        for f in self.fields:
            meta = f.metadata
            spec = meta["spec"]
            prop = dict(spec.json_schema())
            what = meta["doc"] or meta["key"]
            if not isinstance(spec, Record):
                what = f"{what}。{spec.describe()}"
            if meta["required"]:
                what += "。必填"
            prop["description"] = prop["markdownDescription"] = what
            properties[meta["key"]] = prop
            if meta["required"]:
                required.append(meta["key"])
        # Unknown keys are refused through propertyNames rather than additionalProperties, so the
        # editor (the YAML language server reads errorMessage) says so in Chinese.
        keys = list(properties)
        schema = {"type": "object", "properties": properties,
                  "propertyNames": {"enum": keys, "errorMessage": f"未知的键，可用的键：{'、'.join(keys)}"}}
        if required:
            schema["required"] = required
        if self.own_doc():
            schema["description"] = self.own_doc()
        return schema

    def own_doc(self) -> str:
        """The record class's docstring; "" for the signature dataclasses make up when there is none."""
        doc = (self.cls.__doc__ or "").strip()
        return "" if doc.startswith(f"{self.cls.__name__}(") else doc

    def describe(self):
        return self.own_doc() or "一组“键: 值”"


def _field_path(cls: type, path: str, attr: str) -> str:
    for f in declared_fields(cls):
        if f.name == attr:
            return f"{path}.{f.metadata['key']}" if path else f.metadata["key"]
    return path


def field_path(record: Any, attr: str) -> str:
    """The user-facing path of `record`'s field `attr`, e.g. `单位[3].主要领导`."""
    return _field_path(type(record), record.path, attr)


def field_pos(record: Any, attr: str) -> Pos:
    place = field_place(record, attr)
    return Pos(record.pos.file, *place) if place else record.pos


def load_document(root: yaml.Node | None, spec: Record, ctx: Context) -> Any:
    """Load a whole file's root node; an empty file is reported, not crashed on."""
    if root is None or is_null(root):
        ctx.problems.append(Problem(Pos(ctx.file, 1, 1), "", "文件为空"))
        return MISSING
    try:
        return spec.load(root, "", ctx)
    except _AliasBomb:
        # What was read before the bomb went off is repetition, not information.
        for found in (ctx.problems, ctx.defs, ctx.refs):
            found.clear()
        ctx.problems.append(Problem(Pos(ctx.file, 1, 1), "", "别名（*）展开后数据量异常巨大，已拒绝读取（疑似恶意构造的文件）"))
        return MISSING

"""Careful text edits of a risk file: change fields, append progress notes and entries, touch nothing else.

Edits are located with the composer's node marks and applied to the original
text from the end backwards, so the comment header, key order and the layout of
every untouched entry stay byte for byte; a changed value is written in the
file's usual plain style. `RiskFileEditor.text()` re-reads its own result and
raises if any entry did not come out as intended (see xinfang.returns.importer).
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .values import FIELDS

ENTRY_KEYS = ("编号", *FIELDS, "进展情况")  # the order a new key is placed in
# Text that starts with a CJK ideograph and holds no character YAML gives a meaning to inside a plain
# scalar: never a number, date, boolean or null, so it needs no quotes.
_PLAIN = re.compile(r"[\u4e00-\u9fff][^\x00-\x1f:#'\"\\\[\]{},&*!|>%@`\x7f-\x9f]*(?<! )")


class _Structure(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Composes structure and marks only: edits need no types, so no tag is resolved (3x faster)."""

    _TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
             yaml.MappingNode: "tag:yaml.org,2002:map"}

    def resolve(self, kind, value, implicit):
        return self._TAGS[kind]


def scalar(value, indent: int) -> str:
    """One value as YAML text on a key's line (a multi-line text as a literal block)."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a field value: {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text):  # the usual Chinese sentence: plain as it stands (YAML reads it back as written)
        return text
    if "\n" in text:
        pad = " " * (indent + 2)
        return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def progress_lines(notes: list[tuple[dt.date, str]], indent: int) -> str:
    pad = " " * indent
    return "".join(f"{pad}- 日期: {day.isoformat()}\n{pad}  内容: {scalar(note, indent + 2)}\n"
                   for day, note in notes)


def entry_lines(fields: dict, notes: list[tuple[dt.date, str]], indent: int) -> str:
    """A whole new entry as a block sequence item at `indent` (the column of its "-")."""
    pad = " " * (indent + 2)
    lines = []
    for key in ENTRY_KEYS[:-1]:
        value = fields.get(key)
        if value is None or value == "":
            continue
        lines.append(f"{pad}{key}: {scalar(value, indent + 2)}\n")
    if notes:
        lines.append(f"{pad}进展情况:\n" + progress_lines(notes, indent + 4))
    first = lines[0]
    return " " * indent + "- " + first[indent + 2:] + "".join(lines[1:])


def skeleton(text: str, starts: list[int], wanted: set[int]) -> str:
    """The text with every entry not `wanted` blanked out, keeping its length and line breaks.

    `starts` are the first lines (1-based) of all the file's entries, as the
    loader found them; an entry runs to the next one's first line, and the last
    one is always kept, as its end is not known. Composing the skeleton gives the
    wanted entries' nodes with the marks they have in the whole text, for a
    fraction of the cost: a return touches a few entries of a file of dozens.
    """
    lines = text.split("\n")
    starts = sorted(starts)
    for first, following in zip(starts, starts[1:]):
        if first not in wanted:
            for number in range(first - 1, following - 1):
                lines[number] = " " * len(lines[number])
    return "\n".join(lines)


class RiskFileEditor:
    """Collects edits of one risk file's text; `text()` applies them.

    With `starts` ({entry ID: first line} of every entry, from the loader) and
    `editing` (the IDs to be edited), only those entries are composed.
    """

    def __init__(self, text: str, starts: dict[str, int] | None = None, editing: set[str] = frozenset()):
        self.original = text
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in the order made
        if starts:
            wanted = {starts[ident] for ident in editing if ident in starts}
            try:
                self.root = yaml.compose(skeleton(text, list(starts.values()), wanted), Loader=_Structure)
                self.entries = self._entries()
                if editing <= self.entries.keys():
                    return
            except yaml.YAMLError:
                pass  # an entry laid out so that its lines are not where the loader saw them begin
        self.root = yaml.compose(text, Loader=_Structure)
        self.entries = self._entries()

    def _entries(self) -> dict[str, yaml.MappingNode]:
        found = {}
        seq = self._value(self.root, "隐患")
        if isinstance(seq, yaml.SequenceNode):
            for item in seq.value:
                ident = self._value(item, "编号")
                if isinstance(item, yaml.MappingNode) and isinstance(ident, yaml.ScalarNode):
                    found[str(ident.value)] = item
        return found

    @staticmethod
    def _value(mapping, key: str):
        if not isinstance(mapping, yaml.MappingNode):
            return None
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
        return None

    def _line_start(self, index: int) -> int:
        return self.original.rfind("\n", 0, index) + 1

    def _after_node(self, node: yaml.Node) -> int:
        """Where the text after `node` starts: the beginning of the line after its last line.

        A block collection's own end mark lies at the next token, possibly lines
        further on; the last scalar inside it ends where its text ends.
        """
        while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
            node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
        end = node.end_mark.index
        if end > 0 and self.original[end - 1] == "\n":
            return end
        newline = self.original.find("\n", end)
        return len(self.original) if newline < 0 else newline + 1

    def set_field(self, ident: str, key: str, value) -> None:
        entry = self.entries[ident]
        indent = entry.value[0][0].start_mark.column
        node = self._value(entry, key)
        if node is not None and not _empty(node):
            start, end = node.start_mark.index, node.end_mark.index
            replacement = scalar(value, indent)
            if node.style in ("|", ">"):  # a block scalar's span ends after its line break
                end = self._after_node(node)
                replacement += "\n"
            self.edits.append((start, end, replacement))
            return
        if node is not None:  # "键:" written with nothing after it
            key_node = next(k for k, v in entry.value if v is node)
            self.edits.append((key_node.end_mark.index, key_node.end_mark.index + 1, ": " + scalar(value, indent)))
            return
        self._insert_key(entry, key, f"{' ' * indent}{key}: {scalar(value, indent)}\n")

    def _insert_key(self, entry: yaml.MappingNode, key: str, lines: str) -> None:
        """Insert a key line before the first existing key that follows it in ENTRY_KEYS, else at the end."""
        order = ENTRY_KEYS.index(key)
        for k, _v in entry.value:
            if k.value in ENTRY_KEYS and ENTRY_KEYS.index(k.value) > order:
                at = self._line_start(k.start_mark.index)
                self.edits.append((at, at, lines))
                return
        at = self._after_node(entry.value[-1][1])
        self.edits.append((at, at, lines))

    def add_progress(self, ident: str, notes: list[tuple[dt.date, str]]) -> None:
        entry = self.entries[ident]
        indent = entry.value[0][0].start_mark.column
        node = self._value(entry, "进展情况")
        if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is False:
            item_indent = node.value[0].start_mark.column - 2
            at = self._after_node(node.value[-1])
            self.edits.append((at, at, progress_lines(notes, item_indent)))
        elif node is not None:  # empty or a flow list: write the whole list anew
            key_node = next(k for k, v in entry.value if v is node)
            old = [(str(self._value(i, "日期").value), self._value(i, "内容").value)
                   for i in getattr(node, "value", []) if isinstance(i, yaml.MappingNode)]
            notes = [(dt.date.fromisoformat(d), n) for d, n in old] + notes
            end = self._after_node(node) if node.end_mark.index > node.start_mark.index else self._after_node(key_node)
            self.edits.append((key_node.end_mark.index, end, ":\n" + progress_lines(notes, indent + 2)))
        else:
            self._insert_key(entry, "进展情况", f"{' ' * indent}进展情况:\n" + progress_lines(notes, indent + 2))

    def add_entries(self, entries: list[tuple[dict, list]]) -> None:
        """Append whole entries (fields, progress notes) at the end of the 隐患 list."""
        seq = self._value(self.root, "隐患")
        if isinstance(seq, yaml.SequenceNode) and seq.value and seq.flow_style is False:
            indent = seq.value[0].start_mark.column - 2
            at = self._after_node(seq.value[-1])
            blocks = "".join("\n" + entry_lines(f, n, indent) for f, n in entries)
            self.edits.append((at, at, blocks))
            return
        blocks = "\n".join(entry_lines(f, n, 2) for f, n in entries)
        if seq is not None:  # "隐患: []" or "隐患:" with nothing: replace the value
            key_node = next(k for k, v in self.root.value if v is seq)
            end = self._after_node(seq) if seq.end_mark.index > seq.start_mark.index else self._after_node(key_node)
            self.edits.append((key_node.end_mark.index, end, ":\n" + blocks))
        else:
            text = self.original
            sep = "" if text.endswith("\n") or not text else "\n"
            self.edits.append((len(text), len(text), f"{sep}\n隐患:\n{blocks}"))

    def text(self) -> str:
        """The edited text. From the end backwards; of two inserts at one place the earlier made comes first."""
        text = self.original
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
        for _seq, (start, end, replacement) in ordered:
            text = text[:start] + replacement + text[end:]
        return text


def _empty(node: yaml.Node) -> bool:
    """A key written with nothing after it."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""


def new_file(unit: str, header: str, entries: list[tuple[dict, list]]) -> str:
    """A risk file for a unit that had none."""
    return f"{header}单位: {unit}\n\n隐患:\n" + "\n".join(entry_lines(f, n, 2) for f, n in entries)

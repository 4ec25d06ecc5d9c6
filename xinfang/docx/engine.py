"""Render Word-editable .docx templates fast: compile once, render many.

A template is an ordinary .docx whose text holds Jinja tags in docxtpl's syntax
({{ x }}, {%tr for %}, {%p if %}, {% cellbg %} …). At load, every XML part that
holds tags is cleaned with docxtpl's own tag-merging pass and compiled once in
the project's strict environment; every other part is kept as bytes. Rendering
a document is then one template.render per part plus one deterministic zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import jinja2
from docxtpl import DocxTemplate as _Docxtpl

from ..errors import TemplateError
from ..jinja import docx_environment
from . import zipwriter

STREAM_FRAGMENTS = 8192  # Jinja output pieces per chunk when streaming a part into the zip
# The parts rendered per document are deflated at the fastest level: about a third of the
# time of the default level, for a .docx a few percent larger (the static parts, compressed
# once per template, keep the default).
RENDERED_LEVEL = 1
TAG_RE = re.compile(r"\{[{%#]")
TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
# Names the template files use for each font role; the data's settings replace them.
TEMPLATE_FONTS = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "page_number": "宋体",
}


def patch_tags(xml: str) -> str:
    """docxtpl's pass that joins tags Word split across runs and handles {%tr %} etc."""
    return _Docxtpl.patch_xml(None, xml)


@dataclass(frozen=True)
class FontRole:
    name: str
    fallback: str


def _font_table_entry(font: FontRole) -> str:
    # w:altName is how OOXML names a substitute when the font is not installed.
    return (f'<w:font w:name="{xml_escape(font.name)}"><w:altName w:val="{xml_escape(font.fallback)}"/>'
            '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>')


def _apply_fonts(xml: str, fonts: dict[str, FontRole]) -> str:
    for role, template_name in TEMPLATE_FONTS.items():
        if role in fonts and fonts[role].name != template_name:
            xml = xml.replace(f'"{template_name}"', f'"{xml_escape(fonts[role].name)}"')
    return xml


def _font_table(xml: str, fonts: dict[str, FontRole]) -> str:
    """Declare every configured font with its fallback in word/fontTable.xml."""
    names = {xml_escape(f.name) for f in fonts.values()}
    xml = re.sub(r'<w:font w:name="([^"]*)">.*?</w:font>',
                 lambda m: "" if m.group(1) in names else m.group(0), xml, flags=re.S)
    entries = "".join(_font_table_entry(f) for f in sorted(set(fonts.values()), key=lambda f: f.name))
    return xml.replace("</w:fonts>", entries + "</w:fonts>")


def core_properties(title: str, author: str, when: dt.date) -> bytes:
    """Fixed document properties: the same data gives the same bytes."""
    stamp = f"{when.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{xml_escape(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


class DocxTemplate:
    """One .docx template, parsed and compiled once, rendered for many contexts."""

    def __init__(self, path: Path, fonts: dict[str, FontRole] | None = None,
                 env: jinja2.Environment | None = None):
        self.path = Path(path)
        self.name = self.path.name
        self.env = env or docx_environment()
        data = self.path.read_bytes()
        self.digest = hashlib.sha256(data).hexdigest()
        self.static: dict[str, bytes] = {}
        self.compiled: dict[str, jinja2.Template] = {}
        self.sources: dict[str, str] = {}
        self.order: list[str] = []
        self._static_entries: dict[str, zipwriter.Entry] | None = None
        fonts = fonts or {}
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise TemplateError(f"模板 {self.path} 不是有效的 Word 文档（.docx）：{exc}") from exc
        with archive:
            for info in archive.infolist():
                name = info.filename
                self.order.append(name)
                raw = archive.read(name)
                if name.endswith(".xml") and (TEXT_PARTS.match(name) or name == "word/styles.xml"):
                    xml = _apply_fonts(raw.decode("utf-8"), fonts)
                    if TEXT_PARTS.match(name) and TAG_RE.search(xml):
                        self._compile(name, xml)
                        continue
                    raw = xml.encode("utf-8")
                elif name == "word/fontTable.xml" and fonts:
                    raw = _font_table(raw.decode("utf-8"), fonts).encode("utf-8")
                self.static[name] = raw
        self.static.pop("docProps/core.xml", None)  # always written fresh, with fixed dates
        if "docProps/core.xml" not in self.order:
            self.order.append("docProps/core.xml")

    def _compile(self, name: str, xml: str) -> None:
        source = patch_tags(xml)
        self.sources[name] = source
        try:
            self.compiled[name] = self.env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            snippet = re.sub(r"<[^>]+>", "", source.splitlines()[exc.lineno - 1] if exc.lineno else "")[:80]
            raise TemplateError(f"模板 {self.path.name}（{name}）的标签写法有误：{exc.message}；附近文字：{snippet}") from exc

    def render_parts(self, context: dict) -> dict[str, bytes]:
        """Render the tagged parts; raise TemplateError naming what was missing."""
        return {name: b"".join(self._encoded(name, context)) for name in self.compiled}

    def _encoded(self, name: str, context: dict):
        """A tagged part rendered as UTF-8 chunks of a few thousand Jinja fragments each:
        a company-wide ledger of 200,000 rows is a few hundred megabytes of XML, which
        joined at once would take gigabytes as Python strings."""
        fragments = self.compiled[name].generate(context)
        try:
            while chunk := list(itertools.islice(fragments, STREAM_FRAGMENTS)):
                yield "".join(chunk).encode("utf-8")
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"模板 {self.path.name} 引用了不存在的数据：{exc.message}") from exc

    def render(self, context: dict, title: str, author: str, when: dt.date) -> bytes:
        parts = {name: zipwriter.compress_chunks(name, self._encoded(name, context), RENDERED_LEVEL)
                 for name in self.compiled}
        parts["docProps/core.xml"] = zipwriter.compress("docProps/core.xml", core_properties(title, author, when),
                                                        RENDERED_LEVEL)
        return self.package(parts)

    def package(self, parts: dict[str, zipwriter.Entry]) -> bytes:
        """Zip the rendered parts with the static ones, compressed once per template."""
        if self._static_entries is None:
            self._static_entries = {name: zipwriter.compress(name, raw) for name, raw in self.static.items()}
        return zipwriter.build([self._static_entries.get(name) or parts[name] for name in self.order])

"""The editor's view: a real YAML language server (as VS Code runs it) checks a data file against data/schema.

The server is the npm package pinned in tests/editor/package.json; .ci/run installs it
with `npm ci --prefix tests/editor`. Three typical slips in people.yaml must each be
reported on their own line, in Chinese.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time

import pytest

from conftest import DATA, REPO

SERVER = REPO / "tests/editor/node_modules/yaml-language-server/bin/yaml-language-server"
SETTINGS = {"validate": True, "schemaStore": {"enable": False}, "format": {"enable": False}}


class LanguageServer:
    """A minimal LSP client over stdio: send messages, answer configuration requests, collect the rest."""

    def __init__(self):
        self.proc = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def diagnostics(self, uri: str, timeout: float = 60) -> list[dict]:
        """The first non-empty diagnostics published for `uri` (schema checks come after syntax checks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.inbox.get(timeout=1)
            except queue.Empty:
                continue
            if message.get("method") == "workspace/configuration":
                self.send({"id": message["id"], "result": [SETTINGS for _ in message["params"]["items"]]})
            elif (message.get("method") == "textDocument/publishDiagnostics"
                  and message["params"]["uri"] == uri and message["params"]["diagnostics"]):
                return message["params"]["diagnostics"]
        raise AssertionError("the language server published no diagnostics")

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def server():
    if not SERVER.exists() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server is missing: .ci/run installs it with npm ci --prefix tests/editor")
        pytest.skip("yaml-language-server not installed (npm ci --prefix tests/editor)")
    client = LanguageServer()
    yield client
    client.close()


def with_slips(text: str) -> tuple[str, dict[str, int]]:
    """people.yaml with three slips a clerk makes, and the 0-based line of each."""
    lines = text.split("\n")

    def first(pattern: str) -> int:
        return next(i for i, line in enumerate(lines) if re.match(pattern, line))

    where = {"id": first(r"^  - 编号: "), "key": first(r"^    职务: "), "choice": first(r"^    公开字段: ")}
    lines[where["id"]] = "  - 编号: Zhao Guoqiang"  # capitals and a space
    lines[where["key"]] = lines[where["key"]].replace("职务", "职位")  # a near miss of a key
    lines[where["choice"]] = "    公开字段: [姓名, 住址]"  # a value that is not one of the choices
    return "\n".join(lines), where


@pytest.mark.slow
def test_the_editor_reports_each_slip_on_its_line_in_chinese(server):
    document = DATA / "people.yaml"
    text, where = with_slips(document.read_text("utf-8"))
    assert text.startswith("# yaml-language-server: $schema=schema/people.schema.json")
    server.send({"id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": DATA.as_uri(),
                            "capabilities": {"workspace": {"configuration": True}}}})
    server.send({"method": "initialized", "params": {}})
    server.send({"method": "workspace/didChangeConfiguration", "params": {"settings": {"yaml": SETTINGS}}})
    server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": document.as_uri(), "languageId": "yaml", "version": 1, "text": text}}})
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.diagnostics(document.as_uri())}
    keys = "编号、姓名、职务、单位、办公电话、手机、公开字段、离任日期"
    assert (where["id"], "编号只能由小写英文字母、数字和连字符组成（如 yi-kuang），不能含空格、汉字") in found
    assert (where["key"], f"未知的键，可用的键：{keys}") in found
    assert (where["choice"], "只能填：姓名、职务、单位、办公电话、手机") in found
    lines = {line for line, _ in found}
    assert lines <= {where["id"], where["key"], where["choice"]}, found  # nothing else in the file is flagged

"""Scripts are read as Python reads them: UTF-8, or the encoding their coding line declares."""
from __future__ import annotations

import pytest

from vm.report.source_files import UnreadableFile, decode_source, read_source


def test_a_declared_encoding_is_used():
    assert decode_source("# -*- coding: latin-1 -*-\nx = 'é'\n".encode("latin-1")) == \
        ("# -*- coding: latin-1 -*-\nx = 'é'\n", "iso-8859-1")
    assert decode_source("#!/usr/bin/env python3\n# coding=cp1252\nx = '€'\n".encode("cp1252"))[1] == "cp1252"


def test_without_a_declaration_only_utf_8_is_read():
    assert decode_source(b"\xef\xbb\xbfx = 1\n") == ("x = 1\n", "utf-8-sig")
    with pytest.raises(UnreadableFile, match="it is not UTF-8 text: byte 7 cannot be read"):
        decode_source("x = 1\n'é'".encode("latin-1"))


@pytest.mark.parametrize(("data", "words"), [
    (b"# coding: klingon\n", "which Python does not know"),
    (b"\xef\xbb\xbf# coding: latin-1\n", "starts with a UTF-8 mark"),
    (b"# coding: ascii\nx = '\xe9'\n", "byte 21 is not ascii text"),
])
def test_what_python_refuses_is_refused_with_a_reason(data, words):
    with pytest.raises(UnreadableFile, match=words):
        decode_source(data)


def test_the_terminal_reads_a_declared_file(tmp_path):
    path = tmp_path / "cafe.py"
    path.write_bytes("# coding: latin-1\r\nprint('café')\r\n".encode("latin-1"))
    assert read_source(path) == "# coding: latin-1\nprint('café')\n"

"""Files with a PEP 263 coding line open and save in their encoding, as Python reads them."""
from __future__ import annotations

import pytest

from ide.source_encoding import EncodingProblem, encoding_to_save
from tests.ide.conftest import run_to_end

LATIN = "# -*- coding: latin-1 -*-\nprint('café')\n"


def test_a_declared_latin_1_file_opens_runs_and_saves_in_latin_1(qtbot, window, tmp_path):
    path = tmp_path / "cafe.py"
    path.write_bytes(LATIN.encode("latin-1"))
    assert window.tabs.open(path)
    assert window.editor.toPlainText() == LATIN
    assert run_to_end(qtbot, window).status == "finished"
    assert "café" in window.console.plain_text()
    window.editor.setPlainText(LATIN.replace("café", "crème brûlée"))
    assert window.document.save()
    assert path.read_bytes() == LATIN.replace("café", "crème brûlée").encode("latin-1")


def test_a_file_without_a_declaration_is_still_refused_with_the_usual_message(window, tmp_path, dialogs):
    path = tmp_path / "latin.py"
    path.write_bytes("print('café')\n".encode("latin-1"))
    assert not window.tabs.open(path)
    assert "it is not UTF-8 text: byte 10 cannot be read" in dialogs.shown[-1][2]


def test_an_unknown_declared_encoding_is_refused_by_name(window, tmp_path, dialogs):
    path = tmp_path / "odd.py"
    path.write_bytes(b"# coding: klingon\nx = 1\n")
    assert not window.tabs.open(path)
    assert "klingon" in dialogs.shown[-1][2]


def test_changing_the_coding_line_changes_how_the_file_is_saved(window, tmp_path):
    path = tmp_path / "cafe.py"
    path.write_bytes(LATIN.encode("latin-1"))
    assert window.tabs.open(path)
    window.editor.setPlainText(LATIN.replace("latin-1", "utf-8"))
    assert window.document.save()
    assert path.read_text(encoding="utf-8") == LATIN.replace("latin-1", "utf-8")


def test_a_character_the_declared_encoding_cannot_hold_is_refused_and_the_text_kept(window, tmp_path, dialogs):
    path = tmp_path / "cafe.py"
    path.write_bytes(LATIN.encode("latin-1"))
    assert window.tabs.open(path)
    window.editor.setPlainText(LATIN + "print('🌱')\n")
    window.editor.document().setModified(True)  # as if typed
    assert not window.document.save()
    assert dialogs.shown[-1][0] == "critical"
    assert "line 3" in dialogs.shown[-1][2] and "🌱" in dialogs.shown[-1][2]
    assert path.read_bytes() == LATIN.encode("latin-1")
    assert window.document.modified


def test_a_byte_order_mark_is_kept():
    assert encoding_to_save("x = 1\n", "utf-8-sig") == "utf-8-sig"
    assert encoding_to_save("x = 1\n", "iso-8859-1") == "utf-8"


def test_a_declaration_on_the_second_line_counts_only_after_a_comment():
    assert encoding_to_save("#!/usr/bin/env python3\n# coding: cp1252\n", "utf-8") == "cp1252"
    assert encoding_to_save("x = 1\n# coding: cp1252\n", "utf-8") == "utf-8"
    with pytest.raises(EncodingProblem):
        encoding_to_save("# coding: klingon\n", "utf-8")

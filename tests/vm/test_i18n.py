"""The engine speaks the learner's language: chosen by the usual rules, complete, and
Python's own messages left as they are."""
from __future__ import annotations

import string
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.vm.harness import Harness
from vm import explain
from vm.core import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language(None)


@pytest.mark.parametrize("environment, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_SG.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
])
def test_the_language_follows_the_environment_as_gettext_does(monkeypatch, environment, expected):
    for variable in i18n.ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.system_language() == expected


def test_a_chosen_language_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.set_language("zh_CN")
    try:
        assert i18n.current_language() == "zh_CN"
        assert i18n._("the program was stopped") == "程序被停止了"
    finally:
        i18n.set_language(None)
    assert i18n._("the program was stopped") == "the program was stopped"


def _fields(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name is not None})


def test_every_engine_message_has_a_chinese_translation_with_the_same_placeholders():
    catalogue = translations.read_po(translations.po_path("zh_CN"))
    for msgid in translations.engine_messages():
        assert msgid in catalogue, f"not in the catalogue (run tools/translations.py update): {msgid!r}"
        translated = catalogue[msgid].translations[0]
        assert translated, f"no translation yet: {msgid!r}"
        assert _fields(translated) == _fields(msgid), f"placeholders differ: {msgid!r}"


def test_the_compiled_catalogue_is_up_to_date():
    catalogue = translations.read_po(translations.po_path("zh_CN"))
    compiled = translations.po_path("zh_CN").with_suffix(".mo").read_bytes()
    assert compiled == translations.mo_bytes("zh_CN", catalogue), "run tools/translations.py compile"


def test_hints_and_stop_messages_in_chinese_keep_pythons_own_message(chinese):
    source = "scores = [3, 1]\nprint(scores[2])\n"
    result = Harness().run(source)
    assert result.message == "list index out of range"  # Python's words, untouched
    assert explain(result, source) == "第 2 行要取的位置在序列里不存在。位置从 0 开始数，所以最后一个是 len(...) - 1。"
    harness = Harness()
    stopped, _ = harness.stop_at("print('ready')\nwhile True:\n    pass\n")
    assert stopped.message == "程序被停止了"
    hint = explain(stopped, "print('ready')\nwhile True:\n    pass\n")
    assert hint.startswith("你停止了程序，它当时运行到第 3 行（在从第 2 行开始的 while 循环里）。如果")


def _terminal(script: Path, language: str) -> str:
    environment = {"PATH": "/usr/bin:/bin", "LANGUAGE": language, "PYTHONIOENCODING": "utf-8"}
    completed = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)],
                               capture_output=True, text=True, encoding="utf-8", env=environment, timeout=30)
    return completed.stderr


def test_the_terminal_runner_prints_the_hint_in_the_systems_language(tmp_path):
    script = tmp_path / "oops.py"
    script.write_text(textwrap.dedent("""\
        total = 0
        print(totl)
    """))
    english, chinese = _terminal(script, "en"), _terminal(script, "zh_CN")
    assert "NameError: name 'totl' is not defined" in english and "NameError: name 'totl' is not defined" in chinese
    assert "Hint: Line 2 uses the name totl" in english
    assert "提示：第 2 行用到了名字 totl，但在那个时候还没有叫 totl 的东西。你是不是想写 total？" in chinese

"""The window in English and in Simplified Chinese: chosen by the system or in View >
Language, complete (no visible string left untranslated), and the engine's hints too."""
from __future__ import annotations

import ast
import re
import shutil
import string
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox, QTabWidget, QToolButton

from ide import dialogs as ide_dialogs
from ide.i18n import apply_language, resolve
from ide.main_window import MainWindow
from tests.ide.conftest import set_code, start_run, stop_run

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "sprout_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Names that stay as they are in every language.
UNTRANSLATED = {"Sprout", "English", "简体中文", "Python", "+", "−"}  # names, and signs (the drawing's zoom)


def tr_literals() -> set[str]:
    """Every string the IDE passes to ``tr(...)``."""
    found = set()
    for path in [*sorted((ROOT / "ide").glob("*.py")), ROOT / "main.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def ts_messages() -> dict[str, tuple[str, str | None]]:
    tree = ElementTree.parse(TS_FILE)
    return {message.findtext("source"): (message.findtext("translation") or "",
                                         message.find("translation").get("type"))
            for message in tree.iter("message")}


def fields(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name is not None})


def test_every_visible_string_of_the_ide_has_a_finished_chinese_translation():
    messages = ts_messages()
    for text in tr_literals():
        assert text in messages, f"not in the catalogue (run tools/translations.py update): {text!r}"
        translation, state = messages[text]
        assert translation and state is None, f"not translated yet: {text!r}"
        assert fields(translation) == fields(text), f"placeholders differ: {text!r}"
        if "&" in text:
            assert "&" in translation, f"the keyboard mnemonic got lost: {text!r}"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="PySide6's lrelease is not on PATH")
def test_the_compiled_qt_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(["pyside6-lrelease", str(TS_FILE), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == TS_FILE.with_suffix(".qm").read_bytes(), "run tools/translations.py compile"


@pytest.fixture
def chinese_window(settings, request):
    """The usual test window, made with 简体中文 chosen in its settings."""
    settings.language = "zh_CN"
    yield request.getfixturevalue("window")
    apply_language("en")


def visible_texts(window: MainWindow) -> list[str]:
    """Menu titles and entries, toolbar buttons, tooltips, tabs, docks and the status bar."""
    texts = []
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        stack = [menu_action.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                if action.text() and not action.isSeparator() and menu is not window.menus.recent:
                    texts.append(action.text())
    for action in window.commands.all():
        texts += [action.text(), action.toolTip()]
    for dock in window.findChildren(QDockWidget):
        texts.append(dock.windowTitle())
    for tabs in window.findChildren(QTabWidget):
        if tabs is not window.tabs:  # the editor's tabs are named after files
            texts += [tabs.tabText(index) for index in range(tabs.count())]
    for button in window.findChildren(QToolButton):
        texts += [text for text in (button.text(), button.toolTip()) if text and not button.defaultAction()]
    texts.append(window.status.label.text())
    return [text for text in texts if text and text not in UNTRANSLATED]


def test_the_window_in_chinese_has_no_english_left(chinese_window):
    chinese_window.open_initial(None)
    untranslated = [text for text in visible_texts(chinese_window) if not CJK.search(text)]
    assert untranslated == []
    assert chinese_window.commands["run"].text() == "运行(&R)"
    assert chinese_window.status.label.text() == "就绪"
    assert "欢迎使用 Sprout" in chinese_window.editor.toPlainText()  # the welcome example in Chinese too


def test_a_stop_in_chinese_shows_the_hint_in_chinese_under_pythons_own_message(qtbot, chinese_window):
    set_code(chinese_window, "n = 0\nprint('开始')\nwhile n >= 0:\n    n = n + 1\n")
    start_run(qtbot, chinese_window, "开始")
    stop_run(qtbot, chinese_window)
    text = chinese_window.console.plain_text()
    assert "Traceback (most recent call last):" in text  # Python's own words stay
    assert "KeyboardInterrupt: 程序被停止了" in text
    assert "提示：你停止了程序，它当时运行到第 4 行（在从第 3 行开始的 while 循环里）。" in text
    assert chinese_window.status.label.text() == "已停止"


def test_the_language_follows_the_system_unless_chosen(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    assert resolve("system") == "zh_CN"
    assert resolve("en") == "en"
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert resolve("system") == "en"  # LANGUAGE comes first
    assert resolve("zh_CN") == "zh_CN"


def test_choosing_a_language_is_remembered_and_offers_a_restart(qtbot, window, settings, monkeypatch):
    asked = []

    def answer(parent, title, text, buttons, default):
        asked.append(text)
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(ide_dialogs, "ask", answer)
    entries = {action.data(): action for action in window.language_menu.menu.actions()}
    assert set(entries) == {"system", "en", "zh_CN"} and entries["system"].isChecked()
    assert entries["zh_CN"].text() == "简体中文"
    entries["zh_CN"].trigger()
    assert settings.language == "zh_CN" and entries["zh_CN"].isChecked()
    assert asked == ["Sprout will speak 简体中文 after it restarts. Restart now?"]
    entries["en"].trigger()  # English is what runs now: nothing to restart for
    assert settings.language == "en" and len(asked) == 1


def test_a_file_dialog_in_chinese_has_no_english_labels(chinese_window, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel
    dialog = QFileDialog(chinese_window, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and all(CJK.search(text) for text in labels), labels


def test_choosing_english_in_the_chinese_window_names_it_readably(qtbot, chinese_window, monkeypatch):
    asked = []
    monkeypatch.setattr(ide_dialogs, "ask", lambda parent, title, text, *rest: asked.append(text)
                        or QMessageBox.StandardButton.No)
    entries = {action.data(): action for action in chinese_window.language_menu.menu.actions()}
    entries["en"].trigger()
    assert asked == ["Sprout 重新启动后，界面语言将是：English。现在重启吗？"]

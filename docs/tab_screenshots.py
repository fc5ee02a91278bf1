"""The screenshots of several files open in tabs (tabs.png, tabs-zh.png), offscreen.

    QT_QPA_PLATFORM=offscreen python docs/tab_screenshots.py

make_screenshots.py calls ``tab_shots`` too.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ide.i18n import apply_language  # noqa: E402

PROGRAMS = {
    "en": {
        "game.py": "# Ask for scores, then show the average.\nimport scores\n\nresults = []\n"
                   "for player in ['Ana', 'Ben', 'Chen']:\n"
                   "    points = int(input(player + \"'s score: \"))\n    results.append(points)\n\n"
                   "print('Average:', scores.average(results))\nprint('Best:', scores.best(results))\n",
        "scores.py": "\"\"\"Little helpers for game.py.\"\"\"\n\n\ndef average(numbers):\n"
                     "    return sum(numbers) / len(numbers)\n\n\ndef best(numbers):\n    return max(numbers)\n",
        "notes.py": "# Ideas for next time\n# - keep a high score in a file\n",
        "typed": "# - ask how many players\n",
    },
    "zh_CN": {
        "game.py": "# 输入分数，再算出平均分。\nimport scores\n\nresults = []\n"
                   "for player in ['小明', '小红', '小陈']:\n"
                   "    points = int(input(player + '的分数：'))\n    results.append(points)\n\n"
                   "print('平均分：', scores.average(results))\nprint('最高分：', scores.best(results))\n",
        "scores.py": "\"\"\"给 game.py 用的小函数。\"\"\"\n\n\ndef average(numbers):\n"
                     "    return sum(numbers) / len(numbers)\n\n\ndef best(numbers):\n    return max(numbers)\n",
        "notes.py": "# 下次要做的\n# - 把最高分存到文件里\n",
        "typed": "# - 先问有几个玩家\n",
    },
}


def tab_shots(app: QApplication, folder: Path) -> None:
    """Three files in tabs: the program running (waiting for a score), its module, and
    notes with unsaved changes; in English and 简体中文."""
    from make_screenshots import new_window, shoot, wait_until  # noqa: PLC0415 - a script beside this one

    for language, name in (("en", "tabs.png"), ("zh_CN", "tabs-zh.png")):
        project = folder / f"project_{language}"
        project.mkdir(exist_ok=True)
        texts = PROGRAMS[language]
        for file_name in ("game.py", "scores.py", "notes.py"):
            (project / file_name).write_text(texts[file_name], encoding="utf-8")
        window = new_window(app, folder, f"tabs_{language}", language=language)
        window.resize(1000, 640)
        window.splitter.setSizes([400, 200])
        for file_name in ("game.py", "scores.py", "notes.py"):
            window.tabs.open(project / file_name)
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        window.editor.insertPlainText(texts["typed"])
        window.tabs.setCurrentIndex(0)
        window.run_script()
        wait_until(lambda window=window: window.console.awaiting_input)
        window.console.insertPlainText("90")
        shoot(window, name)
        window.stop_script()
        wait_until(lambda window=window: not window.runner.running)
        for tab in window.tabs.tabs():
            tab.editor.document().setModified(False)
        window.close()
        apply_language("en")


def main() -> None:
    from ide.app import create_app  # noqa: PLC0415

    QStandardPaths.setTestModeEnabled(True)
    app = create_app()
    tab_shots(app, Path(tempfile.mkdtemp()))


if __name__ == "__main__":
    main()

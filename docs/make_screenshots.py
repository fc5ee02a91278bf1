"""Render the screenshots in docs/screenshots/ from the real window (offscreen).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ide.app import create_app  # noqa: E402
from ide.files import RecoveryStore  # noqa: E402
from ide.i18n import apply_language  # noqa: E402
from ide.main_window import MainWindow  # noqa: E402
from ide.resources import EXAMPLES, localized  # noqa: E402
from ide.settings import Settings  # noqa: E402
from ide.themes import THEMES, apply_palette  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait_until(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window never reached the expected state")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def new_window(app: QApplication, folder: Path, theme: str = "light", language: str = "en") -> MainWindow:
    settings = Settings(QSettings(str(folder / f"{theme}.ini"), QSettings.Format.IniFormat))
    settings.theme = theme if theme in THEMES else "light"
    settings.language = language
    window = MainWindow(settings, RecoveryStore(folder / "recovery"))
    apply_palette(app, THEMES[settings.theme])
    window.resize(1000, 680)
    window.show()
    return window


def shoot(window: MainWindow, name: str) -> None:
    settle()
    window.grab().save(str(OUT / name))
    os.write(1, f"wrote {OUT / name}\n".encode())  # print() from here would join a running program's output


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = create_app()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())

    window = new_window(app, folder)
    window.open_initial(None)
    shoot(window, "idle.png")

    window.tabs.open_example(EXAMPLES / "08_slow_computation.py")
    window.run_script()
    wait_until(lambda: "30% done" in window.console.plain_text())
    shoot(window, "running.png")
    window.stop_script()
    wait_until(lambda: not window.runner.running)

    window.tabs.open_example(EXAMPLES / "04_infinite_loop.py")
    window.run_script()
    settle(0.5)
    window.stop_script()
    wait_until(lambda: not window.runner.running)
    shoot(window, "stopped.png")
    window.editor.document().setModified(False)
    window.close()

    debugging = new_window(app, folder, "debug")
    debugging.resize(1200, 720)
    debugging.tabs.open_example(EXAMPLES / "07_class.py")
    debugging.editor.toggle_breakpoint(13)
    debugging.debug.start()
    wait_until(lambda: debugging.runner.debug_paused)
    debugging.commands["continue"].trigger()
    wait_until(lambda: debugging.runner.debug_paused)
    settle()
    pet = debugging.debug.variables.item_named("self")
    pet.setExpanded(True)
    shoot(debugging, "debugger_paused.png")
    debugging.stop_script()
    wait_until(lambda: not debugging.runner.running)
    debugging.editor.document().setModified(False)
    debugging.close()

    dark = new_window(app, folder, "dark")
    dark.tabs.open_example(EXAMPLES / "05_recursion.py")
    dark.editor.setPlainText(dark.editor.toPlainText().replace("factorial(5)", "factorial('5')"))
    dark.run_script()
    wait_until(lambda: not dark.runner.running)
    shoot(dark, "dark_error.png")
    dark.editor.document().setModified(False)
    dark.close()

    contrast = new_window(app, folder, "contrast")
    contrast.resize(1100, 650)
    contrast.editor.setPlainText("scores = [3, 1, 4]\nfor s in scores:\n    print('score', s)\nprint(scores[5])\n")
    contrast.run_script()
    wait_until(lambda: not contrast.runner.running)
    shoot(contrast, "high_contrast_error.png")
    contrast.editor.document().setModified(False)
    contrast.close()
    apply_palette(app, THEMES["light"])

    states = new_window(app, folder, "states")
    states.editor.setPlainText("answer = input('What is 6 x 7? ')\nprint('You said', answer)\n")
    states.run_script()
    wait_until(lambda: states.console.awaiting_input)
    shoot(states, "waiting_for_input.png")
    states.stop_script()
    wait_until(lambda: not states.runner.running)
    shoot(states, "stopped_while_waiting.png")

    states.editor.setPlainText("import _thread\nlock = _thread.allocate_lock()\nlock.acquire()\n"
                               "print('waiting on a lock nobody will release')\nlock.acquire(timeout=3)\n")
    states.run_script()
    wait_until(lambda: "nobody" in states.console.plain_text())
    states.stop_script()
    wait_until(lambda: states.runner.state.value == "stalled")
    shoot(states, "stalled_abandon_offered.png")
    states.abandon_run()
    wait_until(lambda: not states.runner.running)
    wait_until(lambda: all(not engine.vm.running for engine in states.runner._abandoned))

    long_output_shots(states)

    states.editor.setPlainText("garden = ['🌱', '🌻', '花']\n名字 = '小明'\nprint(garden, 名字 + 年龄)\n")
    states.editor.go_to_line(1, 12)
    states.run_script()
    wait_until(lambda: not states.runner.running)
    shoot(states, "wide_characters_error.png")
    states.editor.document().setModified(False)
    states.close()

    inside = new_window(app, folder, "inside")
    inside.resize(1200, 720)
    inside.editor.setPlainText("total = 0\ncount = 0\nprint('counting...')\nwhile total >= 0:\n"
                               "    count += 1\n    total += count % 7\n")
    inside.run_script()
    wait_until(lambda: "counting" in inside.console.plain_text())
    inside.runner.pause()
    wait_until(lambda: inside.runner.debug_paused)
    shoot(inside, "paused_plain_run.png")
    inside.stop_script()
    wait_until(lambda: not inside.runner.running)

    inside.editor.setPlainText("def last_item(items):\n    i = len(items)\n    return items[i]\n\n"
                               "scores = [3, 1, 4, 1, 5]\nprint(last_item(scores))\n")
    inside.run_script()
    wait_until(lambda: not inside.runner.running)
    inside.debug.variables.item_named("items").setExpanded(True)
    shoot(inside, "post_mortem_values.png")

    inside.output_panel.show_shell()
    for line in ("scores", "sorted(scores)", "for s in scores:", "    print(s * 10, end=' ')", ""):
        inside.shell.insertPlainText(line)
        inside.shell.submit_input()
        settle(0.3)
        wait_until(lambda: not inside.runner.running)
    inside.shell.insertPlainText("len(sco")
    shoot(inside, "shell.png")
    inside.editor.document().setModified(False)
    inside.close()
    turtle_shots(app, folder)
    chinese_shots(app, folder)
    editor_shots(app, folder)
    try:
        import matplotlib  # noqa: F401 - the Plots pane's pictures need it; Sprout does not
    except ImportError:
        os.write(1, b"matplotlib is not installed: skipping the Plots pane's screenshots\n")
    else:
        from plot_screenshots import plot_shots
        plot_shots(app, folder)
        plot_shots(app, folder, "zh_CN")
    layout_shots(app, folder)
    from tab_screenshots import tab_shots
    tab_shots(app, folder)


def long_output_shots(window: MainWindow) -> None:
    """Long lines kept whole (squeezed), old lines trimmed with the notice, reading while it runs."""
    window.editor.setPlainText("print('first')\nprint(list(range(5000)))\nprint('last')\n")
    window.splitter.setSizes([200, 480])
    window.run_script()
    wait_until(lambda: not window.runner.running)
    shoot(window, "long_output_kept.png")
    window.splitter.setSizes([400, 280])

    window.editor.setPlainText("for i in range(10_000):\n    print('line', i, 'of many')\n")
    window.run_script()
    wait_until(lambda: not window.runner.running)
    shoot(window, "output_trimmed.png")

    window.editor.setPlainText("import time\nfor i in range(1500):\n    print('line', i)\n"
                               "print('flood done')\ntime.sleep(30)\n")
    window.run_script()
    wait_until(lambda: "flood done" in window.console.plain_text())
    bar = window.console.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.console.append_output("stdout", "more output while you read\n")
    shoot(window, "console_new_output_below.png")
    window.stop_script()
    wait_until(lambda: not window.runner.running)


def turtle_shots(app: QApplication, folder: Path) -> None:
    drawing = new_window(app, folder, "drawing")
    drawing.resize(1280, 720)
    drawing.tabs.open_example(EXAMPLES / "09_turtle_spiral.py")
    drawing.run_script()
    wait_until(lambda: not drawing.runner.running)
    shoot(drawing, "turtle_drawing.png")

    drawing.editor.setPlainText(
        "import turtle\n\nt = turtle.Turtle()\nt.speed(3)\nt.color('dark green', 'light green')\n"
        "print('drawing flowers for ever...')\nwhile True:\n    t.begin_fill()\n"
        "    for petal in range(6):\n        t.circle(60, 60)\n        t.left(120)\n"
        "        t.circle(60, 60)\n        t.left(60)\n    t.end_fill()\n    t.left(17)\n")
    drawing.run_script()
    wait_until(lambda: "flowers" in drawing.console.plain_text())
    settle(2.5)
    drawing.stop_script()
    wait_until(lambda: not drawing.runner.running)
    shoot(drawing, "turtle_stopped.png")
    drawing.editor.document().setModified(False)
    drawing.close()




def chinese_shots(app: QApplication, folder: Path) -> None:
    """The window in 简体中文: idle with the welcome example, a stopped loop, the debugger."""
    chinese = new_window(app, folder, "chinese", language="zh_CN")
    chinese.resize(1100, 680)
    chinese.open_initial(None)
    shoot(chinese, "zh_CN_idle.png")

    chinese.tabs.open_example(localized(EXAMPLES / "04_infinite_loop.py"))
    chinese.run_script()
    settle(0.5)
    chinese.stop_script()
    wait_until(lambda: not chinese.runner.running)
    shoot(chinese, "zh_CN_stopped.png")

    chinese.tabs.open_example(localized(EXAMPLES / "07_class.py"))
    chinese.editor.toggle_breakpoint(13)
    chinese.debug.start()
    wait_until(lambda: chinese.runner.debug_paused)
    settle()
    shoot(chinese, "zh_CN_debugger.png")
    chinese.stop_script()
    wait_until(lambda: not chinese.runner.running)
    chinese.editor.document().setModified(False)
    chinese.close()
    apply_language("en")


GUESSING_GAME = '''# A guessing game: the computer picks, you guess.
import random


def play(rounds):
    score = 0
    for round_number in range(rounds):
        secret = random.randint(1, 10)
        guess = int(input("Your guess (1-10): "))
        if guess == secret:
            print("Right!")
            score += 1

        else:
            print("No, it was", secret)
    return score


total = play(3)
print("You scored", total)
'''


def editor_shots(app: QApplication, folder: Path) -> None:
    """Find and Replace, indentation guides, folding and a file changed on disk, in English and 简体中文."""
    for language, prefix in (("en", ""), ("zh_CN", "zh_CN_")):
        window = new_window(app, folder, f"editor_{language}", language=language)
        window.resize(1000, 640)
        window.splitter.setSizes([470, 130])
        window.editor.setPlainText(GUESSING_GAME)
        window.editor.go_to_line(14)
        shoot(window, f"{prefix}indentation_guides.png")
        window.editor.go_to_line(1)
        window.find_bar.open_replace()
        window.find_bar.field.setText("score")
        window.find_bar.replace_field.setText("points")
        window.find_bar.whole_word.setChecked(True)
        window.find_bar.find_next()
        window.find_bar.find_next()
        shoot(window, f"{prefix}replace.png")
        window.find_bar.hide()
        window.editor.folding.toggle(10)
        window.editor.go_to_line(15)
        shoot(window, f"{prefix}folding.png")
        program = folder / "guess.py"
        program.write_text(GUESSING_GAME, encoding="utf-8")
        window.document.load(program)
        window.editor.insertPlainText("# my change\n")
        program.write_text(GUESSING_GAME.replace("10", "20"), encoding="utf-8")
        window.file_watch.check()
        shoot(window, f"{prefix}file_changed.png")
        window.editor.document().setModified(False)
        window.close()
        apply_language("en")


def layout_shots(app: QApplication, folder: Path) -> None:
    """The default 1000 px window, debugging a drawing: toolbar, Variables, Call stack and
    Drawing all fit, in English and 简体中文."""
    for language, prefix in (("en", ""), ("zh_CN", "zh_CN_")):
        layout_shot(app, folder, language, f"{prefix}layout_1000.png")
        apply_language("en")


def layout_shot(app: QApplication, folder: Path, language: str, name: str) -> None:
    window = new_window(app, folder, f"layout_{language}", language=language)
    window.resize(1000, 700)
    window.tabs.open_example(localized(EXAMPLES / "09_turtle_spiral.py"))
    line = next(number for number, text in enumerate(window.editor.toPlainText().splitlines(), 1)
                if "left(59)" in text)
    window.editor.toggle_breakpoint(line)
    pauses: list[object] = []
    window.runner.paused.connect(pauses.append)
    window.debug.start()
    for turn in range(1, 41):  # a few turns of the spiral drawn
        wait_until(lambda turn=turn: len(pauses) == turn)
        window.runner.continue_()
    wait_until(lambda: len(pauses) == 41)
    shoot(window, name)
    window.stop_script()
    wait_until(lambda: not window.runner.running)
    window.editor.document().setModified(False)
    window.close()

if __name__ == "__main__":
    main()

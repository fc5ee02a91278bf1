"""Render the Plots pane's screenshots (needs matplotlib); make_screenshots.py calls it too.

    QT_QPA_PLATFORM=offscreen python docs/plot_screenshots.py
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import new_window, settle, shoot, wait_until  # noqa: E402
from PySide6.QtCore import QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ide.app import create_app  # noqa: E402

LINE = """\
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 2 * np.pi, 200)
plt.plot(x, np.sin(x), label="sin(x)")
plt.plot(x, np.cos(x), label="cos(x)")
plt.title("Waves")
plt.xlabel("x")
plt.legend()
plt.grid(True)
plt.show()
"""

BARS = """\
import matplotlib.pyplot as plt

fruit = ["apples", "pears", "plums", "figs"]
sold = [23, 17, 35, 9]
plt.bar(fruit, sold, color="seagreen")
plt.title("Fruit sold on Monday")
plt.ylabel("boxes")

plt.figure()
plt.barh(fruit, [5, 8, 2, 11], color="orange")
plt.title("Fruit left on Tuesday")
plt.show()
"""

GRID = """\
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 10, 100)
fig, axes = plt.subplots(2, 2, figsize=(7, 5))
axes[0, 0].plot(x, x ** 2)
axes[0, 0].set_title("x²")
axes[0, 1].scatter(np.random.rand(50), np.random.rand(50))
axes[0, 1].set_title("scatter")
axes[1, 0].hist(np.random.randn(500), bins=20)
axes[1, 0].set_title("histogram")
axes[1, 1].pie([3, 2, 1], labels=["a", "b", "c"])
axes[1, 1].set_title("pie")
fig.tight_layout()
plt.show()
"""

ANIMATION = """\
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 4 * np.pi, 1000)
line, = plt.plot(x, np.sin(x))
plt.ylim(-1.5, 1.5)
step = 0
while True:
    step += 1
    line.set_ydata(np.sin(x - step / 10))
    plt.title(f"A travelling wave, frame {step}")
    plt.pause(0.05)
"""

PLOTTER = """\
import math
import time

print("temperature humidity")
for t in range(300):
    print(f"{20 + 5 * math.sin(t / 20):.2f},{30 + 10 * math.cos(t / 35):.2f}")
    time.sleep(0.005)
"""


def run_shown(window, code: str, name: str, figures: int = 1) -> None:
    window.editor.setPlainText(code)
    window.run_script()
    wait_until(lambda: not window.runner.running, timeout=60)
    wait_until(lambda: len(window.plots.view.figures) >= figures)
    shoot(window, name)


def plot_shots(app: QApplication, folder: Path, language: str = "en") -> None:
    prefix = "" if language == "en" else f"{language}_"
    window = new_window(app, folder, f"plots-{language}", language=language)
    window.resize(1150, 700)
    window.tabs.new()
    run_shown(window, LINE, f"{prefix}plots_line.png")
    run_shown(window, BARS, f"{prefix}plots_bar.png", figures=2)
    run_shown(window, GRID, f"{prefix}plots_subplots.png")
    window.editor.setPlainText(ANIMATION)
    window.run_script()
    wait_until(lambda: window.plots.view.figures and "frame 2" not in window.plots.panel.position.text())
    settle(1.5)
    shoot(window, f"{prefix}plots_animation.png")
    window.stop_script()
    wait_until(lambda: not window.runner.running)
    window.plots.dock.hide()
    window.plotter.dock.show()
    window.editor.setPlainText(PLOTTER)
    window.run_script()
    wait_until(lambda: not window.runner.running, timeout=60)
    shoot(window, f"{prefix}plotter.png")
    window.plotter.dock.hide()
    window.document.editor.document().setModified(False)
    window.close()


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = create_app()
    folder = Path(tempfile.mkdtemp())
    plot_shots(app, folder)
    plot_shots(app, folder, "zh_CN")


if __name__ == "__main__":
    main()

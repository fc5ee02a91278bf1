"""Render Sprout's icon (``resources/icons/sprout.svg``) to the hicolor PNG sizes that
desktop menus ask for, into ``resources/desktop/icons``: ``python tools/desktop_icons.py``."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from ide.desktop_entry import APP_ID, ICON_SIZES  # noqa: E402


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - Qt renders only with an application
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "sprout.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ROOT / "resources" / "desktop" / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()

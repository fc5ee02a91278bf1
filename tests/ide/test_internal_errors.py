"""A failure inside Sprout's own UI code is reported, logged, and never ends the IDE."""
import logging

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ide.internal_errors import InternalErrorReporter
from tests.ide.conftest import run_to_end, set_code


@pytest.mark.qt_no_exception_capture
def test_an_internal_error_in_a_slot_says_so_and_the_ide_keeps_working(qtbot, window, caplog):
    reporter = InternalErrorReporter(window)
    reporter.install()
    try:
        def broken_command() -> None:
            raise RuntimeError("disk gremlin")
        action = QAction("Broken", window)
        action.triggered.connect(broken_command)
        set_code(window, "print('still here')\n")
        with caplog.at_level(logging.ERROR, logger="sprout"):
            action.trigger()
            qtbot.waitUntil(lambda: reporter.last_box is not None and reporter.last_box.isVisible(),
                            timeout=5000)
        box = reporter.last_box
        assert "your code is safe" in box.text()
        assert "disk gremlin" in box.detailedText()
        assert any("disk gremlin" in record.getMessage() for record in caplog.records)
        box.button(QMessageBox.StandardButton.Ok).click()
        assert window.editor.toPlainText() == "print('still here')\n"
        result = run_to_end(qtbot, window)
        assert result.status == "finished"
        assert "still here" in window.console.plain_text()
    finally:
        reporter.uninstall()

"""At the default 1000 px the toolbar and the right-hand panes stay usable, in English and Chinese."""
import pytest
from PySide6.QtCore import QSize

from ide.i18n import apply_language


@pytest.fixture(params=["en", "zh_CN"])
def window_1000(request, settings, qtbot):
    settings.language = request.param
    window = request.getfixturevalue("window")
    window.resize(QSize(1000, 700))
    qtbot.waitUntil(lambda: window.width() == 1000, timeout=5000)
    yield window
    apply_language("en")


def test_every_toolbar_button_is_on_the_toolbar_at_1000_px(window_1000, qtbot):
    toolbar = window_1000.toolbar
    buttons = [action for action in toolbar.actions() if not action.isSeparator()]
    assert any(action.objectName() == "action-pause" for action in buttons)
    qtbot.waitUntil(lambda: all(toolbar.widgetForAction(action).isVisible() for action in buttons), timeout=5000)
    assert toolbar.sizeHint().width() <= 1000
    assert all("(" not in action.iconText() for action in buttons)  # no Alt-key letter on a button


@pytest.mark.parametrize("order", ["debugger first", "drawing first"])
def test_the_drawing_beside_variables_and_call_stack_keeps_the_largest_share(window_1000, qtbot, order):
    window, debug = window_1000, window_1000.debug
    steps = [debug._show_docks, window.drawing.show]
    for step in steps if order == "debugger first" else reversed(steps):
        step()
    docks = (debug.variables_dock, debug.stack_dock, window.drawing.dock)

    def shared() -> None:
        variables, stack, drawing = (dock.widget().height() for dock in docks)
        assert all(dock.isVisible() for dock in docks)
        assert drawing >= 200 and drawing > variables > stack >= 70, (variables, stack, drawing)
        tools = window.drawing.panel.toolbar
        assert all(tools.widgetForAction(action).isVisible() for action in tools.actions())
    qtbot.waitUntil(shared, timeout=5000)

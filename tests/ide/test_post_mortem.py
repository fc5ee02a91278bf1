"""After a run the values stay visible; an error shows the failing frame's values."""
from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code

SCRIPT = """\
def last_item(items):
    i = len(items)
    return items[i]

scores = [3, 1, 4, 1, 5]
print(last_item(scores))
"""


def _value(window, name: str):
    item = window.debug.variables.item_named(name)
    assert item is not None, f"no variable {name}"
    return item


def test_an_index_error_shows_i_and_the_list_beside_the_traceback(qtbot, window):
    set_code(window, SCRIPT)
    result = run_to_end(qtbot, window)
    assert result.error_type == "IndexError"
    assert window.debug.variables_dock.isVisible() and window.debug.stack_dock.isVisible()
    assert window.debug.call_stack.currentItem().text() == "last_item() — line 3"
    assert _value(window, "i").text(1) == "5"
    items = _value(window, "items")
    assert items.text(2) == "list, 5 items" and items.childCount() == 5
    # Clicking the traceback's line 6 shows the main program's values.
    window.console.line_activated.emit(6, 7)
    assert window.debug.call_stack.currentItem().text() == "main program — line 6"
    assert _value(window, "scores").text(1) == "[3, 1, 4, 1, 5]"
    # The next run starts clean, and closes the panels it did not ask for.
    set_code(window, "print('fine')\n")
    run_to_end(qtbot, window)
    assert not window.debug.variables_dock.isVisible()


def test_globals_stay_visible_after_a_finished_run(qtbot, window):
    window.debug.variables_dock.show()
    set_code(window, "name = 'Ada'\nages = {'Ada': 36}\n")
    run_to_end(qtbot, window)
    assert _value(window, "name").text(1) == "'Ada'"
    assert _value(window, "ages").text(2) == "dict, 1 item"


TURTLE_SCRIPT = """\
import turtle
pen = turtle.Turtle()
pen.forward(80)
ring = []
ring.append(ring)
score = 42
print(score)
"""


def test_a_turtle_program_shows_all_its_variables_paused_and_after_the_run(qtbot, window, tmp_path):
    set_code(window, TURTLE_SCRIPT)
    window.editor.toggle_breakpoint(7)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    # Paused: the live values, described on the window's thread.
    assert _value(window, "score").text(1) == "42"
    pen = _value(window, "pen")
    assert pen.text(2) == "Turtle" and pen.text(1).startswith("Turtle(")
    pen.setExpanded(True)
    assert window.debug.variables.item_named("_position").text(1) == "Vec2D(80.0, 0.0)"
    assert _value(window, "ring").text(1) == "[[[[...]]]]"
    window.grab().save(str(tmp_path / "paused-turtle-variables.png"))
    window.editor.toggle_breakpoint(7)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["continue"].trigger()
    assert blocker.args[0].status == "finished"
    # After the run: the snapshot keeps them all.
    window.debug.variables_dock.show()
    run_to_end(qtbot, window)
    assert _value(window, "score").text(1) == "42"
    assert _value(window, "pen").text(2) == "Turtle"
    assert _value(window, "ring").text(1) == "[[[[...]]]]"
    window.grab().save(str(tmp_path / "finished-turtle-variables.png"))


def test_an_error_before_any_variable_exists_opens_no_empty_panels(qtbot, window):
    set_code(window, "import notapackage123\n")
    result = run_to_end(qtbot, window)
    assert result.status == "error"
    assert not window.debug.variables_dock.isVisible() and not window.debug.stack_dock.isVisible()

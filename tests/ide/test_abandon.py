"""A stop that cannot take effect (a long blocking call) can be abandoned."""
from tests.ide.conftest import run_to_end, set_code, start_run
from vm import host


def test_stalled_stop_offers_abandon_and_a_fresh_engine_is_ready(qtbot, window, gate):
    # The gate's wait is one C call that no safe point reaches (and it lets go of the GIL).
    set_code(window, gate.script + "print('late output')\n")
    start_run(qtbot, window, "ready")
    old_vm = window.runner.vm
    with qtbot.waitSignal(window.runner.stop_stalled, timeout=5_000):
        window.stop_action.trigger()
    assert window.abandon_button.isVisible()
    assert "abandon" in window.status.label.text()
    with qtbot.waitSignal(window.runner.finished, timeout=2_000):
        window.abandon_button.click()
    assert window.run_action.isEnabled() and not window.abandon_button.isVisible()
    assert window.runner.vm is not old_vm
    assert "the run was abandoned" in window.console.plain_text()
    assert window.status.label.text() == "Stopped"
    set_code(window, "print('fresh engine')\n")
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert "fresh engine" in window.console.plain_text()
    assert "late output" not in window.console.plain_text()
    gate.open()  # the abandoned run's call returns: its stop ends it at last
    qtbot.waitUntil(lambda: not old_vm.running and not host.active_runs(), timeout=10_000)
    assert "late output" not in window.console.plain_text()

"""A stop that cannot take effect (a long blocking call) can be abandoned."""
import threading

from ide.runner import Runner
from tests.ide.conftest import run_to_end, set_code, start_run
from vm.core import run_binding


def test_stalled_stop_offers_abandon_and_a_fresh_engine_is_ready(qtbot, window, gate):
    # The gate's wait is one C call that no safe point reaches (and it lets go of the GIL).
    set_code(window, gate.script + "print('late output')\n")
    start_run(qtbot, window, "ready")
    old_vm = window.runner.vm
    with qtbot.waitSignal(window.runner.stop_stalled, timeout=5_000):
        window.commands["stop"].trigger()
    assert window.abandon_button.isVisible()
    assert "abandon" in window.status.label.text()
    with qtbot.waitSignal(window.runner.finished, timeout=2_000):
        window.abandon_button.click()
    assert window.commands["run"].isEnabled() and not window.abandon_button.isVisible()
    assert window.runner.vm is not old_vm
    assert "the run was abandoned" in window.console.plain_text()
    assert window.status.label.text() == "Stopped"
    set_code(window, "print('fresh engine')\n")
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert "fresh engine" in window.console.plain_text()
    assert "late output" not in window.console.plain_text()
    gate.open()  # the abandoned run's call returns: its stop ends it at last
    qtbot.waitUntil(lambda: not old_vm.running and not run_binding.active_runs(), timeout=10_000)
    assert "late output" not in window.console.plain_text()


class _WidenedLock:
    """The runner's output lock, with a hook just before the script thread takes it: an
    abandon that lands right then is the race under test."""

    def __init__(self, real) -> None:
        self.real, self.window_thread = real, threading.current_thread()
        self.armed, self.in_window = threading.Event(), threading.Event()
        self.abandoned, self.queued = threading.Event(), threading.Event()

    def _on_script_side(self) -> bool:
        return threading.current_thread() is not self.window_thread

    def __enter__(self):
        hooked = self._on_script_side() and self.armed.is_set()
        if hooked:
            self.armed.clear()
            self.in_window.set()
            self.abandoned.wait(5)
        entered = self.real.__enter__()
        if hooked:
            self.queued.set()
        return entered

    def __exit__(self, *exc):
        return self.real.__exit__(*exc)

    def __getattr__(self, name):  # wait, notify_all: the real condition's
        return getattr(self.real, name)


def test_output_queued_as_the_run_is_abandoned_never_reaches_the_next_run(qtbot):
    runner = Runner()
    lock = runner._output_lock = _WidenedLock(runner._output_lock)
    shown: list[str] = []
    runner.output.connect(lambda chunks: shown.extend(text for _stream, text in chunks))
    old_vm = runner.vm
    try:
        runner.start("import time\nprint('ready')\ntime.sleep(0.5)\nprint('OLD')\ntime.sleep(30)\n", "main.py")
        qtbot.waitUntil(lambda: "ready" in "".join(shown), timeout=10_000)
        lock.armed.set()
        assert lock.in_window.wait(5)   # the old run is handing over 'OLD'
        with qtbot.waitSignal(runner.finished, timeout=2_000):
            runner.abandon()
        shown.clear()
        lock.abandoned.set()
        assert lock.queued.wait(5)
        runner.flush_output()
        assert "OLD" not in "".join(shown)
    finally:
        lock.abandoned.set()
        old_vm.interrupt()
        qtbot.waitUntil(lambda: not old_vm.running, timeout=10_000)
        runner.shutdown()

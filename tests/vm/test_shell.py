"""The shell: one entry at a time in the last program's variables, echoing like ``>>>``."""
import sys
import threading
import types

from tests.vm.harness import Harness


def test_the_shell_sees_the_last_programs_variables_and_echoes_expressions():
    harness = Harness()
    result = harness.run("scores = [3, 1, 4]\n", keep_namespace=True)
    assert result.status == "finished"
    echoed = harness.vm.run_in_shell("sorted(scores)\n")
    assert echoed.status == "finished"
    assert harness.text().endswith("[1, 3, 4]\n")
    harness.vm.run_in_shell("total = sum(scores)\n")
    harness.vm.run_in_shell("for s in scores:\n    print(s * total)\n\n")
    assert harness.text().endswith("24\n8\n32\n")
    harness.vm.run_in_shell("None\n")
    assert harness.text().endswith("32\n")   # None is not echoed, as at >>>


def test_errors_in_the_shell_report_like_a_run_and_the_namespace_survives():
    harness = Harness()
    harness.run("x = 10\n", keep_namespace=True)
    failed = harness.vm.run_in_shell("x / 0\n")
    assert failed.status == "error" and failed.error_type == "ZeroDivisionError"
    assert failed.frames[-1].filename == "<shell>"
    harness.vm.run_in_shell("x + 1\n")
    assert harness.text().endswith("11\n")


def test_reset_gives_fresh_variables_and_a_plain_run_forgets_them():
    harness = Harness()
    harness.run("secret = 42\n", keep_namespace=True)
    harness.vm.reset_namespace()
    result = harness.vm.run_in_shell("secret\n")
    assert result.error_type == "NameError"
    harness.run("kept = 1\n")      # not kept: the shell starts fresh afterwards
    assert harness.vm.run_in_shell("kept\n").error_type == "NameError"


def test_stop_works_in_the_shell():
    harness = Harness()
    harness.run("n = 0\n", keep_namespace=True)
    box = []
    thread = threading.Thread(target=lambda: box.append(
        harness.vm.run_in_shell("while True:\n    n += 1\n    if n == 5:\n        print('ready')\n\n")), daemon=True)
    thread.start()
    harness.wait_for_output("ready")
    harness.vm.interrupt()
    thread.join(10)
    assert box and box[0].status == "halted"
    assert box[0].frames[-1].filename == "<shell>"


def test_a_given_up_namespace_is_emptied_by_the_next_run_on_its_thread():
    harness = Harness()
    harness.run('''
        import threading
        class Noisy:
            def __del__(self):
                print('goodbye from', threading.current_thread().name)
        thing = Noisy()
    ''', keep_namespace=True)
    assert "goodbye" not in harness.text()
    harness.run("print('next run')\n")
    assert "goodbye from MainThread" in harness.text()


def test_cyclic_garbage_of_a_given_up_namespace_is_finalized_on_the_next_runs_thread():
    harness = Harness()
    harness.run('''
        class Node:
            def __del__(self):
                print('finalized on', __import__('threading').current_thread().name)
        a, b = Node(), Node()
        a.other, b.other = b, a
    ''', keep_namespace=True)
    harness.run("print('next run')\n")
    assert harness.text().count("finalized on MainThread") == 2


def test_underscore_is_the_last_echoed_value():
    harness = Harness()
    harness.vm.run_in_shell("6 * 7\n")
    harness.vm.run_in_shell("_ + 1\n")
    assert harness.text().endswith("42\n43\n")


class _WidenedList(list):
    """The VM's list of given-up modules, with a hook as one thread is adding to it."""

    def __init__(self, hooked_thread_name: str) -> None:
        super().__init__()
        self.hooked_thread_name = hooked_thread_name
        self.in_window, self.go = threading.Event(), threading.Event()

    def append(self, module) -> None:
        if threading.current_thread().name == self.hooked_thread_name and not self.in_window.is_set():
            self.in_window.set()
            self.go.wait(5)
        super().append(module)


def test_variables_given_up_while_a_run_ends_are_still_emptied_on_a_runs_thread(monkeypatch):
    # Reset (on the window's thread) reads the kept module while a run is ending: the
    # module that run keeps must not be dropped unseen, or its objects' ``__del__`` would
    # run on the window's thread instead of being emptied by the next run on its own.
    record = types.ModuleType("deletions")
    record.threads = []
    monkeypatch.setitem(sys.modules, "deletions", record)
    source = ("import threading, deletions\nclass Marker:\n    def __del__(self):\n"
              "        deletions.threads.append(threading.current_thread().name)\nmarker = Marker()\n")
    vm = Harness().vm
    vm.run(source, keep_namespace=True)
    widened = vm._discarded = _WidenedList("reset-thread")
    resetter = threading.Thread(target=vm.reset_namespace, name="reset-thread")
    resetter.start()
    assert widened.in_window.wait(5)          # Reset has read the kept module, not yet let go
    ending = threading.Thread(target=lambda: vm.run(source, keep_namespace=True), name="run-caller")
    ending.start()
    ending.join(1)                            # that run ends meanwhile (or waits for Reset)
    widened.go.set()
    resetter.join(5)
    ending.join(10)
    vm.reset_namespace()
    vm.run("pass\n")                          # empties what was given up, on its own thread
    assert len(record.threads) == 2 and "reset-thread" not in record.threads, record.threads

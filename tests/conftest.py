import os
import sys
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read Sprout's English texts; a developer's Chinese desktop must not change them.
# (Tests of the Chinese catalogues choose their language explicitly.)
os.environ["LANGUAGE"] = "en"

from vm import HaltReason  # noqa: E402 - after the environment above
from vm.core import run_binding  # noqa: E402 - after the environment above
from vm.process import host  # noqa: E402 - after the environment above

LEFTOVER_WAIT = 10.0  # seconds a stopped leftover gets to end: "it ends", not a speed


def _run_threads() -> list[threading.Thread]:
    """Threads of some run that are still alive: the scripts' own and those they started."""
    runs = run_binding.active_runs()
    threads = {run.script_thread for run in runs if run.script_thread is not None}
    threads.update(thread for thread in threading.enumerate() if getattr(thread, "_sprout_run", None))
    for run in runs:
        threads.update(run.threads)
    return [thread for thread in threads if thread.is_alive()]


def _rerouted_streams() -> list[str]:
    """Names of ``sys`` streams that C code would write somewhere other than the host's."""
    if not run_binding.active_runs() and host._host_streams:
        return [name for name in host.STREAMS if vars(sys)[name] is not host._host_streams[name]]
    return []


def _leftovers() -> list[str]:
    found = []
    runs = run_binding.active_runs()
    if runs:
        found.append(f"{len(runs)} run(s) still active ({', '.join(run.filename for run in runs)})")
    threads = _run_threads()
    if threads:
        found.append(f"threads of a run still alive: {', '.join(thread.name for thread in threads)}")
    rerouted = _rerouted_streams()
    if rerouted:
        found.append(f"sys.{'/'.join(rerouted)} still rerouted")
    return found


def _clean_up() -> None:
    """Stop what is left, wait for it, and give ``sys`` its streams back."""
    for run in run_binding.active_runs():
        run.stop.request(HaltReason.USER)
    for thread in _run_threads():
        thread.join(LEFTOVER_WAIT)
    for run in run_binding.active_runs():  # stuck beyond a stop (a long C call): let it go
        host.leave(run)
    for name in _rerouted_streams():
        vars(sys)[name] = host._host_streams[name]


@pytest.fixture(autouse=True)
def no_run_outlives_its_test():
    """A test that leaves a run behind fails itself, and the next test starts clean.

    Autouse fixtures are set up first, so this check runs after every other fixture's
    teardown (the IDE's window included)."""
    yield
    found = _leftovers()
    if found:
        _clean_up()
        pytest.fail("this test left a run behind: " + "; ".join(found), pytrace=False)

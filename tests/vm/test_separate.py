"""Runs in a separate worker process (``vm.separate``): the same engine, and a Stop that
always ends the run, even inside a C call that holds the interpreter lock."""
from __future__ import annotations

import os
import signal
import sys
import textwrap
import threading
import time

from vm import VM, Limits, format_result
from vm.separate import EngineProxy, protocol
from vm.separate.proxy import CRASHED

from .harness import ENDS_WITHIN
from .separate_harness import ProxyHarness, wait_gone, worker_pids_fixture  # noqa: F401 - a fixture

# A C call that holds the interpreter lock for minutes: concatenating 200,000 lists.
C_SPIN = "rows = [[0]] * 200_000\nprint('go', flush=True)\ntotal = sum(rows, [])\n"


def _source(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def test_output_and_input_round_trip(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    harness.answers = ["Ada", None]
    result = harness.run(_source("""
        import os, sys
        name = input("Your name? ")
        print("Hello,", name)
        print("oops", file=sys.stderr)
        try:
            input()
        except EOFError:
            print("no more input")
        print(os.getpid())
    """))
    assert result.status == "finished"
    lines = harness.text().splitlines()
    assert lines[:2] == ["Your name? Hello, Ada", "no more input"]
    assert int(lines[2]) != os.getpid() and int(lines[2]) in worker_pids
    assert harness.text("stderr") == "oops\n"
    assert harness.prompts == ["Your name? ", ""]


def test_an_error_reads_as_the_in_process_run(worker_pids: list[int]) -> None:
    source = _source("""
        def half(values):
            return [value / 2 for value in values]

        totals = {"a": 1}
        half(totals["b"])
    """)
    in_process = VM(on_output=lambda stream, text: None).run(source, "main.py")
    separate = ProxyHarness().run(source, filename="main.py")
    assert (separate.status, separate.error_type, separate.message) == ("error", "KeyError", "'b'")
    assert separate.frames == in_process.frames
    assert format_result(separate) == format_result(in_process)
    assert [frame.line for frame in separate.snapshot] == [frame.line for frame in in_process.snapshot]
    assert separate.snapshot[-1].global_values[0].name == "half"


def test_the_program_sees_what_it_sees_in_process(worker_pids: list[int], tmp_path) -> None:
    source = "import os, sys\nprint(sys.path, os.getcwd(), sys.argv, __file__, __name__)\n"
    place = {"filename": str(tmp_path / "lesson.py"), "folder": str(tmp_path), "argv": ["lesson.py", "-v"],
             "working_folder": str(tmp_path)}
    seen: list[str] = []
    VM(on_output=lambda stream, text: seen.append(text)).run(source, **place)  # type: ignore[arg-type]
    harness = ProxyHarness()
    harness.run(source, **place)
    assert harness.text() == "".join(seen)


def test_stop_halts_a_python_loop_at_its_line(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    harness.on_marker["go"] = harness.proxy.interrupt
    result = harness.run("count = 0\nprint('go', flush=True)\nwhile True:\n    count += 1\n")
    assert (result.status, result.reason) == ("halted", "user")
    assert result.message == "the program was stopped"  # the engine's own stop, not a kill
    assert result.frames[-1].line in (3, 4)


def test_stop_ends_a_c_call_holding_the_lock_and_leaves_no_process(worker_pids: list[int]) -> None:
    harness = ProxyHarness(spare=False)
    pids: list[int | None] = []

    def stop() -> None:
        pids.append(harness.proxy.worker_pid)
        harness.proxy.interrupt()

    harness.on_marker["go"] = stop
    started = time.monotonic()
    result = harness.run(C_SPIN)
    assert time.monotonic() - started < ENDS_WITHIN
    assert (result.status, result.reason, result.error_type) == ("halted", "user", "KeyboardInterrupt")
    assert "stuck inside a call" in result.message and "ended its process" in result.message
    assert pids[0] is not None and wait_gone([pids[0]]) == []


def test_stop_also_ends_the_programs_own_children(worker_pids: list[int]) -> None:
    harness = ProxyHarness(spare=False)
    harness.on_marker["go"] = harness.proxy.interrupt
    result = harness.run("import subprocess\nchild = subprocess.Popen(['sleep', '300'])\n"
                         "print(child.pid)\n" + C_SPIN)
    assert "stuck inside a call" in result.message
    child = int(harness.text().split()[0])
    assert wait_gone([child]) == []


def test_a_time_limit_ends_a_c_call_holding_the_lock(worker_pids: list[int]) -> None:
    harness = ProxyHarness(limits=Limits(time=0.5), spare=False)
    result = harness.run(C_SPIN)
    assert (result.status, result.reason) == ("halted", "time_limit")
    assert result.message.startswith("stopped: the time limit was reached: it was stuck inside a call")


def test_a_segfault_ends_only_its_run(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    result = harness.run("import ctypes\nctypes.string_at(0)\n")
    assert (result.status, result.error_type) == ("error", CRASHED)
    assert "killed by SIGSEGV" in result.message
    assert harness.run("print('still here')").status == "finished"
    assert harness.text() == "still here\n"


def test_an_abort_in_c_ends_only_its_run(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    result = harness.run("import ctypes\nctypes.CDLL(None).abort()\n")
    assert "killed by SIGABRT" in result.message
    # os.abort() itself is still refused by the engine, as in Sprout's own process.
    refused = harness.run("import os\nos.abort()\n")
    assert refused.error_type == "PermissionError"


def test_a_worker_killed_from_outside_says_so_with_its_last_line(worker_pids: list[int]) -> None:
    harness = ProxyHarness(spare=False)
    reported = harness.proxy
    source = "import time\nprint('go', flush=True)\nwhile True:\n    time.sleep(0.01)\n"

    def kill_when_seen() -> None:
        # Once the worker has said where the program is, end it as a user's `kill -9` would.
        deadline = time.monotonic() + ENDS_WITHIN
        while reported.activity != "sleep" and time.monotonic() < deadline:
            time.sleep(0.02)
        pid = reported.worker_pid
        if pid is not None:
            os.kill(pid, signal.SIGKILL)

    # Not on the proxy's thread, which must go on reading the worker's reports meanwhile.
    harness.on_marker["go"] = lambda: threading.Thread(target=kill_when_seen).start()
    result = harness.run(source)
    assert (result.status, result.error_type) == ("error", CRASHED)
    assert "killed by SIGKILL" in result.message and "last seen on line 4" in result.message
    assert result.frames[-1].line == 4
    text = format_result(result)  # 3.13 draws ~~~^^^ anchors under the call, as python does
    assert '  File "main.py", line 4, in <module>\n    time.sleep(0.01)\n' in text
    assert text.splitlines()[-1].startswith("ProcessCrashed: ")


def test_a_stop_pressed_before_the_worker_is_ready_counts(worker_pids: list[int]) -> None:
    harness = ProxyHarness(spare=False)
    harness.proxy.expect_run()  # as the IDE does when F5 is pressed
    harness.proxy.interrupt()
    result = harness.run("while True:\n    pass\n")
    assert (result.status, result.reason, result.message) == ("halted", "user", "the program was stopped")


def test_a_stop_ends_a_worker_that_never_gets_ready(worker_pids: list[int]) -> None:
    command = (sys.executable, "-c", "import sys; sys.stdin.read()")  # starts, never says hello
    harness = ProxyHarness(command=command, spare=False)
    harness.proxy.expect_run()
    harness.proxy.interrupt()
    started = time.monotonic()
    result = harness.run("print('never')")
    assert time.monotonic() - started < ENDS_WITHIN
    assert (result.status, result.message) == ("halted", "the program was stopped before it started")


def test_stop_while_waiting_for_input(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    harness._on_input_request = lambda prompt: harness.proxy.interrupt()  # type: ignore[method-assign]
    harness.proxy.on_input_request = harness._on_input_request
    result = harness.run("print('hi')\nname = input('? ')\n")
    assert (result.status, result.activity, result.frames[-1].line) == ("halted", "input", 2)


def test_a_worker_of_another_version_is_refused(worker_pids: list[int]) -> None:
    stale = protocol.hello(0) | {"version": protocol.PROTOCOL_VERSION + 1}
    command = (sys.executable, "-c", f"import json, sys; print(json.dumps({stale!r})); sys.stdin.read()")
    result = ProxyHarness(command=command, spare=False).run("print('never')")
    assert (result.status, result.error_type) == ("error", CRASHED)
    assert f"version {protocol.PROTOCOL_VERSION + 1}" in result.message
    assert "could not use a separate process" in result.message


def test_a_spare_worker_is_ready_and_every_run_gets_a_fresh_one(worker_pids: list[int]) -> None:
    harness = ProxyHarness()
    harness.proxy.prepare()
    harness.run("import os\nprint(os.getpid())")
    harness.run("import os\nprint(os.getpid())")
    first, second = (int(line) for line in harness.text().split())
    assert first != second
    assert len(worker_pids) == 3  # the two runs' workers and the next spare


def test_results_cross_as_plain_data() -> None:
    result = VM(on_output=lambda stream, text: None).run("values = [1, [2, 3]]\n1/0\n")
    data = protocol.decode(protocol.encode(protocol.result(result)))
    assert protocol.result_from_data(data["result"]) == result


def test_proxy_without_a_run_ignores_stop_and_input() -> None:
    proxy = EngineProxy(spare=False)
    proxy.interrupt()
    proxy.send_input("x")
    assert not proxy.running and proxy.worker_pid is None

"""input(), sleep() and joins wake on a stop (bench/stop_latency.py measures how fast)."""
import pytest

from tests.vm.harness import ENDS_WITHIN, Harness, both

WAITS = {
    "input_builtin": "print('ready')\nname = input('Name? ')\n",
    "input_in_function": "def ask():\n    return input()\nprint('ready')\nask()\n",
    "input_alias": "read = input\nprint('ready')\nread('> ')\n",
    "input_via_builtins_module": "import builtins\nprint('ready')\nbuiltins.input('> ')\n",
    "sys_stdin_readline": "import sys\nprint('ready')\nsys.stdin.readline()\n",
    "sys_stdin_iteration": "import sys\nprint('ready')\nfor line in sys.stdin:\n    pass\n",
    "time_sleep": "import time\nprint('ready')\ntime.sleep(60)\n",
    "from_time_import_sleep": "from time import sleep\nprint('ready')\nsleep(60)\n",
    "aliased_sleep": "from time import sleep as nap\nimport time as t\nprint('ready')\nt.sleep(1)\nnap(60)\n",
    "sleep_in_swallowing_loop": (
        "import time\nprint('ready')\nwhile True:\n    try:\n        time.sleep(60)\n"
        "    except BaseException:\n        pass\n"),
    "asyncio_sleep": (
        "import asyncio\nasync def main():\n    print('ready')\n    await asyncio.sleep(600)\n"
        "asyncio.run(main())\n"),
    "thread_join": (
        "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,))\n"
        "t.start()\nprint('ready')\nt.join()\n"),
    "timer": (
        "import threading\nt = threading.Timer(60, print, args=('late',))\nt.start()\n"
        "print('ready')\n"),
}


@pytest.mark.parametrize("name", sorted(WAITS))
def test_blocking_call_wakes_on_stop(name):
    harness = Harness()
    result, latency = harness.stop_at(WAITS[name])
    assert result.status == "halted", result
    assert latency < ENDS_WITHIN  # each would wait 60 s or more unwoken
    assert "late" not in harness.text()


def test_input_is_answered_by_send_input():
    harness = Harness()
    running = harness.start("""
        name = input("Your name? ")
        age = int(input("Age? "))
        print(f"{name} is {age}")
    """)
    harness.wait_for_prompt(1)
    assert harness.prompts == ["Your name? "]
    assert harness.text() == "Your name? "
    harness.vm.send_input("Ada\n")
    harness.wait_for_prompt(2)
    harness.vm.send_input("36")
    result = running.result()
    assert result.status == "finished"
    assert harness.text().endswith("Ada is 36\n")


def test_end_of_input_raises_eof_error():
    harness = Harness()
    running = harness.start("""
        try:
            input()
        except EOFError:
            print("no more input")
    """)
    harness.wait_for_prompt()
    harness.vm.send_input(None)
    assert running.result().status == "finished"
    assert "no more input" in harness.text()


def test_sys_stdin_readline_reads_through_the_engine():
    harness = Harness()
    running = harness.start("import sys\nline = sys.stdin.readline()\nprint(repr(line))\n")
    harness.wait_for_prompt()
    harness.vm.send_input("hello")
    running.result()
    assert harness.text() == "'hello\\n'\n"


def test_replaced_stdin_feeds_input():
    result = (harness := Harness()).run("""
        import io, sys
        sys.stdin = io.StringIO("3\\n4\\n")
        print(int(input()) + int(input()))
    """)
    assert result.status == "finished" and harness.text() == "7\n"


def test_sleep_keeps_python_semantics():
    harness = Harness()
    result = harness.run("""
        import time
        start = time.monotonic()
        time.sleep(0.05)
        print(time.monotonic() - start >= 0.05)
        for bad in (-1, "1"):
            try:
                time.sleep(bad)
            except (ValueError, TypeError) as error:
                print(type(error).__name__)
    """)
    assert result.status == "finished"
    assert harness.text() == "True\nValueError\nTypeError\n"


def test_output_before_input_arrives_before_the_prompt():
    harness = Harness()
    running = harness.start("print('Welcome!')\nx = input('> ')\n")
    harness.wait_for_prompt()
    assert harness.text() == "Welcome!\n> "
    harness.vm.interrupt()
    running.result()


def test_a_notify_while_the_waiter_takes_back_the_lock_still_wakes_it(tmp_path):
    # The engine waits in slices so a stop can wake the wait. Here the notifier holds the
    # lock longer than a slice: the waiter's slice ends, it queues for the lock, and the
    # notify lands on it in that moment. It must count (``Thread.start`` waits this way).
    plain, engine, errors = both("""
        import threading, time
        condition = threading.Condition()
        def notifier():
            with condition:
                time.sleep(0.2)
                condition.notify()
        with condition:
            threading.Thread(target=notifier).start()
            print(condition.wait(timeout=10))
    """, tmp_path)
    assert plain == "True\n"
    assert (engine, errors) == (plain, "")

"""Stop reaches C loops over endless sources, the library's waits and uninstrumented code."""
import pytest

from tests.vm.harness import ENDS_WITHIN, Harness

# Each prints "ready" and then never ends on its own.
UNENDING = {
    "reduce_over_count": "import functools, itertools, operator\nfunctools.reduce(operator.add, itertools.count())",
    "deque_over_count": "import collections, itertools\ncollections.deque(itertools.count(), maxlen=1)",
    "nlargest_over_count": "import heapq, itertools\nheapq.nlargest(1, itertools.count())",
    "fromkeys_over_count": "import itertools\ndict.fromkeys(itertools.count())",
    "sum_over_repeat": "import itertools\nsum(itertools.repeat(1))",
    "max_over_cycle": "import itertools\nmax(itertools.cycle([1, 2]))",
    "iter_callable_sentinel": "sum(iter(int, 1))",
    "join_over_huge_range": "''.join(map(str, range(10**12)))",
    "sleep_via_sys_modules": "import sys\nsys.modules['time'].sleep(60)",
    "sleep_via_importlib": "import importlib\nimportlib.import_module('time').sleep(60)",
    "event_wait": "import threading\nthreading.Event().wait()",
    "queue_get": "import queue\nqueue.Queue().get()",
    "sched_run": "import sched, time\ns = sched.scheduler()\ns.enter(60, 1, print)\ns.run()",
    "asyncio_future": "import asyncio\nasync def main():\n    await asyncio.Future()\nasyncio.run(main())",
    "asyncio_run_forever": "import asyncio\nasyncio.new_event_loop().run_forever()",
    "statistics_uninstrumented": "import statistics\nstatistics.mean(range(10**9))",
}


@pytest.mark.parametrize("name", sorted(UNENDING))
def test_stop_reaches_it(name):
    result, latency = Harness().stop_at("print('ready')\n" + UNENDING[name])
    assert result.status == "halted" and result.reason == "user", result
    assert latency < ENDS_WITHIN, f"the stop took {latency:.2f} s"


@pytest.mark.parametrize("source, error", [
    ("nums = [3]\nnums[0] **= 10**8", "OverflowError"),
    ("x = 'ab'\nx *= 10**12", "MemoryError"),
    ("a = 3 ** 20_000_000\nb = a * a", "OverflowError"),
    ("x = 7 ** 10**8", "OverflowError"),
])
def test_giants_in_one_c_call_are_refused(source, error):
    result = Harness().run(source)
    assert result.error_type == error, result


def test_refused_power_states_its_real_size():
    result = Harness().run("x = 7 ** 10**8")
    assert "280,735,492" in result.message


def test_int_digits_and_switch_interval_stay_capped():
    harness = Harness()
    harness.run('''
        import sys
        sys.set_int_max_str_digits(0)
        sys.setswitchinterval(1000)
        print(sys.get_int_max_str_digits(), round(sys.getswitchinterval(), 3))
    ''')
    assert harness.text() == "100000 0.05\n"
    import sys
    assert sys.getswitchinterval() < 0.05


def test_deep_recursion_with_bare_except_unwinds():
    # Every level catches the stop and recurses again; the sticky stop must unwind all
    # 30,000 levels promptly (re-raising one exception: no ever-growing context chain).
    source = """
        import sys
        sys.setrecursionlimit(40000)
        def dive(n):
            try:
                if n < 30000:
                    dive(n + 1)
                else:
                    print('ready')
                    while True:
                        pass
            except:
                dive(n + 1)
        dive(0)
    """
    result, latency = Harness().stop_at(source)
    assert result.status == "halted"
    assert latency < ENDS_WITHIN
    assert result.frames[-1].function == "dive"

"""Stop reaches every kind of runaway, and nothing in the script can swallow it."""
import pytest

from tests.vm.harness import ENDS_WITHIN, Harness
from vm import VM

RUNAWAYS = {
    "while_loop": """
        print("ready")
        n = 0
        while True:
            n += 1
    """,
    "for_over_huge_range": """
        print("ready")
        total = 0
        for i in range(10**15):
            total += i
    """,
    "nested_loops": """
        print("ready")
        for a in range(10**9):
            for b in range(10**9):
                pass
    """,
    "generator_function": """
        def naturals():
            n = 0
            while True:
                yield n
                n += 1
        print("ready")
        for value in naturals():
            pass
    """,
    "list_comprehension": """
        import itertools
        print("ready")
        squares = [n * n for n in itertools.count()]
    """,
    "cheap_comprehension_over_a_huge_range": """
        print("ready")
        squares = [n * n for n in range(10**13)]
    """,
    "comprehension_searching_a_list": """
        data = list(range(100_000))
        print("ready")
        hits = [x for x in data if -x in data]
    """,
    "generator_expression_in_sum": """
        import itertools
        print("ready")
        total = sum(n for n in itertools.count())
    """,
    "dict_and_set_comprehension": """
        import itertools
        print("ready")
        table = {n: {m for m in range(3)} for n in itertools.count()}
    """,
    "map_callback": """
        import itertools
        def double(n):
            return n * 2
        print("ready")
        for _ in map(double, itertools.count()):
            pass
    """,
    "sorted_key_callback": """
        def slow_key(n):
            return -n
        print("ready")
        while True:
            sorted(range(1000), key=slow_key)
    """,
    "lambda_in_map_consumed_by_c": """
        import itertools
        print("ready")
        any(map(lambda n: n < 0, itertools.count()))
    """,
    "repr_method": """
        class Forever:
            def __repr__(self):
                while True:
                    pass
        print("ready")
        repr(Forever())
    """,
    "decorator_wrapper": """
        def logged(function):
            def wrapper(*args):
                return function(*args)
            return wrapper
        @logged
        def spin(n):
            while n >= 0:
                n += 1
        print("ready")
        spin(0)
    """,
    "mutual_recursion_in_loop": """
        def ping(n):
            return pong(n) if n else 0
        def pong(n):
            return ping(n - 1)
        print("ready")
        while True:
            ping(100)
    """,
    "exec_built_at_run_time": """
        print("ready")
        exec("while True:\\n    pass\\n")
    """,
    "eval_of_lambda": """
        print("ready")
        spin = eval("lambda: [0 for _ in iter(int, 1)]")
        spin()
    """,
    "compile_then_exec": """
        code = compile("n = 0\\nwhile True:\\n    n += 1\\n", "<made>", "exec")
        print("ready")
        exec(code, {})
    """,
    "class_body_loop": """
        print("ready")
        class Spinner:
            while True:
                pass
    """,
    "sum_of_huge_range": """
        print("ready")
        sum(range(10**12))
    """,
    "max_of_c_iterator": """
        print("ready")
        max(map(abs, range(10**12)))
    """,
    "join_of_c_iterator": """
        print("ready")
        "".join(map(str, range(10**12)))
    """,
    "list_of_huge_range": """
        print("ready")
        sum(range(10**12))
    """,
}


@pytest.mark.parametrize("name", sorted(RUNAWAYS))
def test_stop_halts_runaway(name):
    harness = Harness()
    result, latency = harness.stop_at(RUNAWAYS[name])
    assert result.status == "halted", result
    assert result.reason == "user"
    assert result.error_type == "KeyboardInterrupt"
    assert result.frames, "the halt site must be recorded"
    assert latency < ENDS_WITHIN


SWALLOWERS = {
    "bare_except": """
        print("ready")
        while True:
            try:
                while True:
                    pass
            except:
                pass
    """,
    "except_base_exception": """
        print("ready")
        while True:
            try:
                while True:
                    pass
            except BaseException:
                continue
    """,
    "except_keyboard_interrupt_continue": """
        print("ready")
        for attempt in range(10**9):
            try:
                while True:
                    pass
            except KeyboardInterrupt:
                continue
    """,
    "finally_that_loops": """
        print("ready")
        try:
            while True:
                pass
        finally:
            while True:
                pass
    """,
    "exit_method_that_loops": """
        class Stubborn:
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                while True:
                    pass
        print("ready")
        with Stubborn():
            while True:
                pass
    """,
    "recursive_retry": """
        def retry():
            try:
                while True:
                    pass
            except KeyboardInterrupt:
                retry()
        print("ready")
        retry()
    """,
}


@pytest.mark.parametrize("name", sorted(SWALLOWERS))
def test_stop_cannot_be_swallowed(name):
    result, _ = Harness().stop_at(SWALLOWERS[name])
    assert result.status == "halted"


def test_halt_site_points_at_the_running_line():
    source = """
        def work():
            count = 0
            while True:
                count += 1

        print("ready")
        work()
    """
    result, _ = Harness().stop_at(source)
    assert [frame.function for frame in result.frames] == ["<module>", "work"]
    inner = result.frames[-1]
    assert inner.line == 5 and inner.source.strip() == "count += 1"
    assert inner.column == 9
    assert result.frames[0].line == 8


def test_halt_site_is_kept_when_the_script_catches_the_stop():
    source = """
        print("ready")
        try:
            while True:
                pass
        except KeyboardInterrupt:
            print("caught it")
        print("after")
    """
    harness = Harness()
    result, _ = harness.stop_at(source)
    assert result.status == "halted"
    assert result.frames[-1].line == 5
    assert "caught it" in harness.text()


def test_script_sees_a_keyboard_interrupt_not_an_exception():
    source = """
        print("ready")
        try:
            while True:
                pass
        except Exception:
            print("wrongly caught")
    """
    harness = Harness()
    result, _ = harness.stop_at(source)
    assert result.status == "halted"
    assert "wrongly caught" not in harness.text()


def test_interrupt_is_idempotent_and_safe_when_idle():
    harness = Harness()
    harness.vm.interrupt()
    harness.vm.interrupt("time_limit")
    running = harness.start("""
        print("ready")
        while True:
            pass
    """)
    harness.wait_for_output("ready")
    for _ in range(5):
        harness.vm.interrupt()
    result = running.result()
    assert result.status == "halted" and result.reason == "user"


def test_first_reason_wins():
    harness = Harness()
    running = harness.start("print('ready')\nwhile True:\n    pass\n")
    harness.wait_for_output("ready")
    harness.vm.interrupt("user")
    harness.vm.interrupt("time_limit")
    assert running.result().reason == "user"


def test_short_constant_loops_inside_a_runaway_still_stop():
    source = """
        print("ready")
        while True:
            for letter in "abc":
                for i in range(10):
                    pass
    """
    result, latency = Harness().stop_at(source)
    assert result.status == "halted" and latency < ENDS_WITHIN


def test_a_rebound_range_keeps_its_loop_checks():
    source = """
        import itertools
        def range(n):
            return itertools.count()
        print("ready")
        for i in range(5):
            pass
    """
    result, _ = Harness().stop_at(source)
    assert result.status == "halted"


def test_short_methods_called_from_a_runaway_loop_still_stop():
    source = """
        class Counter:
            def __init__(self):
                self.value = 0
            def bump(self):
                self.value += 1
                return self.value
        counter = Counter()
        print("ready")
        while counter.bump():
            pass
    """
    result, latency = Harness().stop_at(source)
    assert result.status == "halted" and latency < ENDS_WITHIN
    assert result.frames[-1].line in (10, 11)


def test_a_stop_before_an_expected_run_begins_still_stops_it():
    # The IDE asks for a run on the engine's thread; Stop may be pressed before it begins.
    vm = VM(on_output=lambda stream, text: None)
    vm.expect_run()
    vm.interrupt()
    result = vm.run("while True:\n    pass\n")
    assert result.status == "halted" and result.reason == "user"
    assert vm.run("print('next')\n").status == "finished"   # the early stop was used up

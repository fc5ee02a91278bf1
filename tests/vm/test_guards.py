"""Runaways inside one C call are refused before they start."""
import time

import pytest

from tests.vm.harness import ENDS_WITHIN, Harness

REFUSED = {
    "huge_power": ("x = 7 ** 10**10", "OverflowError"),
    "huge_power_variable": ("n = 10**12\nx = 3 ** n", "OverflowError"),
    "huge_power_builtin": ("x = pow(2, 10**11)", "OverflowError"),
    "huge_augmented_power": ("x = 5\nx **= 10**10", "OverflowError"),
    "huge_list_repetition": ("x = [0] * 10**11", "MemoryError"),
    "huge_string_repetition": ("x = 'x' * 10**12", "MemoryError"),
    "huge_reversed_repetition": ("n = 10**12\nx = n * 'ab'", "MemoryError"),
    "huge_factorial": ("import math\nmath.factorial(10**7)", "OverflowError"),
    "huge_factorial_from_import": ("from math import factorial\nfactorial(10**8)", "OverflowError"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_predictable_giant_is_refused_before_it_starts(name):
    source, error_type = REFUSED[name]
    started = time.perf_counter()
    result = Harness().run(source)
    assert time.perf_counter() - started < ENDS_WITHIN
    assert result.status == "error"
    assert result.error_type == error_type
    assert result.message and result.frames


def test_ordinary_arithmetic_is_unchanged():
    harness = Harness()
    result = harness.run("""
        import math
        print(2 ** 100, 2 ** -1, (-3) ** 3, 2.5 ** 2, pow(3, 4, 5), 10 ** 6)
        print([1, 2] * 3, "ab" * 2, 3 * (0,), math.factorial(20))
        n = 4
        n **= 3
        print(n, sum(range(10)), max([3, 9, 2]), min(5, 1), sorted((3, 1, 2), reverse=True))
        print(max(map(abs, [-5, 2]), key=lambda v: v), min([], default="empty"))
        print(list(zip("ab", [1, 2])), dict(zip("ab", [1, 2]), c=3), ", ".join(map(str, range(3))))
        print(any(x > 2 for x in [1, 3]), all(map(bool, [1, 0])), tuple(range(3)), set("aa"))
    """)
    assert result.status == "finished", result
    assert harness.text().splitlines() == [
        f"{2**100} 0.5 -27 6.25 1 1000000",
        "[1, 2, 1, 2, 1, 2] abab (0, 0, 0) 2432902008176640000",
        "64 45 9 1 [3, 2, 1]",
        "5 empty",
        "[('a', 1), ('b', 2)] {'a': 1, 'b': 2, 'c': 3} 0, 1, 2",
        "True False (0, 1, 2) {'a'}",
    ]


def test_chunked_builtins_give_exact_answers_on_big_iterators():
    harness = Harness()
    result = harness.run("""
        big = 3 * 10**6
        print(sum(map(int, range(big))) == big * (big - 1) // 2)
        print(max(map(lambda v: v % 1000, range(10**4))), min(iter(range(5, 10**5))))
        print(len(list(map(int, range(big)))), sorted(iter(range(9000, 0, -1)))[:2])
        print(max(iter([(1, 'a'), (1, 'b')]), key=lambda p: p[0]))
    """)
    assert result.status == "finished", result
    assert harness.text().splitlines() == ["True", "999 5", "3000000 [1, 2]", "(1, 'a')"]


def test_a_learner_variable_named_list_still_works():
    harness = Harness()
    result = harness.run("""
        list = [3, 1, 2]
        def sum(values):
            return "mine"
        print(sorted(list), sum(list))
    """)
    assert result.status == "finished"
    assert harness.text() == "[1, 2, 3] mine\n"


def test_setrecursionlimit_is_capped_and_deep_recursion_does_not_crash():
    harness = Harness()
    result = harness.run("""
        import sys
        sys.setrecursionlimit(10**7)
        def down(n):
            return down(n + 1)
        down(0)
    """)
    assert result.status == "error" and result.error_type == "RecursionError"
    assert "capped" in harness.text("stderr")


def test_moderate_recursion_limit_is_honoured():
    harness = Harness()
    result = harness.run("""
        import sys
        sys.setrecursionlimit(20000)
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        print(depth(15000))
    """)
    assert result.status == "finished", result
    assert harness.text() == "15000\n"


def test_each_safe_point_is_checked_once_per_function_call_and_loop_step():
    # The engine's own compile must not instrument the script a second time: every
    # doubled check costs the learner's loops and calls time for nothing.
    harness = Harness()
    result = harness.run('''
        import dis
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        def loop():
            for i in range(3):
                pass
        for function in (fib, loop):
            checks = [i for i in dis.get_instructions(function) if i.argval == "__sprout_attention__"]
            print(function.__name__, len(checks))
    ''')
    assert result.status == "finished", result
    assert harness.text() == "fib 1\nloop 1\n"


def test_cheap_comprehension_steps_are_left_to_their_source_and_the_rest_keep_a_check():
    harness = Harness()
    result = harness.run('''
        import dis, types
        def checks(code):
            own = sum(1 for i in dis.get_instructions(code) if i.argval == "__sprout_attention__")
            return own + sum(checks(c) for c in code.co_consts if isinstance(c, types.CodeType))
        for source in ("[x * x for x in range(9)]", "{s: i for i, s in enumerate(e) if s % 2}",
                       "[s for s in data if s in other]", "[f(x) for x in y]", "[r[:] for r in rows]"):
            print(checks(compile(source, "<s>", "eval")), source)
    ''')
    assert result.status == "finished", result
    assert [line.split()[0] for line in harness.text().splitlines()] == ["0", "0", "1", "1", "1"]


def test_a_repeat_count_beyond_an_index_gets_pythons_own_overflow_error():
    harness = Harness()
    result = harness.run("'x' * 2**100\n")
    assert result.error_type == "OverflowError"
    assert result.message == "cannot fit 'int' into an index-sized integer"


def test_a_base_case_returns_before_the_check_and_the_calls_still_reach_one():
    harness = Harness()
    result = harness.run('''
        import dis
        def fact(n):
            """n!"""
            if n <= 1:
                return 1
            return n * fact(n - 1)
        def key(pair):
            return pair[1]
        for function in (fact, key):
            at = [i.positions.lineno - function.__code__.co_firstlineno
                  for i in dis.get_instructions(function) if i.argval == "__sprout_attention__"]
            print(function.__name__, at, function.__doc__)
    ''')
    assert result.status == "finished", result
    # fact's check sits on its recursive line; key calls nothing, so C code may call it
    # a million times in one sort: it keeps its check at the top.
    assert harness.text() == "fact [4] n!\nkey [1] None\n"


WHILE_LOOPS = '''
    import sys
    lines = []
    def trace(frame, event, arg):
        if frame.f_code.co_name == "count":
            lines.append(frame.f_lineno - frame.f_code.co_firstlineno if event == "line" else event)
        return trace
    def count(limit):
        n = total = 0
        while n < limit:
            n += 1
            if n % 2:
                continue
            total += n
        while (n := n - 1) > 2:
            if n == 4:
                break
        else:
            total = -1
        while n > 0:
            n -= 1
            for i in range(2):
                if i:
                    continue
                total += i
        return total
    sys.settrace(trace)
    print(count(6))
    sys.settrace(None)
    print(lines)
'''


MODULE_WHILE_LOOPS = '''
    import sys
    lines = []
    def trace(frame, event, arg):
        if frame.f_code.co_name == "<module>" and event == "line":
            lines.append(frame.f_lineno)
        return trace
    sys._getframe().f_trace = trace
    sys.settrace(trace)
    n = 0
    while n < 5:
        n += 1
    while (m := n - 1) > 10 - n * 3:
        n -= 1
        if n == 1:
            break
    sys.settrace(None)
    print(n, m, lines)
    try:
        while 12 // (n - 5):
            n += 1
    except ZeroDivisionError as error:
        print(n, error.__traceback__.tb_lineno)
'''


RECURSION = '''
    import sys
    events = []
    def trace(frame, event, arg):
        if frame.f_code.co_name in ("fib", "half"):
            events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
        return trace
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    def half(n):
        return half(n // 2) + 1 if n > 1 else (
            0)
    sys.settrace(trace)
    print(fib(4), half(5))
    sys.settrace(None)
    print(events)
'''


@pytest.mark.parametrize("source", [WHILE_LOOPS, MODULE_WHILE_LOOPS, RECURSION],
                         ids=["while loops", "module-level while loops", "one-line returns"])
def test_moved_checks_compute_and_report_lines_as_written(source, tmp_path):
    from tests.vm.harness import both
    expected, out, err = both(source, tmp_path)
    assert out == expected, err

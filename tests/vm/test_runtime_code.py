"""Code built at run time has safe points whatever builtins its namespace brings, and
those builtins still decide every name the learner wrote."""
import pytest

from tests.vm.harness import Harness, both

STOP_BOUND = 5.0


@pytest.mark.parametrize("namespace", ["{'__builtins__': {}}", "{'__builtins__': {'print': print}}"])
def test_exec_with_its_own_builtins_and_a_loop_that_swallows_the_stop_is_stoppable(namespace):
    text = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n"
    result, latency = Harness().stop_at(f"print('ready')\nexec({text!r}, {namespace})\n")
    assert (result.status, result.reason) == ("halted", "user"), result
    assert latency < STOP_BOUND


def test_compiled_code_runs_under_its_own_builtins(tmp_path):
    plain, sprout, errors = both('''
        code = compile("n = 0\\nwhile n < 3:\\n    n += 1\\nresult = n", "lesson", "exec")
        namespace = {"__builtins__": {}}
        exec(code, namespace)
        print(namespace["result"], sorted(namespace))
        namespace = {"__builtins__": {"len": len}}
        print(eval("[len(x) for x in ['ab', 'c']]", namespace), sorted(namespace))
        for text in ("range(3)", "print('no')", "__import__('os')"):
            try:
                eval(text, {"__builtins__": {}})
            except NameError as error:
                print(error)
        print(eval("range(3)", {"range": lambda n: "mine"}))
        print(eval("sum(range(4))"))
    ''', tmp_path)
    assert errors == ""
    assert sprout == plain and "mine" in plain


def test_a_loop_over_the_namespaces_own_range_calls_that_range(tmp_path):
    plain, sprout, errors = both('''
        exec("for i in range(3):\\n    print(i)", {"range": lambda n: ["mine", n]})
        exec("for i in range(2):\\n    print(i)", {"__builtins__": {"range": lambda n: ["theirs"], "print": print}})
        code = compile("total = 0\\nfor i in range(4):\\n    total += i\\nprint(total)", "lesson", "exec")
        exec(code, {"range": lambda n: [10, 20]})
    ''', tmp_path)
    assert errors == ""
    assert sprout == plain == "mine\n3\ntheirs\n30\n"

"""Every common mistake gets one plain sentence that names the line."""
import textwrap

import pytest

from tests.vm.harness import Harness
from vm import explain

CASES = {
    "name_error_typo": ("score = 3\nprint(scroe)\n", ["Line 2", "scroe", "Did you mean score?"]),
    "name_error_builtin_typo": ("prnt('hi')\n", ["Line 1", "Did you mean print?"]),
    "name_error_missing_quotes": ("print(hello)\n", ["Line 1", "quotes", '"hello"']),
    "unbound_local": ("count = 0\ndef add():\n    count = count + 1\nadd()\n",
                      ["Line 3", "count", "global count"]),
    "type_error_operands": ("age = input_age = 5\nprint(age + ' years')\n",
                            ["Line 2", "whole number", "text", "str(...)"]),
    "type_error_concatenate": ("print('Score: ' + 10)\n", ["Line 1", "str(...)"]),
    "type_error_compare": ("print('5' < 3)\n", ["Line 1", "compares", "int(...)"]),
    "type_error_arguments": ("def area(w, h):\n    return w * h\nprint(area(3))\n",
                             ["Line 3", "area()", "wrong number"]),
    "type_error_not_callable": ("x = 2\nprint(x(3 + 4))\n", ["Line 2", "brackets"]),
    "index_error": ("items = [1, 2, 3]\nprint(items[3])\n", ["Line 2", "starts at 0".replace("starts", "start")]),
    "key_error": ("ages = {'ada': 36}\nprint(ages['bob'])\n", ["Line 2", "'bob'", ".get"]),
    "zero_division": ("total = 10\ncount = 0\nprint(total / count)\n", ["Line 3", "divides by zero"]),
    "value_error_int_input": ("number = int('twelve')\n", ["Line 1", "'twelve'", "whole number"]),
    "attribute_error_list": ("items = []\nitems.push(3)\n", ["Line 2", "list", "append"]),
    "attribute_error_str": ("name = 'ada'\nprint(name.uper())\n", ["Line 2", "Did you mean upper?"]),
    "attribute_error_none": ("items = [3, 1].sort()\nitems.append(2)\n", ["Line 2", "None", "return"]),
    "attribute_error_module": ("import math\nmath.sqroot(4)\n", ["Line 2", "math", "Did you mean sqrt?"]),
    "recursion_error": ("def forever(n):\n    return forever(n + 1)\nforever(0)\n",
                        ["forever()", "never stopped"]),
    "missing_colon": ("if 3 > 2\n    print('yes')\n", ["Line 1", "colon"]),
    "unclosed_bracket": ("print('hi'\nx = 1\n", ["line 1", "never closed"]),
    "assign_instead_of_compare": ("x = 3\nif x = 3:\n    pass\n", ["Line 2", "=="]),
    "unterminated_string": ("print('hello)\n", ["line 1", "quote"]),
    "expected_indent": ("def f():\nreturn 1\n", ["Line 2", "indented"]),
    "unexpected_indent": ("x = 1\n    y = 2\n", ["Line 2", "indented more"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_gets_a_plain_explanation_naming_the_line(name):
    source, expected = CASES[name]
    result = Harness().run(source)
    assert result.status == "error", result
    sentence = explain(result, source)
    assert sentence, result
    for piece in expected:
        assert piece in sentence, (piece, sentence)


def test_stop_explanation_names_the_line_and_the_loop():
    source = textwrap.dedent("""\
        def spin():
            n = 0
            while n >= 0:
                n += 1
        print('ready')
        spin()
    """)
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert "You stopped the program" in sentence
    assert "line 4 in the function spin()" in sentence
    assert "while loop that starts on line 3" in sentence


def test_time_limit_explanation():
    from vm import Limits
    source = "total = 0\nfor i in range(10**12):\n    total += i\n"
    result = Harness(Limits(time=0.2)).run(source)
    sentence = explain(result, source)
    # The loop's steps are cheap: the stop lands where the range hands out the next items.
    assert "ran out of time" in sentence and "line 2" in sentence and "for loop" in sentence


def test_finished_runs_need_no_explanation():
    result = Harness().run("print(1)\n")
    assert explain(result, "print(1)\n") is None


@pytest.mark.parametrize("source, words", [
    ("for turn in range(3):\n    answer = input('Guess? ')\n", "waiting for you to type an answer"),
    ("import time\nfor tick in range(100):\n    print('ready')\n    time.sleep(10)\n", "sleeping"),
    ("import threading\nprint('ready')\nthreading.Event().wait()\n", "waiting for something else"),
])
def test_a_stop_during_a_wait_says_what_the_program_was_waiting_for(source, words):
    harness = Harness()
    running = harness.start(source)
    if "input" in source:
        harness.wait_for_prompt()
    else:
        harness.wait_for_output("ready")
    harness.vm.interrupt()
    result = running.result()
    sentence = explain(result, source)
    assert result.status == "halted" and words in sentence, sentence
    assert "loop's condition" not in sentence


def test_a_stop_in_a_busy_loop_still_points_at_the_loop():
    harness = Harness()
    source = "print('ready')\nn = 0\nwhile n >= 0:\n    n += 1\n"
    result, _ = harness.stop_at(source)
    assert result.activity is None
    assert "loop's condition can become false" in explain(result, source)


def test_a_missing_module_is_named_with_the_project_that_provides_it():
    from vm import RunResult
    from vm.report.missing_modules import missing_module, project_for
    missing = RunResult(status="error", error_type="ModuleNotFoundError", message="No module named 'PIL.Image'")
    assert missing_module(missing) == "PIL" and project_for("PIL") == "Pillow"
    shipped = RunResult(status="error", error_type="ModuleNotFoundError", message="No module named 'tkinter'")
    assert missing_module(shipped) is None  # Python ships it: nothing to install


def test_a_stop_in_a_for_loop_speaks_of_its_items_not_a_condition():
    source = "print('ready')\ntotal = 0\nfor i in range(10**12):\n    total += i\n"
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert "for loop that starts on line 3" in sentence
    assert "how many items the for loop goes through" in sentence
    assert "condition" not in sentence


def test_a_stop_in_a_for_inside_while_true_names_the_while_true_loop():
    source = textwrap.dedent("""\
        print('ready')
        total = 0
        while True:
            for i in range(10):
                total += i
    """)
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert "while loop that starts on line 3" in sentence, sentence
    assert "reaches a break" in sentence and "for loop" not in sentence


def test_a_loop_around_a_function_definition_is_not_the_one_its_body_runs_in():
    source = textwrap.dedent("""\
        for attempt in range(1):
            def spin():
                n = 0
                while n >= 0:
                    n += 1
        print('ready')
        spin()
    """)
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert "while loop that starts on line 4" in sentence and "condition can become false" in sentence


@pytest.mark.parametrize("speed, words", [
    ("pen.speed(0)", "even at speed(0)"),
    ("pen.speed(1)", "speed(0), or tracer(0) with update()"),
])
def test_a_stopped_turtle_animation_is_told_only_what_it_does_not_already_do(speed, words):
    source = textwrap.dedent(f"""\
        import turtle
        pen = turtle.Turtle()
        {speed}
        print('ready')
        for step in range(100000):
            pen.forward(step)
            pen.left(59)
    """)
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert result.activity == "turtle" and words in sentence, sentence


def test_a_stop_in_a_function_called_from_a_loop_names_the_callers_loop():
    source = textwrap.dedent("""\
        import time
        def step(n):
            time.sleep(10)
            return n + 1

        print('ready')
        n = 0
        while True:
            n = step(n)
    """)
    result, _ = Harness().stop_at(source)
    sentence = explain(result, source)
    assert "line 3 in the function step(), called from the while loop that starts on line 8" in sentence, sentence


def _halted(reason):
    from vm import Frame, HaltReason, RunResult, Status
    frame = Frame(filename="main.py", line=3, column=1, function="<module>", source="x = x + 1")
    return RunResult(status=Status.HALTED, reason=HaltReason(reason), error_type="KeyboardInterrupt", frames=(frame,))


def test_every_halt_reason_has_its_own_hint():
    from vm import HaltReason
    sentences = {reason: explain(_halted(reason), "x = 0\nwhile True:\n    x = x + 1\n") for reason in HaltReason}
    assert all(sentences.values()), sentences
    assert len(set(sentences.values())) == len(HaltReason), sentences


def test_a_thread_stopped_after_the_program_ended_is_not_called_a_memory_problem():
    from vm import HaltReason
    sentence = explain(_halted(HaltReason.ENDED), "x = 0\nwhile True:\n    x = x + 1\n")
    assert "memory" not in sentence
    assert "had already ended" in sentence and "line 3" in sentence

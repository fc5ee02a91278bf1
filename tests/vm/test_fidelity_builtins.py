"""The built-ins a script rebinds are the ones it calls; literals fold as in Python."""
from tests.vm.harness import both


def test_a_print_set_through_globals_is_the_one_called(tmp_path):
    plain, sprout, _ = both('''
        import builtins
        def shout(*values):
            builtins.print(*values, "!")
        globals()["pr" + "int"] = shout
        print(1, 2, 3)
    ''', tmp_path)
    assert sprout == plain == "1 2 3 !\n"


def test_a_range_brought_by_import_star_is_the_one_called(tmp_path):
    (tmp_path / "helper.py").write_text("def range(*args):\n    return ['helper']\n")
    plain, sprout, _ = both('''
        from helper import *
        numbers = range(3)
        print(numbers)
    ''', tmp_path)
    assert sprout == plain == "['helper']\n"


def test_a_mocked_range_is_the_one_called(tmp_path):
    plain, sprout, _ = both('''
        from unittest import mock
        with mock.patch("builtins.range", return_value=[7]):
            values = range(10)
        print(values)
    ''', tmp_path)
    assert sprout == plain == "[7]\n"


def test_a_list_subclass_repeats_with_its_own_mul(tmp_path):
    plain, sprout, _ = both('''
        class Lazy(list):
            def __mul__(self, times):
                return f"{len(self)} x {times}"
        print(Lazy([1]) * 10**12)
    ''', tmp_path)
    assert sprout == plain == "1 x 1000000000000\n"


def test_repetitions_of_literals_are_folded_as_python_folds_them(tmp_path):
    plain, sprout, _ = both('''
        text, pair = "hi" * 2, (1, 2) * 2
        print(text is "hihi", pair is (1, 2, 1, 2), 2 ** 10 * 3)
    ''', tmp_path)
    assert sprout == plain == "True True 3072\n"


def test_print_without_builtins_is_pythons_name_error(tmp_path):
    plain, sprout, _ = both('''
        code = compile("print('Hello')", "", "exec")
        try:
            exec(code, {"__builtins__": {}})
        except NameError as error:
            print(error)
    ''', tmp_path)
    assert sprout == plain == "name 'print' is not defined\n"


def test_import_takes_its_arguments_by_keyword(tmp_path):
    plain, sprout, _ = both('''
        math = __import__("math", globals=globals(), locals=None, fromlist=["pi"], level=0)
        print(math.pi)
    ''', tmp_path)
    assert sprout == plain == "3.141592653589793\n"

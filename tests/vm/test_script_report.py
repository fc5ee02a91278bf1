"""An uncaught error is reported as Python reports it, running the script's own code
(``__str__``, ``sys.excepthook``) where a stop still reaches it."""
from tests.vm.harness import Harness
from vm import format_result


def test_exception_whose_str_fails_reads_as_python_prints_it():
    result = Harness().run('''
        class Broken(Exception):
            def __str__(self):
                raise ValueError("no text")
        raise Broken()
    ''')
    assert (result.status, result.error_type) == ("error", "Broken"), result
    assert format_result(result).endswith("Broken: <exception str() failed>\n")
    assert result.frames[-1].line == 5


def test_stop_in_a_looping_str_of_an_uncaught_error_is_a_halt_at_that_loop():
    result, _ = Harness().stop_at('''
        class Endless(Exception):
            def __str__(self):
                print("ready")
                while True:
                    pass
        raise Endless()
    ''')
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].function == "__str__" and result.frames[-1].line in (5, 6)


def test_script_excepthook_replaces_the_traceback():
    harness = Harness()
    result = harness.run('''
        import sys
        def hook(kind, error, tb):
            print("my hook:", kind.__name__, error)
        sys.excepthook = hook
        1 / 0
    ''')
    assert harness.text() == "my hook: ZeroDivisionError division by zero\n"
    assert result.status == "error" and result.frames[-1].line == 6  # the IDE still marks it
    assert format_result(result) == ""


def test_failing_excepthook_is_reported_then_the_original_traceback():
    harness = Harness()
    result = harness.run('''
        import sys
        def hook(kind, error, tb):
            raise TypeError("hook broke")
        sys.excepthook = hook
        1 / 0
    ''')
    errors = harness.text("stderr")
    assert errors.startswith("Error in sys.excepthook:\nTraceback (most recent call last):\n")
    assert "TypeError: hook broke\n" in errors and errors.endswith("\nOriginal exception was:\n")
    assert "vm/" not in errors
    assert format_result(result).endswith("ZeroDivisionError: division by zero\n")


def test_stop_in_a_looping_excepthook_is_a_halt():
    result, _ = Harness().stop_at('''
        import sys
        def hook(kind, error, tb):
            print("ready")
            while True:
                try:
                    pass
                except BaseException:
                    pass
        sys.excepthook = hook
        1 / 0
    ''')
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].function == "hook"


def test_excepthook_reset_to_python_default_prints_no_second_traceback():
    harness = Harness()
    result = harness.run('''
        import sys
        sys.excepthook = sys.__excepthook__
        1 / 0
    ''')
    assert harness.text("stderr") == ""
    assert format_result(result).endswith("ZeroDivisionError: division by zero\n")


def test_exit_with_an_object_whose_str_fails_prints_nothing_and_exits_1_as_python():
    harness = Harness()
    result = harness.run('''
        import sys
        class Farewell:
            def __str__(self):
                raise ValueError("no text")
        sys.exit(Farewell())
    ''')
    assert (result.status, result.exit_code) == ("finished", 1), result
    assert harness.text("stderr") == ""


def test_stop_in_a_looping_str_of_an_exit_code_is_a_halt():
    result, _ = Harness().stop_at('''
        import sys
        class Farewell:
            def __str__(self):
                print("ready")
                while True:
                    pass
        sys.exit(Farewell())
    ''')
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].function == "__str__"

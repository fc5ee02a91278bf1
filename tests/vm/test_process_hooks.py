"""Hooks a script installs for the whole process are gone when its run ends."""
import contextlib
import gc
import logging
import os
import sys
import threading
import warnings

import pytest

from tests.vm.harness import Harness

NEXT_RUN_SECONDS = 10.0


def _next_run(source: str):
    """Run B, as plain as can be; a run that hangs is stopped so it never outlives the test."""
    harness = Harness()
    running = harness.start(source)
    try:
        return running.result(timeout=NEXT_RUN_SECONDS), harness
    finally:
        harness.vm.interrupt()
        running.result()


@pytest.fixture
def no_automatic_collections():
    """Only the runs' own collections call gc callbacks (never this thread's, mid-test)."""
    callbacks = list(gc.callbacks)
    gc.disable()
    yield
    gc.callbacks[:] = callbacks
    gc.enable()


def test_a_looping_gc_callback_goes_with_its_run(no_automatic_collections):
    before = list(gc.callbacks)
    first, _ = Harness().stop_at('''
        import gc
        def watch(phase, info):
            while True:
                pass
        gc.callbacks.append(watch)
        print('ready')
        gc.collect()
    ''')
    assert first.status == "halted"
    assert gc.callbacks == before
    result, harness = _next_run("print('B')\n")
    assert result.status == "finished" and harness.text() == "B\n"


def test_a_scripts_gc_callback_is_not_called_on_the_ides_threads(no_automatic_collections):
    harness = Harness()
    running = harness.start('''
        import gc, time
        looping = True
        def watch(phase, info):
            while globals().get('looping'):  # ends once the program's variables are gone
                pass
        gc.callbacks.append(watch)
        print('ready', watch in gc.callbacks)
        time.sleep(60)
    ''')
    try:
        harness.wait_for_output("ready")
        collector = threading.Thread(target=gc.collect, name="an IDE thread", daemon=True)
        collector.start()
        collector.join(NEXT_RUN_SECONDS)
        assert not collector.is_alive(), "the script's gc callback ran on the IDE's thread"
    finally:
        harness.vm.interrupt()
        assert running.result().status == "halted"
    assert harness.text() == "ready True\n"


def test_a_script_finds_and_removes_its_gc_callback_as_in_python(no_automatic_collections):
    harness = Harness()
    result = harness.run('''
        import gc
        phases = []
        def count(phase, info):
            phases.append(phase)
        gc.callbacks.append(count)
        gc.collect()
        print(phases, count in gc.callbacks)
        gc.callbacks.remove(count)
        gc.collect()
        print(phases, count in gc.callbacks)
    ''')
    assert result.status == "finished"
    assert harness.text() == "['start', 'stop'] True\n['start', 'stop'] False\n"


def test_a_threading_tracer_goes_with_its_run():
    result = Harness().run('''
        import threading
        def tracer(frame, event, arg):
            return tracer
        threading.settrace(tracer)
        threading.setprofile(tracer)
    ''')
    assert result.status == "finished"
    assert threading.gettrace() is None and threading.getprofile() is None
    result, harness = _next_run('''
        import threading
        worker = threading.Thread(target=print, args=('B',))
        worker.start()
        worker.join()
        print(threading.gettrace(), threading.getprofile())
    ''')
    assert result.status == "finished" and harness.text() == "B\nNone None\n"


def test_a_profiler_on_the_script_thread_ends_with_the_script():
    harness = Harness()
    result = harness.run('''
        import sys
        calls = []
        def profiler(frame, event, arg):
            calls.append(event)
        sys.setprofile(profiler)
        print('A')
    ''')
    assert result.status == "finished" and harness.text() == "A\n"


@pytest.mark.skipif(sys.version_info < (3, 12), reason="threading.settrace_all_threads is new in 3.12")
def test_tracing_all_threads_reaches_the_runs_threads_only():
    harness = Harness()
    result = harness.run('''
        import threading
        events = []
        def tracer(frame, event, arg):
            events.append(event)
        threading.settrace_all_threads(tracer)
        def work():
            return 1
        work()
        print('call' in events)
    ''')
    assert result.status == "finished" and harness.text() == "True\n"
    assert sys.gettrace() is None and threading.gettrace() is None


def test_an_audit_hook_hears_its_own_run_only():
    code = '''
        import os, sys
        def hook(event, args):
            if event == 'os.listdir':
                print('heard', event)
        sys.addaudithook(hook)
        os.listdir('.')
    '''
    harness = Harness()
    result = harness.run(code)
    assert result.status == "finished" and harness.text() == "heard os.listdir\n"
    assert Harness().run(code).status == "finished"  # a second run adds a second hook
    result, harness = _next_run("import os\nos.listdir('.')\nprint('B')\n")
    assert result.status == "finished" and harness.text() == "B\n"


def test_an_audit_hook_that_refuses_everything_does_not_stop_sprout(capsys):
    result = Harness().run('''
        import sys
        def hook(event, args):
            if event == 'open':
                raise RuntimeError('no files today')
        sys.addaudithook(hook)
        try:
            open('anything.txt')
        except RuntimeError as error:
            print(error)
    ''')
    assert result.status == "finished"
    os.listdir(".")
    with open(__file__, encoding="utf-8") as this_file:  # the host opens files as before
        assert this_file.readline()


def test_a_warnings_filter_goes_with_its_run():
    before = list(warnings.filters)
    result = Harness().run("import warnings\nwarnings.simplefilter('error')\n")
    assert result.status == "finished"
    assert warnings.filters == before
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result, harness = _next_run("import warnings\nwarnings.warn('careful')\nprint('B')\n")
    assert result.status == "finished" and harness.text() == "B\n"
    assert [str(warning.message) for warning in caught] == ["careful"]  # warned, not failed


def test_an_excepthook_is_used_in_its_run_and_gone_after_it():
    before = sys.excepthook
    harness = Harness()
    result = harness.run('''
        import sys
        def hook(kind, error, tb):
            print('my hook:', error)
        sys.excepthook = hook
        1 / 0
    ''')
    assert result.status == "error" and harness.text() == "my hook: division by zero\n"
    assert sys.excepthook is before
    result, harness = _next_run("print('B')\n1 / 0\n")
    assert result.status == "error" and harness.text() == "B\n"


@contextlib.contextmanager
def unconfigured_logging():
    """The root logger as in a fresh ``python`` (pytest gives it handlers of its own)."""
    handlers, logging.root.handlers = logging.root.handlers, []
    try:
        yield
    finally:
        logging.root.handlers = handlers


def test_logging_configuration_goes_with_its_run():
    source = '''
        import logging
        logging.basicConfig(level=logging.INFO, format='%(levelname)s %(message)s')
        logging.getLogger('lesson').addHandler(logging.NullHandler())
        logging.info('run {}')
    '''
    with unconfigured_logging():
        harness = Harness()
        result = harness.run(source.format("A"))
        assert result.status == "finished" and harness.text("stderr") == "INFO run A\n"
        assert logging.root.handlers == [] and "lesson" not in logging.Logger.manager.loggerDict
        result, harness = _next_run(source.format("B"))
        assert result.status == "finished" and harness.text("stderr") == "INFO run B\n"

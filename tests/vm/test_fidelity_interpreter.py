"""Each run sees what a new ``python`` would: modules imported afresh, only its own
threads."""
import textwrap

from tests.vm.harness import Harness, both, plain_python


def twice(source: str, tmp_path) -> tuple[str, str]:
    """(plain Python's stdout twice, the engine's stdout over two runs of one VM)."""
    script = tmp_path / "lesson.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    harness = Harness()
    for _ in range(2):
        result = harness.run(source, filename=str(script), folder=str(tmp_path))
        assert result.status == "finished", result.message
    return plain_python(script) * 2, harness.text()


def test_a_module_first_imported_by_a_run_is_imported_afresh_by_the_next(tmp_path):
    plain, sprout = twice('''
        import this
        import colorsys, xml.dom.minidom
        colorsys.seen = getattr(colorsys, "seen", 0) + 1
        print(colorsys.seen)
    ''', tmp_path)
    assert sprout == plain
    assert plain.count("Beautiful is better than ugly.") == 2


def test_modules_held_by_compiled_code_stay_loaded_and_work(tmp_path):
    plain, sprout = twice('''
        import asyncio, decimal, numbers
        async def main():
            task = asyncio.ensure_future(asyncio.sleep(10))
            await asyncio.sleep(0)
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                print("cancelled")
        asyncio.run(main())
        print(isinstance(decimal.Decimal(1), numbers.Number))
    ''', tmp_path)
    assert sprout == plain == "cancelled\nTrue\n" * 2


def test_threading_lists_the_scripts_threads_only(tmp_path):
    plain, sprout, _ = both('''
        import threading
        release = threading.Event()
        worker = threading.Thread(target=release.wait, name="worker")
        worker.start()
        print(threading.active_count(), [thread.name for thread in threading.enumerate()])
        release.set()
        worker.join()
        print(threading.active_count(), [thread.name for thread in threading.enumerate()])
    ''', tmp_path)
    assert sprout == plain == "2 ['MainThread', 'worker']\n1 ['MainThread']\n"


def test_inspect_and_traceback_show_the_scripts_frames_only(tmp_path):
    plain, sprout, _ = both('''
        import inspect, sys, threading, traceback
        def where():
            traceback.print_stack(file=sys.stdout)
            print([info.function for info in inspect.stack()])
            print([entry.name for entry in traceback.extract_stack()], len(traceback.format_stack()))
        where()
        worker = threading.Thread(target=where)
        worker.start()
        worker.join()
    ''', tmp_path)
    assert sprout == plain
    assert "['where', '<module>']" in plain


def test_objects_left_in_globals_are_finalized_oldest_first(tmp_path):
    plain, sprout, _ = both('''
        import sys
        class Noisy:
            def __init__(self, name):
                self.name = name
            def __del__(self):
                print("goodbye", self.name, sys.version_info > (3,))
        _hidden = Noisy("_hidden")
        first = Noisy("first")
        second = Noisy("second")
    ''', tmp_path)
    assert sprout == plain == "goodbye _hidden True\ngoodbye first True\ngoodbye second True\n"


def test_import_main_is_the_running_program_beside_a_main_py(tmp_path):
    (tmp_path / "__main__.py").write_text("print('the folder ran')\n")
    plain, sprout, _ = both('''
        import pickle
        class Point:
            def __init__(self, x):
                self.x = x
        print(pickle.loads(pickle.dumps(Point(3))).x)
        import __main__
        print(__main__.Point is Point)
    ''', tmp_path)
    assert sprout == plain == "3\nTrue\n"


def test_asyncio_kept_loaded_still_knows_the_futures_of_its_thread_pools(tmp_path):
    plain, sprout = twice('''
        import asyncio
        async def main():
            loop = asyncio.get_running_loop()
            print(await loop.run_in_executor(None, sum, [1, 2, 3]))
            print(await asyncio.to_thread(len, "four"))
        asyncio.run(main())
    ''', tmp_path)
    assert sprout == plain == "6\n4\n" * 2


def test_getframe_counts_the_scripts_frames_only(tmp_path):
    plain, sprout, _ = both('''
        import collections, sys
        def caller():
            return sys._getframe(1).f_code.co_name
        def outer():
            return caller()
        print(outer(), caller(), sys._getframe(0).f_code.co_name)
        for depth in (1, 5):
            try:
                sys._getframe(depth)
            except ValueError as error:
                print(depth, error)
        print(collections.namedtuple("Point", "x y").__module__)
    ''', tmp_path)
    assert sprout == plain
    assert "1 call stack is not deep enough" in plain

"""Nothing a run starts outlives it; what it left changed is put right and reported."""
import gc
import threading

from tests.vm.harness import Harness


def _script_threads() -> list[str]:
    return [thread.name for thread in threading.enumerate()
            if thread.name.startswith("ThreadPoolExecutor") and thread.is_alive()]


def test_an_idle_thread_pool_ends_with_the_program_as_in_python():
    harness = Harness()
    result = harness.run('''
        from concurrent.futures import ThreadPoolExecutor
        pool = ThreadPoolExecutor(3)
        futures = [pool.submit(pow, 2, n) for n in range(5)]
        print(sum(f.result() for f in futures))
    ''')
    assert result.status == "finished" and harness.text() == "31\n"
    assert _script_threads() == [] and result.leftovers == ()


def test_a_spinning_pool_worker_is_stopped_with_the_run():
    harness = Harness()
    result, _ = harness.stop_at('''
        from concurrent.futures import ThreadPoolExecutor
        def spin():
            while True:
                pass
        ThreadPoolExecutor(2).submit(spin)
        print('ready')
    ''')
    assert result.status == "halted"
    assert _script_threads() == []


def test_raw_threads_end_with_the_run():
    harness = Harness()
    result = harness.run('''
        import _thread
        def spin():
            while True:
                pass
        _thread.start_new_thread(spin, ())
        print('started')
    ''')
    assert result.status == "finished" and result.leftovers == ()


def test_a_disabled_garbage_collector_is_restored_and_reported():
    harness = Harness()
    result = harness.run("import gc\ngc.disable()\n")
    assert gc.isenabled()
    assert result.leftovers == ("the garbage collector was left disabled",)

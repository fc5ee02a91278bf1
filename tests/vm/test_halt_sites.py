"""Where a stop is reported: the main code's line, whatever thread met the stop first,
and always as a halt, never as Sprout's own failure."""
import sys
import threading
import time

from tests.vm.harness import RUN_TIMEOUT, Harness
from vm.stop import waits


def _wait_until_a_thread_sleeps() -> None:
    """Poll (with a deadline) until some thread waits in Sprout's stop-aware sleep."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        for frame in sys._current_frames().values():
            while frame is not None:
                if frame.f_code is waits.stop_aware_sleep.__code__:
                    return
                frame = frame.f_back
        threading.Event().wait(0.01)
    raise AssertionError("no thread ever slept")


def test_stop_first_met_on_a_worker_thread_shows_the_main_code():
    harness = Harness()
    running = harness.start('''
        import asyncio, time
        async def main():
            print("ready")
            await asyncio.to_thread(time.sleep, 100)
        asyncio.run(main())
    ''')
    harness.wait_for_output("ready")
    _wait_until_a_thread_sleeps()
    harness.vm.interrupt()
    result = running.result()
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames and result.frames[0].line == 6, result.frames


def test_recursion_that_catches_the_stop_and_recurses_again_is_a_halt():
    # Each level catches everything (the stop, RecursionError) and recurses again:
    # unwinding takes long enough that the watchdog's push lands in the engine's work.
    for _attempt in range(3):
        result, _ = Harness().stop_at('''
            import sys
            sys.setrecursionlimit(50000)
            def f():
                try:
                    f()
                except BaseException:
                    f()
            print("ready")
            f()
        ''')
        assert (result.status, result.reason) == ("halted", "user"), result
        assert result.frames[0].line == 10 and result.frames[-1].function == "f"

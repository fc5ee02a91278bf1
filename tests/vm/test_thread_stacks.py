"""Deep recursion in a thread the script started cannot crash the IDE."""
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from tests.vm.harness import Harness

ROOT = Path(__file__).resolve().parents[2]

DEEP_IN_A_THREAD = '''
    import functools, sys, threading
    sys.setrecursionlimit(10**6)

    @functools.lru_cache(maxsize=None)
    def cached(n):
        return 0 if n == 0 else cached(n - 1) + 1

    class Deep:
        def __getattr__(self, name):
            n = int(name[1:])
            return 0 if n == 0 else getattr(self, "a%d" % (n - 1)) + 1

    def plain(n):
        return 0 if n == 0 else plain(n - 1) + 1

    def attempt(recursion):
        try:
            return recursion(45_000)
        except RecursionError:
            return "RecursionError"

    results = []
    def work():
        results.extend([attempt(cached), attempt(lambda n: getattr(Deep(), "a%d" % n)), attempt(plain)])

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    print(results)
'''


def test_deep_recursion_in_a_scripts_thread_does_not_crash_sprout(tmp_path):
    # In a process of its own: a segmentation fault shows as a failure, not as pytest dying.
    script = tmp_path / "deep.py"
    script.write_text(textwrap.dedent(DEEP_IN_A_THREAD), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "the recursion limit is capped at 50,000" in done.stderr
    results = eval(done.stdout.strip().splitlines()[-1])
    assert len(results) == 3 and results[2] == 45_000
    assert all(value in (45_000, "RecursionError") for value in results)


def test_stack_size_answers_what_the_script_asked_for():
    harness = Harness()
    result = harness.run('''
        import threading
        print(threading.stack_size())
        print(threading.stack_size(1 << 20))
        print(threading.stack_size())
        threading.stack_size(100)
    ''')
    assert harness.text() == f"0\n0\n{1 << 20}\n"
    assert result.error_type == "ValueError" and result.message == "size not valid: 100 bytes"
    assert threading.stack_size() == 0  # the process's own is untouched

"""A regular expression that backtracks for ever neither freezes the window nor resists Stop."""
import contextlib
import io
import threading
import time

from tests.vm.harness import ENDS_WITHIN, Harness


def _regex_helper_running() -> bool:
    return any(thread.name == "sprout-regex" for thread in threading.enumerate())


def test_catastrophic_regex_stops_and_the_host_keeps_running():
    harness = Harness()
    running = harness.start("""
        import re
        re.match("(a|aa)+b", "a" * 60)
    """)
    deadline = time.monotonic() + 10
    while not _regex_helper_running():
        assert time.monotonic() < deadline, "the match never started"
        time.sleep(0.005)
    # Stands in for the window: it needs the GIL, and gets it, while the match runs.
    ticks = []
    while len(ticks) < 20:
        ticks.append(time.perf_counter())
        time.sleep(0.01)
    # Starved, it would tick again only when the match ends (hours from now).
    assert ticks[-1] - ticks[0] < ENDS_WITHIN, "the host thread was starved of the GIL"
    assert _regex_helper_running()
    stopped_at = time.perf_counter()
    harness.vm.interrupt()
    result = running.result()
    assert result.status == "halted"
    assert running.returned_at - stopped_at < ENDS_WITHIN
    assert result.frames[-1].line == 3
    assert result.activity == "regex"


GUARDED_PROGRAM = """
import re
text = "ada lovelace, alan turing; grace hopper"
pattern = r"((\\w+)\\s?)+"          # a repeat inside a repeat: guarded
print(re.findall(pattern, text))
print(re.sub(pattern, lambda m: m.group(0).title(), text))
print(re.split(r"(?:[,;]\\s*)+", text))
print(re.fullmatch(r"(a|b)*c", "ababc").span())
compiled = re.compile(r"(x+x+)+y")
print(compiled.search("xxxxy").group(0), compiled.groups, compiled.pattern)
print([m.span() for m in re.finditer(r"(ab|a)+", "abaab xab")])
print(re.match(r"\\d+", "42abc").group())   # an ordinary pattern: re itself
"""


def test_guarded_patterns_answer_as_plain_python_does():
    plain = io.StringIO()
    with contextlib.redirect_stdout(plain):
        exec(GUARDED_PROGRAM, {})
    harness = Harness()
    result = harness.run(GUARDED_PROGRAM)
    assert result.status == "finished", result
    assert harness.text() == plain.getvalue()

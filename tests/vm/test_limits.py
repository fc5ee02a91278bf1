"""Each limit ends the run as a halt with its own reason."""
from tests.vm.harness import ENDS_WITHIN, Harness
from vm import Limits


def test_time_limit_halts_a_runaway():
    result = Harness(Limits(time=0.3)).run("while True:\n    pass\n")
    assert result.status == "halted" and result.reason == "time_limit"
    assert 0.3 <= result.duration < ENDS_WITHIN
    assert result.frames[-1].line == 2


def test_time_limit_per_run_overrides_the_vm_default():
    harness = Harness(Limits(time=60))
    result = harness.run("import time\ntime.sleep(30)\n", limits=Limits(time=0.2))
    assert result.reason == "time_limit" and result.duration < ENDS_WITHIN


def test_output_limit_truncates_and_halts():
    harness = Harness(Limits(output=1000))
    result = harness.run("while True:\n    print('spam spam spam')\n")
    assert result.status == "halted" and result.reason == "output_limit"
    assert len(harness.text()) == 1000


def test_output_limit_counts_stderr_too():
    harness = Harness(Limits(output=50))
    result = harness.run("import sys\nwhile True:\n    print('err', file=sys.stderr)\n")
    assert result.reason == "output_limit"
    assert len(harness.text("stderr")) == 50


def test_memory_limit_halts_growth():
    harness = Harness(Limits(memory=200 * 1024 * 1024))
    result = harness.run("""
        hoard = []
        while True:
            hoard.append(bytearray(1024 * 1024))
    """)
    assert result.status == "halted" and result.reason == "memory_limit"
    assert result.frames[-1].line == 4


def test_memory_limit_stops_a_huge_list_built_in_c():
    result = Harness(Limits(memory=300 * 1024 * 1024)).run("x = list(range(10**9))\n")
    assert result.status == "halted" and result.reason == "memory_limit"


def test_programs_within_limits_finish_normally():
    harness = Harness(Limits(time=10, output=10_000, memory=500 * 1024 * 1024))
    result = harness.run("print(sum(i * i for i in range(1000)))\n")
    assert result.status == "finished" and harness.text() == "332833500\n"

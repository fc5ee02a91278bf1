"""Processes a script starts end with its run; waiting for them can be stopped."""
import os
import signal
import threading
import time

import pytest

from tests.vm.harness import RUN_TIMEOUT, Harness, both

STOP_BOUND = 5.0  # "it ends": wide, for a loaded machine


def _descendants() -> dict[int, str]:
    """Processes below this one (pid: command name), from ``/proc``."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        name_end = text.rindex(")")
        fields = text[name_end + 2:].split()
        if fields[0] == "Z":
            continue  # a zombie has ended
        parents[int(entry)] = int(fields[1])
        names[int(entry)] = text[text.index("(") + 1:name_end]
    found, frontier = {}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = names[pid]
                frontier.append(pid)
    return found


def _poll(condition, what: str):
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        threading.Event().wait(0.01)
    raise AssertionError(what)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("call", [
    "subprocess.run(['sleep', '100'])",
    "subprocess.run('sleep 100; echo never', shell=True, capture_output=True)",
    "subprocess.Popen(['sleep', '100']).wait()",
    "subprocess.check_output(['sleep', '100'])",
    "os.system('sleep 100; echo never')",
    "os.popen('sleep 100').read()",
    "os.waitpid(os.posix_spawnp('sleep', ['sleep', '100'], os.environ), 0)",
])
def test_stop_during_a_child_process_ends_it(call):
    before = set(_descendants())
    harness = Harness()
    running = harness.start(f"import os, subprocess\nprint('ready', flush=True)\n{call}\n")
    harness.wait_for_output("ready")
    sleeper = _poll(lambda: [pid for pid, name in _descendants().items()
                             if name == "sleep" and pid not in before], "no sleep started")[0]
    stopped_at = time.monotonic()
    harness.vm.interrupt()
    result = running.result()
    assert time.monotonic() - stopped_at < STOP_BOUND
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].line == 3
    assert result.leftovers == ()  # a stop ends what it interrupted: nothing to report
    _poll(lambda: not _alive(sleeper), "the child outlived the run")


def test_child_left_running_at_the_end_is_ended_and_reported():
    harness = Harness()
    result = harness.run('''
        import subprocess
        child = subprocess.Popen(["sleep", "100"])
        print(child.pid)
    ''')
    assert result.status == "finished"
    assert result.leftovers == ("child processes still running: sleep 100",)
    assert not _alive(int(harness.text()))


def test_child_the_script_detached_outlives_the_run_as_in_python():
    harness = Harness()
    result = harness.run('''
        import subprocess
        print(subprocess.Popen(["sleep", "100"], start_new_session=True).pid)
    ''')
    pid = int(harness.text())
    try:
        assert result.status == "finished" and result.leftovers == ()
        assert _alive(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def test_child_processes_behave_as_in_python(tmp_path):
    plain, sprout, errors = both('''
        import os, subprocess, sys
        r = subprocess.run(["echo", "hi"], capture_output=True)
        print(r.returncode, r.stdout, r.stderr)
        r = subprocess.run("echo $((3+4)); exit 3", shell=True, capture_output=True, text=True)
        print(r.returncode, repr(r.stdout))
        print(len(subprocess.run(["cat"], input=b"x" * 200000, capture_output=True).stdout))
        try:
            subprocess.run(["sleep", "5"], timeout=0.3)
        except subprocess.TimeoutExpired as error:
            print("timed out", error.cmd)
        try:
            subprocess.run(["false"], check=True)
        except subprocess.CalledProcessError as error:
            print(error)
        try:
            subprocess.run(["no-such-program-in-sprout"])
        except FileNotFoundError as error:
            print(error)
        print(subprocess.check_output(["printf", "a\\nb"], text=True).split())
        print(subprocess.run(["true"], preexec_fn=os.setsid).returncode)
        child = subprocess.Popen(["/bin/sleep", "0.2"], close_fds=False, start_new_session=False)
        print(os.getsid(child.pid) == os.getsid(0), child.wait())
        print(os.waitstatus_to_exitcode(os.system("exit 5")), os.system("kill -9 $$"))
        with os.popen("echo popen") as pipe:
            print(pipe.read().strip())
        print(os.popen("exit 2").close())
        child = subprocess.Popen(["sleep", "5"])
        try:
            child.wait(timeout=0.1)
        except subprocess.TimeoutExpired as error:
            print(error)
        child.kill()
        print(child.wait())
        pid = os.posix_spawn("/bin/sh", ["sh", "-c", "exit 4"], os.environ)
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    ''', tmp_path)
    assert errors == ""
    assert sprout == plain and "popen" in plain

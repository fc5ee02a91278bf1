"""Raw waits in C reach the stop on a run's threads, and behave as Python's otherwise."""
import threading

import pytest

from tests.vm.harness import Harness

STOP_BOUND = 5.0  # "it ends": wide, for a loaded machine

# Each prints "ready" and then waits forever in C.
WAITS = {
    "simple_queue_get": "import queue\nq = queue.SimpleQueue()\nprint('ready')\nq.get()",
    "select_without_timeout": "import os, select\nr, w = os.pipe()\nprint('ready')\nselect.select([r], [], [])",
    "signal_pause": "import signal\nprint('ready')\nsignal.pause()",
    "lock_acquired_twice": "import threading\nlock = threading.Lock()\nlock.acquire()\nprint('ready')\nlock.acquire()",
    "rlock_held_by_a_thread": (
        "import threading\nlock = threading.RLock()\nheld = threading.Event()\n"
        "def hold():\n    lock.acquire()\n    held.set()\n"
        "threading.Thread(target=hold).start()\nheld.wait()\nprint('ready')\nlock.acquire()"),
    "socket_accept": (
        "import socket\nserver = socket.socket()\nserver.bind(('127.0.0.1', 0))\nserver.listen()\n"
        "print('ready')\nserver.accept()"),
    "socket_recv": (
        "import socket\na, b = socket.socketpair()\nprint('ready')\na.recv(10)"),
}


@pytest.mark.parametrize("name", sorted(WAITS))
def test_stop_reaches_a_raw_wait(name):
    result, latency = Harness().stop_at(WAITS[name])
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].line == WAITS[name].count("\n") + 1
    assert latency < STOP_BOUND


def test_deadlock_between_the_scripts_threads_leaves_no_thread_behind():
    before = set(threading.enumerate())
    result, latency = Harness().stop_at('''
        import threading
        first, second = threading.Lock(), threading.Lock()
        both_hold = threading.Barrier(2)
        def worker():
            with second:
                both_hold.wait()
                with first:
                    pass
        threading.Thread(target=worker).start()
        with first:
            both_hold.wait()
            print("ready")
            with second:
                pass
    ''')
    assert (result.status, result.reason) == ("halted", "user"), result
    assert result.frames[-1].line == 14 and result.leftovers == ()
    assert [t for t in threading.enumerate() if t not in before and t.is_alive()] == []
    assert latency < STOP_BOUND


def test_waits_that_end_behave_as_in_python(tmp_path):
    from tests.vm.harness import both
    plain, sprout, errors = both('''
        import queue, select, socket, threading, os
        lock = threading.Lock()
        print(type(lock), type(threading.RLock()))
        print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.05), lock.locked())
        lock.release()
        with lock:
            print(repr(lock).split()[0])
        try:
            lock.acquire(False, 1)
        except ValueError as error:
            print(error)
        rlock = threading.RLock()
        with rlock, rlock:
            print("re-entered")
        condition = threading.Condition()
        with condition:
            print(condition.wait(0.01))
        q = queue.SimpleQueue()
        threading.Thread(target=lambda: q.put("from a thread")).start()
        print(q.get(), isinstance(q, queue.SimpleQueue))
        try:
            q.get(timeout=0.05)
        except queue.Empty:
            print("empty")
        r, w = os.pipe()
        print(select.select([r], [], [], 0.05))
        os.write(w, b"x")
        print(select.select([r], [w], [])[0] == [r])
        a, b = socket.socketpair()
        b.sendall(b"hello")
        print(a.recv(5))
        try:
            a.recv(5, socket.MSG_DONTWAIT)
        except BlockingIOError:
            print("would block")
        print(select.select(iter([r]), iter([]), iter([]), 0)[0] == [r])
        a.settimeout(0.05)
        try:
            a.recv(5)
        except TimeoutError as error:
            print("timeout:", error)
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen()
        client = socket.create_connection(server.getsockname())
        connection, _ = server.accept()
        client.sendall(b"ok")
        print(connection.recv(2))
        for s in (a, b, server, client, connection):
            s.close()
    ''', tmp_path)
    assert errors == ""
    assert sprout == plain and "re-entered" in plain

"""Make the next SIGINT after a first one kill the process, even while the GIL is held.

Python runs signal handlers only when the main thread gets the GIL, and a runaway C
call (a catastrophic regex, say) never lets go of it. Re-arming SIGINT with the C flag
``SA_RESETHAND`` makes the kernel itself restore the default action once the first
Ctrl+C is delivered, so the second one always ends the process. Linux only; on other
systems ``arm_reset_on_delivery`` returns False and the Python-level fallback applies.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import signal
import sys

SA_RESETHAND = 0x80000000


class _SigAction(ctypes.Structure):
    # glibc's layout on Linux: handler, 1024-bit mask, flags, restorer.
    _fields_ = [("handler", ctypes.c_void_p), ("mask", ctypes.c_ulong * 16),
                ("flags", ctypes.c_int), ("restorer", ctypes.c_void_p)]


def arm_reset_on_delivery(signum: int = signal.SIGINT) -> bool:
    """Add ``SA_RESETHAND`` to the handler now installed for ``signum``."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        current = _SigAction()
        if libc.sigaction(signum, None, ctypes.byref(current)) != 0:
            return False
        current.flags |= SA_RESETHAND
        return libc.sigaction(signum, ctypes.byref(current), None) == 0
    except (OSError, AttributeError):
        return False

"""The message line ``python`` prints under a traceback, for a run's result.

``str(error)`` is only part of it: from 3.12 the running Python's ``traceback`` module
adds its suggestions there (``NameError: name 'prnt' is not defined. Did you mean:
'print'?``, ``Did you forget to import 'sys'?``), looking at the names the failing frame
could see, so it is asked while the error's traceback is still alive. 3.11 makes its
suggestions in C, only while printing to ``sys.stderr``: ``vm.report.name_suggestions`` makes
them there.
"""
from __future__ import annotations

import sys
import traceback

from .name_suggestions import suggestion_for

STR_FAILED = "<exception str() failed>"  # what Python prints when ``str(error)`` raises
SUGGESTS_ITSELF = sys.version_info >= (3, 12)


def message_of(error: BaseException) -> str:
    if not isinstance(error, SyntaxError):
        try:
            described = traceback.TracebackException(type(error), error, error.__traceback__,
                                                     limit=1, lookup_lines=False, compact=True)
            line = next(iter(described.format_exception_only()), "").rstrip("\n")
            if line.endswith("'") and "forget to import '" in line:
                line += "?"  # 3.12.1's module leaves it off; its own traceback print has it
            message = line.partition(": ")[2]
            if not SUGGESTS_ITSELF and isinstance(error, (NameError, AttributeError)):
                suggestion = suggestion_for(error)
                if suggestion is not None:
                    message += f". Did you mean: '{suggestion}'?"
            return message
        except Exception:  # noqa: BLE001 - the plain text is still worth showing
            pass
    try:
        return str(error)
    except Exception:  # noqa: BLE001 - as Python reports an exception it cannot show
        return STR_FAILED

"""The working directory and environment variables a script changes end with its run.

``os.chdir`` and ``os.environ[...] = ...`` change the process, and in plain Python the
process ends with the script. Sprout's is the IDE's: the next run would start in the
folder the last one moved to, with its variables. Both are recorded with the rest of
the process's state (``vm.process.process_state``) and put back after the runs.
"""
from __future__ import annotations

import os


class Environment:
    """The working directory and ``os.environ`` before the runs began."""

    def __init__(self) -> None:
        try:
            self.folder: str | None = os.getcwd()
        except OSError:
            self.folder = None  # the folder was deleted under the IDE: nothing to go back to
        self.variables = dict(os.environ)

    def restore(self) -> None:
        if self.folder is not None:
            try:
                if os.getcwd() != self.folder:
                    os.chdir(self.folder)
            except OSError:
                pass
        for name in set(os.environ) - set(self.variables):
            del os.environ[name]
        for name, value in self.variables.items():
            if os.environ.get(name) != value:
                os.environ[name] = value

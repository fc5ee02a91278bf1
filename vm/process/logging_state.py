"""The ``logging`` configuration a script makes ends with its run.

``logging.basicConfig()`` gives the root logger a handler that writes to the run's
``sys.stderr``; in plain Python it goes with the process. Kept in Sprout's, it would
make the next run's ``basicConfig()`` do nothing and that run's log lines would go to
a console that is gone. Loggers, handlers and levels are recorded with the rest of the
process's state (``vm.process.process_hooks``) and put back after the runs; loggers a script
created are forgotten and the handlers it added closed, as at Python's exit.
"""
from __future__ import annotations

import logging
from typing import Any


class LoggingState:
    """The loggers as they were before the runs began."""

    def __init__(self) -> None:
        manager = logging.Logger.manager
        self.disable = manager.disable
        self.names = set(manager.loggerDict)
        self.loggers: dict[logging.Logger, tuple[list[logging.Handler], int, bool, bool]] = {
            logger: (list(logger.handlers), logger.level, logger.propagate, logger.disabled)
            for logger in [logging.root, *manager.loggerDict.values()] if isinstance(logger, logging.Logger)}

    def restore(self) -> None:
        manager = logging.Logger.manager
        kept = set().union(*(handlers for handlers, *_ in self.loggers.values()))
        added: list[logging.Handler] = []
        for name in set(manager.loggerDict) - self.names:
            logger: Any = manager.loggerDict.pop(name, None)
            if isinstance(logger, logging.Logger):
                added.extend(logger.handlers)
                logger.handlers = []
        for logger, (handlers, level, propagate, disabled) in self.loggers.items():
            if logger.handlers != handlers:
                added.extend(handler for handler in logger.handlers if handler not in kept)
                logger.handlers = handlers
            logger.level, logger.propagate, logger.disabled = level, propagate, disabled
        manager.disable = self.disable
        manager._clear_cache()  # type: ignore[attr-defined]
        for handler in added:
            try:
                handler.close()
            except Exception:  # noqa: BLE001 - a script's handler that fails to close is its own
                pass

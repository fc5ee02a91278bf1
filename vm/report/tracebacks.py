"""Build the learner's traceback: their own frames only, with lines and columns.

Engine frames (safe points, guards, I/O) and library frames are left out, so the
innermost frame is always a line the learner wrote.
"""
from __future__ import annotations

import functools
import linecache
import sys
import traceback
import unicodedata
from collections.abc import Iterable
from types import CodeType, FrameType, TracebackType

from .results import SYNTAX_ERRORS, Frame, RunResult, Status

REPEAT_COLLAPSE_AFTER = 3


class SourceBook:
    """Filenames the run compiled through the engine, with their text."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def add(self, filename: str, source: str | bytes, cache: bool = True) -> None:
        """Remember the text; ``linecache`` learns it too (for ``traceback``/``inspect``)
        unless ``cache`` is false, as for ``exec("...")`` whose lines Python never shows."""
        if isinstance(source, bytes):
            source = source.decode("utf-8", "replace")
        self._lines[filename] = source.splitlines()
        if cache:
            lines = source.splitlines(keepends=True)
            linecache.cache[filename] = (len(source), None, lines, filename)

    def forget(self) -> None:
        """Take this run's texts back out of ``linecache``."""
        for filename in self._lines:
            linecache.cache.pop(filename, None)
        _frame_at.cache_clear()  # it holds this book and the run's code objects

    def is_user_code(self, code: CodeType) -> bool:
        return code.co_filename in self._lines

    def line(self, filename: str, number: int) -> str:
        lines = self._lines.get(filename, ())
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _char_column(line: str, byte_offset: int | None) -> int:
    """Code positions count UTF-8 bytes; learners count characters (from 1)."""
    if byte_offset is None:
        return 1
    prefix = line.encode("utf-8")[:byte_offset]
    return len(prefix.decode("utf-8", "replace")) + 1


@functools.lru_cache(maxsize=256)
def _positions(code: CodeType) -> list:
    return list(code.co_positions())


@functools.lru_cache(maxsize=4096)
def _frame_at(book: SourceBook, code: CodeType, lasti: int, lineno: int | None) -> Frame:
    """Frames of a deep recursion repeat: each distinct place is described once."""
    return _frame(book, code, lasti, lineno)


def _frame(book: SourceBook, code: CodeType, lasti: int, lineno: int | None) -> Frame:
    positions = _positions(code)
    index = max(lasti, 0) // 2
    start_line, end_line, start_col, end_col = (
        positions[index] if index < len(positions) else (lineno, lineno, None, None))
    line_number = start_line or lineno or code.co_firstlineno
    text = book.line(code.co_filename, line_number)
    end_text = book.line(code.co_filename, end_line) if end_line else text
    return Frame(
        filename=code.co_filename,
        line=line_number,
        column=_char_column(text, start_col),
        function=code.co_name,
        source=text,
        end_line=end_line,
        end_column=_char_column(end_text, end_col) if end_col is not None else None,
        span="\n".join(book.line(code.co_filename, number).rstrip() for number in range(line_number, end_line + 1))
        if end_line and end_line > line_number else "",
    )


def frames_from_live(book: SourceBook, frame: FrameType | None) -> tuple[Frame, ...]:
    """User frames of a running stack, outermost first."""
    collected = []
    while frame is not None:
        if book.is_user_code(frame.f_code):
            collected.append(_frame_at(book, frame.f_code, frame.f_lasti, frame.f_lineno))
        frame = frame.f_back
    return tuple(reversed(collected))


def frames_from_traceback(book: SourceBook, tb: TracebackType | None) -> tuple[Frame, ...]:
    """User frames of an exception's traceback, outermost first."""
    collected = []
    while tb is not None:
        if book.is_user_code(tb.tb_frame.f_code):
            collected.append(_frame_at(book, tb.tb_frame.f_code, tb.tb_lasti, tb.tb_lineno))
        tb = tb.tb_next
    return tuple(collected)


def syntax_error_frame(error: SyntaxError, filename: str, source: str) -> Frame:
    """Where the parser gave up; ``offset`` is already a 1-based character column."""
    line_number = error.lineno or 1
    lines = source.splitlines()
    text = lines[line_number - 1] if 0 < line_number <= len(lines) else (error.text or "")
    column = max(error.offset or 1, 1)
    if isinstance(error, IndentationError) and column > len(text.rstrip()):
        column = len(text) - len(text.lstrip()) + 1  # point at the misplaced statement
    end_line, end_column = getattr(error, "end_lineno", None), getattr(error, "end_offset", None)
    if end_line in (None, line_number) and (not end_column or end_column == -1 or end_column <= column) or \
            isinstance(error, IndentationError) and sys.version_info < (3, 13):
        end_line, end_column = line_number, column + 1  # one caret, as Python draws it
    return Frame(filename=filename, line=line_number, column=column,
                 function="<module>", source=text.rstrip("\n"),
                 end_line=end_line, end_column=end_column)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced console: CJK counts two, combining marks none."""
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def _caret_line(frame: Frame, whole_line: bool = False) -> str | None:
    """The carets under ``frame``'s expression; ``whole_line``: drawn even when they
    cover the whole line (a syntax error's are; a running line's are not)."""
    stripped = frame.source.lstrip()
    indent = len(frame.source) - len(stripped)
    start = frame.column - 1 - indent
    if start < 0 or not stripped:
        return None
    same_line = frame.end_line in (None, frame.line)
    end = (frame.end_column - 1 - indent) if (same_line and frame.end_column) else len(stripped)
    width = max(end - start, 1)
    if start == 0 and width >= len(stripped.rstrip()) and not whole_line:
        return None  # the whole line: a caret line adds nothing
    return " " * display_width(stripped[:start]) + "^" * max(display_width(stripped[start:start + width]), 1)


def _collapsed(frames: Iterable[Frame]) -> list[tuple[Frame, int]]:
    """Pairs (frame, repeats) folding identical consecutive frames, as Python does."""
    runs: list[tuple[Frame, int]] = []
    for frame in frames:
        if runs and runs[-1][0] == frame:
            runs[-1] = (frame, runs[-1][1] + 1)
        else:
            runs.append((frame, 1))
    return runs




def format_frame(frame: Frame, with_function: bool = True) -> list[str]:
    """One frame as Python's traceback shows it, carets and their ``~`` anchors included."""
    if with_function and frame.source.strip():
        return _python_format(frame)
    where = f", in {frame.function}" if with_function else ""
    lines = [f'  File "{frame.filename}", line {frame.line}{where}']
    if frame.source.strip():
        lines.append("    " + frame.source.strip())
        caret = _caret_line(frame, whole_line=not with_function)
        if caret:
            lines.append("    " + caret)
    return lines


def _python_format(frame: Frame) -> list[str]:
    """Through the running Python's own ``traceback`` (its carets differ by version).
    An expression spanning lines is shown whole from 3.13 on; before, Python underlines
    it to the end of its first line."""
    text = frame.source
    if frame.span and frame.end_column and sys.version_info >= (3, 13):
        last = frame.span.rsplit("\n", 1)[-1]
        summary = traceback.FrameSummary(
            frame.filename, frame.line, frame.function, lookup_line=False, line=frame.span + "\n",
            end_lineno=frame.end_line, colno=_byte_offset(text, frame.column),
            end_colno=_byte_offset(last, frame.end_column))
    else:
        same_line = frame.end_line in (None, frame.line)
        end_column = frame.end_column if same_line and frame.end_column else len(text) + 1
        summary = traceback.FrameSummary(
            frame.filename, frame.line, frame.function, lookup_line=False, line=text + "\n",
            end_lineno=frame.line, colno=_byte_offset(text, frame.column),
            end_colno=_byte_offset(text, end_column))
    return "".join(traceback.StackSummary.from_list([summary]).format()).rstrip("\n").split("\n")


def _byte_offset(line: str, column: int) -> int:
    """A 1-based character column as the UTF-8 byte offset code positions use."""
    return len(line[:max(column - 1, 0)].encode("utf-8"))


def format_result(result: RunResult) -> str:
    """The traceback text a learner sees for an error or a halt ('' otherwise)."""
    if result.status is Status.FINISHED or not result.error_type or result.reported_by_script:
        return ""  # a script's own ``sys.excepthook`` replaces the traceback, as in Python
    if result.error_type in SYNTAX_ERRORS and len(result.frames) == 1:
        out = format_frame(result.frames[0], with_function=False)
        out.append(f"{result.error_type}: {result.message}")
        return "\n".join(out) + "\n"
    out = ["Traceback (most recent call last):"] if result.frames else []
    for frame, repeats in _collapsed(result.frames):
        shown = min(repeats, REPEAT_COLLAPSE_AFTER)
        for _ in range(shown):
            out.extend(format_frame(frame))
        if repeats > shown:
            out.append(f"  [Previous line repeated {repeats - shown} more times]")
    out.append(f"{result.error_type}: {result.message}" if result.message else result.error_type)
    return "\n".join(out) + "\n"

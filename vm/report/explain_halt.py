"""The hint under a stop: where the program was, what it was waiting for, and why it stopped.

A stopped program was usually inside a loop: the sentence names the line, the loop
(the ``while True`` a learner forgot to leave, or the caller's loop), and a hint
about that loop; a program waiting in ``input()`` or ``sleep()`` is told so instead.
"""
from __future__ import annotations

import ast
from typing import assert_never

from ..core.i18n import N_, SPACE, _
from .results import HaltReason, RunResult

LOOP_NODES = (ast.While, ast.For, ast.AsyncFor)
WAITING = {  # RunResult.activity: what a stopped program was doing instead of computing
    "input": N_("waiting for you to type an answer (input)"),
    "sleep": N_("sleeping (time.sleep)"),
    "wait": N_("waiting for something else to happen (a thread, a timer or an event)"),
    "paused": N_("paused in the debugger"),
    "turtle": N_("animating its turtle drawing (turtle waits a little after every step: "
                 "speed(0), or tracer(0) with update(), draws at once)"),
    # The same, for a drawing that already asks for speed(0): only tracer(0) helps further.
    "turtle_fastest": N_("animating its turtle drawing (even at speed(0) turtle shows every step: "
                         "tracer(0) at the start and update() at the end draw it at once)"),
    "turtle_events": N_("waiting for key presses, clicks or timers in its drawing (turtle's mainloop/done)"),
    "plots": N_("showing its matplotlib figures (plt.pause, or an animation that plt.show() runs)"),
    "regex": N_("matching a regular expression whose repeats inside repeats can try an "
                "enormous number of ways to split the text"),
}



def _enclosing_loops(tree: ast.AST | None, line: int) -> list[ast.stmt]:
    """The loops around ``line`` in its own function (or module), innermost first."""
    loops: list[ast.stmt] = []
    node: ast.AST | None = tree
    while node is not None:
        inside = None
        for child in ast.iter_child_nodes(node):
            start, end = getattr(child, "lineno", None), getattr(child, "end_lineno", None)
            if start is not None and start <= line <= (end or start):
                inside = child
                break
        if isinstance(inside, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            loops = []  # the line runs in that function's frame: loops outside it are not running
        elif isinstance(inside, LOOP_NODES):
            loops.insert(0, inside)
        node = inside
    return loops


def _always_true(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and bool(test.value)


def _running_loop(tree: ast.AST | None, line: int) -> ast.stmt | None:
    """The loop a stop most likely interrupted: a ``for`` ends with its items, so a
    ``while`` around it (``while True:`` above all) is the one that kept going."""
    loops = _enclosing_loops(tree, line)
    endless = [loop for loop in loops if isinstance(loop, ast.While) and _always_true(loop.test)]
    whiles = [loop for loop in loops if isinstance(loop, ast.While)]
    return (endless or whiles or loops or [None])[0]


def _loop_hint(loop: ast.stmt) -> str:
    """What to check about ``loop``, in words that fit its kind."""
    if isinstance(loop, ast.While) and _always_true(loop.test):
        return _("If you did not expect it to run this long, check that the while loop reaches a break "
                 "(while True only ends there).")
    if isinstance(loop, ast.While):
        return _("If you did not expect it to run this long, check that the loop's condition can become false.")
    return _("If you did not expect it to run this long, check how many items the for loop goes through "
             "(a huge range, or a list that grows while the loop walks it).")


def _asks_fastest_turtle(tree: ast.AST | None) -> bool:
    """Whether the program already calls ``speed(0)`` (or ``speed("fastest")``)."""
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and (
                getattr(node.func, "attr", None) == "speed" or getattr(node.func, "id", None) == "speed"):
            if node.args[0].value in (0, "fastest"):
                return True
    return False


def _loop_of_the_stop(result: RunResult, tree: ast.AST | None) -> tuple[ast.stmt | None, bool]:
    """The loop that was running, and whether it is in a caller: a stop in a function with
    no loop of its own, called from a loop (a game's ``while True:``), names that loop."""
    for depth, frame in enumerate(reversed(result.frames)):
        if frame.filename != result.filename:
            continue
        loop = _running_loop(tree, frame.line)
        if loop is not None:
            return loop, depth > 0
    return None, False


def _where_it_was(result: RunResult, tree: ast.AST | None) -> str:
    frame = result.frames[-1]
    where = _("line {line}").format(line=frame.line)
    if frame.function not in ("<module>", "<lambda>") and not frame.function.startswith("<"):
        where = _("line {line} in the function {function}()").format(line=frame.line, function=frame.function)
    loop, in_caller = _loop_of_the_stop(result, tree)
    if loop is not None:
        kind = "while" if isinstance(loop, ast.While) else "for"
        inside = _("{where}, called from the {kind} loop that starts on line {start}") if in_caller \
            else _("{where}, inside the {kind} loop that starts on line {start}")
        where = inside.format(where=where, kind=kind, start=loop.lineno)
    return where


def explain_halt(result: RunResult, tree: ast.AST | None) -> str | None:
    """Why the program stopped where it did, and the loop it was in; None without a frame of the learner's."""
    if not result.frames:
        return None  # nothing of the learner's was running: the message says it all
    where = _where_it_was(result, tree)
    reason = result.reason or HaltReason.USER
    activity = result.activity or ""
    if activity == "turtle" and _asks_fastest_turtle(tree):
        activity = "turtle_fastest"
    waiting = WAITING.get(activity)
    if waiting is not None:
        if reason is HaltReason.USER:
            return _("You stopped the program while it was {doing} at {where}.").format(doing=_(waiting), where=where)
        return _("The program was stopped while it was {doing} at {where}.").format(doing=_(waiting), where=where)
    loop, _in_caller = _loop_of_the_stop(result, tree)
    hint = SPACE() + _loop_hint(loop) if loop is not None else ""
    return halt_sentence(reason, where, hint)


def halt_sentence(reason: HaltReason, where: str, hint: str = "") -> str:
    """Why a run halted at ``where`` (a line and its loop), and the loop's ``hint``;
    every reason has its words (mypy and a test check the match is exhaustive)."""
    match reason:
        case HaltReason.USER:
            return _("You stopped the program while it was at {where}.").format(where=where) + hint
        case HaltReason.TIME_LIMIT:
            return _("The program ran out of time at {where}.").format(where=where) + hint
        case HaltReason.OUTPUT_LIMIT:
            return _("The program printed too much and was stopped at {where}.").format(where=where) + hint
        case HaltReason.MEMORY_LIMIT:
            return _("The program used too much memory and was stopped at {where}: it may be filling a list "
                     "forever.").format(where=where)
        case HaltReason.ENDED:
            return _("The program had already ended; Sprout stopped a thread it left running at {where}.").format(
                where=where)
        case _:
            assert_never(reason)

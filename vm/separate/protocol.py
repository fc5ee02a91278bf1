"""The words the IDE (or the terminal) and a worker process say to each other.

One JSON object per line, in UTF-8, over the worker's stdin (requests) and stdout
(reports). Only plain data crosses: strings, numbers, lists, dicts. A result is the
``RunResult`` as data, its values already described as words by the engine, so no
learner object is ever pickled. The first line a worker writes is ``hello`` with its
``PROTOCOL_VERSION``; a worker of another version is refused before it is given a run.

Requests (to the worker): ``run``, ``input``, ``stop``.
Reports (from the worker): ``hello``, ``output``, ``input_request``, ``where``,
``notice``, ``result``.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, fields
from typing import Any

from vm import Frame, FrameSnapshot, HaltReason, Limits, RunResult, Status, ValueNode

PROTOCOL_VERSION = 1

Message = dict[str, Any]


class ProtocolError(Exception):
    """A line that is not a message of this protocol (a broken or foreign worker)."""


# ---- building messages ---------------------------------------------------------------
def hello(pid: int) -> Message:
    return {"type": "hello", "version": PROTOCOL_VERSION, "pid": pid}


def run_request(source: str, filename: str, folder: str | None, argv: list[str] | None,
                limits: Limits | None, keep_namespace: bool, working_folder: str | None) -> Message:
    return {"type": "run", "source": source, "filename": filename, "folder": folder, "argv": argv,
            "limits": asdict(limits) if limits is not None else None, "keep_namespace": keep_namespace,
            "working_folder": working_folder}


def output(stream: str, text: str) -> Message:
    return {"type": "output", "stream": stream, "text": text}


def input_request(prompt: str) -> Message:
    return {"type": "input_request", "prompt": prompt}


def input_reply(text: str | None) -> Message:
    """``None``: the end of input (Ctrl+D, the console closed)."""
    return {"type": "input", "text": text}


def stop(reason: HaltReason) -> Message:
    return {"type": "stop", "reason": reason.value}


def where(line: int, function: str, activity: str | None) -> Message:
    """Where the script's main thread is (sent when it changes), so a run that has to be
    ended from outside can still say which line it was on."""
    return {"type": "where", "line": line, "function": function, "activity": activity}


def notice(kind: str) -> Message:
    """Something the program did that this host cannot show (``drawing``, ``plots``)."""
    return {"type": "notice", "kind": kind}


def result(run_result: RunResult) -> Message:
    return {"type": "result", "result": result_to_data(run_result)}


# ---- results as data ---------------------------------------------------------------
def result_to_data(run_result: RunResult) -> dict[str, Any]:
    """Plain data: the frames and the snapshot's value descriptions become dicts and lists."""
    return asdict(run_result)


def result_from_data(data: dict[str, Any]) -> RunResult:
    names = {field.name for field in fields(RunResult)}
    values = {key: value for key, value in data.items() if key in names}
    values["frames"] = tuple(_build(Frame, frame) for frame in data.get("frames", ()))
    values["snapshot"] = tuple(_frame_snapshot(frame) for frame in data.get("snapshot", ()))
    values["leftovers"] = tuple(data.get("leftovers", ()))
    values["status"] = Status(data["status"])
    values["reason"] = HaltReason(data["reason"]) if data.get("reason") else None
    return RunResult(**values)


def limits_from_data(data: dict[str, Any] | None) -> Limits | None:
    return None if data is None else _build(Limits, data)


def _build(kind: Any, data: dict[str, Any]) -> Any:
    names = {field.name for field in fields(kind)}
    return kind(**{key: value for key, value in data.items() if key in names})


def _value_node(data: dict[str, Any]) -> ValueNode:
    return ValueNode(data["name"], data["type_name"], data["summary"],
                     tuple(_value_node(child) for child in data.get("children", ())))


def _frame_snapshot(data: dict[str, Any]) -> FrameSnapshot:
    return FrameSnapshot(data["function"], data["filename"], data["line"],
                         tuple(_value_node(node) for node in data.get("local_values", ())),
                         tuple(_value_node(node) for node in data.get("global_values", ())))


# ---- lines on a pipe -----------------------------------------------------------------
def encode(message: Message) -> bytes:
    # ``ensure_ascii`` keeps every line one line whatever the text holds (U+2028 too).
    return (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii")


def decode(line: bytes) -> Message:
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(f"not a message: {line[:80]!r}") from error
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError(f"not a message: {line[:80]!r}")
    return message


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (a pipe may take part of a long line at a time)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]

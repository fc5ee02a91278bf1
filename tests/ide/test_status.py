"""The status bar's words (``ide/status.py``): every way a run can end has its own."""
from ide.run_state import RunState
from ide.status import describe
from vm import Frame, HaltReason, RunResult, Status


def test_every_halt_reason_has_words_in_the_status_bar(qapp):
    words = {reason: describe(RunState.STOPPED, 0.0, RunResult(status=Status.HALTED, reason=reason), None)
             for reason in HaltReason}
    assert all(words.values()), words
    assert words[HaltReason.TIME_LIMIT] == "Stopped: time limit reached"
    assert words[HaltReason.USER] == words[HaltReason.ENDED] == "Stopped"


def test_an_abandoned_run_reads_as_stopped_by_the_user(qapp):
    assert describe(RunState.STOPPED, 0.0, RunResult.abandoned("left"), None) == "Stopped"
    frame = Frame(filename="main.py", line=2, column=1, function="<module>", source="1/0")
    error = RunResult(status=Status.ERROR, error_type="ZeroDivisionError", frames=(frame,))
    assert describe(RunState.ERROR, 0.0, error, None) == "Error: ZeroDivisionError on line 2"

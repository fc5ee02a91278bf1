"""After a run the values stay visible: a safe description of the frames, taken at the end."""
from tests.vm.harness import Harness


def _values(nodes) -> dict:
    return {node.name: node for node in nodes}


def test_an_error_keeps_the_failing_frames_values():
    harness = Harness()
    result = harness.run('''
        def last_item(items):
            i = len(items)
            return items[i]
        scores = [3, 1, 4, 1, 5]
        last_item(scores)
    ''')
    assert result.status == "error" and result.error_type == "IndexError"
    assert [frame.function for frame in result.snapshot] == ["<module>", "last_item"]
    failing = result.snapshot[-1]
    local = _values(failing.local_values)
    assert failing.line == 4
    assert local["i"].summary == "5"
    assert local["items"].type_name == "list, 5 items"
    assert [child.summary for child in local["items"].children] == ["3", "1", "4", "1", "5"]
    assert "scores" in _values(failing.global_values)


def test_a_finished_run_keeps_its_globals_and_never_calls_learner_methods():
    harness = Harness()
    result = harness.run('''
        class Loud:
            def __repr__(self):
                while True:
                    pass
        thing = Loud()
        thing.size = 3
        total = sum(range(10))
    ''')
    assert result.status == "finished"
    (main,) = result.snapshot
    values = _values(main.global_values)
    assert values["total"].summary == "45"
    assert values["thing"].summary == "Loud(size=3)"


def test_a_stopped_run_keeps_the_values_where_it_stopped():
    harness = Harness()
    result, _ = harness.stop_at('''
        count = 0
        print('ready')
        while True:
            count += 1
    ''')
    assert result.status == "halted"
    values = _values(result.snapshot[-1].global_values)
    assert int(values["count"].summary) > 0


def test_huge_values_are_described_within_bounds():
    harness = Harness()
    result = harness.run("grid = [[0] * 1000 for _ in range(1000)]\n")
    (main,) = result.snapshot
    grid = _values(main.global_values)["grid"]
    assert len(grid.children) <= 200
    assert sum(len(row.children) for row in grid.children) <= 4000


def test_common_values_are_described_as_the_general_path_describes_them():
    from vm.inspector import _SAFE, summary_of
    values = [0, -5, 10**17, -(10**17), 10**30, 1.5, -0.0, float("inf"), True, None, "abc", "",
              "x" * 78, "x" * 79, "é" * 80, "a\n" * 40, "'quoted'"]
    assert [summary_of(value) for value in values] == [_SAFE.repr(value) for value in values]
    sequences = [[], (), [1], (1,), (1, 2), list(range(8)), list(range(9)), tuple(range(300)),
                 ["a", 1.5, None, True], [1, [2]], [1, 10**30], ("x" * 90,), [0] * 8 + [object()]]
    for level in (3, 2, 1, 0):
        assert [summary_of(value, level) for value in sequences] == \
               [_SAFE.repr1(value, level) for value in sequences], level

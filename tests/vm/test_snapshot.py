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
    from vm.report.inspector import _SAFE, summary_of
    values = [0, -5, 10**17, -(10**17), 10**30, 1.5, -0.0, float("inf"), True, None, "abc", "",
              "x" * 78, "x" * 79, "é" * 80, "a\n" * 40, "'quoted'"]
    assert [summary_of(value) for value in values] == [_SAFE.repr(value) for value in values]
    sequences = [[], (), [1], (1,), (1, 2), list(range(8)), list(range(9)), tuple(range(300)),
                 ["a", 1.5, None, True], [1, [2]], [1, 10**30], ("x" * 90,), [0] * 8 + [object()]]
    for level in (3, 2, 1, 0):
        assert [summary_of(value, level) for value in sequences] == \
               [_SAFE.repr1(value, level) for value in sequences], level


def test_a_program_holding_a_turtle_keeps_all_its_values_with_cycles_and_deep_nesting():
    harness = Harness()
    result = harness.run('''
        import turtle
        pen = turtle.Turtle()
        pen.forward(50)
        ring = []
        ring.append(ring)
        class Node:
            pass
        node = Node()
        node.next = node
        deep = []
        for _ in range(10_000):
            deep = [deep]
        score = 42
    ''')
    assert result.status == "finished", result.message
    (main,) = result.snapshot
    values = _values(main.global_values)
    assert {"turtle", "pen", "ring", "Node", "node", "deep", "score"} <= set(values)
    assert values["score"].summary == "42"
    assert values["pen"].type_name == "Turtle"
    pen = _values(values["pen"].children)
    assert pen["_position"].summary == "Vec2D(50.0, 0.0)"  # a tuple subclass, by tuple's own methods
    assert values["ring"].summary == "[[[[...]]]]"
    assert values["node"].summary.startswith("Node(next=Node(next=")
    assert values["deep"].type_name == "list, 1 item" and values["deep"].summary.endswith("]]]]")


def test_a_value_that_cannot_be_described_shows_a_placeholder_beside_the_others():
    harness = Harness()
    result = harness.run('''
        class Failing:
            def __repr__(self):
                raise ValueError("no")
        class Looping:
            def __repr__(self):
                return repr(self)
        class Guarded:
            def __getattribute__(self, name):
                raise RuntimeError(name)
        class Meta(type):
            @property
            def __mro__(cls):
                raise RuntimeError("no order")
        class Strange(metaclass=Meta):
            pass
        class Loud(type):
            def __getattr__(cls, name):
                raise RuntimeError(name)
        class Pair(tuple, metaclass=Loud):
            pass
        class Tally(dict):
            def __len__(self):
                raise RuntimeError("never asked")
            def items(self):
                raise RuntimeError("never asked")
        before = 1
        failing = Failing()
        failing.size = 2
        looping = Looping()
        guarded = Guarded()
        object.__setattr__(guarded, "hidden", 3)
        strange = Strange()
        pair = Pair((1, 2))
        tally = Tally(a=1)
        after = 2
    ''')
    assert result.status == "finished", result.message
    (main,) = result.snapshot
    values = _values(main.global_values)
    assert values["before"].summary == "1" and values["after"].summary == "2"
    assert values["failing"].summary == "Failing(size=2)"   # its __repr__ is never called
    assert values["looping"].summary == "Looping()"
    assert values["guarded"].summary == "Guarded(hidden=3)"
    assert values["strange"].summary == "Strange()"  # the metaclass's __mro__ is not asked
    assert values["pair"].summary == "Pair(1, 2)"    # nor its __getattr__
    assert values["tally"].summary == "Tally({'a': 1})" and values["tally"].type_name == "Tally, 1 item"


def test_subclasses_of_built_in_types_are_described_through_their_base():
    from collections import Counter, OrderedDict, namedtuple

    from vm.report.inspector import children_of, describe
    Point = namedtuple("Point", "x y")

    class Name(str):
        def __repr__(self):
            raise AssertionError("called")

    assert describe("p", Point(1, 2)).summary == "Point(x=1, y=2)"
    assert describe("c", Counter("aab")).summary == "Counter({'a': 2, 'b': 1})"
    assert describe("o", OrderedDict(a=1)).summary == "OrderedDict({'a': 1})"
    assert describe("n", Name("Ada")).summary == "Name('Ada')"
    assert [label for label, _ in children_of(Point(1, 2))] == ["[0]", "[1]"]
    assert describe("big", 10 ** 5000).summary.startswith("<int of ")


def test_one_value_whose_description_fails_hides_none_of_the_others(monkeypatch):
    import vm.report.inspector
    real = vm.report.inspector._instance_dict

    def failing(value):
        if type(value).__name__ == "Broken":
            raise RuntimeError("dictionary changed size during iteration")
        return real(value)
    monkeypatch.setattr(vm.report.inspector, "_instance_dict", failing)
    harness = Harness()
    result = harness.run('''
        class Broken:
            pass
        before = [1, 2]
        broken = Broken()
        holder = {"inside": broken}
        after = "fine"
    ''')
    (main,) = result.snapshot
    values = _values(main.global_values)
    assert values["broken"].summary == "<cannot be shown>" and values["broken"].children == ()
    assert values["before"].summary == "[1, 2]" and values["after"].summary == "'fine'"
    holder = values["holder"]
    assert holder.summary == "{'inside': <cannot be shown>}"
    assert _values(holder.children)["'inside'"].summary == "<cannot be shown>"
    assert vm.report.inspector.describe("broken", result) is not None

"""What the drawing commands add up to: the items a window showing them would hold."""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.vm.harness import Harness


@dataclass
class Scene:
    items: dict[int, dict] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)
    background: str = ""
    title: str = ""
    window: tuple[int, int] = (0, 0)
    opened: int = 0
    closed: bool = False
    focused: bool = False

    def visible(self, kind: str) -> list[dict]:
        """Items of ``kind`` that show something (turtle keeps invisible ones around)."""
        shown = []
        for item in (self.items[number] for number in self.order):
            options = item["options"]
            if item["kind"] == kind and (options.get("fill") or options.get("outline")
                                         or kind in ("text", "image")):
                shown.append(item)
        return shown

    def lines(self) -> list[dict]:
        """Visible lines that go somewhere (a dot is a line that stays on one point)."""
        def places(item: dict) -> set:
            return set(zip(item["coords"][0::2], item["coords"][1::2], strict=False))
        return [item for item in self.visible("line") if len(places(item)) > 1]


def scene_of(commands: list[tuple]) -> Scene:
    scene = Scene()
    for command in commands:
        kind = command[0]
        if kind == "open":
            scene = Scene(opened=scene.opened + 1, title=command[1])
        elif kind == "title":
            scene.title = command[1]
        elif kind == "window":
            scene.window = (command[1], command[2])
        elif kind == "background":
            scene.background = command[1]
        elif kind == "create":
            scene.items[command[1]] = {"kind": command[2], "coords": command[3], "options": dict(command[4])}
            scene.order.append(command[1])
        elif kind == "coords" and command[1] in scene.items:
            scene.items[command[1]]["coords"] = command[2]
        elif kind == "config" and command[1] in scene.items:
            scene.items[command[1]]["options"].update(command[2])
        elif kind == "delete":
            removed = list(scene.items) if command[1] is None else [command[1]]
            for number in removed:
                scene.items.pop(number, None)
                if number in scene.order:
                    scene.order.remove(number)
        elif kind in ("raise", "lower") and command[1] in scene.order:
            scene.order.remove(command[1])
            scene.order.insert(len(scene.order) if kind == "raise" else 0, command[1])
        elif kind == "focus":
            scene.focused = True
        elif kind == "close":
            scene.closed = True
    return scene


def draw(source: str, harness: Harness | None = None):
    """Run ``source`` to its end: the result, what it printed, and what it drew."""
    harness = harness or Harness()
    result = harness.run(source)
    return result, harness.text(), scene_of(harness.drawn)


def points(item: dict) -> list[tuple[float, float]]:
    coords = item["coords"]
    return [(round(x, 1), round(y, 1)) for x, y in zip(coords[0::2], coords[1::2], strict=True)]


def segments(scene: Scene) -> int:
    return sum(len(points(line)) - 1 for line in scene.lines())

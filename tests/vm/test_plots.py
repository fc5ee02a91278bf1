"""matplotlib in a run: Sprout's backend, figures handed over as they are shown,
stop-aware waits, windowed backends refused, and python's own behaviour elsewhere."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from tests.vm.harness import RUN_TIMEOUT, Harness
from vm import VM, explain

pytest.importorskip("matplotlib")


class PlotsHarness(Harness):
    """A harness that also keeps the plots messages."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple] = []
        self.vm = VM(on_output=self._on_output, on_input_request=self._on_input_request,
                     on_plots=self._on_plots)

    def _on_plots(self, messages: list[tuple]) -> None:
        with self._lock:
            self.messages.extend(messages)
            self._lock.notify_all()

    def figures(self) -> list:
        with self._lock:
            return [message[1] for message in self.messages if message[0] == "figure"]


@pytest.fixture
def plots() -> PlotsHarness:
    return PlotsHarness()


def test_show_hands_every_open_figure_over_and_returns(plots):
    result = plots.run("""
        import matplotlib
        import matplotlib.pyplot as plt
        print(matplotlib.get_backend())
        plt.plot([1, 2, 3])
        plt.figure(figsize=(4, 3), dpi=50)
        plt.bar(["a", "b"], [1, 2])
        plt.show()
        print("after", plt.get_fignums())
    """)
    assert result.status == "finished", result
    assert plots.text() == "module://vm.plots.backend\nafter [1, 2]\n"
    assert plots.messages[0] == ("clear",)
    first, second = plots.figures()
    assert (first.number, first.label, first.width, first.height) == (1, "Figure 1", 640, 480)
    assert (second.number, second.width, second.height) == (2, 200, 150)
    assert len(second.pixels) == 200 * 150 * 4


def test_figures_are_not_shown_without_show_as_under_python(plots):
    result = plots.run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.savefig(__import__("io").BytesIO())
    """)
    assert result.status == "finished", result
    assert plots.figures() == []


def test_each_program_starts_with_matplotlibs_settings_and_no_figures(plots):
    first = plots.run("""
        import matplotlib
        import matplotlib.pyplot as plt
        plt.rcParams["lines.linewidth"] = 9
        plt.ion()
        plt.figure()
        matplotlib.use("agg")
    """)
    assert first.status == "finished", first
    plots.chunks.clear()
    second = plots.run("""
        import matplotlib
        import matplotlib.pyplot as plt
        print(plt.rcParams["lines.linewidth"], plt.get_fignums(), matplotlib.is_interactive(), plt.get_backend())
    """)
    assert second.status == "finished", second
    assert plots.text() == "1.5 [] False module://vm.plots.backend\n"


@pytest.mark.parametrize("backend", ["TkAgg", "QtAgg"])
def test_a_backend_with_windows_of_its_own_is_refused_with_a_pointer_to_the_pane(plots, backend):
    result = plots.run(f"""
        import matplotlib.pyplot as plt
        import matplotlib
        matplotlib.use({backend!r})
    """)
    assert result.status == "error" and result.error_type == "ImportError", result
    assert result.frames[-1].line == 4
    assert "Plots pane" in result.message and backend.lower() in result.message


def test_stop_lands_in_a_pause_animation_and_says_what_it_was_doing(plots):
    result, latency = plots.stop_at("""
        import matplotlib.pyplot as plt
        line, = plt.plot([0, 1], [0, 1])
        print("ready")
        while True:
            plt.pause(10)
    """)
    assert result.status == "halted" and result.activity == "plots", result
    assert result.frames[-1].line == 6
    assert latency < 5  # it ends (the wait is sliced, 20 ms; the bound is generous)
    assert "showing its matplotlib figures" in explain(result, "")


def test_a_pause_request_lands_inside_plt_pause(plots):
    paused = threading.Event()

    def at_safe_point(frame) -> None:
        paused.set()

    running = plots.start("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        print("ready")
        plt.pause(30)
    """)
    plots.wait_for_output("ready")
    assert plots.vm.request_pause(at_safe_point)
    assert paused.wait(RUN_TIMEOUT)
    plots.vm.interrupt()
    assert running.result().status == "halted"


def test_func_animation_runs_its_frames_inside_show_then_show_returns(plots):
    result = plots.run("""
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        fig, ax = plt.subplots()
        line, = ax.plot([0, 1], [0, 0])
        seen = []
        def update(i):
            seen.append(i)
            line.set_ydata([0, i])
            return line,
        anim = FuncAnimation(fig, update, frames=6, interval=5, repeat=False)
        plt.show()
        print(seen[-1])
    """)
    assert result.status == "finished", result
    assert plots.text().strip() == "5"
    assert len(plots.figures()) >= 2  # the first picture and the frames after it
    assert {figure.key for figure in plots.figures()} == {plots.figures()[0].key}


def test_an_endless_animation_is_stopped_in_show(plots):
    result, latency = plots.stop_at("""
        import matplotlib.pyplot as plt
        from matplotlib.animation import FuncAnimation
        fig, ax = plt.subplots()
        line, = ax.plot([0, 1], [0, 0])
        def update(i):
            line.set_ydata([0, i % 3])
            if i == 3:
                print("ready", flush=True)
            return line,
        anim = FuncAnimation(fig, update, interval=5, cache_frame_data=False)
        plt.show()
    """)
    assert result.status == "halted", result
    assert latency < 5


def test_a_figure_that_cannot_be_drawn_gives_the_learners_line_and_a_hint(plots):
    source = textwrap.dedent("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.title("$x^$")
        plt.show()
    """)
    result = plots.run(source)
    assert result.status == "error" and result.error_type == "ValueError", result
    assert result.frames[-1].line == 5 and "SproutError" not in result.error_type
    assert "drawing one of them failed" in explain(result, source)


def test_close_ion_and_get_fignums_behave_as_under_python(plots):
    result = plots.run("""
        import matplotlib.pyplot as plt
        fig = plt.figure()
        plt.close(fig)
        plt.ion()
        plt.plot([1, 2])
        print(plt.get_fignums(), plt.isinteractive())
        plt.close("all")
        print(plt.get_fignums())
    """)
    assert result.status == "finished", result
    assert plots.text() == "[1] True\n[]\n"  # what python prints


def test_save_figure_writes_png_svg_and_pdf_after_the_run(plots, tmp_path):
    plots.run("""
        import matplotlib.pyplot as plt
        plt.figure(figsize=(2, 1), dpi=100)
        plt.plot([1, 2])
        plt.show()
    """)
    [figure] = plots.figures()
    for ending, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        target = tmp_path / f"out.{ending}"
        plots.vm.save_figure(figure.key, str(target))
        assert target.read_bytes().startswith(magic)
    with pytest.raises(LookupError):
        plots.vm.save_figure(figure.key + 1000, str(tmp_path / "missing.png"))


def test_sprout_does_not_load_matplotlib_for_a_program_that_does_not_use_it():
    code = ("import sys\nsys.path.insert(0, '.')\nfrom vm import VM\n"
            "VM(on_output=lambda s, t: None).run('print(1)')\n"
            "print('matplotlib' in sys.modules)\n")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert shown.stdout.strip() == "False"


def test_pause_hands_each_frame_over_while_the_program_runs(plots):
    running = plots.start("""
        import matplotlib.pyplot as plt
        line, = plt.plot([0, 1], [0, 0])
        for i in range(1000):
            line.set_ydata([0, i])
            plt.pause(0.01)
    """)
    started = time.monotonic()
    plots.wait_for(lambda: len([m for m in plots.messages if m[0] == "figure"]) >= 3)
    assert time.monotonic() - started < RUN_TIMEOUT
    plots.vm.interrupt()
    assert running.result().status == "halted"


def test_a_high_dpi_screen_gets_sharper_pictures_and_savefig_keeps_the_figures_size(plots, tmp_path):
    plots.vm.set_plot_pixel_ratio(2)
    target = tmp_path / "saved.png"
    result = plots.run(f"""
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(3, 2), dpi=100)
        plt.plot([1, 2])
        plt.show()
        fig.savefig({str(target)!r})
        print(fig.canvas.get_width_height())
    """)
    assert result.status == "finished", result
    assert plots.text() == "(300, 200)\n"  # what the program sees stays in screen pixels
    [picture] = plots.figures()
    assert (picture.width, picture.height, picture.ratio) == (600, 400, 2.0)
    assert target.read_bytes()[16:24] == (300).to_bytes(4, "big") + (200).to_bytes(4, "big")  # PNG size


def test_draw_then_flush_events_updates_the_pane_once_per_new_picture(plots):
    result = plots.run("""
        import matplotlib.pyplot as plt
        plt.ion()
        fig, ax = plt.subplots()
        line, = ax.plot([0, 1], [0, 1])
        for i in range(3):
            line.set_ydata([0, i])
            fig.canvas.draw()
            fig.canvas.flush_events()
        fig.canvas.flush_events()  # nothing new to show
    """)
    assert result.status == "finished", result
    assert len(plots.figures()) == 3

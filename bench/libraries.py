"""Do the libraries learners install work under Sprout as under plain Python?

    python bench/libraries.py [--env DIR] [--no-install] [LIBRARY ...]

For each library (numpy, pandas, matplotlib with the Agg backend, sympy, requests
without the network, Pillow, pygame with SDL's dummy drivers, rich, scipy) a short
program of the kind a course writes runs plainly (``python prog.py``) and through
Sprout (``python main.py run prog.py``), in a folder of its own, and what a learner
would see is compared: exit code, stdout, stderr. Sprout does not depend on these
libraries: the bench keeps them in a virtual environment of its own (made, and filled
with pip, on first use) and reports a library it cannot install as skipped.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300
ENGINE_NEEDS = ["regex"]  # what ``python main.py run`` imports besides the standard library
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
DEFAULT_ENV = CACHE / "sprout" / f"bench-libraries-py{sys.version_info.major}.{sys.version_info.minor}"
ENVIRONMENT = {"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "SDL_VIDEODRIVER": "dummy",
               "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1", "NO_COLOR": "1",
               "COLUMNS": "72", "TERM": "dumb"}

# library: (pip requirement, module to import, program)
PROGRAMS: dict[str, tuple[str, str, str]] = {
    "numpy": ("numpy", "numpy", """
        import numpy as np
        grid = np.arange(12).reshape(3, 4)
        print(grid, grid.sum(axis=0), grid.mean(), grid.dtype)
        rng = np.random.default_rng(7)
        samples = rng.normal(size=5)
        print(np.round(samples, 4), np.linalg.solve([[2, 1], [1, 3]], [3, 5]))
        total = 0
        for row in grid:
            total += int(row.max())
        print(total, np.where(grid % 5 == 0))
    """),
    "pandas": ("pandas", "pandas", """
        import io
        import pandas as pd
        marks = pd.read_csv(io.StringIO("name,subject,mark\\nAda,maths,18\\nAda,art,12\\n"
                                        "Bob,maths,9\\nBob,art,16\\nCy,maths,14\\n"))
        print(marks)
        print(marks.groupby("name")["mark"].mean())
        print(marks.pivot_table(index="name", columns="subject", values="mark"))
        print(marks.describe())
        marks["passed"] = marks["mark"] >= 10
        print(marks[marks.passed].to_string(index=False))
    """),
    "matplotlib": ("matplotlib", "matplotlib", """
        import io
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        xs = list(range(10))
        figure, axes = plt.subplots(figsize=(4, 3))
        axes.plot(xs, [x * x for x in xs], label="squares")
        axes.bar(xs, xs, alpha=0.3)
        axes.set_title("Squares"); axes.legend()
        picture = io.BytesIO()
        figure.savefig(picture, format="png", dpi=50)
        figure.savefig("squares.png", dpi=50)
        print(matplotlib.get_backend(), picture.getvalue()[:8], len(axes.lines), len(axes.patches))
        print(axes.get_title(), [label.get_text() for label in axes.get_legend().get_texts()])
        plt.show()  # Agg: nothing to show
        import pyparsing, dateutil, cycler, kiwisolver, contourpy
        print("ok")
    """),
    "sympy": ("sympy", "sympy", """
        from sympy import Eq, Integral, Rational, diff, expand, factor, pprint, sin, solve, symbols
        x, y = symbols("x y")
        print(expand((x + y) ** 3), factor(x ** 2 - 4))
        print(solve(Eq(x ** 2 - 5 * x + 6, 0), x), diff(sin(x) * x, x))
        pprint(Integral(x ** 2, (x, 0, 1)), use_unicode=False)
        print(Integral(x ** 2, (x, 0, 1)).doit(), Rational(1, 3) + Rational(1, 6))
    """),
    "requests": ("requests", "requests", """
        import requests
        request = requests.Request("GET", "https://example.com/search",
                                   params={"q": "sprout", "page": 2}, headers={"User-Agent": "lesson"})
        prepared = request.prepare()
        print(prepared.method, prepared.url, prepared.headers["User-Agent"])
        posted = requests.Request("POST", "https://example.com/api", json={"x": 1}).prepare()
        print(posted.body, posted.headers["Content-Type"])
        print(requests.codes.ok, requests.Session().headers["Accept"])
    """),
    "Pillow": ("Pillow", "PIL", """
        import io
        from PIL import Image, ImageDraw, ImageFilter
        picture = Image.new("RGB", (40, 30), "white")
        pen = ImageDraw.Draw(picture)
        pen.rectangle((5, 5, 20, 20), fill=(200, 30, 30))
        pen.line((0, 29, 39, 0), fill="blue", width=2)
        print(picture.size, picture.getpixel((10, 10)), picture.getpixel((0, 0)))
        small = picture.resize((20, 15)).filter(ImageFilter.BLUR)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG")
        again = Image.open(io.BytesIO(buffer.getvalue()))
        print(again.format, again.size, again.mode, sorted(picture.getcolors())[:2])
    """),
    "pygame": ("pygame", "pygame", """
        import pygame
        pygame.init()
        screen = pygame.display.set_mode((64, 48))
        clock = pygame.time.Clock()
        x, frames = 0, 0
        running = True
        while running:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    running = False
            screen.fill((0, 0, 0))
            pygame.draw.rect(screen, (255, 0, 0), (x, 10, 8, 8))
            pygame.display.flip()
            x += 4
            frames += 1
            if frames == 10:
                pygame.event.post(pygame.event.Event(pygame.QUIT))
            clock.tick(120)
        print(frames, x, screen.get_at((x - 4 + 1, 12)), pygame.display.get_driver())
        pygame.quit()
    """),
    "rich": ("rich", "rich", """
        from rich.console import Console
        from rich.table import Table
        console = Console(width=60, color_system=None)
        table = Table(title="Marks")
        table.add_column("name"); table.add_column("mark", justify="right")
        for name, mark in [("Ada", 18), ("Bob", 9)]:
            table.add_row(name, str(mark))
        console.print(table)
        console.print("[bold]done[/bold]", {"a": [1, 2]})
    """),
    "scipy": ("scipy", "scipy", """
        from scipy import integrate, optimize, stats
        print(round(integrate.quad(lambda x: x ** 2, 0, 3)[0], 6))
        best = optimize.minimize(lambda p: (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0, 0])
        print([round(value, 3) for value in best.x], best.success)
        print(round(stats.norm.cdf(1.96), 4), stats.linregress([1, 2, 3], [2, 4, 6.5]).slope)
    """),
}


def environment_python(env: Path, install: bool, wanted: list[str]) -> Path:
    """The bench's own Python, made and filled on first use."""
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        if not install:
            sys.exit(f"no environment at {env}: run without --no-install to make it")
        print(f"making {env} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    if install:
        quiet = ["-q", "--disable-pip-version-check"]
        subprocess.run([str(python), "-m", "pip", "install", *quiet, *ENGINE_NEEDS], check=True)
        for library in wanted:
            requirement, module, _ = PROGRAMS[library]
            if not importable(python, module):
                print(f"installing {requirement} ...", flush=True)
                subprocess.run([str(python), "-m", "pip", "install", *quiet, requirement], check=False)
    return python


def importable(python: Path, module: str) -> bool:
    return subprocess.run([str(python), "-c", f"import {module}"], capture_output=True,
                          timeout=TIMEOUT, check=False).returncode == 0


def outcome(command: list[str], folder: Path) -> tuple[tuple[int, str, str], float]:
    """(exit code, stdout, stderr) of one run, and its wall time."""
    env = {**os.environ, **ENVIRONMENT}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a learner's machine
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL, cwd=folder)
    except subprocess.TimeoutExpired:
        return (-1, "", "timed out"), time.perf_counter() - started
    return (done.returncode, done.stdout, done.stderr), time.perf_counter() - started


def compare(python: Path, library: str) -> str:
    _, module, program = PROGRAMS[library]
    if not importable(python, module):
        return f"{library:11} skipped: {module} is not installed in the bench environment"
    with tempfile.TemporaryDirectory(prefix=f"sprout-{library}-") as folder:
        script = Path(folder) / "lesson.py"
        script.write_text(textwrap.dedent(program).lstrip(), encoding="utf-8")
        outcome([str(python), str(script)], Path(folder))  # warm: imports' bytecode is cached
        plain, plain_time = outcome([str(python), str(script)], Path(folder))
        engine, engine_time = outcome([str(python), str(ROOT / "main.py"), "run", str(script)], Path(folder))
    times = f"plain {plain_time:5.2f} s, sprout {engine_time:5.2f} s"
    if plain[0] != 0:
        return f"{library:11} plain Python fails (exit {plain[0]}): {plain[2].strip()[-300:]}"
    if plain == engine:
        return f"{library:11} same       ({times})"
    lines = [f"{library:11} DIFFERENT  ({times})"]
    for name, mine, theirs in zip(("exit code", "stdout", "stderr"), plain, engine, strict=True):
        if mine != theirs:
            lines.append(f"    {name}, plain:\n{textwrap.indent(str(mine), '      ')}")
            lines.append(f"    {name}, sprout:\n{textwrap.indent(str(theirs), '      ')}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", type=Path, default=DEFAULT_ENV, help=f"virtual environment (default {DEFAULT_ENV})")
    parser.add_argument("--no-install", action="store_true", help="use the environment as it is")
    parser.add_argument("libraries", nargs="*", default=list(PROGRAMS), metavar="LIBRARY",
                        help=f"some of: {', '.join(PROGRAMS)}")
    args = parser.parse_args()
    unknown = sorted(set(args.libraries) - set(PROGRAMS))
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}")
    python = environment_python(args.env, not args.no_install, args.libraries)
    print(f"Python {sys.version.split()[0]} in {args.env}")
    started = time.time()
    results = [compare(python, library) for library in args.libraries]
    print("\n".join(results))
    same = sum(" same " in result for result in results)
    ran = sum(" skipped:" not in result for result in results)
    print(f"same in {same} of {ran} libraries run ({len(results) - ran} skipped)")
    spoiled = instrumented_bytecode(args.env, started)
    print(f"bytecode with Sprout's names written to the environment: {len(spoiled)}",
          *(f"  {path}" for path in spoiled[:10]), sep="\n")


def instrumented_bytecode(env: Path, since: float) -> list[Path]:
    """Bytecode written during the bench that plain Python could not run (it must be none)."""
    return [path for path in env.rglob("*.pyc")
            if path.stat().st_mtime >= since and b"__sprout" in path.read_bytes()]


if __name__ == "__main__":
    main()

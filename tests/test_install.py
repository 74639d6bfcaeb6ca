"""The generator installed from a wheel (not from this checkout) makes, fills and builds a new site.

The templates, theme files and starter site live in templates/ at the top of the repository; the wheel must
carry them (pyproject.toml maps them to generator/templates), or `new` and the plugin fail for an editor who
installed the package normally.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .sites import ROOT, STORY2_PAGES


def run(*args, cwd: Path, env=None) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_wheel_has_what_new_and_the_plugin_need(tmp_path):
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        str(tmp_path / "dist"),
        str(ROOT),
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    # A virtual environment that sees the dependencies installed here but gets the generator from the wheel.
    # Not `venv --system-site-packages`: inside a virtual environment (as a newcomer runs the tests) that sees
    # the base interpreter's packages, not this environment's. A .pth file lists this interpreter's own
    # site-packages folders after the new environment's; their .pth files (the editable install of this
    # checkout) are not read, so `generator` can only come from the wheel.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path)
    purelib = purelib.stdout.strip()
    ours = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    (Path(purelib) / "outer-environment.pth").write_text("\n".join(ours) + "\n")
    run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-compile",
        "--target",
        purelib,
        str(wheel),
        cwd=tmp_path,
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
    where = run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path, env=env).stdout
    assert str(venv) in where, f"the generator was imported from {where}, not from the wheel"
    site = tmp_path / "site-project"
    run(python, "-m", "generator", "new", str(site), "--title", "From a wheel", cwd=tmp_path, env=env)
    run(python, "-m", "generator", "add", str(STORY2_PAGES[0]), cwd=site, env=env)
    run(python, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out"), cwd=site, env=env)
    assert (tmp_path / "out" / "assets" / "stylesheets" / "a11y.css").is_file()
    assert (tmp_path / "out" / "sources" / "index.html").is_file()

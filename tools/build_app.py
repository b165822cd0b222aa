"""Build the frozen Bridges for people without Python: ``python tools/build_app.py [--dist DIR]``.

A PyInstaller one-folder build from tools/bridges.spec: ``DIR/bridges/bridges`` (``bridges.exe`` on
Windows, also ``bridges-gui.exe`` without a console; ``Bridges.app`` on macOS) with everything the game
reads inside. Zip the ``bridges`` folder to hand it out; it runs where it was built (same system and
processor kind, a system at least as old). Needs the ``build`` extra: ``pip install -e '.[build]'``.

Prints the folder, its size and the build time; exit 0 when the build worked.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SPEC = TOOLS / "bridges.spec"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def executable(dist: Path, name: str = "bridges") -> Path:
    """The built program (``.exe`` on Windows)."""
    return dist / "bridges" / (f"{name}.exe" if os.name == "nt" else name)


def build(dist: Path, work: Path | None = None, quiet: bool = True) -> Path:
    """Run PyInstaller on the spec; return the program's path."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is not installed: pip install -e '.[build]' (or pip install pyinstaller)") from None
    work = work or dist.parent / "build-app"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist), "--workpath", str(work)]
    if quiet:
        command += ["--log-level", "WARN"]
    subprocess.run([*command, str(SPEC)], check=True)
    program = executable(dist)
    if not program.exists():
        raise SystemExit(f"PyInstaller finished but {program} is missing")
    return program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default="dist-app", help="output folder (default: dist-app); the app is DIST/bridges/")
    parser.add_argument("--work", help="PyInstaller's work folder (default: build-app beside DIST)")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    args = parser.parse_args(argv)
    dist = Path(args.dist).resolve()
    if (dist / "bridges").exists():
        shutil.rmtree(dist / "bridges")
    started = time.monotonic()
    program = build(dist, Path(args.work).resolve() if args.work else None, quiet=not args.verbose)
    seconds = time.monotonic() - started
    size = folder_size(dist / "bridges")
    print(f"built {program} in {seconds:.0f} s; the folder {dist / 'bridges'} holds {size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scenario packs: a folder, or a ``.zip`` of one, holding scenarios and their pictures.

Trainers share a pack as one file. A zip is unpacked into its own folder
under ``<data folder>/packs/`` (a folder is used where it is), and the
library lists its scenarios with the trainer's own from then on.

A zip is untrusted input, so before anything is written every entry is
checked: no absolute paths, drive letters or ``..``; no links; only
scenarios (``.yaml``), pictures and short text files; at most
:data:`MAX_FILES` files and :data:`MAX_TOTAL` bytes unpacked; no scenario over
the YAML size limit and no picture over the picture limit. While unpacking
the bytes are counted again (a zip may lie about its sizes). The pack is
unpacked beside its final place and moved there when complete, so a refused
or broken zip leaves nothing behind and an earlier copy of the pack stays
until the new one is whole.

No pygame here: the CLI and the UI both use it.
"""

from __future__ import annotations

import re
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from game.core import imagesize, yamlsafe
from game.resources import RULEBOOK_NAME
from game.store.paths import packs_dir

MAX_FILES = 200
MAX_TOTAL = 50 * 1024 * 1024
MAX_TEXT = 1024 * 1024
SCENARIO_TYPES = {".yaml"}
PICTURE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}
TEXT_TYPES = {".txt", ".md"}
SKIPPED_FOLDER = "__MACOSX/"  # what zipping on a Mac adds, and the folder views' files of macOS and Windows
SKIPPED_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
BAD_CHARACTERS = re.compile(r'[<>:"|?*\x00-\x1f]')
CHUNK = 64 * 1024


class PackError(Exception):
    """A pack that cannot be used; the message says which file and why."""


def is_pack_file(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def open_pack(path: Path, into: Path | None = None) -> Path:
    """The folder of a pack: a folder as it is, a ``.zip`` unpacked under ``into`` (the data folder's ``packs/``)."""
    path = Path(path)
    if path.is_dir():
        return path
    if path.is_file() and is_pack_file(path):
        return unpack(path, into)
    if not path.exists():
        raise PackError(f"'{path}' does not exist")
    raise PackError(f"'{path.name}' is not a folder or a .zip file of scenarios")


def pack_name(path: Path) -> str:
    """A folder name for a pack from its file name: letters, digits, '-' and '_' only."""
    name = re.sub(r"[^\w\-]+", "-", path.stem, flags=re.UNICODE).strip("-._")[:60]
    return name or "pack"


def limit_for(name: str) -> int:
    """The most bytes a file of this kind may have: the checker's limits for scenarios and pictures."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in SCENARIO_TYPES:
        return yamlsafe.MAX_BYTES
    if suffix in PICTURE_TYPES:
        return imagesize.MAX_BYTES
    return MAX_TEXT


def _too_large(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    kind = "a scenario file" if suffix in SCENARIO_TYPES else "a picture" if suffix in PICTURE_TYPES else "a text file"
    return f"'{name}' is larger than {limit_for(name) // (1024 * 1024)} MB, the most {kind} may have"


def _kind_problem(name: str) -> str | None:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in SCENARIO_TYPES | PICTURE_TYPES | TEXT_TYPES:
        return None
    kinds = ", ".join(sorted(SCENARIO_TYPES | PICTURE_TYPES | TEXT_TYPES))
    return f"'{name}' is not a scenario, a picture or a text file; a pack holds only {kinds} files"


def _path_problem(name: str) -> str | None:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"'{name}' is an absolute path; a pack's files must be inside it"
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return f"'{name}' contains '..'; a pack's files must stay inside it"
    if BAD_CHARACTERS.search(name):
        return f"'{name}' has a character that is not allowed in a file name (such as : * ? \" < > |)"
    if any(part.startswith(".") or part.endswith((" ", ".")) for part in parts):
        return f"'{name}' is a hidden file or ends in a dot or space; rename it"
    return None


def _is_link(info: zipfile.ZipInfo) -> bool:
    """A link or another special file, as a Unix zip records it (no type at all is a plain file)."""
    return stat.S_IFMT(info.external_attr >> 16) not in (0, stat.S_IFREG, stat.S_IFDIR)


def check_entries(archive: zipfile.ZipFile, label: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """The files to unpack with their names, after every check that needs no unpacking; raises PackError naming each problem."""
    problems: list[str] = []
    files: list[tuple[zipfile.ZipInfo, str]] = []
    seen: dict[str, str] = {}
    total = 0
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")  # some Windows tools separate folders with a backslash
        if name.startswith(SKIPPED_FOLDER) or PurePosixPath(name).name in SKIPPED_FILES:
            continue
        problem = _path_problem(name.rstrip("/"))
        if problem is None and _is_link(info):
            problem = f"'{name}' is a link; a pack holds only plain files"
        if problem is None and info.flag_bits & 0x1:
            problem = f"'{name}' is encrypted; pack it without a password"
        if problem is None and info.is_dir():
            continue
        if problem is None:
            problem = _kind_problem(name)
        if problem is None and info.file_size > limit_for(name):
            problem = _too_large(name)
        folded = name.casefold()
        if problem is None and folded in seen:
            problem = f"'{name}' and '{seen[folded]}' differ only in upper and lower case; rename one"
        if problem is not None:
            problems.append(problem)
            continue
        seen[folded] = name
        files.append((info, name))
        total += info.file_size
    if len(files) > MAX_FILES:
        problems.append(f"it holds {len(files)} files; a pack may hold at most {MAX_FILES}")
    if total > MAX_TOTAL:
        problems.append(f"it unpacks to {total // (1024 * 1024)} MB; a pack may be at most {MAX_TOTAL // (1024 * 1024)} MB")
    if not any(PurePosixPath(name).suffix.lower() in SCENARIO_TYPES for _, name in files) and not problems:
        problems.append("it holds no scenario (.yaml) file")
    if problems:
        shown = problems[:10] + ([f"... and {len(problems) - 10} more"] if len(problems) > 10 else [])
        raise PackError(f"cannot use the pack {label}:\n  " + "\n  ".join(shown))
    return files


def _extract(archive: zipfile.ZipFile, files: list[tuple[zipfile.ZipInfo, str]], folder: Path, label: str) -> None:
    """Write the checked files, counting bytes as they come: zipfile itself stops at the declared size and
    refuses a file whose checksum then fails, and this counts again in case it ever did not."""
    total = 0
    for info, name in files:
        target = folder.joinpath(*PurePosixPath(name).parts)
        if not target.resolve().is_relative_to(folder.resolve()):
            raise PackError(f"cannot use the pack {label}: '{name}' would be written outside the pack's folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        limit, written = limit_for(name), 0
        with archive.open(info) as source, open(target, "xb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                total += len(chunk)
                if written > limit or total > MAX_TOTAL:
                    raise PackError(f"cannot use the pack {label}: '{name}' unpacks to more than it says, past the limits; the zip is damaged or made to harm")
                out.write(chunk)


def unpack(path: Path, into: Path | None = None) -> Path:
    """Unpack a zip pack into ``into/<name>/`` (replacing an earlier copy) and return that folder."""
    into = into or packs_dir()
    label = f"'{path.name}'"
    try:
        with zipfile.ZipFile(path) as archive:
            files = check_entries(archive, label)
            into.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=into))
            try:
                _extract(archive, files, work, label)
                final = into / pack_name(path)
                old = final.with_name(f".old-{final.name}")
                shutil.rmtree(old, ignore_errors=True)
                if final.exists():
                    final.rename(old)
                work.rename(final)
                shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    except PackError:
        raise
    except zipfile.BadZipFile as exc:
        raise PackError(f"cannot use the pack {label}: it is not a readable zip file ({exc})") from None
    except (RuntimeError, NotImplementedError, zipfile.LargeZipFile, EOFError) as exc:  # passwords, unknown compression
        raise PackError(f"cannot use the pack {label}: {exc}") from None
    except OSError as exc:
        raise PackError(f"cannot use the pack {label}: {exc.strerror or exc}") from None
    return final


def scenario_files(folder: Path) -> list[Path]:
    """A pack's scenario files, at its top or in folders inside it (a zip made of a folder, one folder per scenario)."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SCENARIO_TYPES and p.name != RULEBOOK_NAME and p.is_file())


def scenario_folders(folder: Path) -> list[Path]:
    """The folders of a pack that hold scenarios, for the library."""
    return sorted({p.parent for p in scenario_files(folder)})


def unpacked_packs(into: Path | None = None) -> list[Path]:
    """The packs unpacked before, one folder each."""
    into = into or packs_dir()
    if not into.is_dir():
        return []
    return [p for p in sorted(into.iterdir()) if p.is_dir() and not p.name.startswith(".")]

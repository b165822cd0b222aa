"""Which languages the UI tests run in, and at which sizes and scales.

Every language with a catalog is tested. English and Bulgarian keep the full
matrix of window sizes and text scales; each further language runs the
sizes and scales where long words overflow first (the narrow windows and
1080p, at 100, 150 and 200 %), which keeps CI's added time to seconds per
language. A scenario's screens are tested in the languages it is written in
(a language it lacks shows the English text, which the English run covers).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from game.locale import languages

ALL = languages()
FULL = ("en", "bg")
SUBSET_SIZES = ((1280, 720), (1366, 768), (1280, 1024), (1920, 1080))
SUBSET_SCALES = (1.0, 1.5, 2.0)


def matrix(language: str, sizes, scales) -> tuple[tuple, tuple]:
    """The sizes and scales a layout test runs at in ``language``."""
    if language in FULL:
        return tuple(sizes), tuple(scales)
    return tuple(s for s in sizes if s in SUBSET_SIZES) or tuple(sizes)[:1], tuple(s for s in scales if s in SUBSET_SCALES) or tuple(scales)[-1:]


def written_in(path: Path) -> list[str]:
    """The languages a scenario file declares (its ``languages``), English if unreadable."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: collection stays quick
    except (OSError, yaml.YAMLError):
        return ["en"]
    found = data.get("languages") if isinstance(data, dict) else None
    return [lang for lang in found if isinstance(lang, str)] if isinstance(found, list) else ["en"]


def scenario_cases(paths: list[Path]) -> list[tuple[str, str]]:
    """(scenario id, language) for every scenario in English and Bulgarian, and in each further language it is written in;
    and once a scenario in a language it lacks (English texts with their EN tags in another language's screens)."""
    cases = [(path.stem, lang) for path in paths for lang in ALL if lang in FULL or lang in written_in(path)]
    fallback = next(((path.stem, lang) for path in paths for lang in ALL if (path.stem, lang) not in cases), None)
    return cases + ([fallback] if fallback else [])

"""Where statements go: the LRS endpoint, its key and secret, and the home page of players' accounts.

Read from ``lrs.json`` in the user's data folder (written by ``bridges lrs``)
and from environment variables, which win, for trainers' laptops set up in
bulk::

    BRIDGES_LRS_ENDPOINT=https://lrs.example.org/xAPI/
    BRIDGES_LRS_KEY=bridges
    BRIDGES_LRS_SECRET=...
    BRIDGES_LRS_HOMEPAGE=https://training.example.org     # players' accounts live here

``lrs.json``::

    {"endpoint": "https://lrs.example.org/xAPI/", "key": "bridges", "secret": "...", "homepage": "https://training.example.org"}
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from game.store.atomic import write_atomic
from game.store.paths import data_dir
from game.xapi.actors import DEFAULT_HOMEPAGE

FILE_NAME = "lrs.json"
FIELDS = ("endpoint", "key", "secret", "homepage")
ENV = {name: f"BRIDGES_LRS_{name.upper()}" for name in FIELDS}
MAX_BYTES = 64 * 1024


class ConfigError(ValueError):
    """A setting that cannot work, with what to do (shown as it is)."""


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str = ""
    key: str = ""
    secret: str = ""
    homepage: str = DEFAULT_HOMEPAGE

    @property
    def configured(self) -> bool:
        return bool(self.endpoint)

    @property
    def statements_url(self) -> str:
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/statements") else base + "/statements"

    def shown(self) -> str:
        """The endpoint without any password in it, for screens and messages."""
        parts = urlsplit(self.endpoint)
        return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}" if parts.scheme else self.endpoint


def config_path() -> Path:
    return data_dir() / FILE_NAME


def check_url(value: str, what: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{what} must be an http:// or https:// address such as https://lrs.example.org/xAPI/, not {value!r}")
    return value


def from_file(path: Path) -> dict[str, str]:
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return {k: v.strip() for k, v in raw.items() if k in FIELDS and isinstance(v, str)} if isinstance(raw, dict) else {}


def load(environ: dict[str, str] | None = None) -> LrsConfig:
    """The settings: ``lrs.json``, then the environment on top; a wrong address in either is left out (see :func:`problems`)."""
    environ = os.environ if environ is None else environ
    values = from_file(config_path())
    values.update({name: environ[var].strip() for name, var in ENV.items() if environ.get(var, "").strip()})
    for name in ("endpoint", "homepage"):
        if values.get(name):
            try:
                check_url(values[name], name)
            except ConfigError:
                values.pop(name)
    return LrsConfig(**{k: v for k, v in values.items() if v})


def problems(environ: dict[str, str] | None = None) -> list[str]:
    """What is wrong in the settings, one message each (empty when they can work)."""
    environ = os.environ if environ is None else environ
    found = []
    for source, values in (("lrs.json", from_file(config_path())), ("the environment", {n: environ.get(v, "") for n, v in ENV.items()})):
        for name in ("endpoint", "homepage"):
            if values.get(name, "").strip():
                try:
                    check_url(values[name], f"{name} in {source}")
                except ConfigError as exc:
                    found.append(str(exc))
    return found


def save(config: LrsConfig) -> Path:
    """Write ``lrs.json`` (the secret too: it lives in the user's own data folder, as a browser keeps a saved password)."""
    path = config_path()
    write_atomic(path, json.dumps(asdict(config), indent=2).encode("utf-8"))
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    return path

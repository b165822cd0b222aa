"""Pass one of the checker: the shape of a document, checked by the strict models.

Turns pydantic's errors into :class:`Problem` lines at the author's line
and column, with a suggestion where one exists.
"""

from __future__ import annotations

import functools
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.core.conditions import CONDITIONS
from game.core.problems import ContentError, Problem, did_you_mean
from game.core.yamlsafe import Document

M = TypeVar("M", bound=BaseModel)

_FRIENDLY = {
    "missing": "missing key '{key}'; add it",
    "string_type": "expected text{quote}",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "list_type": "expected a list (items starting with '- ', or [a, b])",
    "dict_type": "expected a mapping (key: value lines, or {{a: 1}})",
    "model_type": "expected a mapping (key: value lines, or {{a: 1}})",
    "model_attributes_type": "expected a mapping (key: value lines, or {{a: 1}})",
}
CONDITION_KEYS = frozenset(CONDITIONS)
CONDITIONS_WITH_IS = frozenset(key for key, cls in CONDITIONS.items() if "is_" in cls.model_fields)
_ID_PATTERNS = {"^[a-z0-9][a-z0-9_.\\-]*$", "^[a-z0-9][a-z0-9.\\-]*$"}


def field_names(model: type[BaseModel]) -> set[str]:
    """Every key any model reachable from ``model`` accepts (for suggestions)."""
    return set(_all_fields(model))


@functools.lru_cache(maxsize=None)
def _all_fields(model: type[BaseModel]) -> frozenset[str]:
    names: set[str] = set()
    stack, seen = [model], set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, info in cls.model_fields.items():
            names.add(info.alias or name)
            stack.extend(_models_in(info.annotation))
    return frozenset(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found += _models_in(meta)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found += _models_in(origin) if isinstance(origin, type) and issubclass(origin, BaseModel) else []
    return found


def resolve_path(data: Any, loc: tuple) -> tuple:
    """The longest path through ``data`` made of the elements of ``loc`` in order.

    pydantic's locations include union tags and validator names that are not
    keys of the author's file; this keeps only what is really there.
    """

    @functools.lru_cache(maxsize=None)
    def best(node_id: int, i: int) -> tuple:
        if i == len(loc):
            return ()
        node = nodes[node_id]
        skip = best(node_id, i + 1)
        key = loc[i]
        child = _child(node, key)
        if child is not _NONE:
            nodes.setdefault(id(child), child)
            take = (key,) + best(id(child), i + 1)
            if len(take) > len(skip):
                return take
        return skip

    nodes = {id(data): data}
    return best(id(data), 0)


_NONE = object()


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = _child(data, key)
    return data


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, dict) and isinstance(key, str) and key in node:
        return node[key]
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return _NONE


def dotted(path: tuple) -> str:
    """``('scenes', 'intro', 'options', 1)`` -> ``scenes.intro.options[1]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_shape(model: type[M], doc: Document, context: dict | None = None) -> tuple[M | None, list[Problem]]:
    """Validate a loaded document against a model; return it or the problems."""
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, [_problem(model, doc, error) for error in exc.errors(include_url=False)]


def _problem(model: type[BaseModel], doc: Document, error: dict) -> Problem:
    loc = tuple(error.get("loc", ()))
    kind = error.get("type", "")
    path = resolve_path(doc.data, loc)
    if kind == "value_error":  # raised by a model's own check: point at the mapping, not at a union tag that is also a key
        while path and not isinstance(_at(doc.data, path), dict):
            path = path[:-1]
    if kind == "extra_forbidden":
        key = loc[-1] if loc else "?"
        line, col = doc.where(path, key=True)
        parent = _at(doc.data, path[:-1])
        if key in ("is", "is_not") and isinstance(parent, dict) and (form := next((k for k in parent if k in CONDITION_KEYS), None)):
            message = _condition_form(form, parent, key)
        elif key in field_names(model):
            message = f"key '{key}' does not belong here; it is a key of {_owners(model, key)}: check its indentation (how far a line is indented decides what it belongs to)"
            if len(path) >= 2 and isinstance(path[-2], str) and path[-2] not in ("scenes",):
                message += f", or whether it should sit next to '{path[-2]}' rather than inside it"
        else:
            message = f"unknown key '{key}':" + (did_you_mean(key, field_names(model)) or " remove it or check the spelling")
        return Problem(doc.file, line, col, dotted(path), message)
    if kind == "missing":
        key = loc[-1] if loc else "?"
        line, col = doc.where(path)
        return Problem(doc.file, line, col, dotted(path), _FRIENDLY["missing"].format(key=key))
    line, col = doc.where(path)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if misplaced := _indented_as_an_id(model, doc, path):
        return Problem(doc.file, *doc.where(path, key=True), dotted(path), misplaced)
    if kind in _FRIENDLY:
        written = doc.sources.get(path, value)  # as the author wrote it: 1.10, not 1.1
        quote = f"; put it in quotes: \"{written}\"" if kind == "string_type" and isinstance(value, (int, float, bool)) else ""
        message = _FRIENDLY[kind].format(quote=quote)
        if kind != "string_type" and not isinstance(value, (dict, list)):
            message += ", but it is empty" if value is None else f", not {value!r}"
        if kind in ("int_type", "float_type", "bool_type") and isinstance(value, str) and _resolves(value.strip()):
            message += f": it is in quotes, which makes it text; remove the quotes ({path[-1] if path else 'value'}: {value.strip()})"
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        tag_key = str(ctx.get("discriminator", "kind")).strip("'")
        if path + (tag_key,) in doc.values:  # point at the 'kind:' line, not at the scene's first key
            line, col = doc.where(path + (tag_key,))
        if kind == "union_tag_not_found":
            message = f"missing key '{tag_key}'; add it"
        else:
            expected = ctx.get("expected_tags", "")
            message = f"unknown {tag_key} {ctx.get('tag')!r}; use one of {expected}." + did_you_mean(ctx.get("tag", ""), [t.strip(" '") for t in str(expected).split(",")])
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") in _ID_PATTERNS and isinstance(value, str):
        message = f"'{value}' is not an id: use lower-case letters, digits, '-' and '.'"
        slug = re.sub(r"[^a-z0-9.]+", "-", value.lower()).strip("-.")
        if slug and re.fullmatch(ctx["pattern"], slug):
            message += f", such as '{slug}'"
    elif kind == "too_short" and "min_length" in ctx:
        message = f"needs at least {_items(ctx['min_length'])}, found {ctx.get('actual_length', 'fewer')}; add more"
    elif kind == "too_long" and "max_length" in ctx:
        message = f"allows at most {_items(ctx['max_length'])}, found {ctx.get('actual_length', 'more')}; remove some"
    elif kind in ("less_than_equal", "greater_than_equal") and isinstance(value, (int, float)):
        bound = ("at most", ctx.get("le")) if kind == "less_than_equal" else ("at least", ctx.get("ge"))
        message = f"must be {bound[0]} {bound[1]}, not {doc.sources.get(path, value)}"
        if path and path[-1] == "count" and value == 0:
            message += "; to let the player pick nobody, keep the count and add 'refuse: {text: ..., evidence: ...}' to the scene"
    elif kind == "unknown_form" and isinstance(value, dict):
        keys = ", ".join(map(str, value)) or "nothing"
        message = f"{error.get('msg')} (found: {keys})"
        near = [did_you_mean(k, _form_keys(error.get("msg", ""))) for k in value]
        message += next((n for n in near if n), "")
    else:
        message = str(error.get("msg", "invalid value")).replace("Value error, ", "")
    return Problem(doc.file, line, col, dotted(path), message)


def _resolves(text: str) -> bool:
    """True when a quoted value would be a number or true/false without its quotes."""
    return text in ("true", "false") or re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", text) is not None


def _owners(model: type[BaseModel], key: str) -> str:
    """Which parts of the file take ``key``: 'a choice scene, an option'."""
    owners = []
    for cls in _all_models(model):
        if any((info.alias or name) == key for name, info in cls.model_fields.items()):
            words = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
            owners.append(_PART_NAMES.get(cls.__name__, words))
    owners = sorted(set(owners))
    shown = owners[:4] + (["..."] if len(owners) > 4 else [])
    return ", ".join(("an " if o[0] in "aeiou" else "a ") + o if o != "..." else o for o in shown)


_PART_NAMES = {
    "Scenario": "scenario (the top level)", "Outcome": "result (agreed, walked_away, left, in_order, out_of_order)", "Branch": "branch of next",
    "ResourceIs": "resource condition ({resource: budget, at_least: 200})", "TrustIs": "trust condition ({trust: partner, at_least: 60})",
    "Share": "share of an allocate scene (beside its 'evidence', not inside it)", "Refusal": "pick's refuse",
}


@functools.lru_cache(maxsize=None)
def _all_models(model: type[BaseModel]) -> tuple[type[BaseModel], ...]:
    found, stack = [], [model]
    while stack:
        cls = stack.pop()
        if cls in found:
            continue
        found.append(cls)
        for info in cls.model_fields.values():
            stack.extend(_models_in(info.annotation))
    return tuple(found)


def _condition_form(form: str, written: dict, key: str) -> str:
    """``{visited: x, is: false}``: say which form says that."""
    inner = {k: v for k, v in written.items() if k not in ("is", "is_not")}
    shown = "{" + ", ".join(f"{k}: {v}" for k, v in inner.items()) + "}"
    if key == "is" and written.get("is") is False:
        return f"a '{form}' condition has no 'is'; to say it does not hold, wrap it in not: {{not: {shown}}}"
    takes = ", ".join(sorted(CONDITIONS_WITH_IS))
    return f"a '{form}' condition has no '{key}'; only {takes} take it. To say a condition does not hold, write {{not: {shown}}}"


def _indented_as_an_id(model: type[BaseModel], doc: Document, path: tuple) -> str | None:
    """``next:`` written at the level of the scene ids is read as a scene called 'next': say so."""
    if len(path) != 2 or not isinstance(parent := _at(doc.data, path[:1]), dict) or not isinstance(parent.get(path[1]), (str, int, float, bool, type(None), list)):
        return None
    items = [v for k, v in parent.items() if isinstance(v, dict)]
    key = path[1]
    if not items or key not in field_names(model) or not any(key in _keys_of(item_model) for item_model in _item_models(model, path[0])):
        return None
    ids = list(parent)
    above = next((k for k in reversed(ids[: ids.index(key)]) if isinstance(parent[k], dict)), None)
    col = next(iter(doc.keys.get((path[0], above, k), (0, 0))[1] for k in parent[above]), 0) if above else 0
    where = f"; if it belongs to '{above}' above, indent it {col - 1} spaces, like that item's other keys" if above and col else ""
    return f"'{key}' is indented like one of the ids under '{path[0]}', so it is read as an item called '{key}'{where}"


def _item_models(model: type[BaseModel], field: str) -> list[type[BaseModel]]:
    """The models of the values of a field that maps ids to items (``scenes``), else none."""
    info = model.model_fields.get(field)
    annotation = info.annotation if info else None
    while getattr(annotation, "__metadata__", None) is not None:  # Annotated[dict[...], Field(...)]
        annotation = annotation.__origin__
    if getattr(annotation, "__origin__", None) is not dict:
        return []
    return _models_in(annotation.__args__[1])


def _keys_of(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _form_keys(message: str) -> list[str]:
    _, _, tail = message.partition("one of the keys:")
    return [k.strip() for k in tail.split(",") if k.strip()]


def shaped(model: type[M], doc: Document) -> M:
    """The document as a model, or ContentError with every problem (file:line:col)."""
    value, problems = check_shape(model, doc)
    if value is None:
        raise ContentError(problems)
    return value

"""Shared pieces of the content models: the strict base, language maps, ids.

Every model is strict: ``1.10`` is never turned into text, ``"3"`` never into
a number, and an unknown key is an error (with a suggestion from the checker).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Callable, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"
"""A language code: ISO 639 in lower case (``en``, ``bg``, ``el``, ``ro``, ``pl``, ``rom``), optionally a region (``pt-BR``)."""
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)
_LANGUAGE_HINT = "a language code in lower case, such as en, bg, el, ro or pl (a region may follow: pt-BR)"


def is_language_code(value: Any) -> bool:
    return isinstance(value, str) and bool(_LANGUAGE_RE.match(value))


def _language_code(value: str) -> str:
    if not is_language_code(value):
        raise PydanticCustomError("language_code", "'{value}' is not " + _LANGUAGE_HINT, {"value": value})
    return value


LanguageCode = Annotated[str, AfterValidator(_language_code), Field(json_schema_extra={"pattern": LANGUAGE_PATTERN}, description=_LANGUAGE_HINT)]

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=80, description="a lower-case id: letters, digits, '-', '_' and '.'")]
AMOUNT_LIMIT = 1_000_000_000
Amount = Annotated[int, Field(ge=-AMOUNT_LIMIT, le=AMOUNT_LIMIT, description="a whole number between -1,000,000,000 and 1,000,000,000")]
"""Every number a scenario gives (resources, costs, effects, bounds) lies in this range, and so does every resource in play."""
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80, description="a rule id from the rulebook")]
AssetPath = Annotated[str, Field(max_length=200, description="a relative path inside the scenario's folder or assets/")]


class Strict(BaseModel):
    """Base of every content model: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


def _text_schema(schema: dict[str, Any]) -> None:
    schema["patternProperties"] = {LANGUAGE_PATTERN: {"type": ["string", "null"], "description": "the text in that language"}}
    schema["additionalProperties"] = False


class Text(Strict):
    """Text in the languages a scenario provides; English is required, any other language code may follow.

    ```yaml
    text: {en: Call the three best-fitting NGOs, bg: Обадете се на трите най-подходящи организации, pl: Zadzwoń do trzech najlepiej pasujących organizacji}
    ```

    A language the text lacks falls back to English (:meth:`get`); the checker
    warns per language the scenario declares (``languages:``) and a text lacks.
    """

    model_config = ConfigDict(strict=True, extra="allow", frozen=True, populate_by_name=True, json_schema_extra=_text_schema)
    __pydantic_extra__: dict[str, str | None]

    en: Annotated[str, Field(min_length=1)]
    bg: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _keys_are_languages(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if not is_language_code(key):
                    raise PydanticCustomError(
                        "language_code",
                        "unknown key '{key}': a text's keys are language codes in lower case, such as en, bg, el, ro or pl; English ('en') is required",
                        {"key": str(key)},
                    )
        return data

    def texts(self) -> dict[str, str]:
        """Every language given, with its (non-empty) text, English first."""
        given = {"en": self.en, "bg": self.bg, **(self.model_extra or {})}
        return {lang: value for lang, value in given.items() if value}

    def has(self, language: str) -> bool:
        """Whether the text is written in ``language`` (not only by falling back to English)."""
        return language in self.texts()

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to English."""
        return self.texts().get(language) or self.en

    def missing(self, languages: "tuple[str, ...] | list[str]" = ("en", "bg")) -> list[str]:
        """Which of ``languages`` have no text (by default: English and Bulgarian, the handbook's own)."""
        given = self.texts()
        return [lang for lang in languages if lang not in given]


def keyed_union(registry: dict[str, type], what: str) -> Any:
    """An annotated union of models chosen by which key a mapping has.

    ``{resource: budget, at_least: 500}`` picks the class registered under
    ``resource``. Used for conditions and effects, so that each is one small
    class looked up by name and the JSON Schema lists every form.
    """

    def pick(value: Any) -> str | None:
        if isinstance(value, dict):
            for key in value:
                if key in registry:
                    return key
            return None
        for key, cls in registry.items():
            if isinstance(value, cls):
                return key
        return None

    members = tuple(Annotated[cls, Tag(key)] for key, cls in registry.items())
    message = f"not a known {what}; it must have one of the keys: {', '.join(registry)}"
    return Annotated[
        Union[members],  # type: ignore[valid-type]
        Discriminator(pick, custom_error_type="unknown_form", custom_error_message=message),
    ]


def forbid_both(first: str, second: str, shown: tuple[str, str] | None = None) -> Callable:
    """A validator refusing a model that sets both fields (or neither)."""
    names = shown or (first, second)

    @model_validator(mode="after")
    def check(self):  # type: ignore[no-untyped-def]
        a, b = getattr(self, first), getattr(self, second)
        if (a is None) == (b is None):
            raise ValueError(f"give exactly one of '{names[0]}' and '{names[1]}'")
        return self

    return check

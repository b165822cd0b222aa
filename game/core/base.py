"""Shared pieces of the content models: the strict base, language maps, ids.

Every model is strict: ``1.10`` is never turned into text, ``"3"`` never into
a number, and an unknown key is an error (with a suggestion from the checker).
"""

from __future__ import annotations

from typing import Annotated, Any, Callable, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

LANGUAGES = ("en", "bg")

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=80, description="a lower-case id: letters, digits, '-', '_' and '.'")]
AMOUNT_LIMIT = 1_000_000_000
Amount = Annotated[int, Field(ge=-AMOUNT_LIMIT, le=AMOUNT_LIMIT, description="a whole number between -1,000,000,000 and 1,000,000,000")]
"""Every number a scenario gives (resources, costs, effects, bounds) lies in this range, and so does every resource in play."""
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80, description="a rule id from the rulebook")]
AssetPath = Annotated[str, Field(max_length=200, description="a relative path inside the scenario's folder or assets/")]


class Strict(BaseModel):
    """Base of every content model: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    """Text in every language of the game; English is required.

    ```yaml
    text: {en: Call the three best-fitting NGOs, bg: Обадете се на трите най-подходящи организации}
    ```
    """

    en: Annotated[str, Field(min_length=1)]
    bg: str | None = None

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to English."""
        value = getattr(self, language, None) if language in LANGUAGES else None
        return value or self.en

    def missing(self) -> list[str]:
        """Languages with no text."""
        return [lang for lang in LANGUAGES if not getattr(self, lang)]


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

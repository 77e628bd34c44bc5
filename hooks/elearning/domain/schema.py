"""Turning schema validation errors into messages in the author's words.

Each content model declares its fields once, with a `description` that says what an author
must write ("a whole number of minutes greater than 0"). The messages below are derived
from those declarations, so a new field gets good messages without new code.
"""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

from .problems import Problems
from .source import Located

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ContentModel(BaseModel):
    """Strict: YAML already gives numbers and lists; '20' for a number is an author's slip."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def author_error(message: str) -> PydanticCustomError:
    """An error whose message is already in the author's words."""
    return PydanticCustomError("author", message)


def validate(model: type[ContentModel], source: Located, file: str, problems: Problems,
             context: dict | None = None, prefix: tuple = ()) -> Any | None:
    """Validate `source.data` against `model`; report each error with its line."""
    try:
        return model.model_validate(source.data, context=context)
    except ValidationError as errors:
        for error in errors.errors():
            loc = tuple(error["loc"])
            problems.add(file, source.line_of(loc), explain(model, error, prefix))
        return None


def explain(model: type[BaseModel], error: dict, prefix: tuple = ()) -> str:
    loc = tuple(error["loc"])
    key = ".".join(str(part) for part in prefix + loc) or "this file"
    kind = error["type"]
    if kind == "author":
        return error["msg"]
    if kind == "missing":
        return f"'{key}' is missing. Add '{loc[-1]}:' with {_description(model, loc)}."
    if kind == "extra_forbidden":
        known = ", ".join(_fields_at(model, loc[:-1]))
        return f"'{key}' is not a known key (known keys: {known}). Check the spelling."
    if kind in ("model_type", "dict_type") and not loc:
        return f"this must be a list of 'key: value' lines ({_description(model, loc)})."
    return f"'{key}' must be {_description(model, loc)} (you wrote {error['input']!r})."


def _field(model: type[BaseModel], loc: tuple):
    """The declared field that `loc` points into (list indexes and dict keys skipped)."""
    current, found = model, None
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            continue
        found = fields[part]
        current = _model_in(found.annotation)
    return found


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        inner = _model_in(arg)
        if inner is not None:
            return inner
    return None


def _description(model: type[BaseModel], loc: tuple) -> str:
    found = _field(model, loc)
    if found is not None and found.description:
        return found.description
    return model.__doc__.strip().splitlines()[0] if model.__doc__ else "a valid value"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    current: type[BaseModel] | None = model
    for part in loc:
        fields = getattr(current, "model_fields", {})
        if part in fields:
            current = _model_in(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def validate_entries(source: Located, model: type[ContentModel], file: str, problems: Problems,
                     context: dict, *, what: str, example: str) -> dict[str, Any]:
    """Each '<id>:' entry of a YAML mapping (audiences, contacts), validated against `model`."""
    entries = {}
    for entry_id in source.data:
        if not is_valid_id(entry_id):
            problems.add(file, source.line_of((entry_id,)),
                         f"'{entry_id}' is not a valid {what} id: use lower-case letters, "
                         f"digits and hyphens (for example {example}).")
            continue
        entry = validate(model, source.at(entry_id), file, problems, context=context,
                         prefix=(entry_id,))
        if entry is not None:
            entries[entry_id] = entry
    return entries


def is_valid_id(value: object) -> bool:
    """Lower-case letters, digits and hyphens: ids appear in addresses and in files."""
    return (isinstance(value, str) and value != "all" and value.replace("-", "").isalnum()
            and value == value.lower() and value.isascii() and not value.startswith("-"))

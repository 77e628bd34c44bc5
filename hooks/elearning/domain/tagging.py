"""Items tagged by audience, and the one mechanism that assembles them per audience.

Courses (modules) and toolkits (toolkit items) are both "the items for this audience, in
order": they share this code instead of each sorting and filtering on its own.
"""
from __future__ import annotations

from typing import Annotated, Any, Iterable, Protocol, TypeVar

from pydantic import AfterValidator, ValidationInfo

from .audiences import ALL, unknown_audience_message
from .schema import author_error


class Tagged(Protocol):
    slug: str
    audiences: tuple[str, ...]
    order: int | None


T = TypeVar("T", bound=Tagged)


def in_order(items: Iterable[T]) -> list[T]:
    """By `order` (items without one last), then slug."""
    return sorted(items, key=lambda item: (item.order is None, item.order or 0, item.slug))


def for_audience(items: Iterable[T], audience_id: str) -> list[T]:
    """The items meant for `audience_id`, in order."""
    return in_order(item for item in items if audience_id in item.audiences)


def _audience_ids(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    known = list((info.context or {}).get("audiences", ()))
    if value == ALL:
        return tuple(known)
    if isinstance(value, str):
        value = value.split()  # "audiences: employers" is read as a one-item list
    if not isinstance(value, list) or not value:
        raise author_error("'audiences' must be 'all' or a list of audience ids, "
                           "for example [municipalities, employers].")
    for audience_id in value:
        if audience_id not in known:
            raise author_error(unknown_audience_message(str(audience_id), known))
    return tuple(dict.fromkeys(value))


AudienceIds = Annotated[Any, AfterValidator(_audience_ids)]

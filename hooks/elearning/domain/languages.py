"""Text given in every language of the site (English first, as the source language)."""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, ValidationInfo

from .schema import Text, author_error


def _in_every_language(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages", ())
    missing = [lang for lang in languages if lang not in value]
    if missing:
        raise author_error(
            f"'{info.field_name}' has no text for {', '.join(missing)}: add "
            + ", ".join(f"'{lang}: ...'" for lang in missing)
            + f" under '{info.field_name}' (every language needs its own)."
        )
    unknown = [lang for lang in value if languages and lang not in languages]
    if unknown:
        raise author_error(
            f"'{info.field_name}' has text for {', '.join(unknown)}, which is not a language "
            f"of this site ({', '.join(languages)})."
        )
    return value


Translated = Annotated[dict[str, Text], AfterValidator(_in_every_language)]

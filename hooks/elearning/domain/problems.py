"""Problems found in content, reported in the author's words with file and line."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContentProblem:
    file: str  # as the author sees it, relative to the project folder
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """Collects every problem of a load so that authors see them all in one build."""

    found: list[ContentProblem] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str) -> None:
        self.found.append(ContentProblem(file, line, message))

    def __iter__(self):
        return iter(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def __bool__(self) -> bool:
        return bool(self.found)

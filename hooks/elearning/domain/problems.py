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
    # Set by a problem that no build can get past (a file that cannot be read, a structure too
    # large to render): even a non-strict build stops there, with the list, not a traceback.
    stops: bool = False

    def add(self, file: str, line: int | None, message: str, *, stops: bool = False) -> None:
        problem = ContentProblem(file, line, message)
        if problem not in self.found:  # a file that cannot be read is met by several loaders
            self.found.append(problem)
        self.stops = self.stops or stops

    def __iter__(self):
        return iter(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def __bool__(self) -> bool:
        return bool(self.found)

"""What lies in the content folders: every file is read as content, published as an image, or
named as a problem. Nothing is published silently, and a file that cannot be read gives one
clear message (its encoding, how to save it as UTF-8) instead of a traceback.

curriculum/ (MkDocs' docs folder: anything in it would be copied into the site):
    *.md at the top (the home page and its translations), modules/*.md, *.yml at the top
    (data, never published), and images or PDFs anywhere (published as they are).
toolkits/ (read by the build only): *.md and *.yml at the top.
Anything else there (`.markdown`, `.txt`, `.html`, upper-case `.MD`, a module in a
subfolder) is reported and left out of the site.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .problems import Problems
from .source import ContentSyntaxError, display_path, read_text

ASSET_SUFFIXES = frozenset(".png .jpg .jpeg .gif .svg .webp .pdf".split())
READ_SUFFIXES = frozenset((".md", ".yml"))


def stray_files(content_dir: Path, toolkits_dir: Path) -> list[Path]:
    """Files of the content folders that the build neither reads nor publishes as an image."""
    return [path for path, read in _files(content_dir, toolkits_dir) if read is None]


def survey(content_dir: Path, toolkits_dir: Path, root: Path, problems: Problems) -> None:
    """Report stray files, and every content file that is not UTF-8 text (such a file stops
    every build: MkDocs itself would fail on it with a traceback)."""
    for path, read in _files(content_dir, toolkits_dir):
        display = display_path(path, root)
        if read is None:
            problems.add(display, None, _stray_message(path, content_dir))
        elif read:
            try:
                read_text(path)
            except ContentSyntaxError as error:
                problems.add(display, None, error.message, stops=True)


def _files(content_dir: Path, toolkits_dir: Path) -> Iterator[tuple[Path, bool | None]]:
    """(file, True if the build reads it / False if published as it is / None if neither)."""
    for folder, subfolders in ((content_dir, ("modules",)), (toolkits_dir, ())):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or any(part.startswith(".") for part in
                                         path.relative_to(folder).parts):
                continue  # .DS_Store, editors' swap files: MkDocs leaves dot-files out too
            parts = path.relative_to(folder).parts
            if folder == content_dir and path.suffix.lower() in ASSET_SUFFIXES:
                yield path, False
            elif path.suffix in READ_SUFFIXES and (
                    len(parts) == 1 or (len(parts) == 2 and parts[0] in subfolders
                                        and path.suffix == ".md")):
                yield path, True
            else:
                yield path, None


def _stray_message(path: Path, content_dir: Path) -> str:
    suffix = path.suffix
    if suffix.lower() == ".md" and suffix != ".md":
        what = f"'{suffix}' is not read as a page (only lower-case '.md' is): rename it to .md"
    elif suffix in (".md", ".yml"):
        what = ("a file in this folder is not read by the build (modules go directly in "
                "curriculum/modules/, toolkit items directly in toolkits/): move it there")
    elif suffix.lower() in (".markdown", ".mdown", ".txt", ".text"):
        what = f"'{suffix}' files are not read as pages: rename it to .md"
    elif suffix.lower() == ".yaml":
        what = "'.yaml' files are not read: data files end in .yml"
    else:
        what = (f"'{suffix or 'a file without extension'}' is not a kind of content file the build "
                "knows (Markdown .md, data .yml, images)")
    where = "left out of the site" if content_dir in path.parents else "not used"
    return f"{what}, or move it out of the content folders. It is {where} until then."

"""`make gift` / `make scorm`: the courses for learning platforms (Moodle and others).

    PYTHONPATH=hooks python -m elearning.exports_cli gift            -> dist/gift/
    PYTHONPATH=hooks python -m elearning.exports_cli scorm --site site -> dist/scorm/

gift: one question bank per course and language, dist/gift/ct-<audience>-<lang>.gift.
scorm: one SCORM 1.2 package per course and language (needs the built site),
dist/scorm/ct-<audience>-<lang>-scorm12.zip.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import interface
from .domain.curriculum import Curriculum, load_curriculum
from .domain.gift import course_gift
from .domain.plain_words import in_plain_words
from .translations_cli import site_settings


def load(root: Path) -> Curriculum:
    content_dir, languages, _ = site_settings(root)
    curriculum, problems = load_curriculum(content_dir, root / "toolkits", root, languages)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise SystemExit(f"{len(problems)} problem(s) in the content: fix them first "
                         "(`make check` lists them with file and line).")
    return curriculum


def plain_words(curriculum: Curriculum, language: str):
    """Contact references as 'name: number', {?facts?} followed by the 'to be validated'
    note: what the site shows, in words a platform can display."""
    notes = interface.plain_notes(language)
    return lambda text: in_plain_words(text, curriculum.contacts, language, notes)


def write_gift(curriculum: Curriculum, out: Path, version: str = "") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("ct-*.gift"):  # a course removed since: its file must not ship
        old.unlink()
    written = []
    for course in curriculum.courses:
        for language in curriculum.languages:
            title = course.audience.name[language]
            header = [f"{title}: questions for Moodle's question bank (Import, format GIFT).",
                      f"Content version {version}." if version else "",
                      "Categories: test-questions (pre-test and final test), self-checks."]
            path = out / f"ct-{course.id}-{language}.gift"
            path.write_text(course_gift(course, language, plain_words(curriculum, language),
                                        [line for line in header if line]), encoding="utf-8")
            written.append(path)
    return written


def content_version(root: Path) -> str:
    import yaml
    from .translations_cli import _AnyTagLoader
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    return str((config.get("extra") or {}).get("content_version") or "draft")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="exports", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["gift", "scorm"])
    parser.add_argument("--out", type=Path, help="folder to write (default dist/<what>)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (scorm)")
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    curriculum = load(root)
    version = content_version(root)
    out = arguments.out or root / "dist" / arguments.what
    if arguments.what == "gift":
        written = write_gift(curriculum, out, version)
    else:
        from .site.scorm import ScormError, write_packages
        try:
            written = write_packages(curriculum, arguments.site, out, version)
        except ScormError as error:
            raise SystemExit(f"make scorm: {error}")
    for path in written:
        print(f"{path.relative_to(root) if path.is_relative_to(root) else path}"
              f"  ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make translations`: what to translate or update, per language, in plain words.

Run from the project folder:

    PYTHONPATH=hooks python -m elearning.translations_cli            # list the work
    PYTHONPATH=hooks python -m elearning.translations_cli --stamp curriculum/modules/referral.az.md
    PYTHONPATH=hooks python -m elearning.translations_cli --stamp-all-current

`--stamp` marks translations as up to date with their English file (after a translator has
updated them), one file or several (`make translations STAMP="a.az.md b.ru.md"`);
`--stamp-all-current` marks every translation that has no mark yet, once, when the project
starts using the marks (it is offered only while no translation has a mark).

For each translation to update, the listing shows the English paragraphs that changed since
it was stamped: the stamp is a fingerprint of the English text, and the English file's git
history holds the version with that fingerprint. A translation whose text is still mostly
English is listed as to translate.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .domain.curriculum import load_curriculum
from .domain.translations import (MISSING, STALE, UNSTAMPED, UNTRANSLATED, Status,
                                  changed_paragraphs, english_file_of, english_when_stamped,
                                  stamp, translation_status)

# What each state asks of the translator, in the order it is listed.
WORK = {
    MISSING: "To translate (there is no translation yet)",
    UNTRANSLATED: "To translate (the file is there, but its text is still mostly English)",
    STALE: "To update (the English text has changed since it was translated)",
    UNSTAMPED: "To check (not yet marked as up to date with the English text)",
}
HOW_TO_STAMP = ("When a translation is done, mark it as up to date (several files at once: "
                "separate them with spaces, in quotes):\n"
                "  make translations STAMP=<the translation's file>\n"
                '  make translations STAMP="curriculum/modules/a.az.md curriculum/modules/a.ru.md"')
SHOWN_CHANGES = 12  # paragraphs of changed English shown per file; the rest are counted
PARAGRAPH_LENGTH = 300
FIRST_USE = ("  If these translations are known to match their English files (the first time "
             "marks are used), mark them all at once: make translations STAMP_ALL_CURRENT=yes")


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV; only plain settings are read here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(root: Path) -> tuple[Path, tuple[str, ...], dict[str, str]]:
    """From mkdocs.yml: the content folder, the languages (source first) and their names."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    i18n = next(plugin["i18n"] for plugin in config.get("plugins", [])
                if isinstance(plugin, dict) and "i18n" in plugin)
    # Every language of the content, also those a preview leaves unbuilt (`build: !ENV ...`).
    languages = sorted(i18n["languages"], key=lambda entry: not entry.get("default", False))
    names = {entry["locale"]: entry.get("name", entry["locale"]) for entry in languages}
    return root / config.get("docs_dir", "docs"), tuple(names), names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make translations", description=__doc__.split("\n")[0])
    parser.add_argument("--stamp", nargs="+", metavar="FILE", type=Path,
                        help="mark these translations as up to date with their English file")
    parser.add_argument("--stamp-all-current", action="store_true",
                        help="mark every translation that has no mark yet (first use only)")
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    content_dir, languages, names = site_settings(root)
    if arguments.stamp:
        return _stamp_files(arguments.stamp, languages)
    curriculum, problems = load_curriculum(content_dir, root / "toolkits", root, languages)
    documents = [*curriculum.modules.values(), *curriculum.toolkit_items.values()]
    statuses = translation_status(documents, languages, root)
    if arguments.stamp_all_current:
        return _stamp_unstamped(statuses, root)
    if problems:
        print(f"Note: the content has {len(problems)} problem(s); `make site` lists them. "
              "Files with problems may be missing from this list.\n")
    # Stamping every file at once is offered only while no translation has a mark yet.
    first_use = not any(status.stamp for status in statuses)
    for language in languages[1:]:
        _print_language(names[language], language,
                        [status for status in statuses if status.language == language],
                        root, first_use)
    print(HOW_TO_STAMP)
    return 0


def _print_language(name: str, language: str, statuses: list[Status], root: Path = Path("."),
                    first_use: bool = True) -> None:
    work = [status for status in statuses if status.state in WORK]
    print(f"{name} ({language}): "
          + (f"{len(work)} to do" if work else "everything is translated and up to date"))
    for state, heading in WORK.items():
        listed = [status for status in work if status.state == state]
        if listed:
            print(f"  {heading}:")
        for status in listed:
            print(f"    - {_what_to_do(status, name)}")
            if state == STALE:
                _print_changes(status, root)
        if listed and state == UNSTAMPED:
            if first_use:
                print(FIRST_USE)
            else:  # the others have marks: only these files, after checking them
                files = " ".join(status.translation for status in listed)
                print(f"  Once checked against the English text: make translations STAMP=\"{files}\"")
    print()


def _print_changes(status: Status, root: Path) -> None:
    """The English paragraphs that changed since the translation was stamped."""
    english = root / status.english
    old = english_when_stamped(english, status.stamp, root) if status.stamp else None
    if old is None:
        print("      (the English text it was translated from is not in the git history: "
              f"compare with the whole of {status.english})")
        return
    changes = changed_paragraphs(old, english.read_text(encoding="utf-8-sig"))
    print(f"      Changed in {status.english} since it was translated "
          "(- before, + now, with the line):")
    for sign, line, text in changes[:SHOWN_CHANGES]:
        shown = text if len(text) <= PARAGRAPH_LENGTH else text[:PARAGRAPH_LENGTH - 1] + "…"
        print(f"        {sign} {line}: {shown}")
    if len(changes) > SHOWN_CHANGES:
        print(f"        ... and {len(changes) - SHOWN_CHANGES} more paragraph(s)")


def _what_to_do(status: Status, language_name: str) -> str:
    if status.kind == "data file":
        return (f"{status.translation}: add the {language_name} text ('{status.language}:') "
                f"to these entries: {', '.join(status.entries)}")
    if status.state == MISSING:
        return f"{status.kind} '{status.name}': create {status.translation} from {status.english}"
    return f"{status.kind} '{status.name}': {status.translation} (English: {status.english})"


def _stamp_files(files: list[Path], languages: tuple[str, ...]) -> int:
    failed = False
    for path in files:
        english = english_file_of(path, languages)
        if english is None or not path.is_file() or not english.is_file():
            print(f"{path}: not stamped. Give a translation's file, such as "
                  f"curriculum/modules/referral.{languages[-1]}.md, with its English file beside it.")
            failed = True
            continue
        changed = stamp(path, english)
        print(f"{path}: marked as up to date with {english}." if changed else
              f"{path}: was already marked as up to date with {english}.")
    return 1 if failed else 0


def _stamp_unstamped(statuses: list[Status], root: Path) -> int:
    unstamped = [status for status in statuses if status.state == UNSTAMPED]
    for status in unstamped:
        stamp(root / status.translation, root / status.english)
        print(f"{status.translation}: marked as up to date with {status.english}.")
    print(f"{len(unstamped)} translation(s) marked as up to date. From now on, a change to "
          "an English file shows its translations as 'to update'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

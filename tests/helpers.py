"""Small curricula made in a temporary folder, for build tests and loader tests."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AUDIENCES_YML = """\
municipalities:
  name: {en: Municipal officials, az: Bələdiyyə əməkdaşları, ru: Сотрудники муниципалитетов}
  description: {en: For municipalities., az: Bələdiyyələr üçün., ru: Для муниципалитетов.}
employers:
  name: {en: Employers, az: İşəgötürənlər, ru: Работодатели}
  description: {en: For employers., az: İşəgötürənlər üçün., ru: Для работодателей.}
"""

HOTLINE_YML = """\
hotline-mia:
  name: {en: Hotline, az: Qaynar xətt, ru: Горячая линия}
  phone: "152"
"""
CONTACTS_YML = "{}\n"  # an unused contact is a warning, so tests add contacts they use

MODULE = """\
---
title: {title}
audiences: {audiences}
duration: {duration}
objectives:
  - Do one thing
---
Some text for {title}.
"""


def module(title="A module", audiences="all", duration=10, body="", **meta) -> str:
    text = MODULE.format(title=title, audiences=audiences, duration=duration)
    if meta:
        extra = "".join(f"{key}: {value}\n" for key, value in meta.items())
        text = text.replace("objectives:", extra + "objectives:", 1)
    return text + textwrap.dedent(body)


def make_project(folder: Path, files: dict[str, str] | None = None,
                 audiences: str = AUDIENCES_YML, contacts: str = CONTACTS_YML) -> Path:
    """A project with the real mkdocs.yml, hooks and overrides, and the given content.

    `files` maps paths relative to curriculum/ (or to the project, for toolkits/...) to text.
    """
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / name, folder / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    content = folder / "curriculum"
    (content / "modules").mkdir(parents=True)
    (folder / "toolkits").mkdir()
    (content / "audiences.yml").write_text(audiences, encoding="utf-8")
    (folder / "toolkits" / "contacts.yml").write_text(contacts, encoding="utf-8")
    home = "---\ntitle: Home\n---\n# Home\n\nWelcome.\n"
    for suffix in ("", ".az", ".ru"):
        (content / f"index{suffix}.md").write_text(home, encoding="utf-8")
    for path, text in (files or {}).items():
        target = folder / path if path.startswith("toolkits/") else content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder

"""Small curricula made in a temporary folder, for build tests and loader tests."""
from __future__ import annotations

import shutil
import subprocess
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


def test_question(question: str, id: str, options: list[tuple[bool, str]]) -> str:
    """A `/// test-question` block; options as (correct, text), each with its feedback."""
    lines = [f"/// test-question | {question}", f"    id: {id}", ""]
    for correct, text in options:
        lines += [f"- [{'x' if correct else ' '}] {text}", f"    > Feedback on {text}."]
    return "\n" + "\n".join(lines + ["", f"Explanation of {id}.", "///", ""])


# A small curriculum for the course tests: two modules with test questions (one question
# with several right answers), one module (employers only) without any.
TESTS_CURRICULUM = {
    "modules/alpha.md": module("Alpha", order=1, body="\nAlpha text.\n\n/// quiz | Alpha self-check?\n"
                               "    id: s-alpha\n\n- [x] Yes\n- [ ] No\n///\n"
                               + test_question("Alpha one?", "a-t1", [(False, "A1 wrong one"), (False, "A1 wrong two"), (True, "A1 right"), (False, "A1 wrong three")])
                               + test_question("Alpha two?", "a-t2", [(True, "A2 right one"), (False, "A2 wrong one"), (True, "A2 right two"), (False, "A2 wrong two")])
                               + test_question("Alpha three?", "a-t3", [(False, "A3 wrong one"), (True, "A3 right"), (False, "A3 wrong two")])
                               + "\n## Key points\n\nAlpha points.\n"),
    "modules/beta.md": module("Beta", order=2, body="\nBeta text.\n\n/// quiz | Beta self-check?\n"
                              "    id: s-beta\n\n- [ ] No\n- [x] Yes\n///\n"
                              + test_question("Beta one?", "b-t1", [(True, "B1 right"), (False, "B1 wrong one"), (False, "B1 wrong two")])
                              + test_question("Beta two?", "b-t2", [(False, "B2 wrong one"), (False, "B2 wrong two"), (False, "B2 wrong three"), (True, "B2 right")])),
    "modules/gamma.md": module("Gamma", audiences="[employers]", order=3,
                               body="\nGamma text.\n\n/// quiz | Gamma self-check?\n    id: s-gamma\n\n"
                               "- [x] Yes\n- [ ] No\n///\n"),
}


def pdf_page_texts(path: Path, pages: int) -> list[str]:
    """The text of each of the `pages` pages of a PDF, from one pdftotext for the whole file
    (poppler ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    texts = text.split("\f")
    assert len(texts) == pages + 1 and not texts[-1].strip(), (path, pages, len(texts) - 1)
    return texts[:-1]

"""Every bad file gives one clear message naming it, never a traceback (real builds)."""
import time

import pytest

from tests.conftest import run_mkdocs
from tests.helpers import AUDIENCES_YML, HOTLINE_YML, make_project, module

TEXT = module(body="\nИнформация о торговле людьми: Ağır iş.\n")
FLOWCHART = "\n```flowchart\nstart: a\nsteps:\n  a:\n    text: Call\n    next: b\n  b:\n    text: Go\n  a:\n    text: Again\n```\n"

# case: (files as {path: text or bytes}, audiences.yml, contacts.yml, expected message)
BAD_FILES = {
    "Windows-1251": ({"modules/m.md": TEXT.replace("Ağır iş", "").encode("cp1251")}, None, None,
                     "curriculum/modules/m.md: this file is not saved as UTF-8 (it looks like "
                     "Windows-1251 (Cyrillic)). Open it in your editor and save it with the "
                     "encoding 'UTF-8'"),
    "Latin-1": ({"modules/m.md": module(body="\nCafé, résumé, déjà vu, garçon.\n").encode("latin-1")},
                None, None, "curriculum/modules/m.md: this file is not saved as UTF-8 (it looks "
                "like Latin-1 / Windows-1252 (Western European))"),
    "UTF-16 as Notepad saves it": ({"modules/m.md": TEXT.encode("utf-16")}, None, None,
                                   "curriculum/modules/m.md: this file is not saved as UTF-8 (it "
                                   "looks like UTF-16 (what Notepad calls 'Unicode'))"),
    "a data file in Windows-1251": ({"modules/m.md": module()},
                                    "employers:\n  name: {en: E, az: E, ru: Работодатели}\n".encode("cp1251"),
                                    None, "curriculum/audiences.yml: this file is not saved as UTF-8"),
    "not a text file": ({"modules/m.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"}, None, None,
                        "curriculum/modules/m.md: this is not a text file"),
    "unclosed front matter": ({"modules/m.md": "---\ntitle: T\naudiences: all\nduration: 5\n\nText.\n"},
                              None, None, "curriculum/modules/m.md:1: front matter: the front "
                              "matter that starts on line 1 is never closed: add a line with only '---'"),
    "duplicate contact": ({"modules/m.md": module(body="\n{{contact:hotline-mia}}\n")}, None,
                          HOTLINE_YML + "hotline-mia:\n  name: {en: X, az: X, ru: X}\n  phone: \"999\"\n",
                          "toolkits/contacts.yml:4: 'hotline-mia' is written twice (lines 1 and 4): "
                          "YAML would silently keep only the second. Keep one of them"),
    "duplicate audience": ({"modules/m.md": module()}, AUDIENCES_YML + "employers:\n  name: {en: E}\n",
                           None, "curriculum/audiences.yml:7: 'employers' is written twice (lines 4 and 7)"),
    "duplicate key in a glossary entry": (
        {"modules/m.md": module(), "glossary.yml":
         "MIA:\n  en: Ministry\n  en: Ministry of Internal Affairs\n"}, None, None,
        "curriculum/glossary.yml:3: 'en' is written twice (lines 2 and 3)"),
    "duplicate key in front matter": ({"modules/m.md": module(duration="10\nduration: 20")}, None,
                                      None, "curriculum/modules/m.md:5: front matter: 'duration' "
                                      "is written twice (lines 4 and 5)"),
    "duplicate step in a flowchart": ({"modules/m.md": module(body=FLOWCHART)}, None, None,
                                      "curriculum/modules/m.md:18: the flowchart: 'a' is written "
                                      "twice (lines 13 and 18)"),
    "a tab in contacts.yml": ({"modules/m.md": module(body="\n{{contact:hotline-mia}}\n")}, None,
                              HOTLINE_YML.replace('  phone: "152"', '\tphone: "152"'),
                              "toolkits/contacts.yml:3: line 3 starts with a tab: indent YAML with "
                              "spaces only (replace the tab with spaces)."),
    "a tab in front matter": ({"modules/m.md": module().replace("  - Do one thing", "\t- Do one thing")},
                              None, None, "curriculum/modules/m.md:6: front matter: line 6 starts "
                              "with a tab"),
    "a colon inside a value": ({"modules/m.md": module(title="Step one: the call")}, None, None,
                               "curriculum/modules/m.md:2: front matter: this is not valid YAML: a "
                               "':' followed by a space inside a value: put the whole value in quotes"),
    ".markdown file": ({"modules/m.md": module(), "modules/n.markdown": module()}, None, None,
                       "curriculum/modules/n.markdown: '.markdown' files are not read as pages: "
                       "rename it to .md, or move it out of the content folders. It is left out "
                       "of the site until then."),
    "upper-case .MD": ({"modules/m.md": module(), "modules/N.MD": module()}, None, None,
                       "curriculum/modules/N.MD: '.MD' is not read as a page (only lower-case "
                       "'.md' is): rename it to .md"),
    "module in a subfolder": ({"modules/m.md": module(), "modules/old/n.md": module()}, None, None,
                              "curriculum/modules/old/n.md: a file in this folder is not read by "
                              "the build (modules go directly in curriculum/modules/"),
    ".txt and .html files": ({"modules/m.md": module(), "notes.txt": "x", "page.html": "<p>x</p>"},
                             None, None, "curriculum/notes.txt: '.txt' files are not read as pages"),
    "a <script> in a module": ({"modules/m.md": module(body="\nHi <script>alert(1)</script>\n")},
                               None, None, "curriculum/modules/m.md:10: a <script> in content: "
                               "content cannot run code."),
    "an event handler in a toolkit item": (
        {"modules/m.md": module(), "toolkits/x.md": "---\ntitle: X\naudiences: all\n"
         "kind: checklist\n---\n<a href=\"#\" onclick=\"go()\">Go</a>\n"}, None, None,
        "toolkits/x.md:6: an inline event handler ('onclick=') in content"),
    "a style attribute": ({"modules/m.md": module(body='\n<p style="color:red">x</p>\n')}, None,
                          None, "curriculum/modules/m.md:10: a 'style' attribute in content"),
    "a toolkit item in a subfolder": ({"modules/m.md": module(), "toolkits/old/x.md": "x"}, None,
                                      None, "toolkits/old/x.md: a file in this folder is not read "
                                      "by the build"),
}


def _project(tmp_path, files, audiences, contacts):
    texts = {path: text for path, text in files.items() if isinstance(text, str)}
    project = make_project(tmp_path, texts, contacts=contacts or "{}\n")
    for path, data in files.items():
        if isinstance(data, bytes):
            target = project / "curriculum" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    audiences_file = project / "curriculum" / "audiences.yml"
    if isinstance(audiences, bytes):
        audiences_file.write_bytes(audiences)
    elif audiences:
        audiences_file.write_text(audiences, encoding="utf-8")
    return project


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_stops_the_strict_build_with_one_clear_message(tmp_path, case):
    files, audiences, contacts, expected = BAD_FILES[case]
    result = run_mkdocs(_project(tmp_path, files, audiences, contacts), "--strict")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    assert result.stderr.count(expected) == 1, result.stderr[-3000:]


def test_a_file_that_cannot_be_read_stops_even_a_non_strict_build(tmp_path):
    files = {"modules/m.md": module(), "modules/n.md": TEXT.encode("utf-16")}
    result = run_mkdocs(_project(tmp_path, files, None, None))
    assert result.returncode != 0
    assert "curriculum/modules/n.md: this file is not saved as UTF-8" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_stray_files_are_named_and_left_out_of_a_non_strict_build(tmp_path):
    files = {"modules/m.md": module(), "notes.txt": "x", "modules/N.MD": module(),
             "modules/old/n.md": module(), "images/map.png": "png"}
    project = _project(tmp_path, files, None, None)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    for name in ("notes.txt", "modules/N.MD", "modules/old/n.md"):
        assert f"WARNING -  curriculum/{name}: " in result.stderr
    site = project / "site"
    assert not (site / "notes.txt").exists() and not (site / "modules" / "N.MD").exists()
    assert not (site / "modules" / "old").exists()
    assert (site / "images" / "map.png").exists()


def test_a_utf8_file_with_a_byte_order_mark_builds(tmp_path):
    files = {"modules/m.md": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
             "modules/m.az.md": b"\xef\xbb\xbf" + "---\ntitle: T\nobjectives: [x]\n---\nMətn.\n".encode()}
    project = _project(tmp_path, files, b"\xef\xbb\xbf" + AUDIENCES_YML.encode(), None)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "торговле" in (project / "site" / "courses" / "employers" / "m.html").read_text("utf-8")


def _chart(steps: int) -> str:
    lines = ["```flowchart", "start: s0", "steps:"]
    for i in range(steps):
        lines += [f"  s{i}:", f"    text: Step {i}"] + ([f"    next: s{i + 1}"] if i < steps - 1 else [])
    return "\n" + "\n".join(lines) + "\n```\n"


DEEP = {
    "a flowchart of 5,000 steps": (module(body=_chart(5000)),
                                   "curriculum/modules/m.md:12: the flowchart has 5000 steps: a "
                                   "referral path shown on one page can have at most 60"),
    "a question of 10,000 options": (
        module(body="\n/// quiz | Which?\n    id: q-big\n\n"
               + "".join(f"- [{'x' if i == 0 else ' '}] Option {i}\n" for i in range(10000)) + "///\n"),
        "curriculum/modules/m.md:10: the question 'Which?' has 10000 options: a question can have "
        "at most 20"),
    "blocks nested 500 deep": (
        module(body="\n" + "".join(f"{'/' * (503 - i)} case | c{i}\n" for i in range(500)) + "x\n"
               + "".join(f"{'/' * (3 + i)}\n" for i in range(500))),
        "curriculum/modules/m.md:18: this block is inside 8 other blocks"),
}


@pytest.mark.parametrize("case", DEEP, ids=list(DEEP))
@pytest.mark.parametrize("strict", [True, False], ids=["strict", "non-strict"])
def test_deep_or_long_structures_end_in_a_clear_error_within_seconds(tmp_path, case, strict):
    text, expected = DEEP[case]
    project = make_project(tmp_path, {"modules/m.md": text})
    started = time.monotonic()
    result = run_mkdocs(project, *(["--strict"] if strict else []))
    took = time.monotonic() - started
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert took < 30, took  # a few seconds on a quiet machine; the test machine is shared
    print(f"{case}: {took:.1f} s")


def test_a_long_valid_flowchart_builds(tmp_path):
    started = time.monotonic()
    project = make_project(tmp_path, {"modules/m.md": module(body=_chart(60))})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "modules" / "m.html").read_text("utf-8")
    assert "Step 0" in html and "Step 59" in html
    print(f"a flowchart of 60 steps: {time.monotonic() - started:.1f} s")

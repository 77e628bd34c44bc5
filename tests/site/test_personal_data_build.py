"""The personal-data corpus in every kind of published file stops a strict build."""
from tests.conftest import run_mkdocs
from tests.helpers import make_project, module
from tests.personal_data import CORPUS

# Where personal data is typed: a module, a note in another format, a module in a subfolder,
# a toolkit item, a published guide. Each corpus line goes to one of them, in turn.
PLACES = ("curriculum/modules/m.md", "curriculum/notes.txt", "curriculum/modules/old/n.md",
          "toolkits/checklist.md", "docs/authoring.md")


def test_every_case_of_the_corpus_stops_a_strict_build_naming_file_and_line(tmp_path):
    placed: dict[str, list[tuple[str, str]]] = {place: [] for place in PLACES}
    for index, case in enumerate(CORPUS):
        placed[PLACES[index % len(PLACES)]].append(case)
    heads = {"curriculum/modules/m.md": module(),
             "toolkits/checklist.md": "---\ntitle: Checks\naudiences: all\nkind: checklist\n---\n",
             "curriculum/notes.txt": "", "curriculum/modules/old/n.md": ""}
    project = make_project(tmp_path)
    expected = []
    for place, cases in placed.items():
        path = project / place
        path.parent.mkdir(parents=True, exist_ok=True)
        text = heads.get(place, path.read_text(encoding="utf-8") if path.exists() else "")
        line = text.count("\n") + 1
        for case_text, found in cases:
            text += f"\n{case_text}\n"
            line += 1
            expected.append((f"{place}:{line}: ", found))
            line += 1
        path.write_text(text, encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    missed = [(where, found) for where, found in expected
              if not any(where in line and found in line for line in lines)]
    assert not missed, (missed, result.stderr[-3000:])
    assert len(expected) == len(CORPUS)

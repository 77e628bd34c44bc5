"""A real build: model answers collapsed in their case, trainer notes nowhere for learners."""
import json

from tests.conftest import run_mkdocs
from tests.helpers import make_project, module
from tests.site.test_build import page

BODY = """
Learners read this.

/// case | The café
"Leyla" is 16 and works nights.

**Questions to discuss**

/// answer
Call the hotline first: a child in exploitation needs no proof of force.
///
///

/// trainer
Facilitators: pause for questions about the guardianship body here.
///
"""
AZ = """---
title: Modul
objectives: [Bir şey]
---
/// case | Kafe
"Leyla" 16 yaşındadır.

/// answer
Əvvəlcə qaynar xəttə zəng edin.
///
///

/// trainer
Təlimçilər: burada fasilə verin.
///
"""


def test_model_answer_collapsed_and_trainer_note_absent_everywhere_learners_look(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module("Cases", body=BODY),
                                      "modules/m.az.md": AZ})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for path in ("modules/m.html", "courses/employers/m.html"):
        case = page(site, path).select_one(".case-study")
        answer = case.select_one("details.model-answer")
        assert "open" not in answer.attrs
        assert answer.select_one("summary").get_text() == \
            "Model answer: what an experienced officer would do, and why"
        assert "needs no proof of force" in answer.get_text()
        assert case.find_all(recursive=False)[-1] is answer
    az = page(site, "az/courses/employers/m.html").select_one("details.model-answer")
    assert "təcrübəli əməkdaş" in az.select_one("summary").get_text()
    # Every page but the facilitator guides, which are the trainers' own copy of the notes.
    pages = [p for p in site.rglob("*.html") if p.name != "facilitator.html"]
    guide = (site / "toolkits" / "employers" / "facilitator.html").read_text(encoding="utf-8")
    assert "pause for questions about the guardianship" in guide
    assert pages
    for shown in pages:
        text = shown.read_text(encoding="utf-8")
        assert "pause for questions about the guardianship" not in text, shown
        assert "burada fasilə verin" not in text, shown
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "needs no proof of force" in index  # the model answer is searchable
    assert json.loads(index)["docs"]
    indexes = sorted(site.glob("**/search/search_index.js*"))
    assert len(indexes) == 6  # .json and .js (file://) in each of the three languages
    for each in indexes:
        text = each.read_text(encoding="utf-8")
        assert "guardianship body here" not in text and "fasilə verin" not in text, each


def test_a_case_without_model_answer_is_a_warning_and_listed_for_maintainers(tmp_path):
    body = "\n/// case | The café\n\"Leyla\" is 16.\n///\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)})
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    warning = "WARNING -  curriculum/modules/m.md:10: the case study 'The café' has no model answer"
    assert result.stderr.count(warning) == 1  # once, not once per language
    report = page(project / "site", "maintainers/coverage.html").get_text()
    assert "curriculum/modules/m.md:10: the case study 'The café' has no model answer" in report

    strict = run_mkdocs(project, "--strict")  # there it stops the build: an error
    assert strict.returncode != 0 and warning.replace("WARNING -", "ERROR   -") in strict.stderr
    assert "Traceback" not in strict.stderr


EXERCISE = """\
```decision
title: At the bazaar
start: a
nodes:
  a:
    text: A boy begs at the bazaar.
    choices:
      - label: Call the police
        next: b
      - label: Tell the man to stop
        next: c
  b:
    text: The police come.
    end: good
    debrief: Right.
  c:
    text: The man leaves with the boy.
    end: harmful
    debrief: Never confront him.
```
"""


def test_the_facilitator_guide_shows_a_case_with_its_exercise_as_loaded(tmp_path):
    """The guide joins session plans and the modules' cases: what it shows inside a case
    (a decision exercise) is the one the loader read there, as on the module's page."""
    body = ("\n/// trainer\nAsk first.\n///\n\n/// case | The bazaar\nA story.\n\n" + EXERCISE
            + "\n/// answer\nCall 102.\n///\n///\n")
    plan = ("---\ntitle: Plan\naudiences: [employers]\nkind: session-plan\nduration: 30\n---\n"
            "| Minutes | Part |\n|---|---|\n| 30 | All |\n")
    project = make_project(tmp_path, {"modules/m.md": module(body=body),
                                      "toolkits/plan.md": plan})
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    module_page = page(site, "modules/m.html").select_one("section.decision")["data-decision"]
    guide = page(site, "toolkits/employers/facilitator.html")
    assert [d["data-decision"] for d in guide.select("section.decision")] == [module_page]

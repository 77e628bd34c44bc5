"""The built site shows what the loader read: every question and decision exercise of the
real curriculum is on its pages under the id it was loaded with (progress is stored by id)."""
import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES


def shown_ids(page):
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return ([f["data-quiz"] for f in html.select("div.quiz > form > fieldset")],
            [d["data-decision"] for d in html.select("section.decision")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_and_exercise_has_its_loaded_id_on_every_page(built_site, curriculum,
                                                                      language):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    pages = 0
    for slug, module in curriculum.modules.items():
        text = module.text(language)
        # The library shows every passage; a course only its audience's.
        assert shown_ids(built_site / f"{prefix}modules/{slug}.html") == (
            [q.id for q in text.quizzes], [d.id for d in text.decisions])
        for course in curriculum.courses:
            if slug in {m.slug for m in course.modules}:
                assert shown_ids(built_site / f"{prefix}courses/{course.id}/{slug}.html") == (
                    [q.id for q in module.quizzes_for(course.id, language)],
                    [d.id for d in module.decisions_for(course.id, language)])
                pages += 1
    assert pages >= len(curriculum.modules)
    assert sum(len(m.text(language).quizzes) for m in curriculum.modules.values()) >= 12


def _toolkit_pages(curriculum):
    """(page, the items it joins in its order) of every toolkit of the real site."""
    for toolkit in curriculum.toolkits:
        folder = f"toolkits/{toolkit.id}"
        if toolkit.one_pager:
            yield f"{folder}/one-pager.html", toolkit, (toolkit.one_pager,)
        yield f"{folder}/index.html", toolkit, toolkit.in_mini_toolkit
        yield f"{folder}/facilitator.html", toolkit, toolkit.session_plans


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scenario_case_and_passage_of_a_toolkit_page_is_its_loaded_object(
        built_site, curriculum, language):
    from elearning import interface
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    counts = {"scenario": 0, "case": 0}
    for path, toolkit, items in _toolkit_pages(curriculum):
        shown = [s for item in items for s in item.text(language).shown]
        loaded = {kind: [s.model for s in shown if s.kind == kind]
                  for kind in ("scenario", "case", "audience")}
        html = BeautifulSoup((built_site / prefix / path).read_text(encoding="utf-8"),
                             "html.parser")
        scenarios = html.select("details.scenario")
        assert [s.select_one("summary").get_text() for s in scenarios] == [
            s.title for s in loaded["scenario"]], path
        for element, scenario in zip(scenarios, loaded["scenario"]):
            # Each contact the loader read for it, once, in its order.
            names = [li.get_text() for li in element.select(".scenario__refer li")]
            assert len(names) == len(scenario.contacts), (path, scenario.title)
            for name, contact_id in zip(names, scenario.contacts):
                assert name.startswith(curriculum.contacts[contact_id].name[language])
        assert [c.select_one(".admonition-title").get_text()
                for c in html.select(".case-study")] == [
            interface.text("case_study", language, title=c.title) for c in loaded["case"]], path
        assert [p["data-audiences"].split() for p in html.select(".audience-passage")] == [
            list(ids) for ids in loaded["audience"] if toolkit.id in ids], path
        counts["scenario"] += len(scenarios)
        counts["case"] += len(loaded["case"])
    assert counts["scenario"] >= 7 and counts["case"] >= 1  # the road map, a session plan

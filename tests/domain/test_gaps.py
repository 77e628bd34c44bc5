"""What each audience still lacks: listed, never an error."""
from elearning.domain.curriculum import load_curriculum
from elearning.domain.reports import audience_gaps
from tests.helpers import AUDIENCES_YML, make_project, module

LANGUAGES = ("en", "az", "ru")
JUDGES = "judges:\n  name: {en: Judges, az: Hakimlər, ru: Судьи}\n  description: {en: J, az: J, ru: J}\n"


def test_a_new_audience_lacks_everything_but_its_course_and_nothing_is_a_problem(tmp_path):
    folder = make_project(tmp_path, {
        "modules/shared.md": module("Shared", body="\n/// audience | employers\nE.\n///\n"),
        "toolkits/one-pager-employers.md":
            "---\ntitle: P\naudiences: [employers]\nkind: one-pager\n---\nCall.\n",
    }, audiences=AUDIENCES_YML + JUDGES)
    curriculum, problems = load_curriculum(folder / "curriculum", folder / "toolkits", folder,
                                           LANGUAGES)
    assert not problems, [str(p) for p in problems]
    home = {"en": "For municipal officials, employers.", "az": "Bələdiyyə", "ru": ""}
    gaps = {audience: {gap.kind: gap.details for gap in found}
            for audience, found in audience_gaps(curriculum, home).items()}
    assert gaps["judges"] == {
        "one_pager": (), "toolkit_items": (), "session_plan": (), "test_questions": (),
        "passages": ("shared",), "home_page": ("en", "az", "ru"), "translations": ("az", "ru")}
    assert "one_pager" not in gaps["employers"] and "passages" not in gaps["employers"]
    assert gaps["employers"]["home_page"] == ("az", "ru")
    assert gaps["municipalities"]["home_page"] == ("ru",)  # "Bələdiyyə" = municipal

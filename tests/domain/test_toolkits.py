from elearning.domain.curriculum import load_curriculum
from tests.helpers import HOTLINE_YML, make_project, module

LANGUAGES = ("en", "az", "ru")

ITEM = """\
---
title: {title}
audiences: {audiences}
kind: {kind}
{extra}---
{body}
"""


def item(title="Item", audiences="all", kind="checklist", body="Text.", extra=""):
    return ITEM.format(title=title, audiences=audiences, kind=kind, body=body, extra=extra)


def load(tmp_path, files):
    files = {"modules/m.md": module(body="\nCall {{contact:hotline-mia}}.\n"), **files}
    project = make_project(tmp_path, files, contacts=HOTLINE_YML)
    return load_curriculum(project / "curriculum", project / "toolkits", project, LANGUAGES)


def messages(problems):
    return [str(problem) for problem in problems]


def test_items_are_assembled_per_audience_like_courses(tmp_path):
    curriculum, problems = load(tmp_path, {
        "toolkits/op-emp.md": item("OP", "[employers]", "one-pager"),
        "toolkits/op-mun.md": item("OP", "[municipalities]", "one-pager"),
        "toolkits/booklet.md": item("Booklet", "[employers]", "booklet", extra="order: 2\n"),
        "toolkits/list.md": item("List", "all", "checklist", extra="order: 1\n"),
    })
    assert messages(problems) == []
    employers = curriculum.toolkit("employers")
    assert employers.one_pager.slug == "op-emp"
    assert [i.slug for i in employers.items] == ["list", "booklet"]
    assert [c.id for c in employers.contacts] == ["hotline-mia"]


def test_unknown_kind_names_the_valid_ones(tmp_path):
    _, problems = load(tmp_path, {"toolkits/x.md": item(kind="poster")})
    assert any("toolkits/x.md:4: 'kind' must be one of one-pager, checklist" in m
               for m in messages(problems))


def test_translation_with_another_kind(tmp_path):
    _, problems = load(tmp_path, {
        "toolkits/x.md": item(),
        "toolkits/x.az.md": "---\ntitle: X\nkind: booklet\n---\nMətn\n",
    })
    assert any("toolkits/x.az.md:3: 'kind' differs from the English file x.md" in m
               for m in messages(problems))


def test_scenario_needs_its_three_parts_and_known_contacts(tmp_path):
    body = ("/// scenario | Job offer\n    contacts: [hotline-mia, nobody]\n\n"
            "/// asks\nIs it safe?\n///\n\n/// say\nCareful.\n///\n///\n")
    _, problems = load(tmp_path, {"toolkits/road.md": item(kind="road-map", body=body)})
    found = messages(problems)
    assert any("the scenario 'Job offer' needs exactly one '/// do' part (it has 0)" in m
               for m in found)
    assert any("road.md:7: the scenario 'Job offer': 'nobody' is not in the contacts" in m
               for m in found)


def test_flowchart_errors_are_reported_from_toolkit_items(tmp_path):
    body = "```flowchart\nstart: a\nsteps:\n  a:\n    text: Go\n    next: b\n```\n"
    _, problems = load(tmp_path, {"toolkits/op.md": item(kind="one-pager", body=body)})
    assert "toolkits/op.md:11: the flowchart step 'a': 'next: b' names no step of this " \
           "flowchart (a). Check the spelling." in messages(problems)


def test_long_one_pager_warns_and_an_audience_without_one_is_no_problem(tmp_path):
    _, problems = load(tmp_path, {
        "toolkits/op.md": item("OP", "[employers]", "one-pager", body="word " * 300)})
    found = messages(problems)
    assert any("op.md: this one-pager is likely to overflow one A4 page (300 words" in m
               for m in found)
    assert not any("municipalities" in m for m in found)  # listed by audience_gaps instead


def test_a_contact_nobody_uses_is_reported(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module()}, contacts=HOTLINE_YML)
    _, problems = load_curriculum(project / "curriculum", project / "toolkits", project,
                                  LANGUAGES)
    assert "toolkits/contacts.yml: the contact 'hotline-mia' is not used by any module, " \
           "toolkit item or flowchart: refer to it ({{contact:hotline-mia}}) or remove it." \
           in messages(problems)


def test_contact_missing_a_name_or_phone(tmp_path):
    contacts = "x:\n  name: {en: X, az: X}\n"
    project = make_project(tmp_path, {"modules/m.md": module()}, contacts=contacts)
    _, problems = load_curriculum(project / "curriculum", project / "toolkits", project,
                                  LANGUAGES)
    found = messages(problems)
    assert "toolkits/contacts.yml:2: 'name' has no text for ru: add 'ru: ...' under 'name' " \
           "(every language needs its own)." in found


AGENDA = "Intro.\n\n| minutes | part |\n| --- | --- |\n{rows}\n\nAfter the table: | 99 | not a part |\n"


def plan(minutes, duration="duration: 40\n"):
    rows = "\n".join(f"| {m} | Part {n} |" for n, m in enumerate(minutes))
    return item("Plan", "[employers]", "session-plan", AGENDA.format(rows=rows), extra=duration)


def test_session_plan_agenda_adds_up_to_its_duration_in_every_language(tmp_path):
    curriculum, problems = load(tmp_path, {
        "toolkits/plan.md": plan([10, 25, 5]),
        "toolkits/plan.az.md": "---\ntitle: Plan\n---\n" + AGENDA.format(
            rows="| 10 | Hissə |\n| 25 | Hissə |\n| 5 | Hissə |"),
    })
    assert [m for m in messages(problems) if "plan" in m] == []
    assert curriculum.toolkit_items["plan"].duration == 40


def test_session_plan_timings_that_do_not_add_up_are_reported_with_file_and_line(tmp_path):
    _, problems = load(tmp_path, {
        "toolkits/plan.md": plan([10, 25]),
        "toolkits/other.md": plan([10, "ten", 20]),
        "toolkits/bare.md": plan([40], duration=""),
        "toolkits/none.md": item("Plan", "[employers]", "session-plan", "No table.",
                                 extra="duration: 40\n"),
        "toolkits/moved.md": plan([10, 30]),
        "toolkits/moved.ru.md": "---\ntitle: План\n---\n" + AGENDA.format(
            rows="| 20 | Часть |\n| 20 | Часть |"),
    })
    found = messages(problems)
    assert ("toolkits/plan.md:11: the agenda's parts add up to 35 minutes, but 'duration' "
            "says 40: make them agree.") in found
    assert any(m.startswith("toolkits/other.md:12: the agenda's first column gives each part's "
                            "minutes as a whole number (you wrote 'ten')") for m in found)
    assert any(m.startswith("toolkits/bare.md:4: a session plan needs 'duration:'") for m in found)
    assert any(m.startswith("toolkits/none.md:7: a session plan needs an agenda") for m in found)
    assert any(m.startswith("toolkits/moved.ru.md") and "(20, 20) differ from the English "
               "plan's (10, 30)" in m for m in found)


def test_a_verified_contact_without_a_phone_is_an_error(tmp_path):
    contacts = "x:\n  name: {en: X, az: X, ru: X}\n"
    project = make_project(tmp_path, {"modules/m.md": module(body="{{contact:x}}")},
                           contacts=contacts)
    _, problems = load_curriculum(project / "curriculum", project / "toolkits", project,
                                  LANGUAGES)
    assert messages(problems)[0] == (
        "toolkits/contacts.yml:1: this contact has no 'phone'. Add 'phone: \"...\"' or, while "
        "the number is not confirmed, 'verified: false' (the site then shows 'number to be "
        "confirmed by the national coordinator').")


UNCONFIRMED_YML = HOTLINE_YML + """\
guardianship-body:
  name: {en: Guardianship body, az: Qəyyumluq orqanı, ru: Орган опеки}
  verified: false
emergency-situations:
  name: {en: MES line, az: FHN xətti, ru: Линия МЧС}
  phone: "112"
  audiences: []
"""


def test_an_unconfirmed_contact_may_have_no_phone_and_a_contact_for_no_audience_is_kept(tmp_path):
    body = "\nCall {{contact:hotline-mia}} or {{number:guardianship-body}}.\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)},
                           contacts=UNCONFIRMED_YML)
    curriculum, problems = load_curriculum(project / "curriculum", project / "toolkits",
                                           project, LANGUAGES)
    assert messages(problems) == []  # 112 is in no referral list and needs no reference
    assert curriculum.contacts["guardianship-body"].phone is None
    assert curriculum.contacts["emergency-situations"].audiences == ()
    assert "emergency-situations" not in [c.id for c in curriculum.toolkit("employers").contacts]


def test_an_old_contact_id_names_the_new_one(tmp_path):
    body = "\nCall {{contact:hotline-mia}}.\n\nOr {{contact:hotline-152}} and {{number:police-102}}.\n"
    project = make_project(tmp_path, {"modules/m.md": module(body=body)}, contacts=HOTLINE_YML)
    _, problems = load_curriculum(project / "curriculum", project / "toolkits", project,
                                  LANGUAGES)
    found = messages(problems)
    assert ("curriculum/modules/m.md:12: the contact id 'hotline-152' was renamed 'hotline-mia' "
            "(ids no longer contain the number, which may change): write 'hotline-mia' instead, "
            "e.g. {{contact:hotline-mia}}.") in found
    assert any(m.startswith("curriculum/modules/m.md:12: the contact id 'police-102' was "
                            "renamed 'police'") for m in found)

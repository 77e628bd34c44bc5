import re
import textwrap

import pytest

from elearning.domain.audiences import load_audiences
from elearning.domain.confidentiality import (check_confidentiality, check_directory_phones,
                                              content_texts, load_allowed)
from elearning.domain.contacts import Contact, load_contacts
from elearning.domain.problems import Problems
from tests.helpers import ROOT
from tests.personal_data import CORPUS

LANGUAGES = ("en", "az", "ru")
CONTACTS = {
    "iom-azerbaijan": Contact("iom-azerbaijan", {"en": "IOM"}, "+994 12 465 90 71", ("all",)),
    "shelter": Contact("shelter", {"en": "Shelter"}, "152", ("all",), email="help@shelter.az"),
}
FILE = "curriculum/modules/m.md"


def check(text, allowed=(), first_line=10):
    problems = Problems()
    check_confidentiality([(FILE, first_line, textwrap.dedent(text))], CONTACTS, set(allowed),
                          problems)
    return list(problems)


def found(text, **options):
    return [(problem.line, problem.message.split("'")[1]) for problem in check(text, **options)]


def test_a_phone_number_outside_the_directory_names_file_line_and_what_to_do():
    [problem] = check("Intro.\n\nHer mobile is 050-123-45-67, call in the evening.\n")
    assert (problem.file, problem.line) == (FILE, 12)
    assert "'050-123-45-67' is not in the contacts directory" in problem.message
    assert "{{contact:<id>}}" in problem.message
    assert "confidentiality-allow.yml" in problem.message  # how to allow a reviewed string


@pytest.mark.parametrize("number", [
    "+994 50 123 45 67", "+994501234567", "+994 (12) 555-12-34", "012 555 12 34",
    "(012) 5551234", "050-123-45-67", "0501234567", "555-12-34", "(50) 123 45 67",
    "+7 495 123-45-67"])
def test_phone_numbers_in_the_usual_ways_of_writing_them(number):
    assert found(f"Call {number} today.") == [(10, number)]


@pytest.mark.parametrize("number", ["+994 12 465 90 71", "+994124659071", "012 465 90 71",
                                    "(012) 4659071", "465 90 71", "152"])
def test_the_directory_s_numbers_however_written_are_not_reported(number):
    assert check(f"IOM: {number}.") == []


def test_numbers_that_are_not_phone_numbers_are_not_reported():
    text = """\
    In 2018, under Article 144-1.2 and Law No. 958-IIQ (Decision No. 123 of 12 May 2009,
    Resolution 21/2008), fines were 700 AZN to 1 000 000 AZN, 15% of cases, 2–4 years or
    3 / 6 / 12 months; numbers 102/103/112; plans for 2009–2013 and 2020-2024; 12.03.2019.
    See https://e-qanun.az/framework/46960 and Convention No. 29 (1930), 300–400 workers.
    """
    assert check(text) == []


def test_e_mail_addresses_other_than_the_directory_s_are_reported():
    assert found("Write to leyla.m@gmail.com or to help@shelter.az.\n") == [(10, "leyla.m@gmail.com")]


@pytest.mark.parametrize("text, number", [
    ("His passport AA1234567 was kept.", "AA1234567"),
    ("ID card AZE 12345678.", "AZE 12345678"),
    ("Document C01234567.", "C01234567"),
    ("Passport number: 4507 123456.", "4507 123456"),
    ("паспорт серии 45 07 123456", "45 07 123456"),
    ("şəxsiyyət vəsiqəsi № 1234567", "1234567"),
])
def test_passport_and_id_card_numbers_are_reported_once(text, number):
    [(line, what)] = found(text)
    assert what == number
    assert "passport" in check(text)[0].message


@pytest.mark.parametrize("text, date", [
    ("She was born on 12.03.2005 in Ganja.", "12.03.2005"),
    ("DOB: 2005-03-12", "2005-03-12"),
    ("Date of birth 3 June 2004.", "3 June 2004"),
    ("Doğum tarixi: 12 mart 2005", "12 mart 2005"),
    ("2005-ci il 12 mart tarixində anadan olub", "2005-ci il 12 mart"),
    ("Родилась 12 марта 2005 г.", "12 марта 2005"),
    ("дата рождения: 01.02.2003", "01.02.2003"),
])
def test_dates_of_birth_are_reported(text, date):
    [(_, what)] = found(text)
    assert what == date
    assert "date of birth" in check(text)[0].message


def test_a_full_date_in_a_case_study_is_reported_but_not_elsewhere():
    text = """\
    The law of 7 March 2012 changed Article 144-1.

    /// case | The café
    On 3 June 2021 "Leyla" (a pseudonym), 16, left school.
    ///
    """
    assert found(text) == [(13, "3 June 2021")]
    assert "full date in a case study" in check(text)[0].message


def test_a_story_about_a_named_person_outside_a_case_block_is_probably_a_case_study():
    text = """\
    ## Practice

    A school tells you that "Leyla" (a pseudonym), 16, has missed three weeks.
    Neighbours say she works in a café.

    Farid (a pseudonym) is a 41-year-old farm worker.
    """
    problems = check(text)
    assert [(p.line, p.message.split("'")[1]) for p in problems] == [(12, "Leyla"), (15, "Farid")]
    assert all(p.message.startswith("probably a case study: ") for p in problems)
    assert "'/// case | Title' block" in problems[0].message


def test_stories_in_case_quiz_and_scenario_blocks_and_names_without_age_are_fine():
    text = """\
    /// case | "Leyla", 16
    "Leyla" (a pseudonym), 16, has not been to school for three weeks.

    Leyla, aged 16, says she chose the job.
    ///

    /// quiz | "Rustam", 30, pays a driver. What is this?
        id: q-smuggling

    - [x] Smuggling
    ///

    /// test-question | "Kenan" (a pseudonym), 17, works at a car wash. What is this?
        id: q-child-car-wash

    - [x] Possibly trafficking
    ///

    The "Palermo" Protocol defines trafficking in Article 3.
    """
    assert check(text) == []


def test_reviewed_strings_in_the_allow_list_are_not_reported(tmp_path):
    allow = tmp_path / "curriculum" / "confidentiality-allow.yml"
    allow.parent.mkdir()
    allow.write_text(textwrap.dedent("""\
        - text: "050-123-45-67"
          reason: the public number of the shelter, printed on its leaflets
          reviewed_by: Aynur Mammadova, national coordinator's office
          date: 2026-05-04
        - text: "AA1234567"
          reason: a specimen number
    """), encoding="utf-8")
    problems = Problems()
    allowed = load_allowed(allow, tmp_path, problems)
    assert allowed == {"050-123-45-67"}
    assert [(p.file, p.line) for p in problems] == [("curriculum/confidentiality-allow.yml", 5)] * 2
    assert "'entry 2.reviewed_by' is missing" in problems.found[0].message
    assert found("Shelter: 050-123-45-67, 050-999-88-77.", allowed=allowed) == [(10, "050-999-88-77")]


def test_a_missing_allow_list_allows_nothing(tmp_path):
    problems = Problems()
    assert load_allowed(tmp_path / "none.yml", tmp_path, problems) == set() and not problems


def test_content_texts_skip_the_directory_the_allow_list_and_translation_stamps(tmp_path):
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "toolkits").mkdir()
    (tmp_path / "toolkits" / "contacts.yml").write_text('x:\n  phone: "050-123-45-67"\n')
    (tmp_path / "curriculum" / "confidentiality-allow.yml").write_text('- text: "AA1234567"\n')
    (tmp_path / "curriculum" / "m.az.md").write_text(
        '---\ntitle: T\ntranslated_from: "0501234567"\n---\nCall 050-123-45-67.\n')
    texts = list(content_texts(tmp_path / "curriculum", tmp_path / "toolkits", tmp_path))
    assert [file for file, _, _ in texts] == ["curriculum/m.az.md"]
    problems = Problems()
    check_confidentiality(texts, {}, set(), problems)
    assert [(p.file, p.line) for p in problems] == [("curriculum/m.az.md", 5)]


def test_the_real_content_has_no_findings():
    """Every module, toolkit item and data file of the project, with the real directory."""
    problems = Problems()
    audiences = load_audiences(ROOT / "curriculum" / "audiences.yml", "audiences.yml",
                               LANGUAGES, problems)
    contacts = load_contacts(ROOT / "toolkits" / "contacts.yml", ROOT, LANGUAGES, audiences,
                             problems)
    guides = [ROOT / "docs" / f"{name}.md"
              for name in ("authoring", "maintainer-guide", "terminology", "test-results")]
    texts = list(content_texts(ROOT / "curriculum", ROOT / "toolkits", ROOT, guides))
    assert {"docs/authoring.md", "curriculum/glossary.yml"} <= {file for file, _, _ in texts}
    assert {file for file, _, _ in texts} >= {
        f"{path.relative_to(ROOT).as_posix()}"
        for folder in ("curriculum/modules", "toolkits") for path in (ROOT / folder).glob("*.md")}
    check_confidentiality(texts, contacts, set(), problems)
    assert [str(problem) for problem in problems] == []


def test_a_date_of_birth_over_a_line_break_is_found_on_its_line():
    assert found("Intro.\n\nShe was born on\n12.03.2005 in Ganja.\n") == [(13, "12.03.2005")]


@pytest.mark.parametrize("text, expected", CORPUS)
def test_personal_data_as_people_write_it_is_reported(text, expected):
    problems = check(f"Intro.\n\n{text}\n")
    assert any(expected in p.message.split("'")[1] and p.line == 12 for p in problems), \
        [str(p) for p in problems]
    assert all(problem.file == FILE and "confidentiality-allow.yml" in problem.message
               for problem in problems)


@pytest.mark.parametrize("text, expected", CORPUS)
def test_personal_data_is_reported_inside_case_quiz_and_scenario_blocks_too(text, expected):
    problems = check(f"/// case | A case\n{text}\n///\n")
    assert any(expected in p.message.split("'")[1] for p in problems), [str(p) for p in problems]


def test_a_full_name_outside_a_story_block_is_reported_even_as_a_pseudonym():
    [problem] = check('The story of "Aysel Karimova" (a pseudonym) shows the pattern.')
    assert problem.message.startswith("'Aysel Karimova' looks like a person's full name")
    assert "(a pseudonym)" in problem.message  # says how to mark one


def test_a_full_name_in_a_story_block_needs_to_be_marked_as_a_pseudonym_once_in_the_file():
    text = """\
    /// case | The café
    "Aysel Karimova" (a pseudonym), 19, was offered a job. Later Aysel Karimova left.
    ///

    /// quiz | What should Karimova Aysel do first?
        id: q-first

    - [x] Call the hotline
    ///

    /// case | Another
    Rashad Huseynov drove the van.
    ///
    """
    assert found(text) == [(21, "Rashad Huseynov")]
    assert "not marked as a pseudonym" in check(text)[0].message


@pytest.mark.parametrize("text", [
    "Milli Məclis, Daxili İşlər Nazirliyi and the Palermo Protokolu.",
    "Кабинета Министров Азербайджанской Республики, Статья 144.",
    "The Ministry of Internal Affairs and Baku Court.",
    "Rostov and Kharkov are cities.",
    "See the law at e-qanun.az and write to your office at once.",
    "The fine is 1 000 000 AZN; 12 345 people; Decision No. 123-45 of 2019.",
    "Finance: FIN 2020 report; the finish line.",
])
def test_institutions_places_and_numbers_are_not_personal_data(text):
    assert check(text) == []


def _directory(tmp_path, phone):
    path = tmp_path / "toolkits" / "contacts.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'shelter:\n  name: {{en: S, az: S, ru: S}}\n  phone: "{phone}"\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("phone", ["+994 50 123 45 67", "055 765 43 21", "+994771234567",
                                   "(099) 123-45-67", "+994 10 234 56 78"])
def test_a_personal_mobile_in_the_directory_needs_a_reviewed_entry(tmp_path, phone):
    problems = Problems()
    check_directory_phones(_directory(tmp_path, phone), tmp_path, set(), problems)
    [problem] = problems
    assert (problem.file, problem.line) == ("toolkits/contacts.yml", 3)
    assert "looks like a personal mobile" in problem.message
    assert "confidentiality-allow.yml" in problem.message
    allowed = Problems()
    check_directory_phones(_directory(tmp_path, phone), tmp_path, {phone}, allowed)
    assert not allowed


@pytest.mark.parametrize("phone", ["152", "+994 12 465 90 71", "012 555 12 34"])
def test_service_numbers_in_the_directory_are_fine(tmp_path, phone):
    problems = Problems()
    check_directory_phones(_directory(tmp_path, phone), tmp_path, set(), problems)
    assert not problems


def test_every_text_file_is_checked_whatever_its_name_or_folder(tmp_path):
    content, toolkits = tmp_path / "curriculum", tmp_path / "toolkits"
    for name in ("modules/a.markdown", "notes.txt", "modules/deep/b.md", "page.html", "X.MD",
                 "images/map.svg"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("Call 050 123 45 67.\n", encoding="utf-8")
    toolkits.mkdir()
    (toolkits / "extra.yaml").write_text("x: 050 123 45 67\n", encoding="utf-8")
    (content / "photo.png").write_bytes(b"\x89PNG\x00 050 123 45 67")
    (content / "old.md").write_bytes("Звоните 050 123 45 67".encode("cp1251"))  # the encoding check
    guide = tmp_path / "docs" / "guide.md"
    guide.parent.mkdir()
    guide.write_text("```\nCall 050 123 45 67.\n```\n", encoding="utf-8")
    texts = list(content_texts(content, toolkits, tmp_path, [guide]))
    problems = Problems()
    check_confidentiality(texts, {}, set(), problems)
    assert sorted(p.file for p in problems) == sorted([
        "curriculum/modules/a.markdown", "curriculum/notes.txt", "curriculum/modules/deep/b.md",
        "curriculum/page.html", "curriculum/X.MD", "curriculum/images/map.svg",
        "toolkits/extra.yaml", "docs/guide.md"])


# -- the quick tests (Rule.needs) never hide a finding ---------------------------------------
BIRTH_WORDS = ["born", "b. 1990", "DOB", "D.O.B.", "date of birth", "date\nof  birth", "birth date",
               "birthdate", "birthday", "doğum tarixi", "doğulub", "təvəllüdü", "anadan olub",
               "родилась", "рождения", "д. р.", "д.р.", "г.р.", "г. р.", "р. 1990"]
FIN_WORDS = ["FIN", "PIN", "FİN", "Fİn", "ФИН", "ПИН", "fərdi identifikasiya nömrəsi kodu",
             "personal identification number", "персональный идентификационный номер"]
EMAIL_FORMS = ["aysel@mail.ru", "aysel @ mail.ru", "aysel [at] mail [dot] ru",
               "aysel(at)mail(dot)ru", "aysel {собака} mail.ru", "aysel <эт> mail.ru",
               "aysel собака mail.ru", "aysel at gmail dot com", "aysel at yandex.ru"]


FULL_NAMES = ["Aysel Vüqar qızı", "Aysel Mammadova", "Ivan Petrov Sergeyevich", "Мамедова Айсель",
              "A. Mammadova", "A.A. Mammadova", "Мамедова А.А.", "Əliyev R.", "Leyla Hasanlı",
              "Ахмед Гасанов", "Ахмед Ахмед оглы", "Елена Ивановна Петрова"]


def _cases(word: str) -> list[str]:
    return [word, word.upper(), word.capitalize(), word.swapcase(),
            word.replace("д", "\u1c81").replace("с", "\u1c83")]  # rounded Cyrillic de and es


def test_a_quick_test_finds_every_text_its_rule_would_report():
    """A rule's `needs` only spares the search of texts without it: every text the rule's
    pattern matches must pass it (else a finding would be silently dropped)."""
    from elearning.domain.confidentiality import RULES
    texts = [text for text, _ in CORPUS]
    texts += [f"Aysel, {form} 12 March 1990" for word in BIRTH_WORDS for form in _cases(word)]
    texts += [f"Write to {form} today." for word in EMAIL_FORMS for form in _cases(word)]
    texts += ["Passport no. AZE 1234 5678", "паспорт серии AA 123-456", "On 12.03.2005 she left.",
              "AZE12345678", "pasport AA1234567", "+1 2 34 56 78", "0012 345 67 89",
              "(050) 123 45 67", "12 345 67", "994 50 123 45 67"]
    texts += [f"{form}: 5AB12CD" for word in FIN_WORDS for form in _cases(word)]
    texts += [f"Met {name}." for name in FULL_NAMES] + [f"{name}, 16, left." for name in FULL_NAMES]
    checked = digits = 0
    for rule in RULES:
        for text in texts:
            if not rule.found.search(text):
                continue
            if rule.needed is not None:
                checked += 1
                assert rule.needed.search(text), (rule.name, text)
            if rule.needs_digit and (rule.together_with is None or rule.together_with.search(text)):
                digits += 1
                assert re.search(r"\d", text), (rule.name, text)
    assert checked > 100 and digits > 50


@pytest.mark.parametrize("letters", ["[BbDdTtAaРрДдᲁГг]", "[Ссᲃ]", "[FfPpФфПп]"])
def test_the_first_letters_of_the_quick_tests_are_every_form_the_regex_engine_matches(letters):
    """The quick tests write the first letter of each word case-sensitively (so that the
    engine can skip other characters fast): every character that a case-insensitive
    pattern's letter matches must be listed."""
    import re
    import sys
    listed = set(letters[1:-1])
    for letter in listed:
        caseless = re.compile("(?i)" + re.escape(letter))
        forms = {chr(c) for c in range(sys.maxunicode + 1) if caseless.fullmatch(chr(c))}
        assert forms <= listed, (letter, forms - listed)

import re

from elearning import translations_cli
from elearning.domain.curriculum import load_curriculum
from elearning.domain.translations import english_file_of, fingerprint, stamp, translation_status
from tests.helpers import make_project, module

LANGUAGES = ("en", "az", "ru")

ENGLISH = """\
---
title: Forced labour
audiences: all
duration: 20
objectives:
  - Apply the eleven ILO indicators of forced labour to a case
---
Forced labour is work done under the threat of a penalty, which the person has not offered
to do of their own free will.

/// quiz | Which of these is an indicator?
    id: fl-passport

- [x] The employer keeps the passport
///
"""


def translation(title, stamp_value=None):
    stamp_line = f'translated_from: "{stamp_value}"\n' if stamp_value else ""
    return f"---\ntitle: {title}\nobjectives: [Bir şey]\n{stamp_line}---\nMətn\n"


def test_a_fingerprint_is_ten_hex_characters_stable_under_re_wrapping():
    rewrapped = ENGLISH.replace(
        "penalty, which the person has not offered\nto do",
        "penalty,\n   which the person has not   offered to do").replace(
        "  - Apply the eleven", "  -   Apply the\n    eleven")
    assert re.fullmatch(r"[0-9a-f]{10}", fingerprint(ENGLISH))
    assert fingerprint(rewrapped) == fingerprint(ENGLISH)
    assert fingerprint("\ufeff" + ENGLISH.replace("\n", "\r\n")) == fingerprint(ENGLISH)


def test_a_fingerprint_changes_with_any_word_and_with_the_translated_front_matter():
    assert fingerprint(ENGLISH.replace("threat", "menace")) != fingerprint(ENGLISH)
    assert fingerprint(ENGLISH.replace("title: Forced", "title: Compulsory")) != fingerprint(ENGLISH)
    assert fingerprint(ENGLISH.replace("fl-passport", "fl-documents")) != fingerprint(ENGLISH)


def test_a_fingerprint_ignores_what_the_english_file_owns():
    owned = ENGLISH.replace("duration: 20", "duration: 25\norder: 3\nkind: checklist").replace(
        "audiences: all", "audiences: [municipalities, employers]")
    assert fingerprint(owned) == fingerprint(ENGLISH)


def project(tmp_path):
    alpha, beta = module("Alpha"), module("Beta", body="\nMore words.\n")
    glossary = ("nrm:\n  en: {term: NRM, meaning: National Referral Mechanism}\n"
                "  az: {term: MRM, meaning: Milli Referral Mexanizmi}\n")
    item = "---\ntitle: Checklist\naudiences: all\nkind: checklist\n---\nCheck.\n"
    folder = make_project(tmp_path, {
        "modules/alpha.md": alpha,
        "modules/alpha.az.md": translation("Alfa", fingerprint(alpha)),
        "modules/alpha.ru.md": translation("Альфа"),
        "modules/beta.md": beta,
        "modules/beta.az.md": translation("Beta", fingerprint(module("Beta"))),  # before a change
        "glossary.yml": glossary,
        "toolkits/checklist.md": item,
        "toolkits/checklist.ru.md": translation("Чек-лист", fingerprint(item)),
    })
    # The guides kept in every language: docs/<name>.<language>.md beside the English one.
    docs = folder / "docs"
    guide = "# Trainer guide\n\nBefore the session.\n"
    (docs / "trainer-guide.md").write_text(guide, encoding="utf-8")
    (docs / "trainer-guide.az.md").write_text(
        f'---\ntranslated_from: "{fingerprint(guide)}"\n---\n# Təlimçi\n', encoding="utf-8")
    (docs / "trainer-guide.ru.md").write_text(
        f'---\ntranslated_from: "{fingerprint("# Old")}"\n---\n# Тренер\n', encoding="utf-8")
    (docs / "maintainer-guide.az.md").unlink()
    (docs / "maintainer-guide.ru.md").write_text("# Руководство\n", encoding="utf-8")
    return folder


def statuses(folder):
    curriculum, _ = load_curriculum(folder / "curriculum", folder / "toolkits", folder, LANGUAGES)
    documents = [*curriculum.modules.values(), *curriculum.toolkit_items.values()]
    return translation_status(documents, LANGUAGES, folder)


def test_translated_missing_stale_and_unstamped_translations_are_told_apart(tmp_path):
    found = {(s.kind, s.name, s.language): s for s in statuses(project(tmp_path))}
    assert {key: s.state for key, s in found.items()} == {
        ("module", "alpha", "az"): "translated",
        ("module", "alpha", "ru"): "unstamped",
        ("module", "beta", "az"): "stale",
        ("module", "beta", "ru"): "missing",
        ("toolkit item", "checklist", "az"): "missing",
        ("toolkit item", "checklist", "ru"): "translated",
        ("data file", "curriculum/audiences.yml", "az"): "translated",
        ("data file", "curriculum/audiences.yml", "ru"): "translated",
        ("data file", "curriculum/glossary.yml", "az"): "translated",
        ("data file", "curriculum/glossary.yml", "ru"): "missing",
        ("data file", "toolkits/contacts.yml", "az"): "translated",
        ("data file", "toolkits/contacts.yml", "ru"): "translated",
        ("guide", "maintainer-guide", "az"): "missing",
        ("guide", "maintainer-guide", "ru"): "unstamped",
        ("guide", "trainer-guide", "az"): "translated",
        ("guide", "trainer-guide", "ru"): "stale",
    }
    missing = found[("module", "beta", "ru")]
    assert (missing.english, missing.translation) == ("curriculum/modules/beta.md",
                                                      "curriculum/modules/beta.ru.md")
    assert found[("data file", "curriculum/glossary.yml", "ru")].entries == ("nrm",)
    guide = found[("guide", "maintainer-guide", "az")]
    assert (guide.english, guide.translation) == ("docs/maintainer-guide.md",
                                                  "docs/maintainer-guide.az.md")


def test_stamping_changes_only_the_stamp_line(tmp_path):
    english = tmp_path / "m.md"
    english.write_text(ENGLISH, encoding="utf-8")
    path = tmp_path / "m.az.md"
    original = ("---\r\ntitle:   Məcburi əmək   # the translator's spacing and comment\r\n"
                "objectives:\r\n  - Bir şey\r\n---\r\nMətn  \r\n\r\n")
    path.write_bytes(original.encode("utf-8"))

    assert stamp(path, english) is True
    first = f'translated_from: "{fingerprint(ENGLISH)}"\r\n'
    assert path.read_bytes().decode("utf-8") == original.replace("---\r\nMətn", first + "---\r\nMətn")
    assert stamp(path, english) is False  # already current: the file is not touched

    english.write_text(ENGLISH.replace("threat", "menace"), encoding="utf-8")
    assert stamp(path, english) is True
    second = f'translated_from: "{fingerprint(english.read_text(encoding="utf-8"))}"\r\n'
    assert path.read_bytes().decode("utf-8") == original.replace("---\r\nMətn", second + "---\r\nMətn")


def test_a_stamped_translation_loads_and_counts_as_translated(tmp_path):
    folder = project(tmp_path)
    modules = folder / "curriculum" / "modules"
    assert stamp(modules / "beta.az.md", modules / "beta.md")
    assert stamp(modules / "alpha.ru.md", modules / "alpha.md")
    states = {(s.name, s.language): s.state for s in statuses(folder) if s.kind == "module"}
    assert states[("beta", "az")] == states[("alpha", "ru")] == "translated"


def test_the_english_file_of_a_translation(tmp_path):
    assert english_file_of(tmp_path / "forced-labour.az.md", LANGUAGES) == tmp_path / "forced-labour.md"
    assert english_file_of(tmp_path / "forced-labour.md", LANGUAGES) is None
    assert english_file_of(tmp_path / "forced-labour.de.md", LANGUAGES) is None


def test_the_command_lists_the_work_and_stamps(tmp_path, monkeypatch, capsys):
    folder = project(tmp_path)
    monkeypatch.chdir(folder)
    assert translations_cli.main([]) == 0
    listing = capsys.readouterr().out
    assert "Azərbaycanca (az): 3 to do" in listing
    assert "create docs/maintainer-guide.az.md from docs/maintainer-guide.md" in listing
    assert "docs/trainer-guide.ru.md (English: docs/trainer-guide.md)" in listing
    assert "create curriculum/modules/beta.ru.md from curriculum/modules/beta.md" in listing
    assert "curriculum/modules/beta.az.md (English: curriculum/modules/beta.md)" in listing
    assert "curriculum/glossary.yml: add the Русский text ('ru:') to these entries: nrm" in listing

    assert translations_cli.main(["--stamp", "curriculum/modules/beta.az.md"]) == 0
    assert translations_cli.main(["--stamp-all-current"]) == 0
    assert "2 translation(s) marked as up to date" in capsys.readouterr().out  # alpha, guide
    assert translations_cli.main(["--stamp", "curriculum/modules/beta.md"]) == 1
    states = {(s.name, s.language): s.state for s in statuses(folder) if s.kind == "module"}
    assert states == {("alpha", "az"): "translated", ("alpha", "ru"): "translated",
                      ("beta", "az"): "translated", ("beta", "ru"): "missing"}


def _git(folder, *args):
    import subprocess
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


def test_a_stale_translation_shows_the_english_paragraphs_changed_since_its_stamp(
        tmp_path, monkeypatch, capsys):
    before = module("Alpha", body="\nThe first paragraph stays.\n\nCall the hotline first.\n")
    folder = make_project(tmp_path, {"modules/alpha.md": before,
                                     "modules/alpha.az.md": translation("Alfa", fingerprint(before))})
    _git(folder, "init", "-q")
    _git(folder, "add", "curriculum")
    _git(folder, "commit", "-q", "-m", "English as translated")
    (folder / "curriculum/modules/alpha.md").write_text(
        before.replace("Call the hotline first.", "Call the hotline first, then the police."),
        encoding="utf-8")
    monkeypatch.chdir(folder)
    assert translations_cli.main([]) == 0
    listing = capsys.readouterr().out
    assert "Changed in curriculum/modules/alpha.md since it was translated" in listing
    assert "- 12: Call the hotline first.\n" in listing
    assert "+ 12: Call the hotline first, then the police.\n" in listing
    assert "The first paragraph stays" not in listing


def test_several_files_are_stamped_in_one_command(tmp_path, monkeypatch, capsys):
    folder = project(tmp_path)
    monkeypatch.chdir(folder)
    assert translations_cli.main(["--stamp", "curriculum/modules/alpha.ru.md",
                                  "curriculum/modules/beta.az.md"]) == 0
    states = {(s.name, s.language): s.state for s in statuses(folder) if s.kind == "module"}
    assert states[("alpha", "ru")] == states[("beta", "az")] == "translated"


def test_one_unstamped_file_is_not_a_reason_to_stamp_everything(tmp_path, monkeypatch, capsys):
    folder = project(tmp_path)  # most translations are stamped, alpha.ru.md is not
    monkeypatch.chdir(folder)
    translations_cli.main([])
    listing = capsys.readouterr().out
    assert "STAMP_ALL_CURRENT" not in listing
    assert 'STAMP="docs/maintainer-guide.ru.md curriculum/modules/alpha.ru.md"' in listing


ENGLISH_BODY = ("Forced labour is work that a person has not offered to do of their own free "
                "will. If you meet a worker whose passport is kept by the employer, call the "
                "hotline and do not confront the employer. It is the task of the police to "
                "act.\n")


def test_a_translation_still_in_english_is_listed_as_to_translate(tmp_path, monkeypatch, capsys):
    english = module("Alpha", body="\n" + ENGLISH_BODY)
    copied = translation("Alfa", fingerprint(english)).replace("Mətn\n", ENGLISH_BODY)
    folder = make_project(tmp_path, {"modules/alpha.md": english, "modules/alpha.az.md": copied,
                                     "modules/alpha.ru.md": copied.replace("Alfa", "Альфа")})
    found = {(s.name, s.language): s.state for s in statuses(folder) if s.kind == "module"}
    assert found == {("alpha", "az"): "untranslated", ("alpha", "ru"): "untranslated"}
    monkeypatch.chdir(folder)
    translations_cli.main([])
    assert "its text is still mostly English" in capsys.readouterr().out


def test_the_language_check_tells_english_from_azerbaijani_and_russian():
    from elearning.domain.translations import mostly_english
    az = ("Məcburi əmək şəxsin öz iradəsi ilə təklif etmədiyi işdir. Pasportu işəgötürən "
          "saxlayan işçi ilə qarşılaşsanız, qaynar xəttə zəng edin və işəgötürənlə üz-üzə "
          "gəlməyin. Tədbir görmək polisin vəzifəsidir.")
    ru = ("Принудительный труд — это работа, которую человек не предлагал выполнять "
          "добровольно. Если вы встретили работника, чей паспорт хранит работодатель, "
          "позвоните на горячую линию и не вступайте в спор с работодателем.")
    assert not mostly_english(az, "az") and not mostly_english(ru, "ru")
    assert mostly_english(ENGLISH_BODY, "az") and mostly_english(ENGLISH_BODY, "ru")
    assert not mostly_english("Mətn.", "az")  # too short to judge


def test_the_language_check_reads_the_words_inside_blocks_not_their_syntax():
    from elearning.domain.translations import mostly_english
    # English left inside a block after a translated first line is still found...
    copied = "Giriş.\n\n/// case | Nümunə\n" + ENGLISH_BODY + "\n///\n"
    assert mostly_english(copied, "az")
    # ...while the block lines, options and contact references are no words of a language.
    syntax = ("/// scenario | the and of to\n    contacts: [the-and-of]\n\n/// asks\n"
              + "Məcburi əmək şəxsin öz iradəsi ilə təklif etmədiyi işdir. " * 3
              + "{{contact:the-and-of-to}}\n///\n///\n")
    assert not mostly_english(syntax, "az")

from elearning.domain.audiences import load_audiences
from elearning.domain.problems import Problems

LANGUAGES = ("en", "az", "ru")


def load(tmp_path, text):
    path = tmp_path / "audiences.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return load_audiences(path, "curriculum/audiences.yml", LANGUAGES, problems), problems


def test_audiences_in_file_order_with_default_pass_mark(tmp_path):
    audiences, problems = load(tmp_path, """\
employers:
  name: {en: E, az: E, ru: Е}
  description: {en: d, az: d, ru: d}
azrcs:
  name: {en: A, az: A, ru: А}
  description: {en: d, az: d, ru: d}
  pass_mark: 70
""")
    assert not problems
    assert list(audiences) == ["employers", "azrcs"]
    assert audiences["employers"].pass_mark == 80 and audiences["azrcs"].pass_mark == 70


def test_missing_language_name_is_named_with_its_line(tmp_path):
    audiences, problems = load(tmp_path, """\
employers:
  name: {en: E, ru: Е}
  description: {en: d, az: d, ru: d}
""")
    assert audiences == {}
    [problem] = problems
    assert problem.file == "curriculum/audiences.yml" and problem.line == 2
    assert "'name' has no text for az" in problem.message


def test_invalid_yaml(tmp_path):
    _, problems = load(tmp_path, "employers:\n  name: {en: E\n")
    [problem] = problems
    assert "not valid YAML" in problem.message and problem.line


def test_bad_id_and_wrong_type(tmp_path):
    _, problems = load(tmp_path, """\
Police Officers:
  name: {en: P, az: P, ru: П}
  description: {en: d, az: d, ru: d}
employers:
  name: Employers
  description: {en: d, az: d, ru: d}
""")
    messages = [str(p) for p in problems]
    assert any("'Police Officers' is not a valid audience id" in m for m in messages)
    assert any(":5:" in m and "'employers.name' must be" in m for m in messages)

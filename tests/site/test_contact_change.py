"""A number lives in one place: change the hotline's number in contacts.yml, and the old
number is left nowhere in the built site (pages, flowcharts, tooltips, search index), in any
language, and no translation becomes stale."""
import re
import shutil
from pathlib import Path

from elearning.domain.curriculum import load_curriculum
from tests.conftest import LANGUAGES, ROOT, run_mkdocs

OLD, NEW = "152", "1555"
OLD_NUMBER = re.compile(rf"(?<![\d.,/-]){OLD}(?![\d-])")
# The guides in docs/ are published for maintainers; they explain the directory itself
# (`phone: "152"`), so they are the one place the example number may stay.
GUIDES = {path.stem for path in (ROOT / "docs").glob("*.md")}
TOP_LEVEL_LEFT_OUT = {".git", ".venv", "node_modules", "site", "dist", "bench", "tests",
                      ".pytest_cache"}


def left_out(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == ROOT
    return {n for n in names if n == "__pycache__" or (top and n in TOP_LEVEL_LEFT_OUT)}


def visible(html: str) -> str:
    """The words a reader sees or hears, and where links and tooltips lead; not the numbers
    of drawing coordinates."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    attributes = re.findall(r'\b(?:title|href|aria-label|alt|content)="([^"]*)"', html)
    return re.sub(r"<[^>]+>", " ", html) + " " + " ".join(attributes)


def where_the_old_number_is(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".json", ".js", ".xml", ".txt") or not path.is_file():
            continue
        if path.suffix == ".html" and path.stem in GUIDES and "maintainers" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".js" and "search" not in path.name:
            continue  # scripts of the site, not content
        text = visible(text) if path.suffix == ".html" else text
        for match in OLD_NUMBER.finditer(text):
            found.append(f"{path.relative_to(site)}: …{text[max(0, match.start() - 60):match.end() + 20]}…")
    return found


def test_changing_the_hotline_number_changes_it_everywhere(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=left_out)
    statuses = translation_states(project)
    contacts = project / "toolkits" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    assert f'phone: "{OLD}"' in text
    contacts.write_text(text.replace(f'phone: "{OLD}"', f'phone: "{NEW}"'), encoding="utf-8")

    result = run_mkdocs(project, "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    assert where_the_old_number_is(site) == []
    # and the new number is where the old one was: in pages, tooltips and the search index
    for page in ("modules/referral.html", "az/modules/referral.html",
                 "ru/toolkits/municipalities/one-pager.html"):
        assert NEW in visible((site / page).read_text(encoding="utf-8")), page
    assert f"tel:{NEW}" in (site / "modules/referral.html").read_text(encoding="utf-8")
    assert re.search(rf'<abbr title="[^"]*\b{NEW}\b', (site / "modules/referral.html")
                     .read_text(encoding="utf-8"))
    assert NEW in (site / "search/search_index.json").read_text(encoding="utf-8")
    assert translation_states(project) == statuses


def translation_states(project: Path) -> list[tuple[str, str, str]]:
    curriculum, _ = load_curriculum(project / "curriculum", project / "toolkits", project,
                                    LANGUAGES)
    return sorted((s.name, s.language, s.state) for s in curriculum.translations)


def test_the_shipped_site_shows_the_hotline_only_through_the_directory(built_site):
    """The check above can fail: the shipped site has the number, where the directory puts it."""
    assert where_the_old_number_is(built_site) != []

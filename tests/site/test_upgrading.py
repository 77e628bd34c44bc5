"""The overrides of Material, static-i18n and pymdown-extensions were made for exact versions
(docs/upgrading.md): an upgrade must go through that list before the tests pass again."""
import re
from importlib import metadata
from pathlib import Path

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "upgrading.md"


def versions_in_guide() -> dict[str, str]:
    table = GUIDE.read_text(encoding="utf-8").split("## Versions the overrides were made for")[1]
    return dict(re.findall(r"^\| ([a-z][a-z0-9-]+) \| ([0-9][^ |]*) \|$", table.split("##")[0],
                           re.MULTILINE))


def test_installed_versions_are_those_the_overrides_were_made_for():
    made_for = versions_in_guide()
    assert set(made_for) == {"mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                             "pymdown-extensions"}
    changed = {name: f"{version} -> {metadata.version(name)}"
               for name, version in made_for.items() if metadata.version(name) != version}
    assert not changed, (f"{changed}: go through docs/upgrading.md (what each override copies "
                         "and how to check it), then update its version table")


def test_the_copied_search_partial_is_materials_plus_a_dialog_name():
    import material
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "search.html")
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    expected = re.sub(r"\{#-.*?-#\}\n", "", upstream.read_text(encoding="utf-8"), flags=re.S)
    expected = expected.replace('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1)
    assert re.sub(r"\{#-.*?-#\}\n", "", ours, flags=re.S) == expected, (
        "overrides/partials/search.html no longer matches Material's partial: see docs/upgrading.md")


def pins(path: Path) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} of a requirements file, names normalised."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    found = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            name, _, rest = line.partition("==")
            assert rest, f"{path.name}: '{line}' is not pinned with =="
            found[re.sub(r"[-_.]+", "-", name.strip().lower())] = (rest.split()[0],
                                                                   rest.count("--hash=sha256:"))
    return found


def test_pins_are_compiled_from_the_in_files_with_hashes():
    """requirements*.txt come from `make pins`: a package added to a .txt file by hand, or
    a version changed in a .in file without compiling again, fails here."""
    site, test = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-test.txt")
    assert {name for name, (_, hashes) in {**site, **test}.items() if hashes == 0} == set()
    for compiled, sources in ((site, ["requirements.in"]),
                              (test, ["requirements.in", "requirements-test.in"])):
        for source in sources:
            for name, (version, _) in pins(ROOT / source).items():
                assert compiled.get(name, ("missing",))[0] == version, (
                    f"{source}: {name}=={version} is not in the compiled pins: run `make pins` "
                    "(docs/upgrading.md)")
    assert {name: test.get(name) for name in site} == site  # the same versions for both
    for name in ("requirements.txt", "requirements-test.txt"):
        assert "#    make pins\n" in (ROOT / name).read_text(encoding="utf-8"), name

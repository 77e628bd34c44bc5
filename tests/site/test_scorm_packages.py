"""The SCORM 1.2 packages made from the real built site (make scorm): what a platform reads
(imsmanifest.xml) and what each zip holds. Running them is tests/browser/test_scorm.py."""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, ROOT

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
      "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


@pytest.fixture(scope="module")
def curriculum():
    from elearning.exports_cli import load
    return load(ROOT)


@pytest.fixture(scope="module")
def packages(built_site, curriculum, tmp_path_factory) -> dict[str, Path]:
    from elearning.site.scorm import write_packages
    out = tmp_path_factory.mktemp("scorm")
    (out / "ct-removed-en-scorm12.zip").write_bytes(b"a course removed since")
    written = write_packages(curriculum, built_site, out, "1.0")
    assert not (out / "ct-removed-en-scorm12.zip").exists()
    return {path.name: path for path in written}


def read(path: Path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        return (names, ET.fromstring(archive.read("imsmanifest.xml")),
                archive.read("launch.html").decode("utf-8"))


def test_one_package_per_course_and_language(packages, curriculum):
    assert sorted(packages) == sorted(f"ct-{course.id}-{language}-scorm12.zip"
                                      for course in curriculum.courses for language in LANGUAGES)
    sizes = {name: path.stat().st_size // 1024 for name, path in packages.items()}
    print("SCORM package sizes (KB):", sizes)
    assert all(size < 10_000 for size in sizes.values()), sizes  # platforms limit uploads


def test_the_manifest_is_scorm_1_2_with_one_sco_and_the_pass_mark(packages, curriculum):
    from elearning import interface
    for course in curriculum.courses:
        for language in LANGUAGES:
            names, manifest, _ = read(packages[f"ct-{course.id}-{language}-scorm12.zip"])
            assert names[0] == "imsmanifest.xml"  # at the zip's root
            assert manifest.find("cp:metadata/cp:schema", NS).text == "ADL SCORM"
            assert manifest.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
            organizations = manifest.find("cp:organizations", NS)
            [organization] = organizations.findall("cp:organization", NS)
            assert organizations.get("default") == organization.get("identifier")
            title = f"{interface.text('site_name', language)}: {course.audience.name[language]}"
            assert organization.find("cp:title", NS).text == title
            [item] = organization.findall("cp:item", NS)
            assert item.find("cp:title", NS).text == title
            assert item.find("adlcp:masteryscore", NS).text == str(course.audience.pass_mark)
            [resource] = manifest.findall("cp:resources/cp:resource", NS)
            assert item.get("identifierref") == resource.get("identifier")
            assert resource.get(f"{ADLCP}scormtype") == "sco"
            assert resource.get("href") == "launch.html"


def test_every_file_listed_is_in_the_zip_and_the_other_way_round(packages):
    for name, path in packages.items():
        names, manifest, _ = read(path)
        listed = [f.get("href") for f in manifest.findall("cp:resources/cp:resource/cp:file", NS)]
        assert len(listed) == len(set(listed))
        assert set(listed) == set(names) - {"imsmanifest.xml"}, name
        assert "launch.html" in listed
        for file in names:  # relative paths inside the package, nothing of the build around it
            assert not file.startswith(("/", "_server/")) and ".." not in file.split("/"), file
            assert not file.endswith((".map", ".xml.gz", "sitemap.xml")) or file == "imsmanifest.xml"


def test_each_package_carries_its_language_only(packages):
    for name, path in packages.items():
        language = name.split("-")[-2]
        names, _, launch = read(path)
        folders = {n.split("/")[0] for n in names}
        assert folders & set(LANGUAGES[1:]) == ({language} - {LANGUAGES[0]}), name
        course = name.removeprefix("ct-").rsplit("-", 2)[0]
        prefix = "" if language == LANGUAGES[0] else f"{language}/"
        for page in (f"{prefix}courses/{course}/index.html", f"{prefix}courses/{course}/final-test.html",
                     "javascripts/scorm.js", "javascripts/progress.js", "javascripts/questions.js",
                     "stylesheets/scorm.css"):
            assert page in names, (name, page)
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert pdfs and all(n.endswith(f"-{language}.pdf") for n in pdfs), name
        assert f'<html lang="{language}"' in launch
        assert f'"start": "{prefix}courses/{course}/index.html"' in launch
        assert f'"course": "{course}"' in launch  # the course data the pages carry
        assert not re.search(r"<script>|<style|style=|\bon\w+=", launch)  # no inline code


def test_packages_are_the_same_bytes_for_the_same_site(packages, built_site, curriculum, tmp_path):
    from elearning.site.app import precache
    from elearning.site.scorm import language_files, packages as all_packages, write_package
    package = all_packages(curriculum)[0]
    files = language_files(built_site, precache(built_site, curriculum.languages),
                           curriculum.languages, package.language)
    again = write_package(built_site, package, files, tmp_path, "1.0")
    assert again.read_bytes() == packages[package.name].read_bytes()


def test_make_scorm_without_a_built_site_says_what_to_do(tmp_path):
    result = subprocess.run([sys.executable, "-m", "elearning.exports_cli", "scorm", "--site",
                             str(tmp_path / "nothing"), "--out", str(tmp_path / "out")],
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT / "hooks")},
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "run `make site` first" in result.stderr and "Traceback" not in result.stderr


def test_launch_pages_are_valid_html(packages, tmp_path):
    from tests.site.test_html_validity import VNU
    if not VNU.is_file() or not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs Java and `npm ci` (run `make test`)")
    for language in LANGUAGES:
        _, _, launch = read(packages[f"ct-employers-{language}-scorm12.zip"])
        (tmp_path / f"launch-{language}.html").write_text(launch, encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu",
                             str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[:5000]

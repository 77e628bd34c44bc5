"""Every built page is read once, as it is written; the post-build steps read none again
(hooks/elearning/site/built_pages.py)."""
import hashlib
import json
import os
import subprocess
import sys

import pytest
from mkdocs.exceptions import PluginError

from elearning.site.built_pages import BuiltPages
from tests.helpers import ROOT, make_project, module

# A build in its own process that records, with an audit hook (no patching of what it
# observes), every .html file of the site opened for reading while the post-build step runs;
# then what the build's collector saw.
COUNTED_BUILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
import elearning.site.build as site_build
from elearning.site.built_pages import BuiltPages
from mkdocs.__main__ import cli

reading, opened = [False], []

site = str(Path(sys.argv[1]).resolve())

def audit(event, args):
    if reading[0] and event == "open" and isinstance(args[0], (str, Path)) \\
            and str(args[0]).endswith(".html") and str(args[0]).startswith(site) \\
            and "r" in str(args[1] or "r") \\
            and not any(c in str(args[1] or "") for c in "wa+"):
        opened.append(str(args[0]))

sys.addaudithook(audit)
finish = site_build.SiteBuild.finish

def finish_counted(self, config):
    reading[0] = True
    try:
        finish(self, config)
    finally:
        reading[0] = False

site_build.SiteBuild.finish = finish_counted
cli(["build", "--strict", "-q", "-d", sys.argv[1]], standalone_mode=False)
seen = sys.modules["hooks/build_events.py"].build.pages
final = BuiltPages.of_folder(Path(sys.argv[1]), compressed=seen.compressed)
print(json.dumps({"opened": opened, "readings": seen.readings, "seen": seen.paths(),
                  "files": BuiltPages.html_files(Path(sys.argv[1])), "compressed": seen.compressed,
                  "differ": [p for p in final.paths() if final.pages[p] != seen.pages.get(p)]}))
"""


def test_each_page_is_read_once_as_it_is_written_and_post_build_reads_none(tmp_path):
    project = make_project(tmp_path, {"modules/m.md": module()})
    site = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", COUNTED_BUILD, str(site), str(ROOT / "hooks")], cwd=project,
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF": "no"})
    assert result.returncode == 0, result.stderr[-3000:]
    counted = json.loads(result.stdout.strip().splitlines()[-1])
    assert counted["opened"] == []
    assert counted["seen"] == counted["files"] and len(counted["files"]) > 60
    # Once each; 404.html once per language (each language's build writes it, the last wins).
    assert counted["readings"] == len(counted["files"]) + 2
    # What was seen is what was written: the checks and the policy see the final pages.
    assert counted["differ"] == []
    # Quiet (-q): the gzipped sizes, shown only in the offline app's message, are not measured.
    assert counted["compressed"] is False


def page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


def test_a_page_seen_again_replaces_what_was_seen():
    pages = BuiltPages()
    pages.see("a.html", page('<img src="https://cdn.example.org/x.png">'))
    pages.see("a.html", page("<p>fixed</p>"))
    pages.check()
    assert pages.paths() == ["a.html"] and pages.readings == 2


def test_checks_name_the_page_and_the_file_it_shows():
    pages = BuiltPages()
    pages.see("m.html", page("<p>## Not a heading</p>"))
    with pytest.raises(PluginError, match=r'm\.html \(from curriculum/modules/m\.md\): a heading'):
        pages.check({"m.html": "curriculum/modules/m.md"})
    pages.see("m.html", page('<link rel="stylesheet" href="//cdn.example.org/x.css">'))
    with pytest.raises(PluginError, match=r"outside the site(.|\n)*m\.html: <link rel=stylesheet>"):
        pages.check()


def test_code_shows_markdown_on_purpose_and_a_data_url_is_no_outside_load():
    pages = BuiltPages()
    pages.see("guide.html", page("<pre><code>## heading\n- [x] done</code></pre>"
                                 '<img src="data:image/png;base64,AA" alt="">'))
    pages.check()


def test_only_pages_with_pdf_links_are_rewritten_later():
    pages = BuiltPages()
    pages.see("t.html", page('<span class="pdf-download__facts" data-pdf="t.pdf"></span>'))
    pages.see("u.html", page("<p>no link</p>"))
    assert pages.linking_pdfs() == ["t.html"]


def test_line_ends_become_lf_before_inline_code_is_hashed_but_not_in_the_file_hash(tmp_path):
    """As a browser tokenises the page: the policy's hash of a script written with CR LF or CR
    is the hash of its text with LF; the offline app's hash is of the bytes as written."""
    html = page('<script>a()\r\nb()\rc()</script><p style="color:\r\nred">x</p>')
    (tmp_path / "a.html").write_bytes(html.encode())
    for pages in (BuiltPages.of_folder(tmp_path), BuiltPages()):
        if not pages.pages:
            pages.see("a.html", html)
        code = pages.pages["a.html"].inline_code
        assert code.scripts == {"a()\nb()\nc()"} and code.style_attributes == {"color:\nred"}
        assert pages.pages["a.html"].file.digest == hashlib.sha256(html.encode()).digest()


def test_of_folder_reads_every_page_once(tmp_path):
    (tmp_path / "az").mkdir()
    (tmp_path / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    (tmp_path / "az" / "index.html").write_bytes(page("<p>y</p>\r\n").encode())
    pages = BuiltPages.of_folder(tmp_path)
    assert pages.paths() == ["az/index.html", "index.html"] and pages.readings == 2
    pages.see_files(tmp_path)  # nothing unseen: nothing read
    assert pages.readings == 2

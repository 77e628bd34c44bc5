"""The Content-Security-Policy computed from the built pages (policy.py), and the checks of
their inline code that stop the build (built_pages.py)."""
import base64
import hashlib
import re

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from elearning.site import policy
from tests.webserver import policy_of

def material_script(template: str, value: str = "") -> str:
    """An inline script as Material writes it, Jinja's parts replaced by `value`."""
    text = (Path(material.__file__).parent / "templates" / template).read_text(encoding="utf-8")
    return re.sub(r"\{\{.*?\}\}", value, re.findall(r"<script>(.*?)</script>", text)[-1])


HELPER_ROOT = material_script("partials/javascripts/base.html", ".")
HELPER_DEEP = material_script("partials/javascripts/base.html", "..")
TABS = material_script("partials/javascripts/content.html")


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def page(*body: str) -> str:
    return "<!doctype html><html><head><meta charset=utf-8></head><body>" + "".join(body) + \
        "</body></html>"


@pytest.fixture
def tiny_site(tmp_path):
    """Two folder depths, Material's three kinds of inline script, data blocks, files."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(page(
        f"<script>{HELPER_ROOT}</script>",
        f"<script>{TABS}</script>",
        '<script id="__config" type="application/json">{"base": "."}</script>',
        '<script type="application/json" class="course-data">{"a": "</p>"}</script>',
        '<script src="assets/bundle.js"></script>',
        '<a href="sub/page.html" title="javascript: a lesson">next</a>'), encoding="utf-8")
    # A deeper folder: the helper script differs; an x-template is not run, so not hashed.
    (tmp_path / "sub" / "page.html").write_bytes(page(
        f"<script>{HELPER_DEEP}</script>",
        f'<script type="text/javascript">{TABS}</script>',
        "<script type=text/x-template><p>not run</p></script>").encode("utf-8"))
    return tmp_path


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_policy_hashes_each_executed_inline_script_once(tiny_site):
    found = directives(policy_of(tiny_site))
    assert sorted(found["script-src"][1:]) == sorted(
        [sha(HELPER_ROOT), sha(HELPER_DEEP), sha(TABS)])
    assert found["script-src"][0] == "'self'"
    assert found == {
        "default-src": ["'self'"], "script-src": found["script-src"],
        "style-src": ["'self'"], "img-src": ["'self'", "data:"], "font-src": ["'self'"],
        "connect-src": ["'self'"], "worker-src": ["'self'"], "frame-src": ["'self'"],
        "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"],
        "frame-ancestors": ["'self'"]}
    assert "'unsafe-inline'" not in str(found) and "'unsafe-eval'" not in str(found)


def test_policy_is_the_same_for_the_same_pages(tiny_site):
    assert policy_of(tiny_site) == policy_of(tiny_site)


def test_style_elements_and_attributes_get_hashes_not_unsafe_inline(tiny_site):
    (tiny_site / "styled.html").write_text(page(
        "<style>.a{color:red}</style>", '<p style="width: 50%">x</p>',
        '<p style="width: &quot;x&quot;">y</p>'), encoding="utf-8")
    styles = directives(policy_of(tiny_site))["style-src"]
    assert styles == ["'self'", sha(".a{color:red}"), "'unsafe-hashes'",
                      *sorted([sha("width: 50%"), sha('width: "x"')])]


@pytest.mark.parametrize("markup", ['<button onclick="go()">Go</button>',
                                    '<a href=" JavaScript:go()">Go</a>',
                                    '<form action="javascript:go()"></form>'])
def test_inline_handlers_and_javascript_urls_stop_the_build(tiny_site, markup):
    (tiny_site / "sub" / "bad.html").write_text(page(markup), encoding="utf-8")
    with pytest.raises(PluginError, match=r"sub/bad\.html"):
        policy_of(tiny_site)


@pytest.mark.parametrize("script", ['<script>alert(1)</script>',
                                    '<script type="module">import "./x.js";</script>',
                                    f"<script>{HELPER_ROOT};alert(1)</script>"])
def test_an_inline_script_not_on_the_list_stops_the_build(tiny_site, script):
    """Only the theme's and the project's own inline scripts are hashed: nothing that reaches
    a page can widen the policy."""
    (tiny_site / "sub" / "bad.html").write_text(page(script), encoding="utf-8")
    with pytest.raises(PluginError, match=r"not on the list(.|\n)*sub/bad\.html: <script>"):
        policy_of(tiny_site)


def test_the_list_names_material_s_templates_that_exist():
    patterns = policy.allowed_inline_scripts()
    assert len(patterns) >= len(policy.MATERIAL_INLINE_SCRIPTS)
    assert any(p.fullmatch(material_script("partials/javascripts/base.html", "../../.."))
               for p in patterns)

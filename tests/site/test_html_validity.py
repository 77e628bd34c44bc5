"""The Nu HTML checker (vnu.jar from npm, on the machine's Java) finds no error in any page."""
import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site):
    if not VNU.is_file() or not shutil.which("java"):
        if os.environ.get("CI") == "true":
            pytest.fail("the Nu HTML checker needs Java and `npm ci` (run `make test`)")
        pytest.skip("the Nu HTML checker needs Java and `npm ci` (run `make test`)")
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only",
                             "--format", "gnu", str(built_site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[:5000]

"""The smartcv spec's JavaScript examples, unchanged, against a live server (node's fetch)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from smartcv.services import api_key_create

pytestmark = pytest.mark.django_db(transaction=True)
SCRIPT = Path(__file__).parent / "data" / "spec_examples.mjs"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is installed by scripts/setup.sh")
def test_spec_javascript_examples_work_unchanged(live_server, make_user, settings):
    from resumes.services import templates_sync

    templates_sync()
    settings.SITE_URL = live_server.url
    user = make_user("jsclient")
    env = {**os.environ, "SMARTCV_URL": live_server.url, "SMARTCV_KEY": api_key_create(user=user).raw}
    run = subprocess.run(["node", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Resume created successfully:" in run.stdout
    results = json.loads(run.stdout.split("RESULTS ", 1)[1])
    assert results["titles"] == ["Software Engineer Resume"]
    assert results["updated"] == {"success": True, "title": "New Resume Title", "status": "PUBLISHED"}
    (download_url,) = results["opened"]
    assert download_url.startswith(live_server.url)
    assert results["shareUrl"].startswith(f"{live_server.url}/share/")
    pdf = subprocess.run(
        [
            "node",
            "-e",
            f"fetch({download_url!r}).then(r => r.arrayBuffer()).then(b => "
            "process.stdout.write(Buffer.from(b).subarray(0, 5).toString()))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert pdf.stdout == "%PDF-"
